package dev.dokploydoctor.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How common each cause is before anything is known: knowledge/priors.yaml, {@code priors: {cause: weight}}.
 * Weights are relative (they need not sum to 1); a cause not listed weighs {@link #DEFAULT_WEIGHT}.
 * Without the file every cause is equally likely, the documented default until a field corpus
 * (eval, calibration) fills it. Used only to choose questions, never to diagnose.
 */
public final class Priors {
    public static final double DEFAULT_WEIGHT = 1.0;
    private final Map<String, Double> weights;

    public Priors(Map<String, Double> weights) { this.weights = Map.copyOf(weights); }

    public static Priors uniform() { return new Priors(Map.of()); }

    public static Priors fromNode(Node root) {
        Node map = root.isMap() && root.has("priors") ? root.get("priors") : root;
        if (map == null || map.isNull()) return uniform();
        if (!map.isMap()) throw root.error("priors", "expected a map of cause id to weight");
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : map.fields().entrySet()) {
            double w;
            try {
                w = Double.parseDouble(e.getValue().text());
            } catch (RuntimeException bad) {
                throw e.getValue().error(e.getKey(), "expected a weight (a number > 0)");
            }
            if (!(w > 0)) throw e.getValue().error(e.getKey(), "expected a weight (a number > 0)");
            out.put(e.getKey(), w);
        }
        return new Priors(out);
    }

    public double weight(String cause) { return weights.getOrDefault(cause, DEFAULT_WEIGHT); }

    public Map<String, Double> weights() { return weights; }
}
