package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Documents;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Example cases a new user can try without a broken host: knowledge/examples/field-notes.yaml of
 * the loaded layers, in batch format ({@code cases: [...]}, a list, or one case).
 */
public final class Examples {
    public static final String FILE = "field-notes.yaml";

    private Examples() {}

    /** Example cases by id; a later layer's case with the same id wins. Empty when there is no file. */
    public static Map<String, CaseInput> load(Knowledge knowledge) {
        Map<String, CaseInput> out = new LinkedHashMap<>();
        for (Knowledge.Layer layer : knowledge.layers()) {
            if (layer.knowledge() == null) continue;
            Path file = layer.knowledge().resolve("examples").resolve(FILE);
            if (!Files.isRegularFile(file)) continue;
            Node root = Documents.read(file);
            List<Node> items = new ArrayList<>();
            if (root.isMap() && root.has("cases")) items.addAll(root.get("cases").items());
            else if (root.isList()) items.addAll(root.items());
            else if (root.isMap()) items.add(root);
            int n = 0;
            for (Node item : items) {
                CaseInput c = CaseInput.fromNode(item, knowledge.vocabulary(), "example-" + (++n), false);
                out.put(c.id(), c);
            }
        }
        return out;
    }
}
