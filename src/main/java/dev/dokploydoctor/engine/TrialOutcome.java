package dev.dokploydoctor.engine;

import java.util.List;
import java.util.Map;

/**
 * What the planner's look-ahead reads of an answer tried on the case's session: the status, the
 * leading shown cause (null: none), each cause's certainty from the rules alone (the similar reports'
 * vote left out: {@link SimilarFallback#fromRules}) and the needs still open (in no particular order).
 */
record TrialOutcome(Status status, Diagnosis top, Map<String, Double> fromRules, List<Need> needs) {
    static TrialOutcome of(Engine.Judgement j) {
        return new TrialOutcome(j.outcome().status(), j.outcome().top(), SimilarFallback.fromRules(j.outcome()), j.needs());
    }
}
