package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Cause;

import java.util.List;

/** A cause with its combined certainty and the evidence (rules and facts) behind it. */
public record Diagnosis(String cause, double certainty, Cause info, List<Evidence> evidence) {
    public String title() { return info == null ? cause : info.title(); }
    public boolean isAdvice() { return info != null && info.isAdvice(); }
}
