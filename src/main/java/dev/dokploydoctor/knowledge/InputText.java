package dev.dokploydoctor.knowledge;

import dev.dokploydoctor.knowledge.KnowledgeError;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a batch file as text: the encoding read from a byte-order mark (UTF-8, UTF-16) or
 * from the pattern of zero bytes of UTF-16 without one, else UTF-8; leading blank lines skipped
 * however many (their count kept, so line numbers stay right); binary data told apart from a text
 * with a stray NUL by how much of its start is control bytes. JSONL is decoded line by line, so one
 * line that is not UTF-8 is that line's problem only.
 */
final class InputText {
    static final int HEAD = 8192;

    private final String name;
    private final BufferedInputStream in;
    private final Charset charset;
    private final int blankLines;
    private final String head;

    /** A line of a JSONL file: its text, or why it could not be decoded. */
    record Line(String text, String problem) {}

    InputText(InputStream raw, String name) throws IOException {
        this.name = name;
        this.in = new BufferedInputStream(raw, 1 << 16);
        this.charset = encoding();
        int unit = charset == StandardCharsets.UTF_8 ? 1 : 2;
        this.blankLines = skipBlank(unit);
        in.mark(HEAD);
        byte[] start = in.readNBytes(HEAD);
        in.reset();
        if (start.length == 0) throw new KnowledgeError(name, 0, null, "the file is empty; expected YAML, JSON or JSONL cases");
        if (unit == 1 && mostlyControl(start)) {
            throw new KnowledgeError(name, 0, null, "not a text file (binary data); expected YAML, JSON or JSONL");
        }
        this.head = new String(start, 0, start.length - start.length % unit, charset);
    }

    /** The first 8 KB after the blank lines, decoded leniently: enough to tell JSONL from a document. */
    String head() { return head; }

    /** The whole text from the first non-blank line on, with the blank lines before it kept as line ends. */
    Reader reader() {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(withBlankLines(), decoder);
    }

    /** Line number of the first non-blank line, minus one. */
    int blankLines() { return blankLines; }

    boolean isUtf8() { return charset == StandardCharsets.UTF_8; }

    /** Reads the next line of a JSONL file (at most {@code max} bytes or characters of it kept); null at the end. */
    Line nextLine(int max) throws IOException {
        if (isUtf8()) return nextUtf8Line(max);
        if (otherLines == null) otherLines = new BufferedReader(reader(), 1 << 16);
        return nextDecodedLine(max);
    }

    /** The lines of a file that is not UTF-8, decoded as a whole; null until the first is read. */
    private BufferedReader otherLines;

    void close() throws IOException {
        if (otherLines != null) otherLines.close();
    }

    /** Reads the next line (at most {@code max} bytes of it kept); null at the end. UTF-8 only. */
    private Line nextUtf8Line(int max) throws IOException {
        byte[] buf = lineBuffer;
        int len = 0;
        boolean any = false;
        boolean cut = false;
        int b;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') break;
            if (len < max) {
                if (len == buf.length) buf = lineBuffer = Arrays.copyOf(buf, Math.min(max, buf.length * 2));
                buf[len++] = (byte) b;
            } else {
                cut = true;
            }
        }
        if (!any) return null;
        if (len > 0 && buf[len - 1] == '\r') len--;
        if (cut) return new Line(null, "line longer than " + (max / (1024 * 1024)) + " MiB; one case per line expected");
        utf8.reset();
        ByteBuffer bytes = ByteBuffer.wrap(buf, 0, len);
        CharBuffer chars = CharBuffer.allocate(len);
        CoderResult r = utf8.decode(bytes, chars, true);
        if (r.isError()) {
            return new Line(null, "not valid UTF-8 text (byte 0x" + String.format("%02X", buf[bytes.position()] & 0xff)
                    + " at column " + (bytes.position() + 1) + "); save the file as UTF-8");
        }
        utf8.flush(chars);
        return new Line(chars.flip().toString(), null);
    }

    /** Reads one line of a file that is not UTF-8, but keeps at most {@code max} characters of it (the rest is skipped). */
    private Line nextDecodedLine(int max) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        boolean any = false;
        boolean cut = false;
        while ((c = otherLines.read()) != -1) {
            any = true;
            if (c == '\n') break;
            if (sb.length() < max) sb.append((char) c);
            else cut = true;
        }
        if (!any) return null;
        if (cut) return new Line(null, "line longer than " + (max / (1024 * 1024)) + " MiB; one case per line expected");
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
        return new Line(sb.toString(), null);
    }

    private byte[] lineBuffer = new byte[256];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private Charset encoding() throws IOException {
        in.mark(HEAD);
        byte[] h = in.readNBytes(HEAD);
        in.reset();
        if (h.length >= 3 && (h[0] & 0xff) == 0xEF && (h[1] & 0xff) == 0xBB && (h[2] & 0xff) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        if (h.length >= 2 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xFE) { in.skipNBytes(2); return StandardCharsets.UTF_16LE; }
        if (h.length >= 2 && (h[0] & 0xff) == 0xFE && (h[1] & 0xff) == 0xFF) { in.skipNBytes(2); return StandardCharsets.UTF_16BE; }
        // UTF-16 without a mark: text in Latin letters has a zero in every other byte
        int pairs = h.length / 2, zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i + 1 < h.length; i += 2) {
            if (h[i] == 0) zeroEven++;
            if (h[i + 1] == 0) zeroOdd++;
        }
        if (pairs >= 2 && zeroOdd * 10 >= pairs * 7 && zeroEven * 20 <= pairs) return StandardCharsets.UTF_16LE;
        if (pairs >= 2 && zeroEven * 10 >= pairs * 7 && zeroOdd * 20 <= pairs) return StandardCharsets.UTF_16BE;
        return StandardCharsets.UTF_8;
    }

    /** Skip spaces, tabs and line ends at the start, counting the line ends. */
    private int skipBlank(int unit) throws IOException {
        int lines = 0;
        while (true) {
            in.mark(unit);
            int c = in.read();
            if (c == -1) break;
            if (unit == 2) {
                int d = in.read();
                if (d == -1) { in.reset(); break; }
                c = charset == StandardCharsets.UTF_16LE ? (d << 8 | c) : (c << 8 | d);
            }
            if (c == '\n') lines++;
            else if (c != ' ' && c != '\t' && c != '\r') { in.reset(); break; }
        }
        return lines;
    }

    /**
     * Binary, not text: more than a tenth of the start is control bytes (a NUL, or below a space other
     * than tab, line end, form feed) or bytes that are not UTF-8. A stray NUL or a Latin-1 letter is a
     * problem of its line, not a reason to throw the file away.
     */
    private static boolean mostlyControl(byte[] start) {
        int odd = 0;
        for (byte b : start) if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) odd++;
        String lenient = new String(start, StandardCharsets.UTF_8);
        for (int i = 0; i < lenient.length() - 3; i++) if (lenient.charAt(i) == '\uFFFD') odd++; // the last bytes may be a cut letter
        return odd * 10 > start.length;
    }

    /** The stream with the skipped blank lines given back as line ends, in the file's encoding. */
    private InputStream withBlankLines() {
        if (blankLines == 0) return in;
        byte[] nl = "\n".getBytes(charset);
        InputStream newlines = new InputStream() {
            private final long total = (long) blankLines * nl.length;
            private long at;
            @Override public int read() { return at == total ? -1 : nl[(int) (at++ % nl.length)] & 0xff; }
        };
        return new SequenceInputStream(newlines, in);
    }

    String name() { return name; }
}
