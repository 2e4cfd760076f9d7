package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import dev.dokploydoctor.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers a question can get, as far as the rules can tell them apart: yes/no, an enum's
 * values, and for numbers, text and lists the literals the rules' conditions compare with (for a
 * {@code matches} pattern, the shortest string it accepts: {@link PatternExample}), plus one value
 * that matches none of them ("something else"). Read from the DRL text, so a rule added as
 * data widens the space without code. Also the causes the rules can conclude (the hypotheses).
 */
public final class AnswerSpace {
    /** A number, text or list item that no rule compares with: what "something else" is simulated as. */
    public static final long OTHER_NUMBER = 0;
    public static final String OTHER_TEXT = "(something else)";

    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\b");
    private static final Pattern FACT_START = Pattern.compile("Fact\\s*\\(\\s*key\\s*==\\s*\"([a-z0-9_.]+)\"");
    private static final Pattern NUM_COMPARE = Pattern.compile("num\\s*(==|>=|<=|>|<|!=)\\s*(-?\\d+)");
    private static final Pattern IN_LIST = Pattern.compile("(num|text|lower)\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern TEXT_EQUALS = Pattern.compile("(?:text|lower)\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern TEXT_MATCHES = Pattern.compile("(?:text|lower)\\s+matches\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern LIST_CONTAINS = Pattern.compile("list\\s+contains\\s+\"([^\"]*)\"");
    private static final Pattern VERSION_AT_LEAST = Pattern.compile("versionAtLeast\\s*\\(\\s*text\\s*,\\s*\"([^\"]*)\"");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern EVIDENCE = Pattern.compile("(?:new\\s+Evidence|\\bsupport|\\brefute)\\s*\\(\\s*drools\\s*,\\s*\"([a-z0-9-]+)\"");
    /** A stack rule's refutation of every cause that needs a layer ({@link CausesNeeding}). */
    private static final Pattern NEEDING = Pattern.compile("\\bcausesNeeding\\s*\\.\\s*(?:refute|hold)\\s*\\(\\s*drools\\s*,\\s*\"([a-z0-9-]+)\"");
    private static final Pattern OWN_EVIDENCE = Pattern.compile("\\b(?:support|refute|need)\\s*\\(\\s*drools\\s*,");
    private static final Pattern FACT = Pattern.compile("(\\bnot\\s+)?Fact\\s*\\(\\s*key\\s*==\\s*\"([a-z0-9_.]+)\"");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");

    private final Map<String, Set<Object>> literals = new LinkedHashMap<>();
    private final Set<String> causes = new LinkedHashSet<>();
    /** For each cause, the keys its rules require to be absent or different ({@code not Fact(key == ...)}). */
    private final Map<String, Set<String>> guardsOfCause = new LinkedHashMap<>();
    /** For each tested key, the causes of the rules that test it. */
    private final Map<String, Set<String>> causesOfKey = new LinkedHashMap<>();
    /** For each rule, by name, the keys its conditions test for presence (not those under {@code not}). */
    private final Map<String, Set<String>> testedKeysOfRule = new java.util.HashMap<>();
    /** For each rule, by name, the keys it requires absent or different ({@code not Fact(key == ...)}): its exceptions. */
    private final Map<String, Set<String>> exceptionKeysOfRule = new java.util.HashMap<>();

    private AnswerSpace() {}

    public static AnswerSpace of(Knowledge knowledge) {
        AnswerSpace space = new AnswerSpace();
        space.causes.addAll(knowledge.causes().keySet());
        CausesNeeding needing = new CausesNeeding(knowledge.causes().values());
        for (Knowledge.RuleSource src : knowledge.ruleSources().values()) {
            Matcher rule = RULE.matcher(withoutComments(src.text()));
            while (rule.find()) {
                String body = rule.group(2);
                Matcher then = THEN.matcher(body);
                boolean hasThen = then.find();
                String when = hasThen ? body.substring(0, then.start()) : body;
                Set<String> keys = space.readConditions(when);
                String consequence = hasThen ? body.substring(then.end()) : "";
                Set<String> guards = new LinkedHashSet<>();   // required absent: not Fact(key == ...)
                Set<String> tested = new LinkedHashSet<>();   // tested for presence
                Matcher fact = FACT.matcher(when);
                while (fact.find()) (fact.group(1) == null ? tested : guards).add(fact.group(2));
                space.testedKeysOfRule.put(rule.group(1), tested);
                if (!guards.isEmpty()) space.exceptionKeysOfRule.put(rule.group(1), guards);
                for (String cause : causesOf(rule.group(1), consequence, knowledge, needing)) {
                    space.causes.add(cause);
                    for (String k : keys) space.causesOfKey.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(cause);
                    space.guardsOfCause.computeIfAbsent(cause, x -> new LinkedHashSet<>()).addAll(guards);
                }
            }
        }
        return space;
    }

    /**
     * The causes a rule judges: those it names ({@code support(drools, "cause", cf)}, {@code new
     * Evidence(drools, "cause", ...)}), else its own, the cause id its name starts with, when it
     * supports, refutes or needs anything ({@code support(drools, cf)}, see {@link Conclude}); a stack rule's
     * {@code causesNeeding.refute(drools, "traefik", cf)} judges the causes whose cause.yaml needs that layer.
     */
    private static Set<String> causesOf(String name, String consequence, Knowledge knowledge, CausesNeeding needing) {
        Set<String> out = new LinkedHashSet<>();
        Matcher named = EVIDENCE.matcher(consequence);
        while (named.find()) out.add(named.group(1));
        Matcher layer = NEEDING.matcher(consequence);
        while (layer.find()) out.addAll(needing.of(layer.group(1)));
        int colon = name.indexOf(':');
        String own = colon < 0 ? null : name.substring(0, colon).strip();
        if (out.isEmpty() && own != null && knowledge.causes().containsKey(own) && OWN_EVIDENCE.matcher(consequence).find()) out.add(own);
        return out;
    }

    private Set<String> readConditions(String when) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher f = FACT_START.matcher(when);
        while (f.find()) {
            String key = f.group(1);
            keys.add(key);
            String constraints = balanced(when, f.end());
            Set<Object> values = literals.computeIfAbsent(key, k -> new LinkedHashSet<>());
            Matcher m = NUM_COMPARE.matcher(constraints);
            while (m.find()) {
                long n = Long.parseLong(m.group(2));
                values.add(switch (m.group(1)) {
                    case ">" -> n + 1;
                    case "<" -> n - 1;
                    default -> n;
                });
            }
            m = IN_LIST.matcher(constraints);
            while (m.find()) {
                Matcher item = m.group(1).equals("num") ? NUMBER.matcher(m.group(2)) : QUOTED.matcher(m.group(2));
                while (item.find()) values.add(m.group(1).equals("num") ? (Object) Long.parseLong(item.group()) : item.group(1));
            }
            m = TEXT_EQUALS.matcher(constraints);
            while (m.find()) values.add(m.group(1));
            m = TEXT_MATCHES.matcher(constraints);
            while (m.find()) {
                // a DRL string literal: \\. in the file is the regex \.
                String example = PatternExample.of(m.group(1).replace("\\\\", "\\").replace("\\\"", "\""));
                if (example != null) values.add(example);
            }
            m = LIST_CONTAINS.matcher(constraints);
            while (m.find()) values.add(m.group(1));
            if (constraints.contains("isLoopback(")) values.add("127.0.0.1");
            // a version compared with a minimum: the minimum and one just below it, so that a question
            // whose answer a version rule reads ("which Docker API version?") has two answers it tells
            // apart (user17 uf13: with no literal the Docker API version was never asked)
            m = VERSION_AT_LEAST.matcher(constraints);
            while (m.find()) addBothSides(values, m.group(1));
            if (constraints.contains("traefikSupportsDocker29(")) addBothSides(values, RuleFunctions.TRAEFIK_NEGOTIATES_DOCKER_API);
        }
        return keys;
    }

    /** {@code minimum} and the version just below it (1.52 and 1.51; 0.30.0 and 0.29.99). */
    private static void addBothSides(Set<Object> values, String minimum) {
        values.add(minimum);
        String below = versionBelow(minimum);
        if (below != null) values.add(below);
    }

    /** The version just below {@code v}: its last non-zero part less one, the parts after it 99; null for 0 or no number. */
    static String versionBelow(String v) {
        String[] parts = v.split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            int n;
            try { n = Integer.parseInt(parts[i]); } catch (NumberFormatException e) { return null; }
            if (n == 0) continue;
            StringBuilder out = new StringBuilder();
            for (int j = 0; j < parts.length; j++) {
                if (j > 0) out.append('.');
                out.append(j < i ? parts[j] : j == i ? String.valueOf(n - 1) : "99");
            }
            return out.toString();
        }
        return null;
    }

    /**
     * DRL text without its comments, as Drools' lexer reads them: {@code //} to the end of the line and
     * {@code /* ... *}{@code /}, but not inside a "..." or '...' string ("https://..."). A block comment
     * keeps its line breaks, so what follows keeps its line.
     */
    static String withoutComments(String drl) {
        // copies the runs between quotes and slashes whole: read at every start (twice: the answer space and
        // the direct consequences), a loop over each character of the ~170 KB of DRL was ~14 % of the rule
        // loader's CPU before the first question, still interpreted then (bench/README.md, Round 11)
        int n = drl.length();
        StringBuilder out = new StringBuilder(n);
        // the next '/', '"', '\'' and backslash at or after where they were looked for (n: none), found again once passed
        int slash = -1, dq = -1, sq = -1, back = -1;
        int i = 0;
        while (i < n) {
            if (slash < i) slash = nextOf(drl, '/', i);
            if (dq < i) dq = nextOf(drl, '"', i);
            if (sq < i) sq = nextOf(drl, '\'', i);
            int at = Math.min(slash, Math.min(dq, sq));
            out.append(drl, i, at);
            if (at == n) break;
            char c = drl.charAt(at);
            if (c != '/') {                                  // a string: to its closing quote, a backslash escaping the next character
                int to = n;
                for (int j = at + 1; ; ) {
                    int q = nextOf(drl, c, j);
                    if (back < j) back = nextOf(drl, '\\', j);
                    if (q == n) break;
                    if (back > q) { to = q + 1; break; }
                    if (back + 1 >= n) break;
                    j = back + 2;
                }
                out.append(drl, at, to);
                i = to;
            } else if (drl.startsWith("//", at)) {           // to the end of the line, which stays
                int nl = drl.indexOf('\n', at);
                if (nl < 0) break;
                out.append('\n');
                i = nl + 1;
            } else if (drl.startsWith("/*", at)) {           // one space, and its line breaks
                int close = drl.indexOf("*/", at + 2);
                int to = close < 0 ? n : close + 2;
                out.append(' ');
                for (int nl = drl.indexOf('\n', at); nl >= 0 && nl < to; nl = drl.indexOf('\n', nl + 1)) out.append('\n');
                i = to;
            } else {
                out.append('/');
                i = at + 1;
            }
        }
        return out.toString();
    }

    private static int nextOf(String s, char c, int from) {
        int at = s.indexOf(c, from);
        return at < 0 ? s.length() : at;
    }

    /** The constraints of a {@code Fact(...)} pattern: the text up to its closing parenthesis. */
    private static String balanced(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return s.substring(from, i);
        }
        return s.substring(from);
    }

    /** Fact keys some rule's condition tests. */
    public Set<String> testedKeys() { return literals.keySet(); }

    /** The causes whose rules test {@code key}. */
    public Set<String> causesOf(String key) { return causesOfKey.getOrDefault(key, Set.of()); }

    /** The fact keys the rules of {@code cause} test, in the order the rules were read. */
    public Set<String> keysOf(String cause) {
        Set<String> out = new LinkedHashSet<>();
        causesOfKey.forEach((key, causes) -> { if (causes.contains(cause)) out.add(key); });
        return out;
    }

    /**
     * The facts whose presence a rule of {@code cause} excludes ({@code not Fact(...)}): the rule's own
     * word on what would tell the cause from a look-alike (an origin TLS error is not an unreachable origin).
     */
    public Set<String> guardsOf(String cause) { return guardsOfCause.getOrDefault(cause, Set.of()); }

    /**
     * Keys the rule table by the very strings {@code names} holds (the rule base's own names, which every
     * Evidence and Need carries): a lookup then finds its key by identity instead of comparing two copies
     * of a long rule name character by character (~3 % of a batch with questions, run on C1: Round 15).
     */
    AnswerSpace sharingNames(Iterable<String> names) {
        for (String name : names) {
            Set<String> tested = testedKeysOfRule.remove(name);
            if (tested != null) testedKeysOfRule.put(name, tested);
            Set<String> exceptions = exceptionKeysOfRule.remove(name);
            if (exceptions != null) exceptionKeysOfRule.put(name, exceptions);
        }
        return this;
    }

    /** The keys rule {@code rule} tests for presence, outside {@code not} ({@link Observations}). */
    Set<String> testedKeysOf(String rule) { return testedKeysOfRule.getOrDefault(rule, Set.of()); }

    /** The keys rule {@code rule} requires absent or different ({@code not Fact(key == ...)}): the exceptions it names. */
    Set<String> exceptionKeysOf(String rule) { return exceptionKeysOfRule.getOrDefault(rule, Set.of()); }

    /** Cause ids: every cause file and every cause a rule gives evidence for. */
    public Set<String> causes() { return causes; }

    /**
     * The answers of {@code spec} worth simulating, typed; empty when the rules cannot tell two of
     * them apart (text nobody compares with).
     */
    public List<Object> values(FactSpec spec) {
        Set<Object> lits = literals.getOrDefault(spec.key(), Set.of());
        List<Object> out = new ArrayList<>();
        switch (spec.type()) {
            case BOOL -> out.addAll(List.of(Boolean.TRUE, Boolean.FALSE));
            case ENUM -> out.addAll(spec.values());
            case INT -> {
                for (Object o : lits) if (o instanceof Long && !out.contains(o)) out.add(o);
                if (!out.isEmpty() && !out.contains(OTHER_NUMBER)) out.add(OTHER_NUMBER);
            }
            case STRING -> {
                for (Object o : lits) if (o instanceof String) out.add(o);
                if (!out.isEmpty()) out.add(OTHER_TEXT);
            }
            case LIST -> {
                for (Object o : lits) if (o instanceof String s) out.add(List.of(s));
                if (!out.isEmpty()) out.add(List.of(OTHER_TEXT));
            }
        }
        return out.size() >= 2 || spec.type() == FactType.ENUM ? out : List.of();
    }
}
