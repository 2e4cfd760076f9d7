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
            Set<String> lits = RegexLiterals.requiredLiterals(patterns.get(p));
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

    /** See {@link RegexLiterals#requiredLiterals}. */
    public static Set<String> requiredLiterals(String regex) { return RegexLiterals.requiredLiterals(regex); }

    /** See {@link RegexLiterals#requiredPrefixes}. */
    public static Set<String> requiredPrefixes(String regex) { return RegexLiterals.requiredPrefixes(regex); }
}
