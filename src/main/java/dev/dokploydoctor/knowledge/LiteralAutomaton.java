package dev.dokploydoctor.knowledge;

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
 *     when the target reports a string, so a step with nothing to report reads nothing else;</li>
 * <li>a row is a power of two wide, so a reporting step finds its state with a shift (a division
 *     per report cost as much as the steps between reports), and the strings each state reports are
 *     one flat array (no array per state to chase).</li>
 * </ul>
 */
final class LiteralAutomaton {
    private final char[] classOf = new char[Character.MAX_VALUE + 1]; // 0: a character no string has
    private final int shift;       // log2 of the row width
    private final int[] delta;     // per row offset + class: (target row offset) << 1 | reports
    private final int[] outStart;  // per state: where its string ids start in outIds (own and by suffix)
    private final int[] outIds;
    private final int strings;

    /** @param strings the strings, each with its id (an index into the caller's own table, below {@code strings.size()}) */
    LiteralAutomaton(Map<String, Integer> strings) {
        this.strings = strings.size();
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
        shift = 32 - Integer.numberOfLeadingZeros(next - 1);
        int classes = 1 << shift;
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
            for (int k = 1; k < next; k++) table[row + k] = i == 0 ? 0 : table[fail[i] * classes + k];
            for (Map.Entry<Character, Integer> e : edges.entrySet()) {
                int t = number[e.getValue()];
                fail[t] = i == 0 ? 0 : table[fail[i] * classes + classOf[e.getKey()]];
                out.get(e.getValue()).addAll(out.get(order[fail[t]]));
            }
            for (Map.Entry<Character, Integer> e : edges.entrySet()) table[row + classOf[e.getKey()]] = number[e.getValue()];
        }
        outStart = new int[states + 1];
        for (int i = 0; i < states; i++) outStart[i + 1] = outStart[i] + out.get(order[i]).size();
        outIds = new int[outStart[states]];
        for (int i = 0; i < states; i++) {
            int k = outStart[i];
            for (int id : out.get(order[i])) outIds[k++] = id;
        }
        delta = new int[table.length];
        for (int k = 0; k < table.length; k++) {
            int t = table[k];
            delta[k] = (t << shift) << 1 | (outStart[t + 1] > outStart[t] ? 1 : 0);
        }
    }

    /** The strings one text holds: a bit per string id, and the ids in the order first found. */
    static final class Found {
        final long[] bits;
        int[] ids = new int[16];
        int count;

        Found(int strings) { bits = new long[(strings + 63) >>> 6]; }

        boolean has(int id) { return (bits[id >>> 6] & 1L << id) != 0; }
    }

    /** One pass over {@code text}: every string that occurs in it, once. */
    Found scan(String text) {
        Found found = new Found(strings);
        long[] bits = found.bits;
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int step = delta[row + classOf[text.charAt(i)]];
            row = step >>> 1;
            if ((step & 1) != 0) {
                int state = row >>> shift;
                for (int k = outStart[state], end = outStart[state + 1]; k < end; k++) {
                    int id = outIds[k];
                    long bit = 1L << id;
                    if ((bits[id >>> 6] & bit) != 0) continue;
                    bits[id >>> 6] |= bit;
                    if (found.count == found.ids.length) found.ids = java.util.Arrays.copyOf(found.ids, found.count * 2);
                    found.ids[found.count++] = id;
                }
            }
        }
        return found;
    }
}
