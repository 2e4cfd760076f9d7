package dev.dokploydoctor.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.ToLongFunction;

/**
 * Case ids seen so far, exactly (a repeated id is an error at the repeat), in a heap that stays flat however
 * long the file: the latest 8,192 ids in a small hash table with their strings; older ones spilled to a
 * temporary file in sorted runs ({@link SpilledIds}), in front of which a Bloom filter of their 64-bit hashes
 * says "never seen" for almost every new id without reading the file. A hash match, in the table or the file,
 * is re-checked against the id itself, so two ids that share a hash are not taken for a repeat.
 * <p>
 * Why not the hashes alone in memory (the table this replaces: 8 bytes an id, 8 MiB at 1M cases, and batch's
 * heap grew with it): the file costs nothing resident, the filter 256 KiB from the first spill on (8 bits an id
 * up to 262,144 ids, doubled from the file each time it passes that: 1 MiB at 1M ids), and a lookup reads the file only on a filter hit (~2 % at 1M ids, less
 * before). Why not two passes over the input: stdin cannot be read twice, and the first pass would delay
 * the first result by a read of the whole file.
 */
final class DuplicateIds implements Closeable {
    /** Ids kept in memory with their strings before they are spilled as one sorted run. */
    static final int RECENT = 1 << 13;
    /**
     * The filter's first size in bits (256 KiB): 8 bits an id for the first 262,144 spilled ids. Started at 1 MiB it
     * cost every batch past 8,192 cases its whole megabyte of RSS, which only a 1M-case file needs (Round 9, perf-batch3).
     */
    private static final int FILTER_BITS = 1 << 21;

    private final ToLongFunction<String> hash;
    private final int recentCapacity;
    private final int filterBits;
    private final long[] recentHashes; // open addressing at half load; 0 is empty
    private final String[] recentIds;
    private int recentSize;
    private SpilledIds spilled;
    private BloomFilter filter;
    private long remembered;
    private boolean saturated;

    DuplicateIds() { this(RECENT, FILTER_BITS, DuplicateIds::fnv1a); }

    /** For tests: a small table spills often, a small filter grows, and a poor hash makes ids collide. */
    DuplicateIds(int recentCapacity, int filterBits, ToLongFunction<String> hash) {
        this.hash = hash;
        this.recentCapacity = recentCapacity;
        this.filterBits = filterBits;
        int slots = Integer.highestOneBit(Math.max(2, recentCapacity) * 2 - 1) * 2;
        this.recentHashes = new long[slots];
        this.recentIds = new String[slots];
    }

    /** Whether some ids were let through unremembered (no temporary file could be written). */
    boolean saturated() { return saturated; }
    long remembered() { return remembered; }

    /** Whether this id was not seen before; it is remembered from now on. */
    boolean add(String id) {
        long h = mix(hash.applyAsLong(id));
        if (h == 0) h = 1;
        int mask = recentHashes.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        for (; recentHashes[i] != 0; i = (i + 1) & mask) if (recentHashes[i] == h && recentIds[i].equals(id)) return false;
        if (spilled != null && filter.mightContain(h) && spilledContains(h, id)) return false;
        if (saturated) return true;
        recentHashes[i] = h;
        recentIds[i] = id;
        remembered++;
        if (++recentSize == recentCapacity) spill();
        return true;
    }

    private boolean spilledContains(long h, String id) {
        try {
            return spilled.contains(h, id);
        } catch (IOException e) {
            throw new KnowledgeError("<duplicate ids>", 0, null, "cannot read the temporary file of case ids: " + e.getMessage());
        }
    }

    /** The table's ids become one sorted run in the file; on failure they stay, and no more are kept. */
    private void spill() {
        long[] hashes = new long[recentSize];
        String[] ids = new String[recentSize];
        Integer[] order = new Integer[recentSize];
        int n = 0;
        for (int i = 0; i < recentHashes.length; i++) if (recentHashes[i] != 0) order[n++] = i;
        Arrays.sort(order, (a, b) -> Long.compare(recentHashes[a], recentHashes[b]));
        for (int k = 0; k < n; k++) { hashes[k] = recentHashes[order[k]]; ids[k] = recentIds[order[k]]; }
        try {
            if (spilled == null) { spilled = new SpilledIds(); filter = new BloomFilter(filterBits); }
            spilled.writeRun(hashes, ids);
        } catch (IOException e) {
            saturated = true;
            return;
        }
        for (long h : hashes) filter.add(h);
        if (spilled.size() > filter.bits() / 8) {  // keep ~8 bits an id: a larger filter, filled from the file
            BloomFilter larger = new BloomFilter(filter.bits() * 2L);
            try {
                spilled.forEachHash(larger::add);
                filter = larger;
            } catch (IOException e) {
                // the smaller filter stays: still right, only slower
            }
        }
        Arrays.fill(recentHashes, 0);
        Arrays.fill(recentIds, null);
        recentSize = 0;
    }

    @Override public void close() throws IOException {
        if (spilled != null) spilled.close();
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) { h ^= s.charAt(i); h *= 0x100000001b3L; }
        return h;
    }

    /** SplitMix64's finalizer: every bit of the hash depends on every bit of FNV's, as the filter's probes need. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A Bloom filter of 64-bit hashes: five probes by double hashing of the hash's two halves. */
    private static final class BloomFilter {
        private static final int PROBES = 5;
        private final long[] words;
        private final long mask;

        BloomFilter(long bits) {
            words = new long[(int) (bits >>> 6)];
            mask = bits - 1;
        }

        long bits() { return (long) words.length << 6; }

        void add(long h) {
            long a = h, b = (h >>> 32) | 1;
            for (int i = 0; i < PROBES; i++, a += b) words[(int) ((a & mask) >>> 6)] |= 1L << a;
        }

        boolean mightContain(long h) {
            long a = h, b = (h >>> 32) | 1;
            for (int i = 0; i < PROBES; i++, a += b) if ((words[(int) ((a & mask) >>> 6)] & (1L << a)) == 0) return false;
            return true;
        }
    }
}
