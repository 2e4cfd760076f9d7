package dev.dokploydoctor.knowledge;

/**
 * Case ids seen so far, kept as 64-bit hashes in an open-addressing table: a million ids cost
 * 16 MB, not the strings themselves.
 */
final class DuplicateIds {
    /** 2^21 ids fill a table of 2^22 longs, 32 MiB; a bigger table would not fit a capped heap. */
    static final int MAX_REMEMBERED = 1 << 21;

    private final int maxRemembered;
    private long[] table = new long[1 << 12];
    private int size;
    private boolean saturated;

    DuplicateIds(int maxRemembered) { this.maxRemembered = maxRemembered; }

    /** Whether some ids were let through unremembered: later repeats of them go unnoticed. */
    boolean saturated() { return saturated; }
    int remembered() { return size; }

    /** Whether this id was not seen; once the table is full, new ids are checked but not kept. */
    boolean add(String id) {
        long h = hash(id);
        if (h == 0) h = 1;
        if (size * 2 >= table.length && size < maxRemembered) grow();
        int mask = table.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                if (size >= maxRemembered) {
                    saturated = true;
                    return true;
                }
                table[i] = h;
                size++;
                return true;
            }
            if (table[i] == h) return false;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long h : old) if (h != 0) reinsert(h);
    }

    private void reinsert(long h) {
        int mask = table.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) { table[i] = h; size++; return; }
        }
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a
        for (int i = 0; i < s.length(); i++) { h ^= s.charAt(i); h *= 0x100000001b3L; }
        return h;
    }
}
