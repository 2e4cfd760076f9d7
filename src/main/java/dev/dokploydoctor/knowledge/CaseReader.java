package dev.dokploydoctor.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
    private final DuplicateIds ids = new DuplicateIds();
    private final InputText text;
    private final Reader reader;
    private final Mode mode;
    private JsonParser parser;
    private ValueReader values;
    private LongLines longLines;
    private int lineNumber;
    private int caseIndex;
    /** True while a case is being read: a failure then belongs to it, not to the next one. */
    private boolean inCase;
    private Item next;
    private boolean done;

    public CaseReader(InputStream in, String name, Vocabulary vocabulary) throws IOException {
        this.name = name;
        this.vocabulary = vocabulary;
        this.text = new InputText(in, name);
        String start = text.head();
        this.mode = detect(name, start);
        this.lineNumber = text.blankLines();
        if (mode == Mode.JSONL) {
            this.reader = null;
        } else {
            boolean json = Documents.isJson(name) || start.startsWith("{") || start.startsWith("[");
            longLines = json ? null : new LongLines(text.reader());
            this.reader = json ? text.reader() : longLines;
            parser = Documents.openParser(reader, json ? name + ".json" : name);
            values = new ValueReader(parser, name);
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
            next = fail(new KnowledgeError(name, mode == Mode.JSONL ? lineNumber + 1 : parserLine(), null,
                    "not valid " + (text.isUtf8() ? "UTF-8" : "UTF-16") + " text from here on; save the file as UTF-8"));
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
        return new Item(null, "#" + (inCase ? caseIndex : caseIndex + 1), e);
    }

    private Item nextFromLines() throws IOException {
        while (true) {
            InputText.Line line = text.nextLine(MAX_LINE);
            if (line == null) return null;
            lineNumber++;
            String fallback = "line-" + lineNumber;
            if (line.problem() != null) {
                caseIndex++;
                return new Item(null, fallback, new KnowledgeError(name, lineNumber, null, line.problem()));
            }
            if (line.text().isBlank() || line.text().stripLeading().startsWith("//")) continue;
            caseIndex++;
            return new Item(null, fallback, null, line.text(), lineNumber);
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
     * In input order: a JSONL case (parsed on a worker by {@link #resolve}) whose id was used
     * before becomes the duplicate-id error, located at the repeat; other items are returned as
     * they are (a document's ids are checked as it is read). Ids are kept in a table that spills to a temporary file ({@link DuplicateIds}).
     */
    public Item inOrder(Item resolved) {
        if (mode == Mode.JSONL && resolved.input() != null && !ids.add(resolved.id())) return duplicate(resolved.input());
        return resolved;
    }

    /** The cases of a symptom file, read as batch reads them, and the errors of those that are not valid. */
    public record All(List<CaseInput> cases, List<KnowledgeError> errors) {}

    public static All readAll(Path file, Vocabulary vocabulary) {
        List<CaseInput> cases = new ArrayList<>();
        List<KnowledgeError> errors = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); CaseReader reader = new CaseReader(in, file.toString(), vocabulary)) {
            while (reader.hasNext()) {
                Item item = reader.inOrder(reader.resolve(reader.next()));
                if (item.error() != null) errors.add(item.error());
                else cases.add(item.input());
            }
        } catch (IOException e) {
            throw new KnowledgeError(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
        return new All(cases, errors);
    }

    /** A note for standard error when duplicate ids were not checked across the whole file, else null. */
    public String idsNotice() {
        return ids.saturated() ? "duplicate ids are checked against the first " + String.format("%,d", ids.remembered())
                + " cases only (no temporary file could be written for the rest)" : null;
    }

    private boolean inArray;
    private boolean wrapped;
    private boolean anyDocument;

    /**
     * The cases of every document in the file, in order: a document is a list of cases, a map with
     * {@code cases:}, or one case. A bad case is read to its end and reported; the next one follows.
     */
    private Item nextFromDocument() throws IOException {
        while (!inArray) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                if (!anyDocument) throw new KnowledgeError(name, 0, null, "the file is empty; expected cases");
                return null;
            }
            anyDocument = true;
            values.newDocument();
            int line = Documents.line(parser);
            if (t == JsonToken.START_ARRAY) {
                inArray = true;
                wrapped = false;
            } else if (t == JsonToken.START_OBJECT) {
                JsonToken f = parser.nextToken();
                if (f == JsonToken.FIELD_NAME && "cases".equals(parser.currentName())) {
                    int casesLine = Documents.line(parser);
                    JsonToken arr = parser.nextToken();
                    if (arr == JsonToken.VALUE_NULL) throw new KnowledgeError(name, casesLine, "cases", "'cases' is empty");
                    if (arr != JsonToken.START_ARRAY) throw new KnowledgeError(name, casesLine, "cases", "'cases' must be a list of cases");
                    inArray = true;
                    wrapped = true;
                } else {
                    caseIndex++;
                    return read(() -> values.readAllFields(line), "case-" + caseIndex, line);
                }
            } else {
                throw new KnowledgeError(name, line, null, "expected a map with 'cases:', a list of cases, or one case");
            }
        }
        JsonToken t = parser.nextToken();
        if (t == null) return null;
        if (t == JsonToken.END_ARRAY) {
            inArray = false;
            if (wrapped) return besideCases();
            return nextFromDocument();
        }
        caseIndex++;
        return read(values::readAll, "case-" + caseIndex, Documents.line(parser));
    }

    private interface ValueRead { Node read() throws IOException; }

    /** One case read to its end: checked, or invalid with its first problem (a line cut for length among them). */
    private Item read(ValueRead how, String fallbackId, int line) throws IOException {
        inCase = true;
        Node n = how.read();
        inCase = false;
        String id = n.isMap() && n.get("id") != null && n.get("id").isScalar() ? n.text("id", null) : null;
        KnowledgeError problem = values.problem();
        if (cutBetween(line)) {
            problem = new KnowledgeError(name, lastCut, null, "a line longer than " + LongLines.CAP / (1024 * 1024)
                    + " MiB; a case's text is read only to " + TextExtraction.MAX_TEXT / 1024 + " KiB: shorten it");
        }
        if (problem != null) return new Item(null, id != null ? id : fallbackId, problem, null, problem.line() > 0 ? problem.line() : line);
        return toItem(n, fallbackId, true);
    }

    private int lastCut;

    private boolean cutBetween(int from) {
        if (longLines == null) return false;
        int to = parserLine();
        int first = longLines.firstCutBetween(from, to);
        if (first > 0) lastCut = first;
        return first > 0;
    }

    private int parserLine() {
        var loc = parser == null ? null : parser.currentLocation();
        return loc == null ? 0 : loc.getLineNr();
    }

    /** After {@code cases: [...]}: other fields of that map are reported, then the next document. */
    private Item besideCases() throws IOException {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_OBJECT || t == null) return nextFromDocument();
        String field = parser.currentName();
        int line = Documents.line(parser);
        parser.nextToken();
        parser.skipChildren();
        caseIndex++;
        return new Item(null, "#" + caseIndex, new KnowledgeError(name, line, field, "unknown field beside 'cases'; a batch file is "
                + "'cases:' and a list (several documents may follow, each after a '---' line)"), null, line);
    }

    /** Check a case; in document mode (read in order) also check its id is new. */
    private Item toItem(Node n, String fallbackId, boolean checkDuplicate) {
        String id = n.isMap() ? n.text("id", null) : null;
        try {
            CaseInput c = CaseInput.fromNode(n, vocabulary, fallbackId, true);
            if (checkDuplicate && !ids.add(c.id())) return duplicate(c);
            return new Item(c, c.id(), null, null, c.line());
        } catch (KnowledgeError e) {
            return new Item(null, id != null ? id : fallbackId, e, null, n.line());
        }
    }

    private Item duplicate(CaseInput c) {
        return new Item(null, c.id(), new KnowledgeError(c.file(), c.line(), "id", "duplicate case id '" + c.id() + "'"), null, c.line());
    }

    @Override public void close() throws IOException {
        ids.close();
        if (parser != null) parser.close();
        if (reader != null) reader.close();
        text.close();
    }
}
