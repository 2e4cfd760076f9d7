package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.knowledge.Documents;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The order in which the corpus files joined (knowledge/field/joined.yaml), and what it makes of a cause's
 * {@code since:}: a dev report is <b>out of sample</b> for a cause when its file joined in a later batch than
 * the file the cause's rules were written from. Only such reports can earn a cause a diagnosis from the text
 * alone ({@link FieldPriors}, calibration): the reports a rule was written from say how well it fits them, not
 * how well it reads the next one (round 14: vite-allowed-hosts graduated on 12 of 12 dev diagnoses, 4 of them
 * the reports it was written from, and then went wrong on held-out ones).
 */
public final class JoinOrder {
    /** The file, in the knowledge folder's field/. */
    public static final String FILE = "joined.yaml";

    private final Map<String, Integer> batchOf;

    public JoinOrder(Map<String, Integer> batchOf) { this.batchOf = Map.copyOf(batchOf); }

    /** The order of {@code knowledgeDir/field/joined.yaml}. */
    public static JoinOrder load(Path knowledgeDir) {
        Path file = knowledgeDir.resolve("field").resolve(FILE);
        if (!Files.isRegularFile(file)) throw new KnowledgeError(file.toString(), 0, null, "missing: the order the corpus files joined");
        return fromNode(Documents.read(file));
    }

    static JoinOrder fromNode(Node root) {
        Node batches = root.isMap() ? root.get("batches") : null;
        String expected = "expected batches: a list of {files: [corpus file names without .jsonl]}, oldest first";
        if (batches == null || !batches.isList()) throw root.error("batches", expected);
        Map<String, Integer> out = new LinkedHashMap<>();
        int i = 0;
        for (Node b : batches.items()) {
            Node files = b.isMap() ? b.get("files") : null;
            if (files == null || !files.isList() || files.items().isEmpty()) throw b.error("files", expected);
            for (Node f : files.items()) {
                if (out.putIfAbsent(f.text(), i) != null) throw f.error("files", "'" + f.text() + "' is listed twice");
            }
            i++;
        }
        return new JoinOrder(out);
    }

    /** The corpus file's name as listed: its base name without {@code .jsonl}. */
    public static String name(String file) {
        String base = Path.of(file).getFileName().toString();
        return base.endsWith(".jsonl") ? base.substring(0, base.length() - ".jsonl".length()) : base;
    }

    /** Whether the file is listed. */
    public boolean lists(String file) { return batchOf.containsKey(name(file)); }

    /**
     * Whether the report joined after the cause's rules were written: its file's batch is later than the batch
     * of {@code since}. A cause without {@code since} is taken as written from the whole corpus (nothing is out of
     * sample: it stays on probation until it names the file), and so is a report of a file not listed.
     */
    public boolean outOfSample(FieldRecord record, String since) {
        if (since == null) return false;
        Integer written = batchOf.get(since);
        if (written == null) throw new IllegalArgumentException("since: '" + since + "' is no corpus file of field/" + FILE);
        Integer joined = batchOf.get(name(record.file()));
        return joined != null && joined > written;
    }

    /** Whether {@code since} names a listed file. */
    public boolean knows(String since) { return batchOf.containsKey(since); }
}
