package dev.dokploydoctor.knowledge;

import java.util.Arrays;

/**
 * A Thompson NFA over the symbols of {@link LazyDfa} (0-127 ASCII, 128 every other character),
 * built by {@link AnchoredDfa}'s reader: each state has at most one transition on a set of symbols
 * and any number of empty moves. Fragments are (start, end) pairs; building one is a few array
 * writes, with nothing copied (round 6 built with Lucene's operations, which copy whole automata:
 * ~1.7 ms a pattern).
 */
final class Nfa {
    /** Symbols per state's set: bits 0-63, 64-127, and bit 0 of the third word for {@link LazyDfa#OTHER}. */
    static final int WORDS = 3;
    long[] sets = new long[WORDS * 32];
    int[] next = new int[32];       // per state: where its set leads, -1 none
    int[][] empty = new int[32][];  // per state: its empty moves, null none
    int size;
    int start, accept = -1;

    int state() {
        if (size == next.length) {
            next = Arrays.copyOf(next, 2 * size);
            empty = Arrays.copyOf(empty, 2 * size);
            sets = Arrays.copyOf(sets, WORDS * 2 * size);
        }
        next[size] = -1;
        empty[size] = null;
        Arrays.fill(sets, WORDS * size, WORDS * size + WORDS, 0L);
        return size++;
    }

    void emptyMove(int from, int to) {
        int[] e = empty[from];
        if (e == null) empty[from] = new int[] {to};
        else {
            e = Arrays.copyOf(e, e.length + 1);
            e[e.length - 1] = to;
            empty[from] = e;
        }
    }

    /** A fragment: start and end state (the end has no moves yet). */
    record Frag(int start, int end) {}

    /** One symbol from {@code symbols} (WORDS longs). */
    Frag symbols(long[] symbols) {
        int s = state(), e = state();
        System.arraycopy(symbols, 0, sets, WORDS * s, WORDS);
        next[s] = e;
        return new Frag(s, e);
    }

    Frag emptyString() {
        int s = state();
        return new Frag(s, s);
    }

    /** Any string at all (what follows a sequence cut short). */
    Frag anyString() {
        int s = state();
        sets[WORDS * s] = -1L;
        sets[WORDS * s + 1] = -1L;
        sets[WORDS * s + 2] = 1L;
        next[s] = s;
        return new Frag(s, s);
    }

    Frag concat(Frag a, Frag b) {
        emptyMove(a.end, b.start);
        return new Frag(a.start, b.end);
    }

    Frag union(java.util.List<Frag> alternatives) {
        if (alternatives.size() == 1) return alternatives.get(0);
        int s = state(), e = state();
        for (Frag f : alternatives) {
            emptyMove(s, f.start);
            emptyMove(f.end, e);
        }
        return new Frag(s, e);
    }

    Frag optional(Frag f) {
        int s = state(), e = state();
        emptyMove(s, f.start);
        emptyMove(s, e);
        emptyMove(f.end, e);
        return new Frag(s, e);
    }

    /** Zero or more of {@code f}. */
    Frag star(Frag f) {
        int s = state(), e = state();
        emptyMove(s, f.start);
        emptyMove(s, e);
        emptyMove(f.end, f.start);
        emptyMove(f.end, e);
        return new Frag(s, e);
    }

    /** One or more of {@code f}. */
    Frag plus(Frag f) {
        int e = state();
        emptyMove(f.end, f.start);
        emptyMove(f.end, e);
        return new Frag(f.start, e);
    }

    /** Whether state {@code s}'s set holds symbol {@code symbol}. */
    boolean takes(int s, int symbol) {
        return (sets[WORDS * s + (symbol >> 6)] >>> (symbol & 63) & 1L) != 0;
    }
}
