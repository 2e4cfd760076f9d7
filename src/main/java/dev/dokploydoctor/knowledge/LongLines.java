package dev.dokploydoctor.knowledge;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Cuts YAML lines longer than {@link #CAP} characters down to their first CAP and last 64
 * characters (the closing quote or bracket usually sits there), and remembers which lines it cut.
 * The YAML scanner copies its whole look-ahead each time it reads more, so one 10 MB line cost it
 * minutes; a cut line costs a pass, and the case on it is reported invalid with its line.
 */
final class LongLines extends Reader {
    static final int CAP = 1024 * 1024;
    private static final int TAIL = 64;

    private final Reader in;
    private final char[] chunk = new char[8192];
    private final StringBuilder ready = new StringBuilder();
    private final char[] tail = new char[TAIL];
    private final ArrayDeque<Integer> cut = new ArrayDeque<>();
    private int readyAt;
    private int column;
    private int line = 1;
    private long tailCount;

    LongLines(Reader in) { this.in = in; }

    /** The first cut line in [from, to], or 0; lines up to {@code to} are forgotten (call in file order). */
    int firstCutBetween(int from, int to) {
        int first = 0;
        while (!cut.isEmpty() && cut.peekFirst() <= to) {
            int l = cut.pollFirst();
            if (l >= from && first == 0) first = l;
        }
        return first;
    }

    @Override public int read(char[] buf, int off, int len) throws IOException {
        while (readyAt == ready.length()) {
            ready.setLength(0);
            readyAt = 0;
            int n = in.read(chunk);
            if (n < 0) {
                if (tailCount > 0) endCut();
                if (ready.length() == 0) return -1;
                break;
            }
            for (int i = 0; i < n; i++) take(chunk[i]);
        }
        int n = Math.min(len, ready.length() - readyAt);
        ready.getChars(readyAt, readyAt + n, buf, off);
        readyAt += n;
        return n;
    }

    private void take(char c) {
        if (c == '\n') {
            if (tailCount > 0) endCut();
            ready.append(c);
            column = 0;
            line++;
        } else if (column < CAP) {
            ready.append(c);
            column++;
        } else {
            if (tailCount == 0) cut.addLast(line);
            tail[(int) (tailCount++ % TAIL)] = c;
        }
    }

    private void endCut() {
        long from = Math.max(0, tailCount - TAIL);
        for (long k = from; k < tailCount; k++) ready.append(tail[(int) (k % TAIL)]);
        tailCount = 0;
    }

    @Override public void close() throws IOException { in.close(); }
}
