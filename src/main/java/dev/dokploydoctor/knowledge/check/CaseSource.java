package dev.dokploydoctor.knowledge.check;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Documents;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Node;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases from a symptom file, as batch reads them: YAML or JSON with a {@code cases:} list, a bare
 * list, a single case, or JSONL (one case a line). Bad cases are collected with their place, so
 * one typo does not hide the rest.
 */
public final class CaseSource {
    /** The readable cases and the errors of the others. */
    public record Cases(List<CaseInput> cases, List<KnowledgeError> errors) {}

    private CaseSource() {}

    public static Cases read(Path file, Vocabulary vocabulary) {
        String name = file.toString();
        List<CaseInput> cases = new ArrayList<>();
        List<KnowledgeError> errors = new ArrayList<>();
        String fallback = dev.dokploydoctor.knowledge.Knowledge.stripExtension(file.getFileName().toString());
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) continue;
                    try {
                        cases.add(CaseInput.fromNode(Documents.parse(line, name), vocabulary, fallback + "-" + n, false));
                    } catch (KnowledgeError e) {
                        errors.add(new KnowledgeError(name, n, e.field(), e.getMessage()));
                    }
                }
            } catch (IOException e) {
                throw new KnowledgeError(name, 0, null, "cannot read: " + e.getMessage());
            }
            return new Cases(cases, errors);
        }
        Node root = Documents.read(file);
        List<Node> items;
        if (root.isMap() && root.has("cases")) {
            Node list = root.get("cases");
            if (!list.isList()) throw list.error("cases", "cases is a list of cases");
            items = list.items();
        } else if (root.isList()) {
            items = root.items();
        } else {
            items = List.of(root);
        }
        int i = 0;
        for (Node item : items) {
            i++;
            try {
                cases.add(CaseInput.fromNode(item, vocabulary, items.size() == 1 ? fallback : fallback + "-" + i, false));
            } catch (KnowledgeError e) {
                errors.add(e);
            }
        }
        return new Cases(cases, errors);
    }
}
