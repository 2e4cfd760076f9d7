package dev.dokploydoctor.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one value (a case, a file) from a parser into a {@link Node}, always to its end: a bad
 * value inside it (a repeated key, a number too large, {@code .nan}, {@code !!binary}, nesting
 * too deep, a text too long, an alias that expands too far) is remembered, and thrown only once
 * the whole value is read, so the parser stands on the next one and a batch goes on with it.
 * YAML anchors and aliases resolve within one document, with a bound on what they expand to.
 */
public final class ValueReader {
    /** Deeper than this is not a case; the parser's own limit is a backstop far above it. */
    public static final int MAX_DEPTH = 32;
    /** A text longer than this is not a symptom (4 times what extraction reads). */
    public static final int MAX_SCALAR = 1024 * 1024;
    /** What the aliases of one value may expand to, in values: a few anchors, never a billion laughs. */
    public static final int MAX_EXPANDED = 100_000;

    private final JsonParser p;
    private final String name;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private KnowledgeError problem;
    private long expanded;

    private record Anchored(Node node, long size) {}

    public ValueReader(JsonParser p, String name) {
        this.p = p;
        this.name = name;
    }

    /** Read the value at the parser's current token; throw its first problem after reading all of it. */
    public Node read() throws IOException {
        Node n = readAll();
        if (problem != null) throw problem;
        return n;
    }

    /** Read the value at the parser's current token to its end; its first problem, if any, is {@link #problem()}. */
    public Node readAll() throws IOException {
        problem = null;
        expanded = 0;
        return value(0);
    }

    /** Read the fields of a map whose START_OBJECT was consumed (the parser stands on the first field), like {@link #readAll}. */
    public Node readAllFields(int line) throws IOException {
        problem = null;
        expanded = 0;
        return fields(line, 1);
    }

    /** The first problem of the value read last, or null. */
    public KnowledgeError problem() { return problem; }

    /** Anchors are per document: forget them when the next document starts. */
    public void newDocument() { anchors.clear(); }

    private void problem(int line, String field, String message) {
        if (problem == null) problem = new KnowledgeError(name, line, field, message);
    }

    private Node value(int depth) throws IOException {
        JsonToken t = p.currentToken();
        int line = Documents.line(p);
        if (t == null) throw new KnowledgeError(name, line, null, "unexpected end of document");
        String anchor = p instanceof YAMLParser y ? y.getCurrentAnchor() : null;
        long before = expanded++;
        Node n = switch (t) {
            case START_OBJECT, START_ARRAY -> {
                if (depth >= MAX_DEPTH) {
                    problem(line, null, "nested deeper than " + MAX_DEPTH + " levels; a case is a map of a few levels");
                    p.skipChildren();
                    yield Node.scalar(null, name, line);
                }
                if (t == JsonToken.START_OBJECT) {
                    p.nextToken();
                    yield fields(line, depth + 1);
                }
                List<Node> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == null) throw new KnowledgeError(name, Documents.line(p), null, "unterminated list");
                    l.add(value(depth + 1));
                }
                yield Node.list(l, name, line);
            }
            case VALUE_STRING -> p instanceof YAMLParser y && y.isCurrentAlias() ? alias(p.getText(), line) : text(line);
            case VALUE_NUMBER_INT -> integer(line);
            case VALUE_NUMBER_FLOAT -> decimal(line);
            case VALUE_TRUE -> Node.scalar(Boolean.TRUE, name, line);
            case VALUE_FALSE -> Node.scalar(Boolean.FALSE, name, line);
            case VALUE_NULL -> Node.scalar(null, name, line);
            case VALUE_EMBEDDED_OBJECT -> {
                problem(line, null, "binary data (!!binary) is not a case value; write the text itself");
                yield Node.scalar(null, name, line);
            }
            default -> {
                problem(line, null, "unexpected " + t);
                yield Node.scalar(null, name, line);
            }
        };
        if (anchor != null) anchors.put(anchor, new Anchored(n, expanded - before));
        return n;
    }

    private Node fields(int line, int depth) throws IOException {
        Map<String, Node> m = new LinkedHashMap<>();
        Map<String, Integer> fieldLines = new HashMap<>();
        while (p.currentToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            int fieldLine = Documents.line(p);
            p.nextToken();
            Node value = value(depth);
            Integer first = fieldLines.putIfAbsent(field, fieldLine);
            if (first != null) problem(fieldLine, field, "duplicate key (first at line " + first + ")");
            else m.put(field, value);
            p.nextToken();
        }
        if (p.currentToken() == null) throw new KnowledgeError(name, Documents.line(p), null, "unexpected end of document inside a map");
        return Node.map(m, name, line);
    }

    private Node text(int line) throws IOException {
        int length = p.getTextLength();
        if (length > MAX_SCALAR) {
            problem(line, null, "a text of " + String.format("%,d", length) + " characters; at most " + String.format("%,d", MAX_SCALAR)
                    + " (the part a diagnosis reads is the first " + TextExtraction.MAX_TEXT / 1024 + " KiB)");
            return Node.scalar("", name, line);
        }
        return Node.scalar(p.getText(), name, line);
    }

    private Node integer(int line) throws IOException {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            problem(line, null, "the number " + abbreviated(p.getText()) + " is too large (at most " + Long.MAX_VALUE + ")");
            return Node.scalar(null, name, line);
        }
        return Node.scalar(p.getLongValue(), name, line);
    }

    private Node decimal(int line) throws IOException {
        double d;
        try {
            d = p.getDoubleValue();
        } catch (com.fasterxml.jackson.core.exc.StreamReadException e) {
            d = Double.NaN; // YAML's .nan and .inf
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            problem(line, null, "'" + abbreviated(p.getText()) + "' is not a number a case can use; write a number such as 502");
            return Node.scalar(null, name, line);
        }
        return Node.scalar(d, name, line);
    }

    private Node alias(String anchor, int line) {
        Anchored a = anchors.get(anchor);
        if (a == null) {
            problem(line, null, "the alias *" + anchor + " names no anchor (&" + anchor + ") earlier in this document");
            return Node.scalar(null, name, line);
        }
        expanded += a.size();
        if (expanded > MAX_EXPANDED) {
            problem(line, null, "YAML aliases here expand to more than " + String.format("%,d", MAX_EXPANDED)
                    + " values; write the values out instead");
            return Node.scalar(null, name, line);
        }
        return a.node();
    }

    private static String abbreviated(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
