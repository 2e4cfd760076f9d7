package dev.dokploydoctor.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pre-answered questions: a YAML (or JSON) map of fact keys to values. {@code ?} or {@code unknown}
 * marks a key as not known. A wrong key or value is an error with the file and line.
 */
public record AnswersFile(List<Fact> facts, Set<String> unknown) {

    public static AnswersFile read(Path path, Vocabulary vocabulary) {
        if (!Files.isRegularFile(path)) {
            throw new KnowledgeError(path.toString(), 0, null, "no such answers file");
        }
        Node root = Documents.read(path);
        if (root.isNull()) return new AnswersFile(List.of(), Set.of());
        if (!root.isMap()) throw root.error(null, "an answers file is a map of fact keys to answers, e.g. 'http.status: 502'");
        List<Fact> facts = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (Map.Entry<String, Node> e : root.fields().entrySet()) {
            String key = e.getKey();
            Node v = e.getValue();
            vocabulary.require(key, v);
            if (v.isNull() || (v.isScalar() && Vocabulary.isUnknown(v.text()))) {
                unknown.add(key);
                continue;
            }
            Object value = vocabulary.coerce(key, v.toPlain(), v);
            facts.add(new Fact(key, value, Fact.USER, "answers file " + path.getFileName() + ":" + v.line()));
        }
        return new AnswersFile(facts, unknown);
    }
}
