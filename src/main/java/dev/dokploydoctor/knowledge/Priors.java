package dev.dokploydoctor.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the planner assumes before anything is known, from knowledge/priors.yaml:
 * <ul>
 * <li>{@code priors: {cause: weight}}: how common each cause is. Weights are relative (they need not
 *     sum to 1); a cause not listed weighs {@link #DEFAULT_WEIGHT}.</li>
 * <li>{@code answerable: {key: {all: share, cause: share}}}: how often a user can tell a fact, overall
 *     and among the reports of each cause. A key or cause not listed falls back to {@code all}, then
 *     to {@link #DEFAULT_ANSWERABLE}.</li>
 * </ul>
 * The shipped file is computed from the dev split of the field corpus ({@code eval --write-priors}).
 * Without a file every cause is equally likely and every fact answerable. Used only to choose
 * questions, never to diagnose.
 */
public final class Priors {
    public static final double DEFAULT_WEIGHT = 1.0;
    public static final double DEFAULT_ANSWERABLE = 1.0;
    /** The share over every report, in {@code answerable}; other entries name causes. */
    public static final String ALL = "all";
    private final Map<String, Double> weights;
    private final Map<String, Map<String, Double>> answerable;

    public Priors(Map<String, Double> weights) { this(weights, Map.of()); }

    public Priors(Map<String, Double> weights, Map<String, Map<String, Double>> answerable) {
        this.weights = Map.copyOf(weights);
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        answerable.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        this.answerable = Map.copyOf(copy);
    }

    public static Priors uniform() { return new Priors(Map.of()); }

    public static Priors fromNode(Node root) {
        Node map = root.isMap() && root.has("priors") ? root.get("priors") : root.isMap() && root.has("answerable") ? null : root;
        Map<String, Double> weights = map == null || map.isNull() ? Map.of() : numbers(root, "priors", map, false);
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        Node keys = root.isMap() ? root.get("answerable") : null;
        if (keys != null && !keys.isNull()) {
            if (!keys.isMap()) throw root.error("answerable", "expected a map of fact key to {all: share, cause: share}");
            for (Map.Entry<String, Node> e : keys.fields().entrySet()) shares.put(e.getKey(), numbers(keys, e.getKey(), e.getValue(), true));
        }
        return new Priors(weights, shares);
    }

    /** A map of name to number: a weight (> 0) or a share (0 to 1). */
    private static Map<String, Double> numbers(Node parent, String field, Node map, boolean share) {
        String expected = share ? "expected a share (a number from 0 to 1)" : "expected a weight (a finite number > 0)";
        if (!map.isMap()) throw parent.error(field, share ? "expected a map of cause id (or all) to share" : "expected a map of cause id to weight");
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : map.fields().entrySet()) {
            double w;
            try {
                w = Double.parseDouble(e.getValue().text());
            } catch (RuntimeException bad) {
                throw e.getValue().error(e.getKey(), expected);
            }
            // NaN fails both; Infinity would make every belief NaN (infinity over infinity)
            if (share ? !(w >= 0 && w <= 1) : !(Double.isFinite(w) && w > 0)) throw e.getValue().error(e.getKey(), expected);
            out.put(e.getKey(), w);
        }
        return out;
    }

    public double weight(String cause) { return weights.getOrDefault(cause, DEFAULT_WEIGHT); }

    public Map<String, Double> weights() { return weights; }

    /** How often a user whose fault is {@code cause} can tell {@code key} (the overall share when the cause is not listed). */
    public double answerable(String key, String cause) {
        Map<String, Double> shares = answerable.get(key);
        if (shares == null) return DEFAULT_ANSWERABLE;
        Double s = shares.get(cause);
        return s != null ? s : shares.getOrDefault(ALL, DEFAULT_ANSWERABLE);
    }

    /** Every key's shares, as read. */
    public Map<String, Map<String, Double>> answerable() { return answerable; }
}
