package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one probe collects while it runs: typed facts with evidence, and observations (what it saw
 * that is not a fact, e.g. "no cloudflared container"). Every key must be declared in the vocabulary.
 */
final class Findings {
    private final String probe;
    private final Vocabulary vocabulary;
    private final Map<String, Fact> facts = new LinkedHashMap<>();
    private final List<String> observations = new ArrayList<>();
    private String notChecked;

    Findings(String probe, Vocabulary vocabulary) {
        this.probe = probe;
        this.vocabulary = vocabulary;
    }

    /** Record a fact; the value is typed by the vocabulary. An undeclared key is a programming error. */
    void fact(String key, Object value, String evidence) {
        if (!vocabulary.contains(key)) {
            throw new IllegalStateException("probe " + probe + " emits fact '" + key + "', which knowledge/facts.yaml does not declare");
        }
        facts.putIfAbsent(key, new Fact(key, vocabulary.coerce(key, value, null), Fact.PROBE, evidence));
    }

    boolean has(String key) { return facts.containsKey(key); }

    void observe(String text) { observations.add(text); }

    /** Part of what this probe covers could not be looked at (the app was not found, the tunnel's routes): one line each, with what to do. */
    void notChecked(String what) { notChecked = notChecked == null ? what : notChecked + "; " + what; }

    ProbeResult ok(long millis) {
        return new ProbeResult(probe, ProbeResult.State.OK, List.copyOf(facts.values()), List.copyOf(observations), notChecked, millis);
    }

    /** Could not check, but keep what was seen before the failure. */
    ProbeResult couldNotCheck(String reason, long millis) {
        return new ProbeResult(probe, ProbeResult.State.COULD_NOT_CHECK, List.copyOf(facts.values()), List.copyOf(observations), reason, millis);
    }
}
