package dev.dokploydoctor.authoring;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file is code: Drools runs its {@code then} parts (and {@code eval}s) as Java/MVEL. This check
 * (check {@code unsafe-rule}, an error) lets through only the vocabulary of our rules: Fact
 * patterns and their getters, the functions of {@code RuleFunctions}, {@code support}, {@code refute},
 * {@code need} and {@code insertLogical(new Fact(...))}. Anything else (a Java class such as
 * System, Runtime, ProcessBuilder, Files or Socket, a fully qualified name, {@code drools.}, a
 * {@code function} or {@code global}, another import) is flagged with its line.
 */
final class RuleSafety {
    private RuleSafety() {}

    static final Set<String> IMPORTS = Set.of("dev.dokploydoctor.knowledge.Fact", "dev.dokploydoctor.engine.RuleFunctions",
            "dev.dokploydoctor.engine.Need", "dev.dokploydoctor.engine.Evidence",
            "function dev.dokploydoctor.engine.Conclude.support", "function dev.dokploydoctor.engine.Conclude.refute",
            "function dev.dokploydoctor.engine.Conclude.need");

    /** Calls a rule may make: DRL's own words, our functions, Fact's getters, RuleFunctions' functions. */
    static final Set<String> CALLS = Set.of("support", "refute", "need", "insertLogical", "eval", "not", "exists", "forall", "in",
            "accumulate", "collect", "count", "sum", "min", "max", "average", "collectList", "collectSet",
            "Fact", "Need", "Evidence", "getText", "getList", "getLower", "getNum", "getFlag", "getSize", "getKey", "getValue",
            "getSource", "getEvidence", "isTrue", "isFalse", "has",
            "overlap", "isLoopback", "versionAtLeast", "compareVersions", "traefikSupportsDocker29", "isVersion");

    /** Names a rule may qualify with a dot: its own $variables, Fact's constants, RuleFunctions. */
    static final Set<String> QUALIFIERS = Set.of("Fact", "RuleFunctions");

    /** What a then part may create: a derived Fact, or (the older form) Evidence and Need. */
    static final Set<String> NEW_OK = Set.of("Fact", "Evidence", "Need");

    private static final Pattern COMMENT_OR_STRING = Pattern.compile("//[^\\n]*|/\\*(?:[^*]|\\*(?!/))*\\*/|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*'");
    private static final Pattern HEADER = Pattern.compile("(?m)^\\s*(package|import|dialect|function|global|declare|query)\\b([^\\n;]*)");
    private static final Pattern CALL = Pattern.compile("(?<![\\w$.])([A-Za-z_][\\w]*)\\s*\\(");
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$.])([A-Za-z_][\\w]*)\\s*\\.\\s*[A-Za-z_]");
    private static final Pattern NEW = Pattern.compile("\\bnew\\s+([A-Za-z_][\\w.]*)");
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^\\s*rule\\s+[^\\n]*");

    static void check(String file, String drl, List<Finding> out) {
        String code = blank(COMMENT_OR_STRING, drl);
        Matcher h = HEADER.matcher(code);
        while (h.find()) {
            String word = h.group(1);
            String rest = h.group(2).strip();
            if (word.equals("package") || word.equals("dialect")) continue;
            if (word.equals("import") && IMPORTS.contains(rest)) continue;
            flag(out, file, drl, h.start(), word.equals("import") ? "imports " + rest : "declares a " + word + " (Java code)");
        }
        String body = blank(RULE_NAME, blank(HEADER, code));
        Matcher n = NEW.matcher(body);
        while (n.find()) if (!NEW_OK.contains(n.group(1))) flag(out, file, drl, n.start(), "creates a " + n.group(1));
        Matcher c = CALL.matcher(body);
        while (c.find()) {
            String name = c.group(1);
            if (!CALLS.contains(name) && !isNew(body, c.start())) flag(out, file, drl, c.start(), "calls " + name + "(...)");
        }
        Matcher q = QUALIFIED.matcher(body);
        while (q.find()) {
            if (!QUALIFIERS.contains(q.group(1)) && !Character.isDigit(q.group(1).charAt(0))) {
                flag(out, file, drl, q.start(), "uses " + q.group(1) + "." + " (a Java class, package or the engine itself)");
            }
        }
    }

    /** {@code new Fact(}, {@code new Evidence(}: the constructor call was judged by {@link #NEW}. */
    private static boolean isNew(String body, int at) {
        return body.substring(Math.max(0, at - 8), at).strip().endsWith("new");
    }

    private static void flag(List<Finding> out, String file, String drl, int offset, String what) {
        int line = 1;
        for (int i = 0; i < offset && i < drl.length(); i++) if (drl.charAt(i) == '\n') line++;
        out.add(Finding.error("unsafe-rule", file, line, "the rule " + what + ": rules may only use facts, RuleFunctions, "
                + "support, refute, need and insertLogical(new Fact(...)); a rule file is code, and this one could do anything"));
    }

    /** The text with every match replaced by spaces (newlines kept), so offsets and lines stay right. */
    private static String blank(Pattern p, String text) {
        Matcher m = p.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        int last = 0;
        while (m.find()) {
            sb.append(text, last, m.start());
            for (int i = m.start(); i < m.end(); i++) sb.append(text.charAt(i) == '\n' ? '\n' : ' ');
            last = m.end();
        }
        return sb.append(text.substring(last)).toString();
    }
}
