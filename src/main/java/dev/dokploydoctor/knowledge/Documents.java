package dev.dokploydoctor.knowledge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads YAML and JSON into located {@link Node}s, with errors that name the file and line.
 * Values are read by {@link ValueReader} (duplicate keys, limits, aliases). Large documents can be
 * streamed element by element with {@link #openParser} and a {@link ValueReader}.
 */
public final class Documents {
    /** The parsers, made on first use: a start whose YAML the build parsed ({@link ParsedDocuments}) loads neither. */
    private static final class Parsers {
        static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
                .maxStringLength(16 * 1024 * 1024).maxNestingDepth(1000).build(); // ValueReader's own, lower limits come first

        static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();
        static final YAMLFactory YAML;
        static {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(Integer.MAX_VALUE); // batch files are streamed; size is not a reason to fail
            options.setAllowDuplicateKeys(true);          // we report duplicates ourselves, with the line
            options.setNestingDepthLimit(1000);           // ValueReader reports deeper than 32 per case; this is the backstop
            YAML = YAMLFactory.builder().loaderOptions(options).streamReadConstraints(LIMITS).build();
        }
    }

    private Documents() {}

    public static boolean isJson(String name) {
        String n = name.toLowerCase();
        return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".ndjson");
    }

    /** Parse a whole file (YAML unless its name ends in .json). */
    public static Node read(Path path) {
        String name = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new KnowledgeError(name, 0, null, "cannot read: " + e.getMessage());
        }
        return read(bytes, ParsedDocuments.underKnowledge(path), name);
    }

    /**
     * Parse a file's bytes; {@code relative} is its path below a folder named knowledge (null when it is
     * not in one), {@code name} is used for error messages and picks JSON or YAML.
     */
    static Node read(byte[] bytes, String relative, String name) {
        Node parsed = ParsedDocuments.lookup(relative, bytes, name); // the build's tree when these are the very bytes it parsed
        if (parsed != null) return parsed;
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new KnowledgeError(name, 0, null, "not a UTF-8 text file");
        }
        return parse(content, name);
    }

    /** Parse text; {@code name} is used for error messages and picks JSON or YAML. */
    public static Node parse(String content, String name) {
        try (JsonParser p = openParser(new StringReader(content), name)) {
            JsonToken first = p.nextToken();
            if (first == null) return Node.scalar(null, name, 1);
            Node n = new ValueReader(p, name).read();
            if (p.nextToken() != null && !isJson(name)) {
                throw new KnowledgeError(name, line(p), null, "more than one YAML document; keep one per file");
            }
            return n;
        } catch (IOException e) {
            throw toError(e, name);
        }
    }

    public static JsonParser openParser(Reader reader, String name) throws IOException {
        return (isJson(name) ? Parsers.JSON : Parsers.YAML).createParser(reader);
    }

    /** Read the value at the parser's current token (already advanced to it); see {@link ValueReader}. */
    public static Node readValue(JsonParser p, String name) throws IOException {
        return new ValueReader(p, name).read();
    }

    public static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : loc.getLineNr();
    }

    /** Turn a parser exception into a located, one-line message in the user's words (no parser internals). */
    public static KnowledgeError toError(IOException e, String name) {
        int line = 0;
        int column = 0;
        String msg = e.getMessage();
        if (e instanceof JsonProcessingException jpe) {
            if (jpe.getLocation() != null) {
                line = jpe.getLocation().getLineNr();
                column = jpe.getLocation().getColumnNr();
            }
            msg = jpe.getOriginalMessage();
        }
        if (msg == null) msg = e.getClass().getSimpleName();
        // snakeyaml names the problem's own place last ("line 2, column 1"); the exception's location is where the token began
        java.util.regex.Matcher mark = PROBLEM_MARK.matcher(msg);
        while (mark.find()) {
            line = Integer.parseInt(mark.group(1));
            column = Integer.parseInt(mark.group(2));
        }
        String format = isJson(name) ? "JSON" : "YAML";
        return new KnowledgeError(name, line, column, null, "malformed " + format + ": " + plain(msg, format));
    }

    private static final java.util.regex.Pattern PROBLEM_MARK = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");
    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("\\s*\\(?(start marker at )?\\[Source:[^\\]]*\\]\\)?");

    /** The parser's complaint as what to change; an unknown one keeps its first sentence, without source details. */
    static String plain(String msg, String format) {
        String m = SOURCE.matcher(msg).replaceAll("");
        if (m.contains("'\\t'") || m.contains("\\t(TAB)") || m.contains("TAB")) {
            return "a tab character: YAML indents with spaces only; replace the tab with spaces";
        }
        if (m.startsWith("Unexpected end-of-input") && m.contains("close marker for Object")) {
            return "the input ends inside { ... }: a closing '}' is missing";
        }
        if (m.startsWith("Unexpected end-of-input") && m.contains("close marker for Array")) {
            return "the input ends inside [ ... ]: a closing ']' is missing";
        }
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("^Unrecognized token '([^']*)'").matcher(m);
        if (token.find()) return "'" + token.group(1) + "' is not a " + format + " value: put text in double quotes";
        java.util.regex.Matcher ch = java.util.regex.Pattern.compile("^Unexpected character \\('(.)'").matcher(m);
        if (ch.find()) return "unexpected '" + ch.group(1) + "' here: check the quotes, commas and brackets before it";
        java.util.regex.Matcher ctrl = java.util.regex.Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d{1,3})\\)\\)").matcher(m);
        if (ctrl.find()) {
            return "a control character (code " + ctrl.group(1) + ") inside a text: remove it, or write it as \\u"
                    + String.format("%04x", Integer.parseInt(ctrl.group(1))) + " or \\n";
        }
        if (m.contains("mapping values are not allowed here")) {
            return "a ':' where a value was expected: quote the value (\"...\") if it contains ': '";
        }
        String first = m.lines().map(String::strip).filter(x -> !x.isEmpty()).findFirst().orElse(m);
        if (first.length() > 200) first = first.substring(0, 200) + "...";
        return first;
    }
}
