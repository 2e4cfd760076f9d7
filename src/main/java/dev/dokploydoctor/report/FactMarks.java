package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How a probed fact is marked, like flutter doctor: a symptom (facts.yaml) or a fact that supports a
 * diagnosed cause is a fault, one that supports a mere candidate is suspect, the rest fine. So a
 * broken host and the same host fixed look different at a glance. The one source of the mark for
 * both the probe checklist and the REPL's "checked:" lines (user24: the REPL ticked
 * app.listen_bound = 127.0.0.1 that probe marked !).
 */
public final class FactMarks {
    public enum Mark { FAULT, SUSPECT, FINE }

    private final Vocabulary vocabulary;
    private final Set<String> diagnosed = new HashSet<>();
    private final Set<String> candidate = new HashSet<>();
    /** The leading cause each supporting fact supports (the outcome's order: best first). */
    private final Map<String, String> supports = new HashMap<>();

    private FactMarks(Vocabulary vocabulary) { this.vocabulary = vocabulary; }

    /** From what the rules made of the facts; {@code outcome} null marks symptoms only. */
    public static FactMarks of(Outcome outcome, Vocabulary vocabulary) {
        FactMarks m = new FactMarks(vocabulary);
        if (outcome == null) return m;
        Set<String> confident = new HashSet<>();
        for (Diagnosis d : outcome.diagnosed()) confident.add(d.cause());
        for (Diagnosis d : outcome.diagnoses()) {
            for (Evidence e : d.evidence()) {
                if (!e.isSupporting()) continue;
                for (Fact f : e.getMatched()) {
                    (confident.contains(d.cause()) ? m.diagnosed : m.candidate).add(id(f));
                    m.supports.putIfAbsent(id(f), d.cause());
                }
            }
        }
        return m;
    }

    public Mark of(Fact f) {
        FactSpec spec = vocabulary.get(f.getKey());
        if ((spec != null && spec.isSymptom(f.getValue())) || diagnosed.contains(id(f))) return Mark.FAULT;
        if (candidate.contains(id(f))) return Mark.SUSPECT;
        // the same thing under another key (facts.yaml same_question_as), with the same value: its mark
        // (user25: "✓ checked: app.listen_address = 127.0.0.1" beside "✗ checked: app.listen_bound = 127.0.0.1")
        Mark same = Mark.FINE;
        for (String other : related(f)) {
            String id = other + "=" + f.getText();
            if (diagnosed.contains(id)) return Mark.FAULT;
            if (candidate.contains(id)) same = Mark.SUSPECT;
        }
        return same;
    }

    private Set<String> related(Fact f) {
        FactSpec spec = vocabulary.get(f.getKey());
        return spec == null ? Set.of() : spec.sameQuestionAs();
    }

    /** The mark as shown: ✗ a fault, ! suspect, ✓ fine. */
    public String symbol(Fact f, Style style) {
        return switch (of(f)) {
            case FAULT -> style.bad();
            case SUSPECT -> style.warn();
            case FINE -> style.ok();
        };
    }

    /** The best cause this fact supports, or null (a symptom alone, or a fact no rule used for). */
    public String supports(Fact f) {
        String own = supports.get(id(f));
        if (own != null) return own;
        for (String other : related(f)) {
            String cause = supports.get(other + "=" + f.getText());
            if (cause != null) return cause;
        }
        return null;
    }

    private static String id(Fact f) { return f.getKey() + "=" + f.getText(); }
}
