package dev.dokploydoctor.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Documents;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Node;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams cases out of a batch file (YAML, JSON or JSONL), one at a time, so memory stays flat
 * however long the file. A bad case becomes an {@link Item} with an error and the rest go on;
 * a file that cannot be read as a whole (binary, malformed document) ends the stream with one
 * error item.
 */
public final class CaseReader implements Iterator<CaseReader.Item>, Closeable {
    /**
     * One case, the error that took its place, or (JSONL) a raw line still to be parsed by
     * {@link #resolve}, so parsing runs on the worker threads.
     */
    public record Item(CaseInput input, String id, KnowledgeError error, String raw, int line) {
        Item(CaseInput input, String id, KnowledgeError error) { this(input, id, error, null, 0); }
        public boolean isRaw() { return raw != null; }
    }

    /** JSONL lines longer than this are reported, not parsed (a 1 GB line must not fill memory). */
    static final int MAX_LINE = 4 * 1024 * 1024;

    private enum Mode { JSONL, DOCUMENT }

    private final String name;
    private final Vocabulary vocabulary;
    private final DuplicateIds ids = new DuplicateIds(DuplicateIds.MAX_REMEMBERED);
    private final Reader reader;
    private Mode mode;
    private JsonParser parser;
    private BufferedReader lines;
    private int lineNumber;
    private int caseIndex;
    private Item next;
    private boolean done;
    private boolean singleCaseRead;

    public CaseReader(InputStream in, String name, Vocabulary vocabulary) throws IOException {
        this.name = name;
        this.vocabulary = vocabulary;
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(8192);
        byte[] head = buffered.readNBytes(8192);
        buffered.reset();
        for (byte b : head) {
            if (b == 0) throw new KnowledgeError(name, 0, null, "not a text file (binary data); expected YAML, JSON or JSONL");
        }
        String start = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (start.isEmpty()) throw new KnowledgeError(name, 0, null, "the file is empty; expected YAML, JSON or JSONL cases");
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new InputStreamReader(buffered, decoder);
        this.mode = detect(name, start);
        if (mode == Mode.JSONL) {
            lines = new BufferedReader(reader, 1 << 16);
        } else {
            parser = Documents.openParser(reader, Documents.isJson(name) || start.startsWith("{") || start.startsWith("[") ? name + ".json" : name);
        }
    }

    /** JSONL by extension, or when the first line is a complete JSON object and more follow. */
    private static Mode detect(String name, String start) {
        String n = name.toLowerCase();
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) return Mode.JSONL;
        if (n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml")) return Mode.DOCUMENT;
        if (start.startsWith("{")) {
            int eol = start.indexOf('\n');
            String first = eol < 0 ? start : start.substring(0, eol);
            String rest = eol < 0 ? "" : start.substring(eol + 1).strip();
            if (first.strip().endsWith("}") && rest.startsWith("{")) return Mode.JSONL;
        }
        return Mode.DOCUMENT;
    }

    @Override public boolean hasNext() {
        if (next != null) return true;
        if (done) return false;
        try {
            next = mode == Mode.JSONL ? nextFromLines() : nextFromDocument();
        } catch (CharacterCodingException e) {
            next = fail(new KnowledgeError(name, lineNumber, null, "not valid UTF-8 text"));
        } catch (KnowledgeError e) {
            next = fail(e);
        } catch (IOException e) {
            next = fail(Documents.toError(e, mode == Mode.JSONL ? name + ".json" : name));
        }
        if (next == null) done = true;
        return next != null;
    }

    @Override public Item next() {
        if (!hasNext()) throw new NoSuchElementException();
        Item item = next;
        next = null;
        return item;
    }

    private Item fail(KnowledgeError e) {
        done = true;
        return new Item(null, "#" + (caseIndex + 1), e);
    }

    private Item nextFromLines() throws IOException {
        while (true) {
            String line = readBoundedLine();
            if (line == null) return null;
            lineNumber++;
            if (line.isBlank() || line.stripLeading().startsWith("//")) continue;
            caseIndex++;
            String fallback = "line-" + lineNumber;
            if (line.length() > MAX_LINE) {
                return new Item(null, fallback, new KnowledgeError(name, lineNumber, null,
                        "line longer than " + (MAX_LINE / (1024 * 1024)) + " MiB; one case per line expected"));
            }
            return new Item(null, fallback, null, line, lineNumber);
        }
    }

    /** Parse and check a raw JSONL item (thread-safe); other items are returned as they are. */
    public Item resolve(Item item) {
        if (!item.isRaw()) return item;
        try {
            Node n = Node.relocated(Documents.parse(item.raw(), name + ".json"), name, item.line());
            return toItem(n, item.id(), false);
        } catch (KnowledgeError e) {
            return new Item(null, item.id(), new KnowledgeError(name, item.line(), e.field(), e.getMessage()), null, item.line());
        }
    }

    /**
     * Whether this id is new; call in input order. A repeated id is an error located at the
     * repeat (ids are kept as hashes, see {@link DuplicateIds}).
     */
    public boolean firstUse(String id) { return ids.add(id); }

    /** A note for standard error when duplicate ids were not checked across the whole file, else null. */
    public String idsNotice() {
        return ids.saturated() ? "duplicate ids are checked against the first " + String.format("%,d", ids.remembered())
                + " cases only (so memory stays flat)" : null;
    }

    /** Reads one line, but keeps at most MAX_LINE+1 characters of it (the rest is skipped). */
    private String readBoundedLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        boolean any = false;
        while ((c = lines.read()) != -1) {
            any = true;
            if (c == '\n') break;
            if (sb.length() <= MAX_LINE) sb.append((char) c);
        }
        if (!any) return null;
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') sb.setLength(len - 1);
        return sb.toString();
    }

    private boolean inArray;

    private Item nextFromDocument() throws IOException {
        if (!inArray) {
            if (singleCaseRead) return null;
            JsonToken t = parser.nextToken();
            if (t == null) throw new KnowledgeError(name, 0, null, "the file is empty; expected cases");
            if (t == JsonToken.START_ARRAY) {
                inArray = true;
            } else if (t == JsonToken.START_OBJECT) {
                // either {cases: [...]} or a single case
                JsonToken f = parser.nextToken();
                if (f == JsonToken.FIELD_NAME && "cases".equals(parser.currentName())) {
                    int line = Documents.line(parser);
                    JsonToken arr = parser.nextToken();
                    if (arr == JsonToken.VALUE_NULL) throw new KnowledgeError(name, line, "cases", "'cases' is empty");
                    if (arr != JsonToken.START_ARRAY) throw new KnowledgeError(name, line, "cases", "'cases' must be a list of cases");
                    inArray = true;
                } else {
                    // a single case object: re-read it whole from here
                    Node single = Documents.readFields(parser, name, Documents.line(parser));
                    singleCaseRead = true;
                    caseIndex++;
                    return toItem(single, "case-1", true);
                }
            } else {
                throw new KnowledgeError(name, Documents.line(parser), null,
                        "expected a map with 'cases:', a list of cases, or one case");
            }
        }
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY || t == null) {
            inArray = false;
            singleCaseRead = true;
            return null;
        }
        caseIndex++;
        Node n = Documents.readValue(parser, name);
        return toItem(n, "case-" + caseIndex, true);
    }

    /** Check a case; in document mode (read in order) also check its id is new. */
    private Item toItem(Node n, String fallbackId, boolean checkDuplicate) {
        String id = n.isMap() ? n.text("id", null) : null;
        try {
            CaseInput c = CaseInput.fromNode(n, vocabulary, fallbackId, true);
            if (checkDuplicate && !firstUse(c.id())) return duplicate(c);
            return new Item(c, c.id(), null, null, c.line());
        } catch (KnowledgeError e) {
            return new Item(null, id != null ? id : fallbackId, e, null, n.line());
        }
    }

    public Item duplicate(CaseInput c) {
        return new Item(null, c.id(), new KnowledgeError(c.file(), c.line(), "id", "duplicate case id '" + c.id() + "'"), null, c.line());
    }

    /** JSONL items are parsed on workers: their ids are checked in order when emitted. */
    public boolean idsCheckedOnEmit() { return mode == Mode.JSONL; }

    @Override public void close() throws IOException {
        if (parser != null) parser.close();
        reader.close();
    }

    /**
     * Case ids seen so far, kept as 64-bit hashes in an open-addressing table: a million ids cost
     * 16 MB, not the strings themselves.
     */
    static final class DuplicateIds {
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
}
