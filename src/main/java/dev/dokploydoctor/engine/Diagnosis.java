package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Cause;

import java.util.List;

/** A cause with its combined certainty and the evidence (rules and facts) behind it. */
public record Diagnosis(String cause, double certainty, Cause info, List<Evidence> evidence) {
    public String title() { return info == null ? cause : info.title(); }
    public boolean isAdvice() { return info != null && info.isAdvice(); }

    /**
     * Only the similar field reports' vote stood behind this cause: when a rule then gives a cause 0.2 the vote
     * steps aside and the cause leaves the list without any fact against it (not "ruled out").
     */
    public boolean restsOnTheVoteAlone() {
        return !evidence.isEmpty() && evidence.stream().allMatch(e -> SimilarFallback.RULE.equals(e.getRule()));
    }
}
