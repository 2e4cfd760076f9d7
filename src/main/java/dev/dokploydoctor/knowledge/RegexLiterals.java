package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every match of a catalog pattern must contain or begin with, read from the pattern's text:
 * the literal prefilter's required literals, and the prefixes {@link PrefixSearch} starts matches at.
 * Conservative: a construct it does not understand counts as "anything", which only makes a set
 * weaker or null, never wrong. Literals are in the prefilter's lower case ({@link TextReader#fold}).
 * Over 300 lines on purpose: it is one small recursive reader of RE2 syntax (alternation, groups,
 * classes, quantifiers), and its parts only make sense together.
 */
public final class RegexLiterals {
    private RegexLiterals() {}

    /**
     * Literals shorter than this make a pattern "always run". Two characters still filter well when
     * they are rare ("*.", "HTTP 50" gives "50"...), and a filter is never wrong, only weaker.
     */
    static final int MIN_LITERAL = 2;
    /** A character class of up to this many characters is a set of literals ([0-9] is ten). */
    private static final int MAX_CLASS = 10;
    private static final int MAX_SET = 64;
    private static final Set<String> WHITESPACE = Set.of(" ", "\t", "\n", "\f", "\r");
    private static final Set<String> DIGITS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** In a prefix: any one character (code point) stands here. */
    static final char ANY_CHAR = '\uFFFF';
    /** In a prefix: the start of a line (the text's start or after a line feed); takes no character. */
    static final char LINE_START = '\uFFFE';
    /** In a prefix: the start of the text; takes no character. */
    static final char TEXT_START = '\uFDD0';
    /** Prefixes are not extended past this length, nor their set past this size. */
    private static final int MAX_PREFIX = 16, MAX_PREFIXES = 512;

    /**
     * Lower-case strings at least one of which occurs in every match of {@code regex}, or null when
     * no such set of strings of {@link #MIN_LITERAL}+ characters is known.
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

    /**
     * Strings one of which begins every match of {@code regex}, or null when that is not known (or
     * the pattern can match the empty string). A string may begin with {@link #TEXT_START},
     * {@link #LINE_START} and {@link #ANY_CHAR} marks before its lower-case literal part; at least
     * one of them is not an {@link #ANY_CHAR}.
     */
    public static Set<String> requiredPrefixes(String regex) {
        try {
            Parser p = new Parser(regex);
            Info info = p.alternation();
            if (p.pos != regex.length()) return null;
            return prefixes(info);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * One top-level alternative of a pattern: where its matches start ({@link #requiredPrefixes}'s
     * form; null when unknown) and sets of {@link #MIN_LITERAL}+ literals each of which has a string
     * in every match (empty when none is known), and the most code points a match can span
     * ({@link #UNBOUNDED} when not known).
     */
    public record Alternative(Set<String> prefixes, List<Set<String>> clauses, int maxLength) {}

    /** A match's length in code points when nothing bounds it. */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    /** The pattern's top-level alternatives (one when it has none), or null when it cannot be read. */
    public static List<Alternative> alternatives(String regex) {
        try {
            Parser p = new Parser(regex);
            p.alternation();
            if (p.pos != regex.length()) return null;
            List<Alternative> out = new ArrayList<>();
            for (Info a : p.top) {
                List<Set<String>> clauses = new ArrayList<>();
                for (Set<String> c : a.clauses) if (minLength(c) >= MIN_LITERAL && !clauses.contains(c)) clauses.add(c);
                out.add(new Alternative(prefixes(a), List.copyOf(clauses), a.max));
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Set<String> prefixes(Info info) {
        Set<String> all = new LinkedHashSet<>(info.starts.complete);
        all.addAll(info.starts.partial);
        for (String s : all) {
            if (s.isEmpty() || s.chars().allMatch(c -> c == ANY_CHAR)) return null;
        }
        return all;
    }

    static int minLength(Set<String> set) {
        int min = Integer.MAX_VALUE;
        for (String s : set) min = Math.min(min, s.length());
        return set.isEmpty() ? 0 : min;
    }

    /**
     * How matches begin: each match is one of {@code complete} (a sequence may extend those), or
     * begins with one of {@code partial}. A partial "" means nothing is known.
     */
    private record Starts(Set<String> complete, Set<String> partial) {
        static final Starts UNKNOWN = new Starts(Set.of(), Set.of(""));
        static final Starts EMPTY = new Starts(Set.of(""), Set.of());

        static Starts exactly(Set<String> strings) { return new Starts(strings, Set.of()); }

        /** No longer extended: every string is only a prefix. */
        Starts closed() {
            Set<String> all = new LinkedHashSet<>(partial);
            all.addAll(complete);
            return new Starts(Set.of(), all);
        }

        Starts or(Starts other) {
            Set<String> c = new LinkedHashSet<>(complete);
            c.addAll(other.complete);
            Set<String> p = new LinkedHashSet<>(partial);
            p.addAll(other.partial);
            return bounded(new Starts(c, p));
        }

        /** This followed by {@code next}; when that makes too many strings, by {@code next}'s first few characters only. */
        Starts then(Starts next) {
            if (complete.isEmpty()) return this;
            for (int cut : new int[] {MAX_PREFIX, 4, 2, 1}) {
                Starts out = joined(next.cut(cut));
                if (out.size() <= MAX_PREFIXES) return out;
            }
            return closed();
        }

        private Starts joined(Starts next) {
            Set<String> c = new LinkedHashSet<>();
            Set<String> p = new LinkedHashSet<>(partial);
            for (String s : complete) {
                if (s.length() >= MAX_PREFIX) { p.add(s); continue; }
                for (String t : next.complete) c.add(s + t);
                for (String t : next.partial) p.add(s + t);
            }
            return new Starts(c, p);
        }

        /** The same starts, known only to {@code n} characters: a longer string becomes a prefix of its matches. */
        private Starts cut(int n) {
            Set<String> c = new LinkedHashSet<>();
            Set<String> p = new LinkedHashSet<>();
            for (String s : complete) if (s.length() <= n) c.add(s); else p.add(s.substring(0, n));
            for (String s : partial) p.add(s.length() <= n ? s : s.substring(0, n));
            return new Starts(c, p);
        }

        int size() { return complete.size() + partial.size(); }

        static Starts bounded(Starts s) { return s.size() > MAX_PREFIXES ? UNKNOWN : s; }
    }

    /**
     * What a piece of a regex matches: exactly one of {@code exact} (or unknown), a required set, and
     * how its matches begin.
     */
    private record Info(Set<String> exact, Set<String> must, Starts starts, List<Set<String>> clauses, int max) {
        static final Info ANY = new Info(null, null, Starts.UNKNOWN);
        /** Unless set with {@link #max(int)}, a match's length is not known (never wrong, only weaker). */
        Info(Set<String> exact, Set<String> must, Starts starts, List<Set<String>> clauses) { this(exact, must, starts, clauses, UNBOUNDED); }
        /** Every one of {@code clauses} has a string in every match (they are what {@link #best} picks from). */
        Info(Set<String> exact, Set<String> must, Starts starts) {
            this(exact, must, starts, exact != null && minLength(exact) > 0 ? List.of(exact) : must != null ? List.of(must) : List.of());
        }
        /** The same, spanning at most {@code m} code points. */
        Info max(int m) { return new Info(exact, must, starts, clauses, m); }
        static final Info ONE_CHAR = new Info(null, null, Starts.exactly(Set.of(String.valueOf(ANY_CHAR)))).max(1);
        static final Info EMPTY = new Info(Set.of(""), null, Starts.EMPTY).max(0);
        static final Info LINE = new Info(Set.of(""), null, Starts.exactly(Set.of(String.valueOf(LINE_START)))).max(0);
        static final Info TEXT = new Info(Set.of(""), null, Starts.exactly(Set.of(String.valueOf(TEXT_START)))).max(0);
        Info(Set<String> exact, Set<String> must) { this(exact, must, Starts.exactly(exact)); }
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
        int depth;
        List<Info> top; // the pattern's top-level alternatives
        Parser(String re) { this.re = re; }

        boolean more() { return pos < re.length(); }
        char peek() { return re.charAt(pos); }

        Info alternation() {
            boolean top = depth++ == 0;
            List<Info> alts = new ArrayList<>();
            alts.add(sequence());
            while (more() && peek() == '|') { pos++; alts.add(sequence()); }
            depth--;
            if (top) this.top = alts;
            if (alts.size() == 1) return alts.get(0);
            int max = 0;
            for (Info a : alts) max = Math.max(max, a.max);
            Starts starts = alts.get(0).starts;
            for (int i = 1; i < alts.size(); i++) starts = starts.or(alts.get(i).starts);
            Set<String> exact = new LinkedHashSet<>();
            for (Info a : alts) {
                if (a.exact == null || exact == null) { exact = null; break; }
                exact.addAll(a.exact);
            }
            if (exact != null && exact.size() <= MAX_SET) return new Info(exact, null, starts).max(max);
            Set<String> must = new LinkedHashSet<>();
            for (Info a : alts) {
                Set<String> b = a.best();
                if (b == null || minLength(b) == 0) return new Info(null, null, starts).max(max);
                must.addAll(b);
            }
            return new Info(null, must.size() <= MAX_SET * 4 ? must : null, starts).max(max);
        }

        Info sequence() {
            Set<String> run = Set.of("");
            Set<String> best = null;
            Starts starts = Starts.EMPTY;
            List<Set<String>> clauses = new ArrayList<>();
            boolean exact = true;
            long max = 0;
            while (more() && peek() != '|' && peek() != ')') {
                Info item = quantified(atom());
                max += item.max;
                starts = starts.then(item.starts);
                if (item.exact != null && run.size() * item.exact.size() <= MAX_SET) {
                    run = cross(run, item.exact);
                    continue;
                }
                exact = false;
                best = better(best, nonEmpty(run));
                best = better(best, item.best());
                if (nonEmpty(run) != null) clauses.add(run);
                if (item.exact == null) clauses.addAll(item.clauses);
                run = item.exact != null ? item.exact : Set.of("");
            }
            int m = (int) Math.min(max, UNBOUNDED);
            if (exact) return new Info(run, null, starts).max(m);
            best = better(best, nonEmpty(run));
            if (nonEmpty(run) != null) clauses.add(run);
            return new Info(null, best, starts, clauses, m);
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
            int repeated = atom.max == 0 ? 0 : UNBOUNDED;
            if (c == '*') { pos++; result = new Info(null, null, Starts.EMPTY.or(atom.starts.closed())).max(repeated); }
            else if (c == '+') { pos++; result = new Info(null, atom.best(), atom.starts.closed(), atom.clauses, repeated); }
            else if (c == '?') {
                pos++;
                if (atom.exact != null && atom.exact.size() < MAX_SET) {
                    Set<String> e = new LinkedHashSet<>(atom.exact);
                    e.add("");
                    result = new Info(e, null, Starts.EMPTY.or(atom.starts)).max(atom.max);
                } else result = new Info(null, null, Starts.EMPTY.or(atom.starts)).max(atom.max);
            } else if (c == '{' && pos + 1 < re.length() && Character.isDigit(re.charAt(pos + 1))) {
                int close = re.indexOf('}', pos);
                String body = re.substring(pos + 1, close);
                pos = close + 1;
                String[] bounds = body.split(",", -1);
                int min = Integer.parseInt(bounds[0]);
                String most = bounds.length == 1 ? bounds[0] : bounds[1]; // {n}, {m,n}, {m,} (no bound)
                int max = most.isEmpty() ? (atom.max == 0 ? 0 : UNBOUNDED) : (int) Math.min((long) Integer.parseInt(most) * atom.max, UNBOUNDED);
                result = min == 0 ? new Info(null, null, Starts.EMPTY.or(atom.starts.closed())).max(max)
                        : new Info(null, atom.best(), atom.starts.closed(), atom.clauses, max);
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
                case '.' -> { return Info.ONE_CHAR; }
                case '^' -> { return Info.LINE; }
                case '$' -> { return Info.EMPTY; }
                case '\\' -> { return escape(); }
                default -> { return literal(c); }
            }
        }

        Info literal(char c) { return new Info(Set.of(String.valueOf(TextReader.fold(c))), null).max(1); }

        Info escape() {
            char c = re.charAt(pos++);
            switch (c) {
                case 'A' -> { return Info.TEXT; }
                case 'b', 'B', 'z' -> { return Info.EMPTY; }
                case 'Q', 'E' -> { return Info.ANY; }
                // where a match starts, \s and \d are their characters; as literals they stay "any
                // character", which keeps the prefilter's automaton small
                case 's' -> { return new Info(null, null, Starts.exactly(WHITESPACE)).max(1); } // RE2's \s is [\t\n\f\r ]
                case 'd' -> { return new Info(null, null, Starts.exactly(DIGITS)).max(1); }
                case 'D', 'w', 'W', 'S', 'p', 'P', 'x' -> {
                    if ((c == 'p' || c == 'P' || c == 'x') && more() && peek() == '{') pos = re.indexOf('}', pos) + 1;
                    else if (c == 'x') pos += 2;
                    else if (c == 'p' || c == 'P') pos++;
                    return Info.ONE_CHAR;
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
                    else for (char x = c; x <= hi; x++) chars.add(String.valueOf(TextReader.fold(x)));
                    continue;
                }
                chars.add(String.valueOf(TextReader.fold(c)));
            }
            if (!more()) throw new IllegalArgumentException("unclosed class");
            pos++; // ]
            if (unknown || chars.isEmpty() || chars.size() > MAX_CLASS) return Info.ONE_CHAR;
            return new Info(chars, null).max(1);
        }
    }
}
