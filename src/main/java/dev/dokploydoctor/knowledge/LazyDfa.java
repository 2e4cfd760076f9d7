package dev.dokploydoctor.knowledge;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An {@link Nfa} determinized as texts visit it, as RE2 does: a DFA state (the set of NFA states
 * reached) and its step on a symbol are made the first time a text needs them, then kept. Building
 * costs nothing up front (round 6 determinized each pattern whole: ~1 ms, more than most entries'
 * attempts ever cost); a text walks the states that exist with one table load per character.
 *
 * <p>Bounded: at most {@link #MAX_STATES} states per automaton; once a step would need one more,
 * the automaton answers "cannot tell" to every scan from then on and the caller lets RE2/J decide,
 * as without a DFA (so a scan cut short by a full cache happens once, and the work stays linear). Symbols are 0-127
 * (ASCII) and {@link #OTHER} (every other character); symbols that every NFA state treats alike
 * share a column.
 *
 * <p>Shared between threads: a step is read without a lock and made under one. A step is published
 * as one int holding the target state and whether it accepts (0 = not made yet, so a reader that
 * sees a fresh row's zeros makes it again under the lock), and rows are read from a volatile array.
 */
final class LazyDfa {
    static final int OTHER = 128;
    /** The most DFA states one automaton keeps (a row is a few dozen ints: a few tens of KB at most). */
    static final int MAX_STATES = 512;
    /** Step results besides a state: no NFA state left (no match can start here), and no room for another state. */
    private static final int DEAD = -1, FULL = -2;

    // the NFA, compacted: per state its move (set index into symbolSets, target) and empty moves (CSR)
    private final int[] next, setOf, emptyStart, emptyTo;
    private final long[][] symbolSets;
    private final int accept;
    private final Budget budget;
    private final byte[] column;      // per symbol: its column in a row
    private final int columns;
    private final boolean startAccepts;

    private volatile boolean full;
    private volatile int[][] rows;    // per DFA state: per column 0 (not made), DEAD, FULL, or (target + 1) << 1 | accepts
    private int[][] sets;             // per DFA state: its NFA states with a move on symbols, sorted (under the lock)
    private final Map<Key, Integer> index = new HashMap<>();
    private int size;
    private int[] mark;               // per NFA state: the closure that last reached it (under the lock)
    private int closures;

    LazyDfa(Nfa nfa, Budget budget) {
        this.budget = budget;
        int n = nfa.size;
        next = Arrays.copyOf(nfa.next, n);
        setOf = new int[n];
        emptyStart = new int[n + 1];
        int moves = 0;
        for (int s = 0; s < n; s++) moves += nfa.empty[s] == null ? 0 : nfa.empty[s].length;
        emptyTo = new int[moves];
        accept = nfa.accept;
        // two symbols share a column when every distinct set of the NFA's holds both or neither
        Map<Key, Integer> distinct = new HashMap<>();
        for (int s = 0, k = 0; s < n; s++) {
            if (next[s] >= 0) {
                Key set = new Key(Arrays.copyOfRange(nfa.sets, Nfa.WORDS * s, Nfa.WORDS * s + Nfa.WORDS));
                Integer d = distinct.putIfAbsent(set, distinct.size());
                setOf[s] = d == null ? distinct.size() - 1 : d;
            }
            emptyStart[s] = k;
            if (nfa.empty[s] != null) for (int t : nfa.empty[s]) emptyTo[k++] = t;
            emptyStart[s + 1] = k;
        }
        long[][] setList = new long[distinct.size()][];
        for (Map.Entry<Key, Integer> e : distinct.entrySet()) setList[e.getValue()] = e.getKey().longs();
        symbolSets = setList;
        column = new byte[OTHER + 1];
        Map<Key, Integer> seen = new HashMap<>();
        for (int sym = 0; sym <= OTHER; sym++) {
            long[] sig = new long[(setList.length >> 6) + 1];
            for (int d = 0; d < setList.length; d++) {
                if ((setList[d][sym >> 6] >>> (sym & 63) & 1L) != 0) sig[d >> 6] |= 1L << (d & 63);
            }
            Integer c = seen.putIfAbsent(new Key(sig), seen.size());
            column[sym] = (byte) (int) (c == null ? seen.size() - 1 : c);
        }
        columns = seen.size();
        mark = new int[n];
        sets = new int[16][];
        rows = new int[16][];
        int[] start = closure(new int[] {nfa.start}, 1);
        startAccepts = accepting(start);
        add(start);
    }

    /**
     * Reads {@code lower} from {@code p} to at most {@code end}: the number of characters read until a
     * prefix is in the language (>= 0), {@code -read - 1} when none can be (the DFA died or the text
     * ended), or {@link Integer#MIN_VALUE} when it cannot tell (no room for another state).
     */
    int scan(String lower, int p, int end) {
        if (startAccepts) return 0;
        if (full) return Integer.MIN_VALUE;
        int[][] rows = this.rows;
        int state = 0;
        for (int i = p; i < end; i++) {
            char ch = lower.charAt(i);
            int col = column[ch < OTHER ? ch : OTHER];
            int[] row = state < rows.length ? rows[state] : null;
            int step = row == null ? 0 : row[col];
            if (step == 0) {
                step = make(state, col);
                rows = this.rows;
            }
            if (step == DEAD) return -(i - p + 1) - 1;
            if (step == FULL) return Integer.MIN_VALUE;
            if ((step & 1) != 0) return i - p + 1;
            state = (step >> 1) - 1;
        }
        return -(end - p) - 1;
    }

    /** The step from DFA state {@code state} on column {@code col}, made now if it is not yet. */
    private synchronized int make(int state, int col) {
        int[] row = rows[state];
        if (row[col] != 0) return row[col];
        int symbol = 0;
        while (column[symbol] != col) symbol++;
        int[] to = new int[8];
        int k = 0;
        for (int s : sets[state]) {
            if (next[s] >= 0 && (symbolSets[setOf[s]][symbol >> 6] >>> (symbol & 63) & 1L) != 0) {
                if (k == to.length) to = Arrays.copyOf(to, 2 * k);
                to[k++] = next[s];
            }
        }
        int step;
        int[] set = k == 0 ? null : closure(Arrays.copyOf(to, k), k);
        if (set == null || set.length == 0) step = DEAD;
        else {
            Integer known = index.get(new Key(set));
            int target = known != null ? known : size == MAX_STATES || !budget.take(columns + set.length) ? -1 : add(set);
            if (target < 0) full = true;
            step = target < 0 ? FULL : (target + 1) << 1 | (accepting(set) ? 1 : 0);
        }
        row[col] = step;
        return step;
    }

    /** The states reached from {@code from[0, n)} by empty moves that have a move on symbols or accept, sorted. */
    private int[] closure(int[] from, int n) {
        int stamp = ++closures;
        int[] stack = Arrays.copyOf(from, Math.max(n, 16));
        int top = n;
        int[] out = new int[16];
        int k = 0;
        for (int i = 0; i < n; i++) mark[from[i]] = stamp;
        while (top > 0) {
            int s = stack[--top];
            if (next[s] >= 0 || s == accept) {
                if (k == out.length) out = Arrays.copyOf(out, 2 * k);
                out[k++] = s;
            }
            for (int i = emptyStart[s]; i < emptyStart[s + 1]; i++) {
                int t = emptyTo[i];
                if (mark[t] == stamp) continue;
                mark[t] = stamp;
                if (top == stack.length) stack = Arrays.copyOf(stack, 2 * top);
                stack[top++] = t;
            }
        }
        int[] set = Arrays.copyOf(out, k);
        Arrays.sort(set);
        return set;
    }

    private boolean accepting(int[] set) {
        return Arrays.binarySearch(set, accept) >= 0;
    }

    /** A new DFA state for {@code set} (under the lock, or in the constructor): its row is published before any step leads to it. */
    private int add(int[] set) {
        if (size == sets.length) {
            sets = Arrays.copyOf(sets, 2 * size);
            rows = Arrays.copyOf(rows, 2 * size);
        }
        sets[size] = set;
        int[][] r = rows;
        r[size] = new int[columns];
        rows = r; // volatile write: the new row is seen by whoever sees a step to it
        index.put(new Key(set), size);
        return size++;
    }

    /** How many DFA states exist (tests). */
    synchronized int states() { return size; }

    /**
     * What all the DFAs of one catalog may keep, in ints of their tables (a state costs its row and its
     * set of NFA states): a bound on memory however varied the texts (batch runs in a 64 MiB heap).
     * Once spent, a DFA that needs a new state answers "cannot tell" from then on, as a full one does.
     */
    static final class Budget {
        /** 4 MB of tables: the bench's 1,525 texts, upper-cased and reversed too, make ~0.5M ints with the real catalog. */
        static final long DEFAULT = 1_000_000;
        private final java.util.concurrent.atomic.AtomicLong left;
        Budget(long ints) { left = new java.util.concurrent.atomic.AtomicLong(ints); }
        boolean take(int ints) { return left.addAndGet(-ints) >= 0; }
    }

    /** A set of NFA states, or of symbols, as a map key. */
    private record Key(int[] set, long[] longs) {
        Key(int[] set) { this(set, null); }
        Key(long[] longs) { this(null, longs); }
        @Override public boolean equals(Object o) { return o instanceof Key k && Arrays.equals(set, k.set) && Arrays.equals(longs, k.longs); }
        @Override public int hashCode() { return set != null ? Arrays.hashCode(set) : Arrays.hashCode(longs); }
    }
}
