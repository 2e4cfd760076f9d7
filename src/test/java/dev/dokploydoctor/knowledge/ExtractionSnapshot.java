package dev.dokploydoctor.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every text of the regression cases and the example symptom files, and the facts the extractors
 * read from it, one line per text: {@code file#id<TAB>key=value<TAB>...} (keys sorted). The golden
 * copy in src/test/resources/extraction-golden.tsv pins extraction: a change of engine or catalog
 * that changes a fact shows up as a diff (ExtractionGoldenTest); {@code main} rewrites it.
 */
public final class ExtractionSnapshot {
    public static List<String> lines(Path checkout) throws IOException {
        Knowledge k = Knowledge.load(List.of(Layers.checkout(checkout)));
        TextExtraction ex = k.textExtraction();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> t : texts(checkout, k).entrySet()) {
            Map<String, String> facts = new TreeMap<>();
            for (Fact f : ex.extract(t.getValue())) facts.put(f.getKey(), String.valueOf(f.getValue()));
            StringBuilder sb = new StringBuilder(t.getKey());
            facts.forEach((key, v) -> sb.append('\t').append(key).append('=').append(v));
            out.add(sb.toString());
        }
        return out;
    }

    /** id -> text, sorted by id. */
    static Map<String, String> texts(Path checkout, Knowledge k) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (Knowledge.CaseFile cf : k.loadCases()) {
            String text = cf.read(k.vocabulary()).text();
            if (text != null) texts.put(checkout.relativize(cf.path()) + "", text);
        }
        try (Stream<Path> s = Files.list(checkout.resolve("knowledge/examples"))) {
            for (Path file : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Node root = Documents.read(file);
                Node cases = root.isMap() ? root.get("cases") : root;
                if (cases == null) continue;
                int i = 0;
                for (Node c : cases.items()) {
                    i++;
                    String text = c.text("text", null);
                    if (text != null) texts.put(checkout.relativize(file) + "#" + c.text("id", "case-" + i), text);
                }
            }
        }
        return texts;
    }

    public static void main(String[] args) throws IOException {
        Path checkout = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path out = checkout.resolve("src/test/resources/extraction-golden.tsv");
        Files.createDirectories(out.getParent());
        Files.write(out, lines(checkout));
        System.out.println("wrote " + out);
    }
}
