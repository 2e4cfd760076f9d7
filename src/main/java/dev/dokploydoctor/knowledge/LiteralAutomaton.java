package dev.dokploydoctor.knowledge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Aho-Corasick automaton over a set of strings: one pass over a text reports each string that
 * occurs in it, once. The automaton is a table (state x character class, failure links folded in),
 * so a step is one array read. Why it is laid out this way (measured on the bench: the look-ups were
 * a quarter of extraction's time with the table in trie order):
 * <ul>
 * <li>states are numbered breadth first, so the rows a text visits most (near the root) sit together
 *     at the start of the table and stay in the processor's cache;</li>
 * <li>a table entry is the target row's offset (no multiply) shifted left once, with the low bit set
 *     when the target reports a string, so a step with nothing to report reads nothing else.</li>
 * </ul>
 */
final class LiteralAutomaton {
    private final char[] classOf = new char[Character.MAX_VALUE + 1]; // 0: a character no string has
    private final int classes;
    private final int[] delta;     // per row offset + class: (target row offset) << 1 | reports
    private final int[][] outputs; // per state: string ids (own and by suffix)

    /** @param strings the strings, each with its id (an index into the caller's own table) */
    LiteralAutomaton(Map<String, Integer> strings) {
        List<Map<Character, Integer>> go = new ArrayList<>();
        List<Set<Integer>> out = new ArrayList<>();
        go.add(new HashMap<>());
        out.add(new LinkedHashSet<>());
        for (Map.Entry<String, Integer> e : strings.entrySet()) {
            String lit = e.getKey();
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
            out.get(s).add(e.getValue());
        }
        int next = 1;
        for (Map<Character, Integer> edges : go) {
            for (char c : edges.keySet()) if (classOf[c] == 0) classOf[c] = (char) next++;
        }
        classes = next;
        int states = go.size();
        if ((long) states * classes >= 1 << 30) throw new IllegalArgumentException("too many strings for one automaton");
        // breadth-first numbers
        int[] order = new int[states], number = new int[states];
        int head = 0, tail = 0;
        order[tail++] = 0;
        while (head < tail) {
            int s = order[head++];
            for (int t : go.get(s).values()) order[tail++] = t;
        }
        for (int i = 0; i < states; i++) number[order[i]] = i;
        // the table, breadth first, so a state's failure target is complete before the state
        int[] table = new int[states * classes]; // plain state numbers while building
        int[] fail = new int[states];
        for (int i = 0; i < states; i++) {
            int s = order[i], row = i * classes;
            Map<Character, Integer> edges = go.get(s);
            for (int k = 1; k < classes; k++) table[row + k] = i == 0 ? 0 : table[fail[i] * classes + k];
            for (Map.Entry<Character, Integer> e : edges.entrySet()) {
                int t = number[e.getValue()];
                fail[t] = i == 0 ? 0 : table[fail[i] * classes + classOf[e.getKey()]];
                out.get(e.getValue()).addAll(out.get(order[fail[t]]));
            }
            for (Map.Entry<Character, Integer> e : edges.entrySet()) table[row + classOf[e.getKey()]] = number[e.getValue()];
        }
        outputs = new int[states][];
        for (int i = 0; i < states; i++) outputs[i] = out.get(order[i]).stream().mapToInt(Integer::intValue).toArray();
        delta = new int[table.length];
        for (int k = 0; k < table.length; k++) {
            int t = table[k];
            delta[k] = (t * classes) << 1 | (outputs[t].length > 0 ? 1 : 0);
        }
    }

    /** Receives the id of each string found, once per string and text. */
    interface Hits {
        /** @return whether the string is new to this text */
        boolean found(int id);
    }

    /** One pass over {@code text}: {@code hits} hears of every string that ends at each character. */
    void scan(String text, Hits hits) {
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int step = delta[row + classOf[text.charAt(i)]];
            row = step >>> 1;
            if ((step & 1) != 0) {
                for (int id : outputs[row / classes]) hits.found(id);
            }
        }
    }
}
