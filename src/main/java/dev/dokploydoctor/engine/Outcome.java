package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Redactor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The result of one case: status, ranked diagnoses, open questions, every fact (stated, extracted,
 * probed, derived), all evidence including refutations (for why-not), the rules that fired, the
 * certainty a cause needed to count as diagnosed, and what could not be checked or understood.
 *
 * @param unchecked one plain line per thing that could not be checked or was not understood, with
 *                  what to do about it; a case with any is never "no fault" (no all-clear unearned)
 */
public record Outcome(String id, Status status, List<Diagnosis> diagnoses, List<Question> questions,
                      List<Fact> facts, List<Evidence> evidence, List<String> fired, Set<String> unknown,
                      String error, double threshold, List<String> unchecked) {

    public Outcome(String id, Status status, List<Diagnosis> diagnoses, List<Question> questions, List<Fact> facts,
                   List<Evidence> evidence, List<String> fired, Set<String> unknown, String error) {
        this(id, status, diagnoses, questions, facts, evidence, fired, unknown, error, Engine.DEFAULT_THRESHOLD, List.of());
    }

    public static Outcome invalid(String id, KnowledgeError error) {
        return new Outcome(id, Status.INVALID, List.of(), List.of(), List.of(), List.of(), List.of(), Set.of(), Redactor.SHAPES.redact(error.describe()));
    }

    public static Outcome failed(String id, String message) {
        return new Outcome(id, Status.ERROR, List.of(), List.of(), List.of(), List.of(), List.of(), Set.of(), Redactor.SHAPES.redact(message));
    }

    public Diagnosis top() { return diagnoses.isEmpty() ? null : diagnoses.get(0); }

    /** Every cause at or above the threshold, best first (empty unless the status is conclusive). */
    public List<Diagnosis> diagnosed() {
        if (!status.isConclusive()) return List.of();
        return diagnoses.stream().filter(d -> d.certainty() >= threshold).toList();
    }

    public Fact fact(String key) {
        for (Fact f : facts) if (f.getKey().equals(key)) return f;
        return null;
    }

    /**
     * This outcome, knowing that {@code gaps} could not be checked or were not understood: a
     * "no fault" becomes inconclusive (nothing proved the host healthy); other statuses keep theirs.
     */
    public Outcome notChecked(List<String> gaps) {
        if (gaps.isEmpty()) return this;
        List<String> all = new ArrayList<>(unchecked);
        for (String g : gaps) if (!all.contains(g)) all.add(g);
        Status s = status == Status.NO_FAULT ? Status.INCONCLUSIVE : status;
        return new Outcome(id, s, diagnoses, questions, facts, evidence, fired, unknown, error, threshold, List.copyOf(all));
    }
}
