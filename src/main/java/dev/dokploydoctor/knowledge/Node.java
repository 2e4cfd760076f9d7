package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML/JSON value that remembers where it stood (file and line), so every error about input
 * can name the file, the line and the field. Built by {@link Documents}.
 */
public final class Node {
    public enum Kind { MAP, LIST, SCALAR, NULL }

    private final Kind kind;
    private final Object scalar;                 // String, Long, Double, Boolean for SCALAR
    private final Map<String, Node> map;         // insertion-ordered for MAP
    private final List<Node> list;               // for LIST
    private final String file;
    private final int line;

    private Node(Kind kind, Object scalar, Map<String, Node> map, List<Node> list, String file, int line) {
        this.kind = kind;
        this.scalar = scalar;
        this.map = map;
        this.list = list;
        this.file = file;
        this.line = line;
    }

    static Node scalar(Object value, String file, int line) {
        return new Node(value == null ? Kind.NULL : Kind.SCALAR, value, null, null, file, line);
    }
    static Node map(Map<String, Node> map, String file, int line) {
        return new Node(Kind.MAP, null, map, null, file, line);
    }
    static Node list(List<Node> list, String file, int line) {
        return new Node(Kind.LIST, null, null, list, file, line);
    }

    /** A map node with a known location (used by streaming readers). */
    public static Node mapOf(Map<String, Node> map, String file, int line) { return map(map, file, line); }

    /** The same tree with every line moved to {@code line} of {@code file} (one-line documents, e.g. JSONL). */
    public static Node relocated(Node n, String file, int line) {
        switch (n.kind) {
            case MAP -> {
                Map<String, Node> m = new LinkedHashMap<>();
                n.map.forEach((k, v) -> m.put(k, relocated(v, file, line)));
                return map(m, file, line);
            }
            case LIST -> {
                List<Node> l = new ArrayList<>();
                for (Node c : n.list) l.add(relocated(c, file, line));
                return list(l, file, line);
            }
            default -> { return scalar(n.scalar, file, line); }
        }
    }

    /** A map node built in code (e.g. answers gathered in the REPL). */
    public static Node ofMap(Map<String, Object> values, String file) {
        Map<String, Node> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, of(v, file)));
        return map(m, file, 0);
    }

    @SuppressWarnings("unchecked")
    public static Node of(Object v, String file) {
        if (v instanceof Map<?, ?> m) return ofMap((Map<String, Object>) m, file);
        if (v instanceof List<?> l) {
            List<Node> items = new ArrayList<>();
            for (Object o : l) items.add(of(o, file));
            return list(items, file, 0);
        }
        if (v instanceof Integer i) return scalar(i.longValue(), file, 0);
        return scalar(v, file, 0);
    }

    public Kind kind() { return kind; }
    public boolean isMap() { return kind == Kind.MAP; }
    public boolean isList() { return kind == Kind.LIST; }
    public boolean isScalar() { return kind == Kind.SCALAR; }
    public boolean isNull() { return kind == Kind.NULL; }
    public String file() { return file; }
    public int line() { return line; }

    public Object scalar() { return scalar; }

    /** Scalar as text; null for a map, a list or null. */
    public String text() { return kind == Kind.SCALAR ? String.valueOf(scalar) : null; }

    public Map<String, Node> fields() { return map == null ? Collections.emptyMap() : map; }
    public List<Node> items() { return list == null ? Collections.emptyList() : list; }

    public Node get(String field) { return map == null ? null : map.get(field); }
    public boolean has(String field) { return map != null && map.containsKey(field); }

    /** Text of a field, or {@code fallback} when it is absent or null. */
    public String text(String field, String fallback) {
        Node n = get(field);
        return n == null || n.text() == null ? fallback : n.text();
    }

    /** An error located at this node. */
    public KnowledgeError error(String field, String message) {
        return new KnowledgeError(file, line, field, message);
    }

    /** Back to plain Java values (Map, List, String, Long, Double, Boolean, null). */
    public Object toPlain() {
        switch (kind) {
            case MAP -> {
                Map<String, Object> m = new LinkedHashMap<>();
                map.forEach((k, v) -> m.put(k, v.toPlain()));
                return m;
            }
            case LIST -> {
                List<Object> l = new ArrayList<>();
                for (Node n : list) l.add(n.toPlain());
                return l;
            }
            default -> { return scalar; }
        }
    }

    @Override public String toString() { return String.valueOf(toPlain()); }
}
