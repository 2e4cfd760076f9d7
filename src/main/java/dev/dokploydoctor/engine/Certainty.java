package dev.dokploydoctor.engine;

/** MYCIN certainty factors: how evidence for one cause combines. */
public final class Certainty {
    private Certainty() {}

    public static double combine(double a, double b) {
        if (a >= 0 && b >= 0) return a + b * (1 - a);
        if (a < 0 && b < 0) return a + b * (1 + a);
        double denominator = 1 - Math.min(Math.abs(a), Math.abs(b));
        return denominator == 0 ? 0 : (a + b) / denominator;
    }

    /**
     * Combine any number of factors. Positives and negatives are pooled separately first, then
     * merged once, so the result does not depend on the order rules fired in.
     */
    public static double combineAll(Iterable<Double> cfs) {
        double positive = 0;
        double negative = 0;
        for (double cf : cfs) {
            if (cf >= 0) positive = combine(positive, cf);
            else negative = combine(negative, cf);
        }
        if (negative == 0) return positive;
        if (positive == 0) return negative;
        return combine(positive, negative);
    }

    /** Two decimals, for display and JSON. */
    public static double round(double cf) { return Math.round(cf * 100) / 100.0; }
}
