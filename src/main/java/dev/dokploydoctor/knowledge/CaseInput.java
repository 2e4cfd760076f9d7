package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One case to diagnose: an id, free text, stated facts, facts answered "unknown", and for a
 * regression case what must come out ({@code expect}). Facts are already typed and checked.
 */
public record CaseInput(String id, String text, Map<String, Object> facts, Set<String> unknown,
                        Expect expect, String file, int line) {

    /** What a regression case requires: a status, a top cause, and/or a cause that must not be diagnosed. */
    public record Expect(String status, String cause, String not) {}

    public static final Set<String> STATUSES = Set.of("diagnosed", "inconclusive", "no-fault", "advice", "invalid");
    private static final Set<String> CASE_FIELDS = Set.of("id", "text", "facts", "unknown", "expect", "description", "note");

    /**
     * Read and check a case. {@code fallbackId} names a case without an id when {@code requireId}
     * is false (a single diagnose input); in batch a missing id is an error.
     */
    public static CaseInput fromNode(Node n, Vocabulary vocabulary, String fallbackId, boolean requireId) {
        if (!n.isMap()) throw n.error(null, "a case is a map with id, text and/or facts");
        for (String field : n.fields().keySet()) {
            if (!CASE_FIELDS.contains(field)) {
                String hint = Suggest.nearest(field, CASE_FIELDS);
                throw n.get(field).error(field, "unknown case field" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; a case has id, text, facts, unknown, expect");
            }
        }
        Node idNode = n.get("id");
        String id = idNode == null ? null : idNode.text();
        if (id == null || id.isBlank()) {
            if (requireId) throw n.error("id", "case has no id");
            id = fallbackId;
        }
        Node textNode = n.get("text");
        String text = textNode == null || textNode.isNull() ? "" : textNode.text();
        if (textNode != null && text == null) throw textNode.error("text", "text must be a string");
        Map<String, Object> facts = new LinkedHashMap<>();
        Node factsNode = n.get("facts");
        if (factsNode != null && !factsNode.isNull()) {
            if (!factsNode.isMap()) throw factsNode.error("facts", "facts is a map of fact keys to values");
            for (Map.Entry<String, Node> e : factsNode.fields().entrySet()) {
                Node v = e.getValue();
                if (Vocabulary.collectedFromTextOnly(e.getKey())) throw v.error(e.getKey(), Vocabulary.textOnlyRefusal(e.getKey()));
                if (v.isNull()) continue; // "key:" with no value means not known
                facts.put(e.getKey(), vocabulary.coerce(e.getKey(), v.toPlain(), v));
            }
        }
        Set<String> unknown = new LinkedHashSet<>();
        Node unknownNode = n.get("unknown");
        if (unknownNode != null && !unknownNode.isNull()) {
            List<Node> items = unknownNode.isList() ? unknownNode.items() : List.of(unknownNode);
            for (Node item : items) {
                vocabulary.require(item.text(), item);
                if (Vocabulary.collectedFromTextOnly(item.text())) throw item.error(item.text(), Vocabulary.textOnlyRefusal(item.text()));
                unknown.add(item.text());
            }
        }
        if (text.isBlank() && facts.isEmpty() && unknown.isEmpty()) {
            throw n.error("text", "case '" + id + "' has neither text nor facts");
        }
        Expect expect = null;
        Node e = n.get("expect");
        if (e != null) {
            if (!e.isMap()) throw e.error("expect", "expect is a map: status, cause, not");
            String status = e.text("status", null);
            if (status != null && !STATUSES.contains(status)) {
                throw e.get("status").error("expect.status", "unknown status '" + status + "' (one of " + new java.util.TreeSet<>(STATUSES) + ")");
            }
            expect = new Expect(status, e.text("cause", null), e.text("not", null));
            if (expect.status() == null && expect.cause() == null && expect.not() == null) {
                throw e.error("expect", "expect needs status, cause or not");
            }
        }
        return new CaseInput(id, text, facts, unknown, expect, n.file(), n.line());
    }

    /** A case as plain data (for save, learn and JSON output). */
    public Map<String, Object> toPlain() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (text != null && !text.isBlank()) m.put("text", text);
        if (!facts.isEmpty()) m.put("facts", new LinkedHashMap<>(facts));
        if (!unknown.isEmpty()) m.put("unknown", new ArrayList<>(unknown));
        if (expect != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            if (expect.status() != null) e.put("status", expect.status());
            if (expect.cause() != null) e.put("cause", expect.cause());
            if (expect.not() != null) e.put("not", expect.not());
            m.put("expect", e);
        }
        return m;
    }
}
