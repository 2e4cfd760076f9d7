package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Knowledge;
import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.consequence.Consequence;
import org.drools.core.rule.consequence.KnowledgeHelper;
import org.drools.util.StringUtils;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Then-blocks that only conclude ({@code support(drools, 0.8);}, {@code refute(drools, "cause", 0.6);},
 * {@code need(drools, "key", "why");}: nearly every rule) run as direct calls of {@link Conclude}
 * instead of through MVEL, which interprets each call by reflection: a third of the rules' firing
 * (bench/README.md, Round 10, perf10). The calls are read from the rule's DRL text and must be
 * nothing but those statements with literal arguments that cannot fail (a certainty in (0, 1], a
 * rule named after its cause when the call does not name one); any other then-block, a user's
 * rule that errs included, stays with MVEL, so its behaviour and its error message are Drools'.
 */
final class DirectConsequences {
    private DirectConsequences() {}

    private static final String NAME = "(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')";
    /** A rule with a quoted name, at the start of a line, to the first line that starts with end. */
    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s*" + NAME + "(.*?)^\\s*end\\b");
    /** Any rule header, quoted or not, wherever it is: counting one too many only leaves a rule with MVEL. */
    private static final Pattern HEADER = Pattern.compile("(?i)\\brule(?:\\s*" + NAME + "|\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*))");
    /** A DRL file's package statement, which must come first. */
    private static final Pattern PACKAGE = Pattern.compile("\\A\\s*package\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*)\\s*[;\\n]");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    private static final Pattern TOKEN = Pattern.compile("\\s*(?:([A-Za-z_][A-Za-z0-9_]*)|\"([^\"\\\\\\n]*)\"|(\\d+(?:\\.\\d+)?)(?![\\w.])|([(),;+.]))");

    /** A rule as Drools knows it: its package and its name. */
    record Key(String pkg, String name) {}

    /**
     * Replaces the consequences of the rules of {@code kieBase} that only conclude; returns how many. A rule
     * concludes directly only when the DRL text holds exactly one rule of its package and name (the one
     * whose then-block was read) and the KieBase one; anything else stays with MVEL.
     */
    static int install(KieBase kieBase, Knowledge knowledge) {
        Map<RuleImpl, List<Call>> replaceable = replaceable(kieBase, knowledge);
        replaceable.forEach((rule, calls) -> rule.setConsequence(new Direct(calls)));
        return replaceable.size();
    }

    /** The rules of {@code kieBase} that {@link #install} would make conclude directly, by package and name. */
    static Set<Key> replaceableKeys(KieBase kieBase, Knowledge knowledge) {
        Set<Key> keys = new HashSet<>();
        for (RuleImpl rule : replaceable(kieBase, knowledge).keySet()) keys.add(new Key(rule.getPackageName(), rule.getName()));
        return keys;
    }

    private static Map<RuleImpl, List<Call>> replaceable(KieBase kieBase, Knowledge knowledge) {
        Map<Key, List<Call>> byRule = read(knowledge);
        Map<Key, Integer> inKieBase = new HashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) for (Rule r : p.getRules()) inKieBase.merge(new Key(p.getName(), r.getName()), 1, Integer::sum);
        Map<RuleImpl, List<Call>> out = new HashMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                Key key = new Key(p.getName(), r.getName());
                List<Call> calls = byRule.get(key);
                if (calls == null || inKieBase.get(key) != 1 || !(r instanceof RuleImpl rule) || rule.hasNamedConsequences()) continue;
                Consequence<?> current = rule.getConsequence();
                if (current == null || current instanceof Direct) continue;
                if (!current.getClass().getName().equals("org.drools.mvel.expr.MVELConsequence")) continue; // the Java dialect's own classes are fast
                out.put(rule, calls);
            }
        }
        return out;
    }

    /**
     * The DRL of {@code knowledge} with the then-blocks of {@code rules} empty (their line breaks kept, so every
     * line keeps its number) and no comments, for the rule base the build stores ({@link PrebuiltRules#write}):
     * MVEL compiles every then-block as the stored packages are read at each start, only for {@link #install}
     * to replace these; an empty one costs it the least. Other files are returned as they are.
     */
    static Map<String, Knowledge.RuleSource> withThenBlocksEmptied(Knowledge knowledge, Set<Key> rules) {
        Map<String, Knowledge.RuleSource> out = new LinkedHashMap<>();
        for (Map.Entry<String, Knowledge.RuleSource> e : knowledge.ruleSources().entrySet()) {
            Knowledge.RuleSource src = e.getValue();
            RuleFile file = RuleFile.of(src);
            String text = file.text();
            StringBuilder emptied = new StringBuilder();
            int at = 0;
            for (ThenBlock then : file.thenBlocks()) {
                if (!rules.contains(then.rule())) continue;
                emptied.append(text, at, then.from()).append(text.substring(then.from(), then.to()).replaceAll("[^\\n]", ""));
                at = then.to();
            }
            out.put(e.getKey(), at == 0 ? src : new Knowledge.RuleSource(src.name(), src.displayPath(), emptied.append(text, at, text.length()).toString()));
        }
        return out;
    }

    /**
     * Each rule's calls, by package and name, for the rules whose then-block is nothing else and whose
     * package and name the text holds once. A name in a file whose package statement is not read is
     * left out in every package.
     */
    static Map<Key, List<Call>> read(Knowledge knowledge) {
        Map<Key, List<Call>> out = new HashMap<>();
        Map<Key, Integer> headers = new HashMap<>();
        Set<String> unsure = new HashSet<>();
        CausesNeeding needing = new CausesNeeding(knowledge.causes().values());
        for (Knowledge.RuleSource src : knowledge.ruleSources().values()) {
            RuleFile file = RuleFile.of(src);
            Matcher header = HEADER.matcher(file.text());
            while (header.find()) {
                String name = header.group(1) != null ? name(header.group(1)) : header.group(2);
                if (file.pkg() == null) unsure.add(name);
                else headers.merge(new Key(file.pkg(), name), 1, Integer::sum);
            }
            for (ThenBlock then : file.thenBlocks()) {
                List<Call> calls = calls(then.rule().name(), file.text().substring(then.from(), then.to()), needing);
                if (calls != null) out.put(then.rule(), calls);
            }
        }
        out.keySet().removeIf(key -> headers.getOrDefault(key, 0) != 1 || unsure.contains(key.name()));
        return out;
    }

    /** A rule's then-block in its file's text without comments: the rule, and where the block's statements start and end. */
    private record ThenBlock(Key rule, int from, int to) {}

    /**
     * One DRL file as both {@link #read} and {@link #withThenBlocksEmptied} walk it: its text without comments,
     * its package (null when its package statement is not read) and, in a file with a package, the then-block
     * of each rule with a quoted name that has one, in order.
     */
    private record RuleFile(String text, String pkg, List<ThenBlock> thenBlocks) {
        static RuleFile of(Knowledge.RuleSource src) {
            String text = AnswerSpace.withoutComments(src.text());
            Matcher pkg = PACKAGE.matcher(text);
            String in = pkg.find() ? pkg.group(1) : null;
            List<ThenBlock> blocks = new ArrayList<>();
            Matcher rule = RULE.matcher(text);
            while (in != null && rule.find()) {
                Matcher then = THEN.matcher(text).region(rule.start(2), rule.end(2));
                if (then.find()) blocks.add(new ThenBlock(new Key(in, name(rule.group(1))), then.end(), rule.end(2)));
            }
            return new RuleFile(text, in, blocks);
        }
    }

    /** A quoted rule name as Drools reads it: without its quotes, its escapes resolved (as written, when they do not resolve). */
    private static String name(String quoted) {
        String inside = quoted.substring(1, quoted.length() - 1);
        try {
            return StringUtils.unescapeJava(inside);
        } catch (RuntimeException notAName) { // Drools would refuse it as a rule's name: text in a string, say
            return quoted;
        }
    }

    /** The statements of a then-block as calls, or null when it holds anything else. */
    static List<Call> calls(String rule, String then) { return calls(rule, then, new CausesNeeding(List.of())); }

    /**
     * The same, with {@code causesNeeding.refute(drools, "layer", cf)} read as one refutation per cause that needs the
     * layer ({@link CausesNeeding#refute}, which the MVEL form calls): the causes are the knowledge's, fixed at install.
     */
    static List<Call> calls(String rule, String then, CausesNeeding needing) {
        List<Object> tokens = tokens(then);
        if (tokens == null) return null;
        List<Call> calls = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            // [causesNeeding .] NAME ( drools , arg [, arg]* ) ;   with arg a number or "string" [+ "string"]*
            boolean layer = tokens.get(i) instanceof Name g && g.text.equals(CausesNeeding.GLOBAL) && is(tokens, i + 1, ".");
            if (layer) i += 2;
            if (i + 2 >= tokens.size() || !(tokens.get(i) instanceof Name verb) || !is(tokens, i + 1, "(") || !(tokens.get(i + 2) instanceof Name d)
                    || !d.text.equals("drools")) return null;
            if (layer && !verb.text.equals("refute") && !verb.text.equals("hold")) return null;
            i += 3;
            List<Object> args = new ArrayList<>();
            while (is(tokens, i, ",")) {
                i++;
                if (i >= tokens.size()) return null;
                Object arg = tokens.get(i++);
                if (arg instanceof String s) {
                    StringBuilder joined = new StringBuilder(s);
                    while (is(tokens, i, "+") && i + 1 < tokens.size() && tokens.get(i + 1) instanceof String more) {
                        joined.append(more);
                        i += 2;
                    }
                    args.add(joined.toString());
                } else if (arg instanceof Double) {
                    args.add(arg);
                } else {
                    return null;
                }
            }
            if (!is(tokens, i, ")") || !is(tokens, i + 1, ";")) return null;
            i += 2;
            if (layer && verb.text.equals("hold")) {
                if (args.size() != 1 || !(args.get(0) instanceof String name)) return null;
                calls.addAll(needing.holds(name));
                continue;
            }
            if (layer) {
                if (args.size() != 2 || !(args.get(0) instanceof String name) || !(args.get(1) instanceof Double cf) || !(cf > 0 && cf <= 1)) return null;
                calls.addAll(needing.refutations(name, cf));
                continue;
            }
            Call call = Call.of(rule, verb.text, args);
            if (call == null) return null;
            calls.add(call);
        }
        return calls.isEmpty() ? null : calls;
    }

    private static boolean is(List<Object> tokens, int i, String punct) {
        return i < tokens.size() && tokens.get(i) instanceof Punct p && p.text.equals(punct);
    }

    private record Name(String text) {}
    private record Punct(String text) {}

    /** Names, strings (without escapes), numbers (as Double) and punctuation; null at anything else. */
    private static List<Object> tokens(String text) {
        List<Object> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) break;
            if (!m.find(at) || m.start() != at) return null;
            if (m.group(1) != null) out.add(new Name(m.group(1)));
            else if (m.group(2) != null) out.add(m.group(2));
            else if (m.group(3) != null) out.add(Double.valueOf(m.group(3)));
            else out.add(new Punct(m.group(4)));
            at = m.end();
        }
        return out;
    }

    /** One statement: Conclude's call with its arguments fixed (the rule's own cause read from its name once). */
    record Call(String verb, String cause, String key, String why, double cf) {
        static Call of(String rule, String verb, List<Object> args) {
            String own = Conclude.causeOf(rule);
            List<Class<?>> types = new ArrayList<>();
            for (Object a : args) types.add(a.getClass());
            switch (verb) {
                case "support", "refute" -> {
                    double cf;
                    String cause;
                    if (types.equals(List.of(Double.class))) {
                        cause = own;
                        cf = (Double) args.get(0);
                    } else if (types.equals(List.of(String.class, Double.class))) {
                        cause = (String) args.get(0);
                        cf = (Double) args.get(1);
                    } else {
                        return null;
                    }
                    // what Conclude would refuse stays with MVEL, which reports it as Drools does
                    return cause != null && cf > 0 && cf <= 1 ? new Call(verb, cause, null, null, cf) : null;
                }
                case "need" -> {
                    if (types.equals(List.of(String.class, String.class)) && own != null) {
                        return new Call(verb, own, (String) args.get(0), (String) args.get(1), 0);
                    }
                    if (types.equals(List.of(String.class, String.class, String.class))) {
                        return new Call(verb, (String) args.get(1), (String) args.get(0), (String) args.get(2), 0);
                    }
                    return null;
                }
                default -> {
                    return null;
                }
            }
        }

        void run(KnowledgeHelper drools) {
            switch (verb) {
                case "support" -> Conclude.support(drools, cause, cf);
                case "refute" -> Conclude.refute(drools, cause, cf);
                case "hold" -> Conclude.hold(drools, cause);
                default -> Conclude.need(drools, key, cause, why);
            }
        }
    }

    /** A then-block as its calls. */
    static final class Direct implements Consequence<KnowledgeHelper> {
        private final Call[] calls;

        Direct(List<Call> calls) { this.calls = calls.toArray(new Call[0]); }

        @Override public String getName() { return RuleImpl.DEFAULT_CONSEQUENCE_NAME; }

        @Override public void evaluate(KnowledgeHelper drools, ValueResolver resolver) {
            for (Call c : calls) c.run(drools);
        }
    }
}
