package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file is code: Drools runs its {@code then} parts (and {@code eval}s) as Java/MVEL. This check
 * (check {@code unsafe-rule}, an error) lets through only the vocabulary of our rules: Fact
 * patterns and their getters, the functions of {@code RuleFunctions}, {@code support}, {@code refute},
 * {@code need}, {@code insertLogical(new Fact(...))} and the global {@code causesNeeding} (the causes a layer
 * of the stack carries: {@code causesNeeding.refute(drools, "traefik", 0.9)}). Anything else (a Java class such as
 * System, Runtime, ProcessBuilder, Files or Socket, a fully qualified name, {@code drools.}, a
 * {@code function} or {@code global}, another import) is flagged with its line.
 * {@link Knowledge#load} refuses a file with any such place unless it is the bundled copy, and
 * {@code rules check} lists them all.
 */
public final class RuleSafety {
    private RuleSafety() {}

    /** What a rule file may do, said once: the end of every unsafe-rule message. */
    public static final String ALLOWED = "rules may only use facts, RuleFunctions, support, refute, need, "
            + "insertLogical(new Fact(...)) and causesNeeding.refute(...); a rule file is code, and this one could do anything";

    /** One place in a rule file that does more than our rules do. */
    public record Unsafe(int line, String what) {
        public String message() { return "the rule " + what + ": " + ALLOWED; }
    }

    /** A rule file refused at load: every unsafe place in it, each with its line. */
    public static final class UnsafeRuleError extends KnowledgeError {
        private final List<Unsafe> places;

        UnsafeRuleError(String file, List<Unsafe> places) {
            super(file, places.get(0).line(), null, "refusing to load this rule file: the rule " + places.get(0).what()
                    + (places.size() > 1 ? " (and " + (places.size() - 1) + " more place(s); see 'rules check')" : "")
                    + "; " + ALLOWED);
            this.places = List.copyOf(places);
        }

        public List<Unsafe> places() { return places; }
    }

    /** Throw an {@link UnsafeRuleError} when the file does more than our rules do. */
    static void require(String file, String drl) {
        List<Unsafe> places = check(drl);
        if (!places.isEmpty()) throw new UnsafeRuleError(file, places);
    }

    static final Set<String> IMPORTS = Set.of("dev.dokploydoctor.knowledge.Fact", "dev.dokploydoctor.engine.RuleFunctions",
            "dev.dokploydoctor.engine.Need", "dev.dokploydoctor.engine.Evidence",
            "function dev.dokploydoctor.engine.Conclude.support", "function dev.dokploydoctor.engine.Conclude.refute",
            "function dev.dokploydoctor.engine.Conclude.need");

    /** The one global a rule file may declare: which causes need a layer of the stack (their cause.yaml {@code needs:}). */
    static final String GLOBAL = "dev.dokploydoctor.engine.CausesNeeding causesNeeding";

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

    private static final Pattern HEADER = Pattern.compile("(?m)^[ \\t]*(package|import|dialect|function|global|declare|query)\\b([^\\n;]*)");
    private static final Pattern CALL = Pattern.compile("(?<![\\w$.])([A-Za-z_][\\w]*)\\s*\\(");
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$.])([A-Za-z_][\\w]*)\\s*\\.\\s*[A-Za-z_]");
    private static final Pattern NEW = Pattern.compile("\\bnew\\s+([A-Za-z_][\\w.]*)");
    /** The global's calls: {@code causesNeeding.refute(} and {@code causesNeeding.hold(}. */
    private static final Pattern GLOBAL_REFUTE = Pattern.compile("(?<![\\w$.])causesNeeding\\s*\\.\\s*(?:refute|hold)\\s*\\(");
    private static final Pattern RULE_NAME = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+[^\\n]*");

    /** Every place in the file that does more than our rules do, in file order. */
    public static List<Unsafe> check(String drl) {
        List<Unsafe> out = new ArrayList<>();
        String code = blankCommentsAndStrings(drl);
        int[] lineStarts = lineStarts(drl);
        Matcher h = HEADER.matcher(code);
        while (h.find()) {
            String word = h.group(1);
            String rest = h.group(2).strip();
            if (word.equals("package") || word.equals("dialect")) continue;
            if (word.equals("import") && IMPORTS.contains(rest)) continue;
            if (word.equals("global") && rest.replaceAll("\\s+", " ").equals(GLOBAL)) continue;
            flag(out, lineStarts, h.start(), word.equals("import") ? "imports " + rest : "declares a " + word + " (Java code)");
        }
        String body = blank(RULE_NAME, blank(HEADER, code));
        Matcher n = NEW.matcher(body);
        while (n.find()) if (!NEW_OK.contains(n.group(1))) flag(out, lineStarts, n.start(), "creates a " + n.group(1));
        Matcher c = CALL.matcher(body);
        while (c.find()) {
            String name = c.group(1);
            if (!CALLS.contains(name) && !isNew(body, c.start())) flag(out, lineStarts, c.start(), "calls " + name + "(...)");
        }
        Matcher q = QUALIFIED.matcher(blank(GLOBAL_REFUTE, body));
        while (q.find()) {
            if (!QUALIFIERS.contains(q.group(1)) && !Character.isDigit(q.group(1).charAt(0))) {
                flag(out, lineStarts, q.start(), "uses " + q.group(1) + "." + " (a Java class, package or the engine itself)");
            }
        }
        out.sort(java.util.Comparator.comparingInt(Unsafe::line));
        return out;
    }

    /** {@code new Fact(}, {@code new Evidence(}: the constructor call was judged by {@link #NEW}. */
    private static boolean isNew(String body, int at) {
        return body.substring(Math.max(0, at - 8), at).strip().endsWith("new");
    }

    private static void flag(List<Unsafe> out, int[] lineStarts, int offset, String what) {
        int at = java.util.Arrays.binarySearch(lineStarts, offset);
        out.add(new Unsafe(at >= 0 ? at + 1 : -at - 1, what));
    }

    private static int[] lineStarts(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        int[] starts = new int[n];
        for (int i = 0, k = 1; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
        return starts;
    }

    /**
     * The text with comments and string literals blanked (newlines kept), in one pass: a pattern
     * with an alternation under a star would recurse once per character of a long comment.
     */
    static String blankCommentsAndStrings(String text) {
        char[] c = text.toCharArray();
        int n = c.length;
        int i = 0;
        int close = -2; // the next "*/" at or after i, -1 when there is none (searched once per comment)
        while (i < n) {
            int start = i;
            if (close != -1 && close < i) close = text.indexOf("*/", i);
            if (c[i] == '/' && i + 1 < n && c[i + 1] == '/') {
                while (i < n && c[i] != '\n') i++;
            } else if (c[i] == '/' && i + 1 < n && c[i + 1] == '*' && close >= i + 2) {
                i = close + 2;
            } else if (c[i] == '"' || c[i] == '\'') {
                char quote = c[i++];
                while (i < n && c[i] != quote && c[i] != '\n') i += c[i] == '\\' && i + 1 < n && c[i + 1] != '\n' ? 2 : 1;
                if (i >= n || c[i] != quote) continue; // not closed on its line: the rest of the line stays code (and is checked)
                i++;
            } else {
                i++;
                continue;
            }
            for (int k = start; k < i; k++) if (c[k] != '\n') c[k] = ' ';
        }
        return new String(c);
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
