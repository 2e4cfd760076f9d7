package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.similar.SimilarReports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The field corpus of a knowledge (every layer's field/*.jsonl) as a case library, indexed once,
 * on first use: a run that never renders similar reports never pays for the index. The query is
 * what the case was judged on: its facts, and the words the facts were read from (the evidence).
 * Similarity is shown beside the diagnosis; it never changes it.
 */
public final class SimilarLookup {
    /** How many similar reports a case lists. */
    public static final int MAX = 3;

    private final Knowledge knowledge;
    private volatile SimilarReports library;

    public SimilarLookup(Knowledge knowledge) { this.knowledge = knowledge; }

    public Knowledge knowledge() { return knowledge; }

    public List<OutcomeView.SimilarView> find(Outcome o) {
        StringBuilder text = new StringBuilder();
        for (Fact f : o.facts()) if (f.getEvidence() != null) text.append(f.getEvidence()).append('\n');
        List<OutcomeView.SimilarView> out = new ArrayList<>();
        for (SimilarReports.Match m : library().similar(text.toString(), o.facts(), MAX)) {
            out.add(new OutcomeView.SimilarView(m.link(), m.cause(), m.fix()));
        }
        return List.copyOf(out);
    }

    SimilarReports library() {
        SimilarReports l = library;
        if (l != null) return l;
        synchronized (this) {
            if (library == null) {
                List<Path> files = new ArrayList<>();
                for (Knowledge.Layer layer : knowledge.layers()) {
                    if (layer.knowledge() != null && Files.isDirectory(layer.knowledge())) files.addAll(FieldCorpus.files(layer.knowledge()));
                }
                List<FieldRecord> records = FieldCorpus.load(files, knowledge).records();
                library = SimilarReports.of(records);
            }
            return library;
        }
    }
}
