package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Case ids seen so far, kept as 64-bit hashes (not the strings): the latest few thousand in a small
 * hash table, the rest in sorted runs searched by bisection. 8 bytes an id and no table that doubles
 * (the open-addressing table this replaces cost 16 bytes an id at half load, plus the old table
 * beside the new one while it grew: 24 MiB at 524k ids), so batch's heap stays small and flat.
 */
final class DuplicateIds {
    /**
     * 2^20 ids (1,048,576) fill 8 MiB of runs; past that, new ids are checked but not kept (batch says
     * so on stderr). More would not fit batch's 64 MiB heap beside its ~32 MiB of live data.
     */
    static final int MAX_REMEMBERED = 1 << 20;
    /** Ids in the hash table before they become a sorted run. */
    private static final int RECENT = 1 << 12;
    /** Runs are merged up to this length (2 MiB), so a merge never copies more than that. */
    private static final int LONGEST_RUN = 1 << 18;

    private final int maxRemembered;
    private final long[] recent = new long[RECENT * 2]; // open addressing at half load; 0 is empty
    private int recentSize;
    private final List<long[]> runs = new ArrayList<>(); // sorted; lengths never grow along the list
    private int size;
    private boolean saturated;

    DuplicateIds(int maxRemembered) { this.maxRemembered = maxRemembered; }

    /** Whether some ids were let through unremembered: later repeats of them go unnoticed. */
    boolean saturated() { return saturated; }
    int remembered() { return size; }

    /** Whether this id was not seen; once full, new ids are checked but not kept. */
    boolean add(String id) {
        long h = hash(id);
        if (h == 0) h = 1;
        int mask = recent.length - 1;
        int i = slot(h, mask);
        for (; recent[i] != 0; i = (i + 1) & mask) if (recent[i] == h) return false;
        for (long[] run : runs) if (Arrays.binarySearch(run, h) >= 0) return false;
        if (size >= maxRemembered) {
            saturated = true;
            return true;
        }
        recent[i] = h;
        size++;
        if (++recentSize == RECENT) flushRecent();
        return true;
    }

    private static int slot(long h, int mask) { return (int) (h ^ (h >>> 32)) & mask; }

    /** The hash table's ids become a sorted run; equal-length runs at the end merge, up to LONGEST_RUN. */
    private void flushRecent() {
        long[] run = new long[recentSize];
        int n = 0;
        for (long h : recent) if (h != 0) run[n++] = h;
        Arrays.sort(run);
        Arrays.fill(recent, 0);
        recentSize = 0;
        runs.add(run);
        while (runs.size() >= 2) {
            long[] last = runs.get(runs.size() - 1), before = runs.get(runs.size() - 2);
            if (last.length != before.length || last.length * 2 > LONGEST_RUN) break;
            runs.remove(runs.size() - 1);
            runs.set(runs.size() - 1, merge(before, last));
        }
    }

    private static long[] merge(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0, j = 0, k = 0;
        while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        while (i < a.length) out[k++] = a[i++];
        while (j < b.length) out[k++] = b[j++];
        return out;
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a
        for (int i = 0; i < s.length(); i++) { h ^= s.charAt(i); h *= 0x100000001b3L; }
        return h;
    }
}
