package dev.dokploydoctor.authoring;

import java.util.List;
import java.util.Set;

/**
 * The structure of one DRL rule as far as the checks need it: its name and place, its conditions
 * (normalised, for comparing rules), the {@code Fact(key == "...")} patterns it matches and what
 * its consequence concludes.
 *
 * @param conditions normalised text of each top-level condition (bindings dropped, constraints sorted)
 */
public record DrlRule(String name, String file, int line, Set<String> conditions, List<FactPattern> patterns,
                      List<Conclusion> conclusions) {

    /** A {@code Fact(...)} pattern with a literal key, anywhere in the when-block. */
    public record FactPattern(String key, int line, List<Constraint> constraints, boolean negated) {}

    /** One constraint of a pattern, e.g. {@code text == "compose"}, with its line. */
    public record Constraint(String text, int line) {}

    /** What the then-block inserts. */
    public enum Kind { EVIDENCE, NEED, FACT, LAYER, HOLD }

    /**
     * One conclusion: evidence for a cause with its certainty factor (null when not a literal), a
     * need for a fact key on behalf of a cause, a derived fact (key only), or a refutation of every cause
     * that needs a layer ({@code causesNeeding.refute(drools, "traefik", 0.9)}: the layer in {@code key}).
     */
    public record Conclusion(Kind kind, String cause, String key, Double cf, int line) {
        /** +1 supports, -1 refutes, 0 unknown (the factor is not a literal). */
        public int sign() { return cf == null ? 0 : cf > 0 ? 1 : cf < 0 ? -1 : 0; }
    }

    public String where() { return file + ":" + line; }

    public List<Conclusion> evidence() {
        return conclusions.stream().filter(c -> c.kind() == Kind.EVIDENCE).toList();
    }

    public boolean matchesKey(String key) {
        for (FactPattern p : patterns) if (p.key().equals(key)) return true;
        return false;
    }
}
