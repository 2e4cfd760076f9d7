package dev.dokploydoctor.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Case ids on disk for {@link DuplicateIds}: a temporary file (owner-only, unlinked as soon as it is open, so
 * nothing is left behind even if batch is killed) of sorted runs of records (64-bit hash, length, UTF-8 id).
 * In memory, per run, the hash and position of every 64th record (~0.25 bytes an id): a lookup reads one
 * block of each run, the block where the hash would be.
 */
final class SpilledIds implements Closeable {
    private static final int STRIDE = 64;

    /** A run's sparse index: the first hash of each block of STRIDE records and where the block starts. */
    private record Run(long[] firstHashes, long[] starts, long end) {
        long blockEnd(int b) { return b + 1 < starts.length ? starts[b + 1] : end; }
    }

    private final FileChannel channel;
    private final List<Run> runs = new ArrayList<>();
    private long end;
    private long size;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    SpilledIds() throws IOException {
        Path file = Files.createTempFile("dokploy-doctor-ids-", ".bin"); // rw------- on POSIX
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } finally {
            Files.deleteIfExists(file); // the open channel keeps the data
        }
    }

    /** Ids spilled so far. */
    long size() { return size; }

    /** Appends one run: hashes sorted (signed order), ids in the same order. */
    void writeRun(long[] hashes, String[] ids) throws IOException {
        int blocks = (hashes.length + STRIDE - 1) / STRIDE;
        long[] firstHashes = new long[blocks], starts = new long[blocks];
        ByteBuffer out = buffer.clear();
        long position = end;
        for (int r = 0; r < hashes.length; r++) {
            byte[] id = ids[r].getBytes(StandardCharsets.UTF_8);
            if (out.remaining() < 12 + id.length) {
                position += write(out, position);
                if (out.capacity() < 12 + id.length) out = buffer = ByteBuffer.allocate(12 + id.length);
                out.clear();
            }
            if (r % STRIDE == 0) { firstHashes[r / STRIDE] = hashes[r]; starts[r / STRIDE] = position + out.position(); }
            out.putLong(hashes[r]).putInt(id.length).put(id);
        }
        position += write(out, position);
        runs.add(new Run(firstHashes, starts, position));
        end = position;
        size += hashes.length;
    }

    /** Whether this id (with this hash) is in the file: the hash finds the block, the bytes decide. */
    boolean contains(long hash, String id) throws IOException {
        byte[] want = null;
        for (Run run : runs) {
            // the block before the first one starting at or above the hash: equal hashes may begin in it
            int b = Math.max(0, lowerBound(run.firstHashes, hash) - 1);
            scan:
            for (; b < run.starts.length; b++) {
                ByteBuffer block = read(run.starts[b], run.blockEnd(b));
                while (block.hasRemaining()) {
                    long h = block.getLong();
                    int length = block.getInt();
                    if (h > hash) break scan;
                    if (h == hash) {
                        if (want == null) want = id.getBytes(StandardCharsets.UTF_8);
                        if (length == want.length && block.slice(block.position(), length).equals(ByteBuffer.wrap(want))) return true;
                    }
                    block.position(block.position() + length);
                }
            }
        }
        return false;
    }

    /** The first index whose hash is at least this one (hashes may repeat: ids that collide). */
    private static int lowerBound(long[] sorted, long hash) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < hash) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Every hash in the file, run by run (to fill a larger filter). */
    void forEachHash(LongConsumer each) throws IOException {
        for (Run run : runs) {
            for (int b = 0; b < run.starts.length; b++) {
                ByteBuffer block = read(run.starts[b], run.blockEnd(b));
                while (block.hasRemaining()) {
                    each.accept(block.getLong());
                    block.position(block.position() + 4 + block.getInt(block.position()));
                }
            }
        }
    }

    private int write(ByteBuffer out, long position) throws IOException {
        out.flip();
        int n = out.remaining();
        while (out.hasRemaining()) position += channel.write(out, position);
        return n;
    }

    private ByteBuffer read(long from, long to) throws IOException {
        int length = (int) (to - from);
        if (buffer.capacity() < length) buffer = ByteBuffer.allocate(length);
        ByteBuffer in = buffer.clear().limit(length);
        while (in.hasRemaining()) if (channel.read(in, from + in.position()) < 0) throw new IOException("temporary file cut short");
        return in.flip();
    }

    @Override public void close() throws IOException { channel.close(); }
}
