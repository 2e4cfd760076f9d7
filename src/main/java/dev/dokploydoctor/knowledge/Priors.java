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
 * <li>{@code calibration: {cause: {n: diagnoses, right: k, bound: lower}}}: how the text alone did for
 *     each cause on dev, with no gate in the way: the dev reports whose text alone it diagnosed, how many
 *     of them are its reports, and the Wilson lower bound of that precision. The one part that
 *     diagnoses: the calibration gate (engine/CalibrationGate) holds a diagnosis resting on text alone
 *     below the threshold for a listed cause whose bound is below what a diagnosis needs.</li>
 * </ul>
 * The shipped file is computed from the dev split of the field corpus ({@code eval --write-priors}).
 * Without a file every cause is equally likely, every fact answerable and no cause on probation.
 * Priors and shares are used only to choose questions.
 */
public final class Priors {
    public static final double DEFAULT_WEIGHT = 1.0;
    public static final double DEFAULT_ANSWERABLE = 1.0;
    /** The share over every report, in {@code answerable}; other entries name causes. */
    public static final String ALL = "all";
    private final Map<String, Double> weights;
    private final Map<String, Map<String, Double>> answerable;
    private final Map<String, Earned> calibration;

    /** One cause's record on dev from its text alone: diagnoses, right ones, and the lower bound of the precision. */
    public record Earned(int n, int right, double bound) {}

    public Priors(Map<String, Double> weights) { this(weights, Map.of()); }

    public Priors(Map<String, Double> weights, Map<String, Map<String, Double>> answerable) {
        this(weights, answerable, Map.of());
    }

    public Priors(Map<String, Double> weights, Map<String, Map<String, Double>> answerable, Map<String, Earned> calibration) {
        this.weights = Map.copyOf(weights);
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        answerable.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        this.answerable = Map.copyOf(copy);
        this.calibration = Map.copyOf(calibration);
    }

    public static Priors uniform() { return new Priors(Map.of()); }

    public static Priors fromNode(Node root) {
        // an older file is the weights map itself; one with answerable or calibration but no priors has no weights
        Node map = root.isMap() && root.has("priors") ? root.get("priors")
                : root.isMap() && (root.has("answerable") || root.has("calibration")) ? null : root;
        Map<String, Double> weights = map == null || map.isNull() ? Map.of() : numbers(root, "priors", map, false);
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        Node keys = root.isMap() ? root.get("answerable") : null;
        if (keys != null && !keys.isNull()) {
            if (!keys.isMap()) throw root.error("answerable", "expected a map of fact key to {all: share, cause: share}");
            for (Map.Entry<String, Node> e : keys.fields().entrySet()) shares.put(e.getKey(), numbers(keys, e.getKey(), e.getValue(), true));
        }
        return new Priors(weights, shares, calibration(root));
    }

    private static Map<String, Earned> calibration(Node root) {
        Node map = root.isMap() ? root.get("calibration") : null;
        if (map == null || map.isNull()) return Map.of();
        if (!map.isMap()) throw root.error("calibration", "expected a map of cause id to {n: diagnoses, right: k, bound: lower bound}");
        Map<String, Earned> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : map.fields().entrySet()) {
            Node c = e.getValue();
            String expected = "expected {n: diagnoses, right: k (0 to n), bound: a number from 0 to 1}";
            if (!c.isMap() || !c.has("n") || !c.has("right") || !c.has("bound")) throw map.error(e.getKey(), expected);
            try {
                int n = Integer.parseInt(c.get("n").text());
                int right = Integer.parseInt(c.get("right").text());
                double bound = Double.parseDouble(c.get("bound").text());
                if (n < 0 || right < 0 || right > n || !(bound >= 0 && bound <= 1)) throw map.error(e.getKey(), expected);
                out.put(e.getKey(), new Earned(n, right, bound));
            } catch (NumberFormatException bad) {
                throw map.error(e.getKey(), expected);
            }
        }
        return out;
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

    /** A cause's record from its text alone on dev; null when the file does not list it (a cause the corpus was not measured on). */
    public Earned earned(String cause) { return calibration.get(cause); }

    /** Every cause's record, as read (empty: no file, or one without {@code calibration}). */
    public Map<String, Earned> calibration() { return calibration; }

    /** Every key's shares, as read. */
    public Map<String, Map<String, Double>> answerable() { return answerable; }
}
