package dev.dokploydoctor.knowledge;

import com.google.re2j.Pattern;
import com.google.re2j.ProgramView;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the match that starts at a place ends, found by a DFA made from RE2/J's own program of the
 * pattern ({@link ProgramView}): the same end RE2/J's anchored attempt finds (leftmost-first: the
 * alternatives' and repeats' priorities), at one table load per character instead of RE2/J's NFA
 * (a thread list per character, ~100 ns). {@link PrefixSearch} asks it at each place, in order; the first
 * place with a match is the search's, and RE2/J runs only for the groups of a match an entry uses.
 *
 * <p>How: a DFA state is what RE2/J's Machine holds between two characters, its threads in priority
 * order (each the instruction after the character it took), with the kind of that character (text
 * start, line feed, word character, other), which decides with the next character the empty-width
 * conditions ({@code ^ $ \b \B \A \z}) of the next closure. A step runs the closure in the Machine's
 * order under those conditions, then the threads on the character; a thread that reaches the match
 * records a match ending here and cuts the threads after it (they have lower priority), as the
 * Machine does. The match's end is the last one recorded before no thread is left. States and
 * steps are made as texts visit them ({@link LazyDfa}'s scheme), on the text as it is (not folded: the
 * program folds case itself); a character outside ASCII is stepped without a table (rare in pastes).
 *
 * <p>Bounded: at most {@link #MAX_STATES} states, counted against the catalog's budget for these DFAs; once
 * one more is needed, a run that steps where it would lead answers {@link #CANNOT_TELL} and the caller lets
 * RE2/J decide, while the states made go on serving the runs that stay among them. A text
 * with a surrogate pair is not read (RE2/J reads code points); a leftmost-longest pattern has none.
 */
final class FirstMatchDfa {
    /** The most states one DFA keeps (a step is a short: (state + 1) << 1 | 1 must fit). */
    static final int MAX_STATES = 2048;
    /** What one catalog's DFAs may keep, in ints (8 MB). */
    static final long BUDGET = 2_000_000;
    /** {@link #run}'s answer when no room is left for a state it needs. */
    static final long CANNOT_TELL = Long.MIN_VALUE;
    /** Programs of more instructions than this have none: each state made walks them (the catalog's largest has a few thousand). */
    private static final int MAX_PROGRAM = 20_000;
    private static final int ASCII = 128;
    private static final int BEGIN = 0, NEWLINE = 1, WORD = 2, OTHER = 3; // kinds of the character before a position
    private static final int DEAD = 0;    // the state with no thread left
    private static final int FULL = -1;   // a step that needed a state there was no room for
    /** What a state costs besides its row and threads, in ints: its key in the index (a map entry, a record, the array's header). */
    private static final int STATE_OVERHEAD = 16;

    private final ProgramView program;
    private final boolean anywhere;       // a search anywhere: a new thread at the start at every position, and only whether one matches
    private final int[] op, out, arg;
    private final int[] runeIndex;        // per instruction: its index among the rune instructions, -1 none
    private final long[][] asciiTakes;    // per rune instruction: the ASCII characters it takes (two longs)
    private final byte[] column = new byte[ASCII]; // per ASCII character: its column (characters every instruction and condition treat alike)
    private final char[] representative;  // per column: one of its characters
    private final int columns;            // table columns: one per class of characters, then the text's end
    private final LazyDfa.Budget budget;
    private final int[] start = new int[4]; // per kind of the character before the place: the start state

    private boolean full;                 // no room for another state (under the lock)
    private volatile short[][] rows;      // per state: per column 0 (not made), FULL, or (target + 1) << 1 | a match ends before the character
    private int[][] seeds;                // per state: its threads' instructions in priority order (under the lock)
    private int[] kinds;                  // per state: the kind of the character before it
    private final Map<Seeds, Integer> index = new HashMap<>();
    private int size;
    private final int[] mark;             // per instruction: the closure that last reached it (under the lock)
    private int closures;

    private FirstMatchDfa(ProgramView program, LazyDfa.Budget budget, boolean anywhere) {
        this.program = program;
        this.anywhere = anywhere;
        this.budget = budget;
        int n = program.size();
        op = new int[n];
        out = new int[n];
        arg = new int[n];
        runeIndex = new int[n];
        int runes = 0;
        for (int pc = 0; pc < n; pc++) {
            op[pc] = program.op(pc);
            out[pc] = program.out(pc);
            arg[pc] = program.arg(pc);
            runeIndex[pc] = isRune(op[pc]) ? runes++ : -1;
        }
        asciiTakes = new long[runes][2];
        for (int pc = 0; pc < n; pc++) {
            if (runeIndex[pc] < 0) continue;
            for (int c = 0; c < ASCII; c++) if (program.takes(pc, c)) asciiTakes[runeIndex[pc]][c >> 6] |= 1L << (c & 63);
        }
        // two characters share a column when every rune instruction takes both or neither and they are of one kind
        Map<Seeds, Integer> signatures = new HashMap<>();
        char[] reps = new char[ASCII];
        for (int c = 0; c < ASCII; c++) {
            int[] sig = new int[(runes >> 5) + 2];
            for (int r = 0; r < runes; r++) if ((asciiTakes[r][c >> 6] >>> (c & 63) & 1L) != 0) sig[r >> 5] |= 1 << (r & 31);
            sig[sig.length - 1] = kind(c);
            Integer col = signatures.putIfAbsent(new Seeds(sig), signatures.size());
            if (col == null) { col = signatures.size() - 1; reps[col] = (char) c; }
            column[c] = (byte) (int) col;
        }
        representative = Arrays.copyOf(reps, signatures.size());
        columns = signatures.size() + 1;
        mark = new int[n];
        seeds = new int[16][];
        kinds = new int[16];
        rows = new short[16][];
        add(BEGIN, new int[0]); // DEAD
        for (int k = BEGIN; k <= OTHER; k++) start[k] = add(k, new int[] {program.start()});
    }

    /** The DFA of {@code pattern}, or null when it has none (leftmost-longest, or more instructions than a closure should walk). */
    static FirstMatchDfa of(Pattern pattern, LazyDfa.Budget budget) { return of(pattern, budget, false); }

    /**
     * The DFA that tells whether {@code pattern} matches anywhere in a span searched as a text of its own
     * ({@link #matchesIn}: what RE2/J's {@code matcher(text.substring(from, to)).find()} says), or null.
     */
    static FirstMatchDfa anywhere(Pattern pattern, LazyDfa.Budget budget) { return of(pattern, budget, true); }

    private static FirstMatchDfa of(Pattern pattern, LazyDfa.Budget budget, boolean anywhere) {
        if (ProgramView.longest(pattern)) return null;
        ProgramView program = ProgramView.of(pattern);
        if (program.size() > MAX_PROGRAM) return null;
        return new FirstMatchDfa(program, budget, anywhere);
    }

    /**
     * The step from {@code state} on column {@code col} as this thread's copy of the rows holds it, 0 when not made or
     * not in the copy: another thread may have made {@code state} in rows grown since (their inner arrays are shared, so
     * a step into it can be seen before the state itself), and 0 sends the caller to {@link #make}, under the lock,
     * which refreshes the copy (as LazyDfa.scan guards the same case).
     */
    private static int known(short[][] rows, int state, int col) {
        short[] row = state < rows.length ? rows[state] : null;
        return row == null ? 0 : row[col];
    }

    /**
     * An {@link #anywhere} DFA: 1 when the pattern matches in {@code text[from, to)} searched as a text of its own
     * (its start and end are the text's), 0 when it does not, -1 when it cannot tell (no room for a state it needs).
     */
    int matchesIn(String text, int from, int to) {
        long r = walk(text, from, to, start[BEGIN], true);
        return r == CANNOT_TELL ? -1 : (int) r != 0 ? 1 : 0;
    }

    /**
     * The match starting at {@code p} in {@code text} (no surrogate pairs), read to at most {@code end}
     * (the text's end: {@code $} and {@code \z} see it as such): {@code (read << 32) | (matchEnd + 1)}, where
     * matchEnd is -1 when no match starts at {@code p} and read the characters looked at; or {@link #CANNOT_TELL}.
     */
    long run(String text, int p, int end) {
        return walk(text, p, end, start[p == 0 ? BEGIN : kind(text.charAt(p - 1))], false);
    }

    /**
     * Both searches' one loop: the steps from {@code state} over {@code text[from, to)} and its end, until no thread
     * is left ({@code firstEnd}: until a match ends). {@code (read << 32) | (last match end + 1)}, or {@link #CANNOT_TELL}.
     */
    private long walk(String text, int from, int to, int state, boolean firstEnd) {
        int last = -1;
        short[][] rows = this.rows;
        for (int i = from; ; i++) {
            int c = i == to ? -1 : text.charAt(i);
            int col = c < 0 ? columns - 1 : c < ASCII ? column[c] : -1; // the text's end has the last column; outside ASCII none
            int step = col < 0 ? 0 : known(rows, state, col);
            if (step == 0) {
                step = make(state, c, col);
                rows = this.rows;
            }
            if (step == FULL) return CANNOT_TELL;
            if ((step & 1) != 0) {
                last = i;
                if (firstEnd) return (long) (i - from) << 32 | (last + 1);
            }
            if (c < 0) return (long) (i - from) << 32 | (last + 1);
            state = (step >> 1) - 1;
            if (state == DEAD) return (long) (i - from + 1) << 32 | (last + 1);
        }
    }

    /** States made so far (tests, the bench). */
    synchronized int states() { return size; }

    /**
     * The step from {@code state} on character {@code c} (-1: the text's end), kept in column {@code col}
     * (-1: not kept, a character outside ASCII). Under the lock: made once, then read without it.
     */
    private synchronized int make(int state, int c, int col) {
        if (col >= 0 && rows[state][col] != 0) return rows[state][col];
        int prev = kinds[state];
        int[] from = seeds[state];
        if (anywhere) { // the Machine's unanchored search adds a thread at the start, last, until it has a match
            from = Arrays.copyOf(from, from.length + 1);
            from[from.length - 1] = program.start();
        }
        int[] list = closure(from, conditions(prev, c));
        boolean matched = false;
        int[] next = new int[list.length];
        int k = 0;
        for (int pc : list) {
            if (op[pc] == ProgramView.MATCH) { matched = true; break; } // the threads after it have lower priority
            if (c >= 0 && takes(pc, c)) {
                int o = out[pc];
                boolean seen = false;
                for (int j = 0; j < k && !seen; j++) seen = next[j] == o;
                if (!seen) next[k++] = o;
            }
        }
        int target = DEAD;
        if (c >= 0 && (k > 0 || anywhere) && !(anywhere && matched)) {
            int kind = kind(c);
            if (anywhere) Arrays.sort(next, 0, k); // whether any thread matches does not depend on their order
            Seeds key = new Seeds(kind, Arrays.copyOf(next, k));
            Integer known = index.get(key);
            if (known != null) target = known;
            else if (!full && size < MAX_STATES && budget.take(columns / 2 + k + STATE_OVERHEAD)) target = add(kind, key.set);
            else {
                full = true;
                if (col >= 0) rows[state][col] = (short) FULL; // this step cannot tell from now on; the states made go on serving
                return FULL;
            }
        }
        int step = (target + 1) << 1 | (matched ? 1 : 0);
        if (col >= 0) rows[state][col] = (short) step;
        return step;
    }

    private boolean takes(int pc, int c) {
        if (c < ASCII) return (asciiTakes[runeIndex[pc]][c >> 6] >>> (c & 63) & 1L) != 0;
        return program.takes(pc, c);
    }

    /**
     * The threads the Machine holds once it has followed every empty move from {@code from} (in order)
     * under {@code cond}: the rune and match instructions reached, in the order of its depth-first walk
     * (an alternation's first branch before its second; an instruction reached again is not added again).
     */
    private int[] closure(int[] from, int cond) {
        int stamp = ++closures;
        int[] stack = new int[Math.max(16, from.length)];
        int top = 0;
        for (int i = from.length - 1; i >= 0; i--) stack[top++] = from[i];
        int[] list = new int[16];
        int k = 0;
        while (top > 0) {
            int pc = stack[--top];
            if (pc == 0 || mark[pc] == stamp) continue; // instruction 0 is RE2/J's FAIL, which add() skips
            mark[pc] = stamp;
            if (top + 2 > stack.length) stack = Arrays.copyOf(stack, 2 * stack.length);
            switch (op[pc]) {
                case ProgramView.ALT, ProgramView.ALT_MATCH -> { stack[top++] = arg[pc]; stack[top++] = out[pc]; }
                case ProgramView.EMPTY_WIDTH -> { if ((arg[pc] & ~cond) == 0) stack[top++] = out[pc]; }
                case ProgramView.NOP, ProgramView.CAPTURE -> stack[top++] = out[pc];
                case ProgramView.FAIL -> { }
                default -> {
                    if (k == list.length) list = Arrays.copyOf(list, 2 * k);
                    list[k++] = pc;
                }
            }
        }
        return Arrays.copyOf(list, k);
    }

    /** The empty-width conditions between a character of kind {@code prev} and {@code c} (-1: the text's end), as RE2/J's emptyOpContext. */
    private static int conditions(int prev, int c) {
        int cond = 0;
        if (prev == BEGIN) cond |= ProgramView.BEGIN_TEXT | ProgramView.BEGIN_LINE;
        if (prev == NEWLINE) cond |= ProgramView.BEGIN_LINE;
        if (c < 0) cond |= ProgramView.END_TEXT | ProgramView.END_LINE;
        if (c == '\n') cond |= ProgramView.END_LINE;
        boolean before = prev == WORD, after = c >= 0 && ProgramView.wordRune(c);
        return cond | (before != after ? ProgramView.WORD_BOUNDARY : ProgramView.NO_WORD_BOUNDARY);
    }

    private static int kind(int c) {
        return c == '\n' ? NEWLINE : ProgramView.wordRune(c) ? WORD : OTHER;
    }

    private static boolean isRune(int op) {
        return op == ProgramView.RUNE || op == ProgramView.RUNE1 || op == ProgramView.RUNE_ANY || op == ProgramView.RUNE_ANY_NOT_NL;
    }

    /** A new state (under the lock, or in the constructor): its row is published before any step leads to it. */
    private int add(int kind, int[] set) {
        if (size == seeds.length) {
            seeds = Arrays.copyOf(seeds, 2 * size);
            kinds = Arrays.copyOf(kinds, 2 * size);
            rows = Arrays.copyOf(rows, 2 * size);
        }
        seeds[size] = set;
        kinds[size] = kind;
        short[][] r = rows;
        r[size] = new short[columns];
        rows = r; // volatile write: the new row is seen by whoever sees a step to it
        index.put(new Seeds(kind, set), size);
        return size++;
    }

    /** A state's threads and the kind of the character before it, as a map key (also a column's signature). */
    private record Seeds(int kind, int[] set) {
        Seeds(int[] signature) { this(-1, signature); }
        @Override public boolean equals(Object o) { return o instanceof Seeds s && s.kind == kind && Arrays.equals(set, s.set); }
        @Override public int hashCode() { return 31 * Arrays.hashCode(set) + kind; }
    }
}
