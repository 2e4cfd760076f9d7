package dev.dokploydoctor.knowledge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a text tells which catalog patterns can match it: each pattern's required literals
 * (a set of strings one of which every match contains, found by {@link #requiredLiterals}) go into
 * one Aho-Corasick automaton; a pattern whose literals do not occur in the text is not run. A
 * pattern with no literal of 3 characters or more always runs. Literals and text are compared in
 * lower case, so the filter holds for case-insensitive and case-sensitive patterns alike.
 *
 * <p>Our own automaton (about a hundred lines) rather than a library: the one on Maven Central
 * (org.ahocorasick) builds Emit objects per hit and walks a Character-keyed map per state; here a
 * hit is a bit in a boolean array and the states are sorted char arrays.
 */
public final class Prefilter {
    /**
     * Literals shorter than this make a pattern "always run". Two characters still filter well when
     * they are rare ("*.", "HTTP 50" gives "50"...), and a filter is never wrong, only weaker.
     */
    static final int MIN_LITERAL = 2;
    /** A character class of up to this many characters is a set of literals ([0-9] is ten). */
    private static final int MAX_CLASS = 10;

    private final boolean[] always;
    // automaton
    private final char[][] edges;   // per state: sorted chars
    private final int[][] targets;  // per state: target states
    private final int[] fail;
    private final int[][] outputs;  // per state: pattern indexes (own and by suffix)
    private final int[] rootAscii = new int[128]; // the start state's edges for ASCII: most characters of a text are read there

    public Prefilter(List<String> patterns) {
        int n = patterns.size();
        always = new boolean[n];
        List<Map<Character, Integer>> go = new ArrayList<>();
        List<Set<Integer>> out = new ArrayList<>();
        go.add(new HashMap<>());
        out.add(new LinkedHashSet<>());
        for (int p = 0; p < n; p++) {
            Set<String> lits = requiredLiterals(patterns.get(p));
            if (lits == null) { always[p] = true; continue; }
            for (String lit : lits) {
                int s = 0;
                for (int i = 0; i < lit.length(); i++) {
                    char c = lit.charAt(i);
                    Integer t = go.get(s).get(c);
                    if (t == null) {
                        t = go.size();
                        go.add(new HashMap<>());
                        out.add(new LinkedHashSet<>());
                        go.get(s).put(c, t);
                    }
                    s = t;
                }
                out.get(s).add(p);
            }
        }
        int states = go.size();
        edges = new char[states][];
        targets = new int[states][];
        for (int s = 0; s < states; s++) {
            Character[] cs = go.get(s).keySet().toArray(new Character[0]);
            Arrays.sort(cs);
            edges[s] = new char[cs.length];
            targets[s] = new int[cs.length];
            for (int i = 0; i < cs.length; i++) { edges[s][i] = cs[i]; targets[s][i] = go.get(s).get(cs[i]); }
        }
        for (int c = 0; c < 128; c++) rootAscii[c] = lookup(0, (char) c);
        fail = new int[states];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int t : targets[0]) { fail[t] = 0; queue.add(t); }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int i = 0; i < edges[s].length; i++) {
                char c = edges[s][i];
                int t = targets[s][i];
                int f = fail[s];
                while (f != 0 && next(f, c) < 0) f = fail[f];
                int ft = next(f, c);
                fail[t] = ft >= 0 && ft != t ? ft : 0;
                out.get(t).addAll(out.get(fail[t]));
                queue.add(t);
            }
        }
        outputs = new int[states][];
        for (int s = 0; s < states; s++) outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
    }

    private int next(int s, char c) {
        if (s == 0 && c < 128) return rootAscii[c];
        return lookup(s, c);
    }

    private int lookup(int s, char c) {
        int i = Arrays.binarySearch(edges[s], c);
        return i >= 0 ? targets[s][i] : -1;
    }

    /** Which patterns may match {@code lower} (a lower-cased text): one pass, linear in the text. */
    public boolean[] candidates(String lower) {
        boolean[] hit = always.clone();
        int s = 0;
        for (int i = 0, n = lower.length(); i < n; i++) {
            char c = lower.charAt(i);
            int t;
            while ((t = next(s, c)) < 0 && s != 0) s = fail[s];
            s = t < 0 ? 0 : t;
            for (int p : outputs[s]) hit[p] = true;
        }
        return hit;
    }

    public boolean alwaysRuns(int pattern) { return always[pattern]; }

    // ---- required literals of a regular expression ----

    /**
     * Lower-case strings at least one of which occurs in every match of {@code regex}, or null when
     * no such set of strings of {@link #MIN_LITERAL}+ characters is known. Conservative: a construct
     * it does not understand counts as "anything", which only makes the set smaller or null.
     */
    public static Set<String> requiredLiterals(String regex) {
        try {
            Parser p = new Parser(regex);
            Info info = p.alternation();
            if (p.pos != regex.length()) return null;
            Set<String> best = info.best();
            if (best == null || minLength(best) < MIN_LITERAL) return null;
            return best;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final int MAX_SET = 64;

    static int minLength(Set<String> set) {
        int min = Integer.MAX_VALUE;
        for (String s : set) min = Math.min(min, s.length());
        return set.isEmpty() ? 0 : min;
    }

    /** What a piece of a regex matches: exactly one of {@code exact} (or unknown), and a required set. */
    private record Info(Set<String> exact, Set<String> must) {
        static final Info ANY = new Info(null, null);
        static final Info EMPTY = new Info(Set.of(""), null);
        Set<String> best() {
            Set<String> e = exact != null && minLength(exact) > 0 ? exact : null;
            if (e == null) return must;
            if (must == null) return e;
            return better(e, must);
        }
    }

    static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null) return b;
        if (b == null) return a;
        int la = minLength(a), lb = minLength(b);
        if (la != lb) return la > lb ? a : b;
        return a.size() <= b.size() ? a : b;
    }

    private static final class Parser {
        final String re;
        int pos;
        Parser(String re) { this.re = re; }

        boolean more() { return pos < re.length(); }
        char peek() { return re.charAt(pos); }

        Info alternation() {
            List<Info> alts = new ArrayList<>();
            alts.add(sequence());
            while (more() && peek() == '|') { pos++; alts.add(sequence()); }
            if (alts.size() == 1) return alts.get(0);
            Set<String> exact = new LinkedHashSet<>();
            for (Info a : alts) {
                if (a.exact == null || exact == null) { exact = null; break; }
                exact.addAll(a.exact);
            }
            if (exact != null && exact.size() <= MAX_SET) return new Info(exact, null);
            Set<String> must = new LinkedHashSet<>();
            for (Info a : alts) {
                Set<String> b = a.best();
                if (b == null || minLength(b) == 0) return Info.ANY;
                must.addAll(b);
            }
            return new Info(null, must.size() <= MAX_SET * 4 ? must : null);
        }

        Info sequence() {
            Set<String> run = Set.of("");
            Set<String> best = null;
            boolean exact = true;
            while (more() && peek() != '|' && peek() != ')') {
                Info item = quantified(atom());
                if (item.exact != null && run.size() * item.exact.size() <= MAX_SET) {
                    run = cross(run, item.exact);
                    continue;
                }
                exact = false;
                best = better(best, nonEmpty(run));
                best = better(best, item.best());
                run = item.exact != null ? item.exact : Set.of("");
            }
            if (exact) return new Info(run, null);
            best = better(best, nonEmpty(run));
            return new Info(null, best);
        }

        static Set<String> nonEmpty(Set<String> s) { return s == null || minLength(s) == 0 ? null : s; }

        static Set<String> cross(Set<String> a, Set<String> b) {
            Set<String> out = new LinkedHashSet<>();
            for (String x : a) for (String y : b) out.add(x + y);
            return out;
        }

        Info quantified(Info atom) {
            if (!more()) return atom;
            char c = peek();
            Info result;
            if (c == '*') { pos++; result = Info.ANY; }
            else if (c == '+') { pos++; result = new Info(null, atom.best()); }
            else if (c == '?') {
                pos++;
                if (atom.exact != null && atom.exact.size() < MAX_SET) {
                    Set<String> e = new LinkedHashSet<>(atom.exact);
                    e.add("");
                    result = new Info(e, null);
                } else result = Info.ANY;
            } else if (c == '{' && pos + 1 < re.length() && Character.isDigit(re.charAt(pos + 1))) {
                int close = re.indexOf('}', pos);
                String body = re.substring(pos + 1, close);
                pos = close + 1;
                int min = Integer.parseInt(body.split(",", -1)[0]);
                result = min == 0 ? Info.ANY : new Info(null, atom.best());
            } else return atom;
            if (more() && (peek() == '?' || peek() == '+')) pos++; // lazy or possessive: same literals
            return result;
        }

        Info atom() {
            char c = re.charAt(pos++);
            switch (c) {
                case '(' -> {
                    if (more() && peek() == '?') {
                        pos++;
                        if (peek() == ':') pos++;
                        else if (peek() == 'P' || peek() == '<') {
                            int close = re.indexOf('>', pos);
                            pos = close + 1;
                        } else {
                            // flags: (?i) or (?i:...)
                            while (more() && peek() != ')' && peek() != ':') pos++;
                            if (peek() == ')') { pos++; return Info.EMPTY; }
                            pos++;
                        }
                    }
                    Info inner = alternation();
                    if (!more() || peek() != ')') throw new IllegalArgumentException("unclosed group");
                    pos++;
                    return inner;
                }
                case '[' -> { return charClass(); }
                case '.' -> { return Info.ANY; }
                case '^', '$' -> { return Info.EMPTY; }
                case '\\' -> { return escape(); }
                default -> { return literal(c); }
            }
        }

        Info literal(char c) { return new Info(Set.of(String.valueOf(Character.toLowerCase(c))), null); }

        Info escape() {
            char c = re.charAt(pos++);
            switch (c) {
                case 'b', 'B', 'A', 'z' -> { return Info.EMPTY; }
                case 'd', 'D', 'w', 'W', 's', 'S', 'p', 'P', 'x', 'Q', 'E' -> {
                    if ((c == 'p' || c == 'P' || c == 'x') && more() && peek() == '{') pos = re.indexOf('}', pos) + 1;
                    else if (c == 'x') pos += 2;
                    else if (c == 'p' || c == 'P') pos++;
                    return Info.ANY;
                }
                case 'n' -> { return literal('\n'); }
                case 't' -> { return literal('\t'); }
                default -> {
                    if (Character.isLetterOrDigit(c)) return Info.ANY;
                    return literal(c);
                }
            }
        }

        Info charClass() {
            boolean negated = more() && peek() == '^';
            if (negated) pos++;
            Set<String> chars = new LinkedHashSet<>();
            boolean unknown = negated;
            boolean first = true;
            while (more() && (peek() != ']' || first)) {
                first = false;
                char c = re.charAt(pos++);
                if (c == '[' && more() && peek() == ':') { // [:alpha:]
                    pos = re.indexOf(":]", pos) + 2;
                    unknown = true;
                    continue;
                }
                if (c == '\\') {
                    char e = re.charAt(pos++);
                    if (Character.isLetterOrDigit(e)) { unknown = true; if ((e == 'p' || e == 'P') && more() && peek() == '{') pos = re.indexOf('}', pos) + 1; continue; }
                    c = e;
                }
                if (more() && peek() == '-' && pos + 1 < re.length() && re.charAt(pos + 1) != ']') {
                    pos++;
                    char hi = re.charAt(pos++);
                    if (hi == '\\') hi = re.charAt(pos++);
                    if (hi - c >= MAX_CLASS) unknown = true;
                    else for (char x = c; x <= hi; x++) chars.add(String.valueOf(Character.toLowerCase(x)));
                    continue;
                }
                chars.add(String.valueOf(Character.toLowerCase(c)));
            }
            if (!more()) throw new IllegalArgumentException("unclosed class");
            pos++; // ]
            if (unknown || chars.isEmpty() || chars.size() > MAX_CLASS) return Info.ANY;
            return new Info(chars, null);
        }
    }
}
