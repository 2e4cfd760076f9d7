package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Planner;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.similar.FieldLibrary;
import dev.dokploydoctor.similar.SimilarReports;
import dev.dokploydoctor.similar.SimilarVote;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The field corpus of a knowledge (every layer's field/*.jsonl) as a case library, indexed once,
 * on first use: a run that never renders similar reports never pays for the index. The query is
 * what the case was judged on: its facts, and the words the facts were read from (the evidence).
 * Shown beside the diagnosis; what similarity adds to the diagnosis itself is the vote
 * ({@code similar.cause}, similar/SimilarVote), which the query leaves out. A case in which the user
 * told nothing (probe facts only: versions, networks of a healthy host) has nothing to be similar
 * about, and lists no report rather than the nearest noise. The reports the vote named (the line
 * the session showed after the first text: "3 of 5 similar field reports: ...", "... were causes
 * outside our list: ...") come first: the vote read the whole text, this query only the words facts
 * were read from, and a list that left out what the banner named read as a contradiction (user13 O3,
 * O8, O9).
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
        List<String> named = new ArrayList<>();
        for (Fact f : o.facts()) if (f.getKey().equals(SimilarVote.LOOKALIKE_KEY)) named.addAll(links(f.getEvidence()));
        for (Fact f : o.facts()) if (f.getKey().equals(SimilarVote.KEY)) named.addAll(links(f.getEvidence()));
        for (Fact f : o.facts()) {
            // the vote itself: its evidence is other reports' links
            if (f.getKey().equals(SimilarVote.KEY) || f.getKey().equals(SimilarVote.LOOKALIKE_KEY)) continue;
            facts.add(f);
            told |= !Fact.PROBE.equals(f.getSource()) && !Fact.DERIVED.equals(f.getSource());
            if (f.getEvidence() != null) text.append(f.getEvidence()).append('\n');
        }
        List<OutcomeView.SimilarView> out = new ArrayList<>();
        if (!told) return List.of();
        // a report of a cause this case ruled out is no report like it ("traefik isn't used" and three reports of
        // Traefik's Docker API error listed, user19): its words matched, what the user answered did not
        Set<String> ruledOut = Set.copyOf(Planner.ruledOut(o));
        Set<String> shown = new HashSet<>();
        for (String link : named) {
            SimilarReports.Match m = library().at(link);
            if (m != null && out.size() < MAX && !ruledOut.contains(m.cause()) && shown.add(m.link()))
                out.add(new OutcomeView.SimilarView(m.link(), m.cause(), m.fix()));
        }
        for (SimilarReports.Match m : library().similar(text.toString(), facts, MAX + ruledOut.size() * MAX)) {
            if (out.size() < MAX && !ruledOut.contains(m.cause()) && shown.add(m.link()))
                out.add(new OutcomeView.SimilarView(m.link(), m.cause(), m.fix()));
        }
        return List.copyOf(out);
    }

    private static final Pattern LINK = Pattern.compile("https?://[^\\s,()]+");

    /** The links a vote's evidence names, in its order. */
    static List<String> links(String evidence) {
        List<String> out = new ArrayList<>();
        if (evidence == null) return out;
        Matcher m = LINK.matcher(evidence);
        while (m.find()) out.add(m.group());
        return out;
    }

    SimilarReports library() {
        SimilarReports l = library;
        if (l == null) library = l = FieldLibrary.of(knowledge);   // built once per process (FieldLibrary)
        return l;
    }
}
