package dev.dokploydoctor.cli;

import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.HashSet;
import java.util.Set;

/**
 * How the probe checklist marks a fact, like flutter doctor: a symptom (facts.yaml) or a fact that
 * supports a diagnosed cause is a fault, one that supports a mere candidate is suspect, the rest fine.
 * So a broken host and the same host fixed look different at a glance.
 */
final class FactMarks {
    enum Mark { FAULT, SUSPECT, FINE }

    private final Vocabulary vocabulary;
    private final Set<String> diagnosed = new HashSet<>();
    private final Set<String> candidate = new HashSet<>();

    private FactMarks(Vocabulary vocabulary) { this.vocabulary = vocabulary; }

    /** From what the rules made of the facts; {@code outcome} null marks symptoms only. */
    static FactMarks of(Outcome outcome, Vocabulary vocabulary) {
        FactMarks m = new FactMarks(vocabulary);
        if (outcome == null) return m;
        Set<String> confident = new HashSet<>();
        for (Diagnosis d : outcome.diagnosed()) confident.add(d.cause());
        for (Diagnosis d : outcome.diagnoses()) {
            for (Evidence e : d.evidence()) {
                if (!e.isSupporting()) continue;
                for (Fact f : e.getMatched()) (confident.contains(d.cause()) ? m.diagnosed : m.candidate).add(id(f));
            }
        }
        return m;
    }

    Mark of(Fact f) {
        FactSpec spec = vocabulary.get(f.getKey());
        if ((spec != null && spec.isSymptom(f.getValue())) || diagnosed.contains(id(f))) return Mark.FAULT;
        if (candidate.contains(id(f))) return Mark.SUSPECT;
        return Mark.FINE;
    }

    private static String id(Fact f) { return f.getKey() + "=" + f.getText(); }
}
