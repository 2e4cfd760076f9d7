package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A rule's judgement on a cause: certainty factor {@code cf} in [-1, 1] (positive supports,
 * negative refutes), the rule that made it and the facts it matched. Rules insert it with
 * {@code insertLogical(new Evidence(drools, "cause-id", 0.6))}, so it disappears with its facts.
 */
public final class Evidence {
    private final String cause;
    private final double cf;
    private final String rule;
    private final List<Fact> matched;
    private final Set<String> observations;
    /** A hold ({@link #hold}): no certainty of its own; the cause stays below a diagnosis while it stands. */
    private final boolean hold;

    public Evidence(RuleContext drools, String cause, double cf) {
        this(cause, cf, drools.getRule().getName(), matchedFacts(drools));
    }

    /**
     * The rule's finding holds {@code cause} below a diagnosis ({@link Certainty#WEAK_SIGNS_CEILING}) while its facts
     * stand, whatever its support adds up to: a sign that weighs against the cause without ruling it out (the text says
     * there is no Traefik: the interview asks), where a refutation would subtract from one support and not from two.
     */
    public static Evidence hold(RuleContext drools, String cause) {
        return hold(cause, drools.getRule().getName(), matchedFacts(drools));
    }

    /** The same, made by rule {@code rule} on the facts it matched. */
    public static Evidence hold(String cause, String rule, List<Fact> matched) {
        return new Evidence(cause, 0, rule, matched, Set.of(), true);
    }

    public Evidence(String cause, double cf, String rule, List<Fact> matched) {
        this(cause, cf, rule, matched, Set.of());
    }

    private Evidence(String cause, double cf, String rule, List<Fact> matched, Set<String> observations) {
        this(cause, cf, rule, matched, observations, false);
    }

    private Evidence(String cause, double cf, String rule, List<Fact> matched, Set<String> observations, boolean hold) {
        if (cf < -1 || cf > 1 || Double.isNaN(cf)) {
            throw new IllegalArgumentException("certainty factor of rule '" + rule + "' must be in [-1, 1], was " + cf);
        }
        this.cause = Objects.requireNonNull(cause);
        this.cf = cf;
        this.rule = rule;
        this.matched = matched;
        this.observations = observations;
        this.hold = hold;
    }

    /**
     * The same judgement resting on these observations (the origins of the facts its rule tested,
     * {@link Observations}); the engine sets them once the rules have fired.
     */
    public Evidence on(Set<String> observations) {
        return new Evidence(cause, cf, rule, matched, java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(observations)), hold);
    }

    /** The observations it rests on ({@link Fact#getOrigin()}); empty: its own, shared with no other evidence. */
    public Set<String> getObservations() { return observations; }

    static List<Fact> matchedFacts(RuleContext drools) {
        List<Fact> facts = new ArrayList<>();
        for (Object o : drools.getMatch().getObjects()) if (o instanceof Fact f) facts.add(f);
        return facts;
    }

    public String getCause() { return cause; }
    public double getCf() { return cf; }
    public String getRule() { return rule; }
    public List<Fact> getMatched() { return matched; }
    public boolean isSupporting() { return cf > 0; }
    /** Whether this is a rule's hold ({@link #hold}) rather than a certainty. */
    public boolean isHold() { return hold; }

    @Override public boolean equals(Object o) {
        return o instanceof Evidence e && e.cause.equals(cause) && e.rule.equals(rule) && e.hold == hold;
    }
    @Override public int hashCode() { return (cause.hashCode() * 31 + rule.hashCode()) * 2 + (hold ? 1 : 0); }
    @Override public String toString() { return hold ? String.format("%s held below a diagnosis by '%s'", cause, rule) : String.format("%s %+.2f by '%s'", cause, cf, rule); }
}
