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
     * Literals are cut to this many characters: the start of a required literal is required too, and
     * short literals keep the automaton small (23,842 states uncut, for 427 entries).
     */
    static final int MAX_LITERAL = 12;
    private final boolean[] always;
    private final int[] alwaysList;
    private final long[] alwaysBits;
    // the automaton as a table: state x character class -> state (failure links folded in)
    private final char[] classOf = new char[Character.MAX_VALUE + 1]; // 0: a character no literal has
    private final int classes;
    private final int[] delta;
    private final int[][] outputs;  // per state: pattern indexes (own and by suffix)

    public Prefilter(List<String> patterns) {
        int n = patterns.size();
        always = new boolean[n];
        List<Map<Character, Integer>> go = new ArrayList<>();
        List<Set<Integer>> out = new ArrayList<>();
        go.add(new HashMap<>());
        out.add(new LinkedHashSet<>());
        for (int p = 0; p < n; p++) {
            Set<String> lits = RegexLiterals.requiredLiterals(patterns.get(p));
            if (lits == null) { always[p] = true; continue; }
            Set<String> cut = new LinkedHashSet<>();
            for (String lit : lits) cut.add(lit.length() > MAX_LITERAL ? lit.substring(0, MAX_LITERAL) : lit);
            for (String lit : cut) {
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
        alwaysList = java.util.stream.IntStream.range(0, n).filter(p -> always[p]).toArray();
        alwaysBits = new long[(n + 63) / 64];
        for (int p : alwaysList) alwaysBits[p >>> 6] |= 1L << p;
        int next = 1;
        for (Map<Character, Integer> edges : go) {
            for (char c : edges.keySet()) if (classOf[c] == 0) classOf[c] = (char) next++;
        }
        classes = next;
        int states = go.size();
        delta = new int[states * classes];
        int[] fail = new int[states];
        // breadth first, so a state's failure target is complete before the state
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            Map<Character, Integer> edges = go.get(s);
            for (int k = 1; k < classes; k++) delta[s * classes + k] = s == 0 ? 0 : delta[fail[s] * classes + k];
            for (Map.Entry<Character, Integer> e : edges.entrySet()) {
                int t = e.getValue();
                int k = classOf[e.getKey()];
                fail[t] = s == 0 ? 0 : delta[fail[s] * classes + k];
                out.get(t).addAll(out.get(fail[t]));
                queue.add(t);
            }
            for (Map.Entry<Character, Integer> e : edges.entrySet()) delta[s * classes + classOf[e.getKey()]] = e.getValue();
        }
        outputs = new int[states][];
        for (int s = 0; s < states; s++) outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
    }

    /** Which patterns may match {@code lower} (a lower-cased text): one pass, linear in the text. */
    public boolean[] candidates(String lower) {
        boolean[] hit = always.clone();
        int s = 0;
        for (int i = 0, n = lower.length(); i < n; i++) {
            s = delta[s * classes + classOf[lower.charAt(i)]];
            for (int p : outputs[s]) hit[p] = true;
        }
        return hit;
    }

    /** The same as {@link #candidates}, as pattern indexes in catalog order (a bit set: no per-pattern loop, no sort). */
    public int[] candidateList(String lower) {
        long[] bits = alwaysBits.clone();
        int count = alwaysList.length;
        int s = 0;
        for (int i = 0, n = lower.length(); i < n; i++) {
            s = delta[s * classes + classOf[lower.charAt(i)]];
            for (int p : outputs[s]) {
                long bit = 1L << p;
                if ((bits[p >>> 6] & bit) == 0) { bits[p >>> 6] |= bit; count++; }
            }
        }
        int[] list = new int[count];
        int k = 0;
        for (int w = 0; w < bits.length; w++) {
            for (long word = bits[w]; word != 0; word &= word - 1) list[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
        }
        return list;
    }

    public boolean alwaysRuns(int pattern) { return always[pattern]; }

    /** See {@link RegexLiterals#requiredLiterals}. */
    public static Set<String> requiredLiterals(String regex) { return RegexLiterals.requiredLiterals(regex); }

    /** See {@link RegexLiterals#requiredPrefixes}. */
    public static Set<String> requiredPrefixes(String regex) { return RegexLiterals.requiredPrefixes(regex); }
}
