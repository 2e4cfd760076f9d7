package dev.dokploydoctor.knowledge;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Per catalog entry, shared between threads: where its matches may start and what they must
 * contain, per top-level alternative ({@link RegexLiterals#alternatives}), and its anchored forms
 * (compiled on first use). {@link PrefixSearch} uses it on one text.
 *
 * <p>A place is a lower-case literal and how many characters before it the match starts, or a line
 * start (the literal ""). A guard is a set of literals one of which every match of the alternative
 * contains: an alternative whose guards do not all occur in a text cannot match there, so neither
 * its places nor, when it has none, a plain search are needed. When an alternative's matches are no
 * longer than a known length, its clauses must also lie inside that span from the place: a place
 * with "cloudflared" and "running" 300 characters on is not tried by {@code cloudflared\b[^.\n]{0,25}\brunning}.
 */
final class SearchPlan {
    /** Literals are cut to this length: a short one is about as rare, and fewer of them are fewer scans. */
    static final int PREFIX_LENGTH = 6;
    /** Guards kept per alternative, and the most strings a guard may have (each costs a scan when absent). */
    private static final int GUARDS = 3, GUARD_STRINGS = 16;
    /** Clauses looked for inside the span a match starting at a place can reach (each string one forward scan of the text). */
    private static final int WINDOW_CLAUSES = 4;
    /** More literals than this at one distance are cut shorter ({@link #fewer}). */
    private static final int MANY = 12;

    final Pattern pattern;
    final String[] literals;   // per place
    final int[] back;          // per place: characters (code points) the match starts before its literal; -1: the text's start
    final int[] owner;         // per place: its alternative
    final String[][][] guards; // per alternative
    final boolean[] placed;    // per alternative: whether its starts are known (else a plain search runs when it may match)
    final int[] maxLength;     // per alternative: the most code points a match spans (RegexLiterals.UNBOUNDED: not known)
    final int[][][] window;    // per alternative, per clause: indexes into windowStrings, one of which lies inside every match
    final String[] windowStrings;
    private volatile Pattern atStart;
    private volatile Pattern afterOne;
    private final LazyDfa.Budget budget; // what its DFA's states count against (the catalog's)
    private AnchoredDfa dfa;           // published by dfaBuilt
    private volatile boolean dfaBuilt;
    private final LazyDfa.Budget firstMatchBudget; // what its FirstMatchDfa's states count against; null: it has none (tests)
    private FirstMatchDfa firstMatch;  // published by firstMatchBuilt
    private volatile boolean firstMatchBuilt;

    private SearchPlan(Pattern pattern, List<String> literals, List<Integer> back, List<Integer> owner, String[][][] guards, boolean[] placed,
                       List<RegexLiterals.Alternative> alternatives, LazyDfa.Budget budget, LazyDfa.Budget firstMatchBudget) {
        this.pattern = pattern;
        this.budget = budget;
        this.firstMatchBudget = firstMatchBudget;
        this.maxLength = new int[alternatives.size()];
        this.window = new int[alternatives.size()][][];
        java.util.Map<String, Integer> strings = new java.util.LinkedHashMap<>();
        for (int a = 0; a < alternatives.size(); a++) {
            RegexLiterals.Alternative alt = alternatives.get(a);
            maxLength[a] = alt.maxLength();
            List<int[]> clauses = new ArrayList<>();
            if (maxLength[a] != RegexLiterals.UNBOUNDED) {
                for (Set<String> clause : alt.clauses()) {
                    if (clause.size() > GUARD_STRINGS || clauses.size() == WINDOW_CLAUSES) continue;
                    clauses.add(clause.stream().mapToInt(str -> strings.computeIfAbsent(str, k -> strings.size())).toArray());
                }
            }
            window[a] = clauses.toArray(new int[0][]);
        }
        this.windowStrings = strings.keySet().toArray(new String[0]);
        this.literals = literals.toArray(new String[0]);
        this.back = back.stream().mapToInt(Integer::intValue).toArray();
        this.owner = owner.stream().mapToInt(Integer::intValue).toArray();
        this.guards = guards;
        this.placed = placed;
    }

    /** The plan for a pattern, or null when it would not save anything (no alternative has known starts). */
    static SearchPlan of(Pattern pattern) { return of(pattern, new LazyDfa.Budget(LazyDfa.Budget.DEFAULT)); }

    /** The same, its DFA's states counted against {@code budget}. */
    static SearchPlan of(Pattern pattern, LazyDfa.Budget budget) { return of(pattern, budget, new LazyDfa.Budget(LazyDfa.Budget.DEFAULT), true); }

    /**
     * The same, its {@link FirstMatchDfa}'s states counted against {@code firstMatchBudget}; {@code firstMatch}
     * false: without one (tests of the search it stands in for).
     */
    static SearchPlan of(Pattern pattern, LazyDfa.Budget budget, LazyDfa.Budget firstMatchBudget, boolean firstMatch) {
        List<RegexLiterals.Alternative> alternatives = RegexLiterals.alternatives(pattern.pattern());
        if (alternatives == null) return null;
        List<String> literals = new ArrayList<>();
        List<Integer> back = new ArrayList<>(), owner = new ArrayList<>();
        String[][][] guards = new String[alternatives.size()][][];
        boolean[] placed = new boolean[alternatives.size()];
        boolean any = false;
        for (int a = 0; a < alternatives.size(); a++) {
            RegexLiterals.Alternative alt = alternatives.get(a);
            List<String> keys = alt.prefixes() == null ? null : places(alt.prefixes());
            placed[a] = keys != null;
            // a guard costs a scan per string when absent: worth more where it spares a plain search
            guards[a] = placed[a] ? guards(alt.clauses(), 1, 4) : guards(alt.clauses(), GUARDS, GUARD_STRINGS);
            if (keys == null) {
                if (guards[a].length == 0) return null; // may match anywhere in any text: the plain search it is
                continue;
            }
            any = true;
            for (String key : keys) {
                int cut = key.indexOf('\u0000');
                literals.add(key.substring(0, cut));
                back.add(Integer.parseInt(key.substring(cut + 1)));
                owner.add(a);
            }
        }
        return any ? new SearchPlan(pattern, literals, back, owner, guards, placed, alternatives, budget, firstMatch ? firstMatchBudget : null) : null;
    }

    /**
     * Places as "literal\0back": a text start is back -1 (the place 0 only), a line start the literal ""
     * (there are few lines, and a literal after a line start may be a common one, like a space). Null
     * when a prefix gives no place (it starts with "any character" only).
     */
    private static List<String> places(Set<String> prefixes) {
        Set<String> keys = new LinkedHashSet<>();
        for (String s : prefixes) {
            if (s.charAt(0) == RegexLiterals.TEXT_START) { keys.add("\u0000-1"); continue; }
            if (s.charAt(0) == RegexLiterals.LINE_START) { keys.add("\u00000"); continue; }
            int i = 0, k = 0;
            for (; i < s.length() && isMark(s.charAt(i)); i++) if (s.charAt(i) == RegexLiterals.ANY_CHAR) k++;
            int end = i;
            while (end < s.length() && end - i < PREFIX_LENGTH && !isMark(s.charAt(end))) end++;
            String literal = s.substring(i, end);
            if (literal.isEmpty()) return null;
            keys.add(literal + '\u0000' + k);
        }
        keys = fewer(keys);
        // a literal that begins with a shorter one at the same distance adds no place of its own
        List<String> kept = new ArrayList<>();
        for (String key : keys) {
            boolean covered = false;
            String literal = key.substring(0, key.indexOf('\u0000')), distance = key.substring(key.indexOf('\u0000'));
            for (String other : keys) {
                String shorter = other.substring(0, other.indexOf('\u0000'));
                if (!other.equals(key) && !shorter.isEmpty() && literal.startsWith(shorter)
                        && other.substring(other.indexOf('\u0000')).equals(distance)) { covered = true; break; }
            }
            if (!covered) kept.add(key);
        }
        return kept;
    }

    /**
     * Each literal is one scan of the text: when many literals share a distance (51 status codes after
     * "any character"), they are cut shorter, to the longest length (2 at least) that leaves at most
     * {@link #MANY} of them ("40", "41", "50"...).
     */
    private static Set<String> fewer(Set<String> keys) {
        java.util.Map<String, List<String>> byDistance = new java.util.LinkedHashMap<>();
        for (String key : keys) byDistance.computeIfAbsent(key.substring(key.indexOf('\u0000')), d -> new ArrayList<>()).add(key.substring(0, key.indexOf('\u0000')));
        Set<String> out = new LinkedHashSet<>();
        for (java.util.Map.Entry<String, List<String>> group : byDistance.entrySet()) {
            List<String> literals = group.getValue();
            Set<String> cut = new LinkedHashSet<>(literals);
            for (int length = PREFIX_LENGTH - 1; cut.size() > MANY && length >= 2; length--) {
                cut = new LinkedHashSet<>();
                for (String l : literals) cut.add(l.length() > length ? l.substring(0, length) : l);
            }
            for (String l : cut) out.add(l + group.getKey());
        }
        return out;
    }

    private static boolean isMark(char c) {
        return c == RegexLiterals.ANY_CHAR || c == RegexLiterals.LINE_START || c == RegexLiterals.TEXT_START;
    }

    /** The most telling guards: fewest strings, then longest shortest string. */
    private static String[][] guards(List<Set<String>> clauses, int most, int strings) {
        List<Set<String>> usable = new ArrayList<>();
        for (Set<String> c : clauses) if (c.size() <= strings) usable.add(c);
        usable.sort((x, y) -> x.size() != y.size() ? Integer.compare(x.size(), y.size())
                : Integer.compare(RegexLiterals.minLength(y), RegexLiterals.minLength(x)));
        String[][] out = new String[Math.min(most, usable.size())][];
        for (int i = 0; i < out.length; i++) out[i] = usable.get(i).toArray(new String[0]);
        return out;
    }

    /** Whether alternative {@code a} may match {@code lower}: each of its guards occurs. */
    boolean possible(int a, String lower) {
        for (String[] guard : guards[a]) {
            boolean found = false;
            for (String s : guard) if (lower.contains(s)) { found = true; break; }
            if (!found) return false;
        }
        return true;
    }

    Pattern atStart() {
        Pattern p = atStart;
        if (p == null) atStart = p = Pattern.compile("\\A(?:" + pattern.pattern() + ")", pattern.flags());
        return p;
    }

    /**
     * The pattern's {@link AnchoredDfa} (null: none to have), made at the first place an attempt
     * might be made: reading the pattern costs ~0.1 ms, about a hundred attempts, and the DFA's states
     * are made only as texts visit them.
     */
    AnchoredDfa dfa() {
        if (dfaBuilt) return dfa;
        return dfaNow();
    }

    /** The DFA, made now if it is not yet. */
    synchronized AnchoredDfa dfaNow() {
        if (!dfaBuilt) {
            dfa = AnchoredDfa.of(pattern, budget);
            dfaBuilt = true;
        }
        return dfa;
    }

    /**
     * The pattern's {@link FirstMatchDfa} (null: none), made at the first place tried: its states are made
     * only as texts visit them.
     */
    FirstMatchDfa firstMatch() {
        if (firstMatchBuilt) return firstMatch;
        return firstMatchNow();
    }

    /** Tests: the plan searches with {@code dfa} as its FirstMatchDfa (one of another pattern, to make the two disagree). */
    synchronized void firstMatchIs(FirstMatchDfa dfa) {
        firstMatch = dfa;
        firstMatchBuilt = true;
    }

    synchronized FirstMatchDfa firstMatchNow() {
        if (!firstMatchBuilt) {
            firstMatch = firstMatchBudget == null ? null : FirstMatchDfa.of(pattern, firstMatchBudget);
            firstMatchBuilt = true;
        }
        return firstMatch;
    }

    Pattern afterOne() {
        Pattern p = afterOne;
        if (p == null) afterOne = p = Pattern.compile("\\A(?s:.)(?:" + pattern.pattern() + ")", pattern.flags());
        return p;
    }
}
