package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.similar.FieldLibrary;
import dev.dokploydoctor.similar.SimilarReports;
import dev.dokploydoctor.similar.SimilarVote;

import java.util.ArrayList;
import java.util.List;

/**
 * The field corpus of a knowledge (every layer's field/*.jsonl) as a case library, indexed once,
 * on first use: a run that never renders similar reports never pays for the index. The query is
 * what the case was judged on: its facts, and the words the facts were read from (the evidence).
 * Shown beside the diagnosis; what similarity adds to the diagnosis itself is the vote
 * ({@code similar.cause}, similar/SimilarVote), which the query leaves out. A case in which the user
 * told nothing (probe facts only: versions, networks of a healthy host) has nothing to be similar
 * about, and lists no report rather than the nearest noise.
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
        List<Fact> facts = new ArrayList<>();
        boolean told = false;
        for (Fact f : o.facts()) {
            if (f.getKey().equals(SimilarVote.KEY)) continue;   // the vote itself: its evidence is other reports' links
            facts.add(f);
            told |= !Fact.PROBE.equals(f.getSource()) && !Fact.DERIVED.equals(f.getSource());
            if (f.getEvidence() != null) text.append(f.getEvidence()).append('\n');
        }
        List<OutcomeView.SimilarView> out = new ArrayList<>();
        if (!told) return List.of();
        for (SimilarReports.Match m : library().similar(text.toString(), facts, MAX)) {
            out.add(new OutcomeView.SimilarView(m.link(), m.cause(), m.fix()));
        }
        return List.copyOf(out);
    }

    SimilarReports library() {
        SimilarReports l = library;
        if (l == null) library = l = FieldLibrary.of(knowledge);   // built once per process (FieldLibrary)
        return l;
    }
}
