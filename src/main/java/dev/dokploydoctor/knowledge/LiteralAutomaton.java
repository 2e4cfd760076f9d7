package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Aho-Corasick automaton over a set of strings: one pass over a text reports each string that
 * occurs in it, once. Laid out for the processor's cache, which is what a step costs: the catalog's
 * ~5,000 strings make ~20,000 states, and a full table of them (state x character class) was 5 MB,
 * so nearly every step of a text missed the second-level cache (bench/README.md, Round 12, perf12).
 * <ul>
 * <li>The states nearest the root (numbered breadth first: a text spends most of its steps there)
 *     are a table with the failure links folded in: a step is one array read. A row is a power of two
 *     wide; an entry is the target (below) shifted left once, with the low bit set when the target
 *     reports a string, so a step with nothing to report reads nothing else.</li>
 * <li>Every deeper state is a few ints in one flat array: its failure link, its own edges (mostly
 *     one) and where its strings are listed. A character none of its edges takes follows the failure
 *     links to a shallower state, as in the textbook automaton: amortised, at most one extra look-up
 *     per character of the text.</li>
 * <li>A state is named by where it lies: a table row's offset, or the table's size plus its place
 *     in the flat array, so a step tells from the number alone which of the two to read. The flat
 *     array holds the deeper states depth first: a string's states are neighbours.</li>
 * </ul>
 */
final class LiteralAutomaton {
    /** Table rows at most: 32 Ki entries (128 KB), which stay in the cache beside the rest of the work. */
    static final int TABLE_ENTRIES = 1 << 15;
    private static final int FAIL = 0, EDGES = 1, STATE = 2, HEADER = 3; // a deeper state's ints: header, then (class, target) pairs

    private final char[] classOf = new char[Character.MAX_VALUE + 1]; // 0: a character no string has
    private final int shift;       // log2 of the row width
    private final int tableSize;   // entries in the table; a state named >= tableSize is deeper
    private final int[] table;     // per row offset + class: target << 1 | reports
    private final int[] deep;      // per deeper state: FAIL, EDGES, STATE, then EDGES pairs of class, target << 1 | reports
    private final int[] outStart;  // per state number (breadth first): where its string ids start in outIds (own and by suffix)
    private final int[] outIds;
    private final int strings;

    /** @param strings the strings, each with its id (an index into the caller's own table, below {@code strings.size()}) */
    LiteralAutomaton(Map<String, Integer> strings) { this(strings, TABLE_ENTRIES); }

    /** @param tableEntries how many table entries the states nearest the root may take (tests: a small table, deep states everywhere) */
    LiteralAutomaton(Map<String, Integer> strings, int tableEntries) {
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
        // breadth-first numbers: a state's failure target (shallower) is numbered before it
        int[] order = new int[states], number = new int[states];
        int head = 0, tail = 0;
        order[tail++] = 0;
        while (head < tail) {
            int s = order[head++];
            for (int t : go.get(s).values()) order[tail++] = t;
        }
        for (int i = 0; i < states; i++) number[order[i]] = i;
        int rows = Math.max(1, Math.min(states, tableEntries >> shift));
        tableSize = rows << shift;
        if ((long) tableSize + (long) HEADER * states + 2L * states >= 1 << 30) throw new IllegalArgumentException("too many strings for one automaton");

        // each state's edges as (class, number), its failure link, and its strings with those of its suffixes
        int[][] edgeClass = new int[states][], edgeTarget = new int[states][];
        for (int i = 0; i < states; i++) {
            Map<Character, Integer> edges = go.get(order[i]);
            edgeClass[i] = new int[edges.size()];
            edgeTarget[i] = new int[edges.size()];
            int k = 0;
            for (Map.Entry<Character, Integer> e : edges.entrySet()) {
                edgeClass[i][k] = classOf[e.getKey()];
                edgeTarget[i][k++] = number[e.getValue()];
            }
        }
        int[] fail = new int[states];
        int[] plain = new int[tableSize]; // the table's rows as plain state numbers while building
        for (int i = 0; i < states; i++) {
            for (int k = 0; k < edgeClass[i].length; k++) {
                int t = edgeTarget[i][k];
                fail[t] = i == 0 ? 0 : step(fail[i], edgeClass[i][k], plain, rows, classes, edgeClass, edgeTarget, fail);
                out.get(order[t]).addAll(out.get(order[fail[t]]));
            }
            if (i < rows) {
                int row = i * classes;
                for (int c = 1; c < classes; c++) plain[row + c] = i == 0 ? 0 : plain[fail[i] * classes + c];
                for (int k = 0; k < edgeClass[i].length; k++) plain[row + edgeClass[i][k]] = edgeTarget[i][k];
            }
        }
        outStart = new int[states + 1];
        for (int i = 0; i < states; i++) outStart[i + 1] = outStart[i] + out.get(order[i]).size();
        outIds = new int[outStart[states]];
        for (int i = 0; i < states; i++) {
            int k = outStart[i];
            for (int id : out.get(order[i])) outIds[k++] = id;
        }
        // names: a row's offset, or the table's size plus the deeper state's place. Deeper states lie
        // depth first, each string's states one after the other: a word of the text that spells a
        // string's start walks along adjacent ints, not from one breadth-first level to the next
        // (each step waits for the one before, so where it reads next is what a step costs)
        int[] name = new int[states];
        for (int i = 0; i < rows; i++) name[i] = i << shift;
        int size = 0;
        int[] stack = new int[states];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int i = stack[--top];
            if (i >= rows) { name[i] = tableSize + size; size += HEADER + 2 * edgeClass[i].length; }
            for (int k = edgeTarget[i].length - 1; k >= 0; k--) stack[top++] = edgeTarget[i][k];
        }
        table = new int[tableSize];
        for (int k = 0; k < tableSize; k++) table[k] = stepTo(plain[k], name);
        deep = new int[size];
        for (int i = rows; i < states; i++) {
            int at = name[i] - tableSize;
            deep[at + FAIL] = name[fail[i]];
            deep[at + EDGES] = edgeClass[i].length;
            deep[at + STATE] = i;
            for (int k = 0; k < edgeClass[i].length; k++) {
                deep[at + HEADER + 2 * k] = edgeClass[i][k];
                deep[at + HEADER + 2 * k + 1] = stepTo(edgeTarget[i][k], name);
            }
        }
    }

    private int stepTo(int state, int[] name) { return name[state] << 1 | (outStart[state + 1] > outStart[state] ? 1 : 0); }

    /** The target of state {@code s} on character class {@code c}, as state numbers, while building. */
    private static int step(int s, int c, int[] plain, int rows, int classes, int[][] edgeClass, int[][] edgeTarget, int[] fail) {
        while (true) {
            if (s < rows) return plain[s * classes + c];
            for (int k = 0; k < edgeClass[s].length; k++) if (edgeClass[s][k] == c) return edgeTarget[s][k];
            s = fail[s];
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
        int[] table = this.table;
        int tableSize = this.tableSize;
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int c = classOf[text.charAt(i)];
            int step;
            if (state < tableSize) {
                step = table[state + c];
            } else if (c == 0) {
                step = table[0]; // a character no string has: back to the root from anywhere
            } else {
                step = deepStep(state, c);
            }
            state = step >>> 1;
            if ((step & 1) != 0) report(state, found);
        }
        return found;
    }

    /** A deeper state's step: its own edge, else its failure link's step. */
    private int deepStep(int state, int c) {
        int[] deep = this.deep;
        while (state >= tableSize) {
            int at = state - tableSize;
            for (int k = at + HEADER, end = k + 2 * deep[at + EDGES]; k < end; k += 2) if (deep[k] == c) return deep[k + 1];
            state = deep[at + FAIL];
        }
        return table[state + c];
    }

    private void report(int state, Found found) {
        int s = state < tableSize ? state >>> shift : deep[state - tableSize + STATE];
        long[] bits = found.bits;
        for (int k = outStart[s], end = outStart[s + 1]; k < end; k++) {
            int id = outIds[k];
            long bit = 1L << id;
            if ((bits[id >>> 6] & bit) != 0) continue;
            bits[id >>> 6] |= bit;
            if (found.count == found.ids.length) found.ids = java.util.Arrays.copyOf(found.ids, found.count * 2);
            found.ids[found.count++] = id;
        }
    }
}
