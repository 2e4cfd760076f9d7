package dev.dokploydoctor.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The fact vocabulary of knowledge/facts.yaml: every key a rule, case, extractor or probe may use. */
public final class Vocabulary {
    private final Map<String, FactSpec> specs;

    public Vocabulary(Map<String, FactSpec> specs) { this.specs = specs; }

    public static Vocabulary load(Path file) { return fromNode(Documents.read(file)); }

    public static Vocabulary fromNode(Node root) {
        Node facts = root.isMap() && root.has("facts") ? root.get("facts") : root;
        if (!facts.isMap()) throw root.error("facts", "expected a map of fact keys");
        Map<String, FactSpec> specs = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : facts.fields().entrySet()) {
            String key = e.getKey();
            Node n = e.getValue();
            if (!key.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
                throw n.error(key, "fact keys are lower-case dotted names, like http.status");
            }
            if (!n.isMap()) throw n.error(key, "expected a map with type, question, ...");
            String typeText = n.text("type", null);
            FactType type = FactType.parse(typeText);
            if (type == null) {
                throw n.error(key + ".type", "unknown type '" + typeText + "' (use int, string, bool, enum or list)");
            }
            List<String> values = new ArrayList<>();
            Node v = n.get("values");
            if (v != null && v.isList()) for (Node item : v.items()) values.add(item.text());
            if (type == FactType.ENUM && values.isEmpty()) throw n.error(key + ".values", "an enum needs its values");
            if (type != FactType.ENUM && !values.isEmpty()) throw n.error(key + ".values", "only an enum has values");
            Node symptom = n.get("symptom");
            String symptomText = symptom == null ? null
                    : symptom.isList() ? String.join(",", symptom.items().stream().map(Node::text).toList())
                    : symptom.text();
            specs.put(key, new FactSpec(key, type, List.copyOf(values), n.text("question", null),
                    n.text("help", null), n.text("probe", null), symptomText, n.file(), n.line()));
        }
        return new Vocabulary(specs);
    }

    /** The words that answer a question "I don't know", in the REPL and in an answers file. */
    public static final Set<String> UNKNOWN_WORDS = Set.of("?", "unknown", "idk", "dunno", "don't know", "dont know", "not sure", "skip");

    public static boolean isUnknown(String answer) {
        return UNKNOWN_WORDS.contains(answer.trim().toLowerCase(Locale.ROOT));
    }

    public FactSpec get(String key) { return specs.get(key); }
    public boolean contains(String key) { return specs.containsKey(key); }
    public Collection<FactSpec> all() { return specs.values(); }
    public Collection<String> keys() { return specs.keySet(); }

    /** The spec of {@code key}, or a located error that suggests the nearest key. */
    public FactSpec require(String key, Node where) {
        FactSpec spec = specs.get(key);
        if (spec == null) {
            String hint = Suggest.nearest(key, specs.keySet());
            String msg = "unknown fact key '" + key + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)");
            throw where == null ? new KnowledgeError(null, 0, key, msg) : where.error(key, msg);
        }
        return spec;
    }

    /** Check and type a value for {@code key}; errors carry the location of {@code where}. */
    public Object coerce(String key, Object raw, Node where) {
        FactSpec spec = require(key, where);
        try {
            return spec.coerce(raw);
        } catch (IllegalArgumentException e) {
            String msg = "wrong value for " + key + " (" + spec.type().label() + "): " + e.getMessage();
            throw where == null ? new KnowledgeError(null, 0, key, msg) : where.error(key, msg);
        }
    }
}
