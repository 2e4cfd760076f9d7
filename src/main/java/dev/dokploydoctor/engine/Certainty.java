package dev.dokploydoctor.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** MYCIN certainty factors: how evidence for one cause combines. */
public final class Certainty {
    private Certainty() {}

    /**
     * Support below this is a hint: most such rules give a question its reason ("redirect loop,
     * which SSL mode?") and read a symptom a stronger rule of the cause reads too. A hint that reads
     * nothing new adds nothing (the level at which the rules "know", as {@link SimilarFallback#RULES_KNOW}).
     */
    public static final double HINT = 0.2;

    /**
     * One cause's certainty from its evidence: MYCIN over the judgements, with an observation counted
     * once ({@link Evidence#getObservations()}: one pasted line that gave two facts, a fact and what
     * it implies, one stated fact that several rules read). When all of a cause's support rests on
     * one observation, its certainty is the strongest of those rules, not their sum: several rules
     * reading the same thing are one piece of evidence. A hint (support below {@link #HINT}) counts
     * only when it reads an observation no stronger support of the cause reads. Refutations combine
     * as before.
     */
    public static double ofCause(List<Evidence> evidence) {
        List<Double> cfs = new ArrayList<>();
        for (Evidence e : counted(evidence)) cfs.add(e.getCf());
        return combineAll(cfs);
    }

    /**
     * The judgements {@link #ofCause} counts: every refutation, and the support that adds an
     * observation (the strongest only, when all of it rests on one). What is left out is shown as
     * "not counted" beside the evidence ({@code -v}, {@code how}).
     */
    public static List<Evidence> counted(List<Evidence> evidence) {
        List<Evidence> support = new ArrayList<>();
        List<Evidence> out = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.getCf() > 0) support.add(e);
            else out.add(e);
        }
        support.sort(Comparator.comparingDouble(Evidence::getCf).reversed().thenComparing(Evidence::getRule));
        List<String> read = new ArrayList<>();
        List<Evidence> kept = new ArrayList<>();
        for (Evidence e : support) {
            if (e.getCf() < HINT && !e.getObservations().isEmpty() && allCounted(e.getObservations(), read)) continue;
            kept.add(e);
            read.addAll(e.getObservations());
        }
        if (!kept.isEmpty() && restOnOneObservation(kept)) out.add(kept.get(0));
        else out.addAll(kept);
        return out;
    }

    private static boolean allCounted(Iterable<String> observations, List<String> read) {
        for (String o : observations) if (!countedAlready(o, read)) return false;
        return true;
    }

    /** Whether every judgement rests on the same single observation (one with none rests on its own). */
    static boolean restOnOneObservation(List<Evidence> support) {
        List<String> counted = new ArrayList<>();
        for (Evidence e : support) {
            if (e.getObservations().isEmpty()) return support.size() == 1;
            for (String o : e.getObservations()) if (!countedAlready(o, counted)) counted.add(o);
        }
        return counted.size() <= 1;
    }

    /** Whether observation {@code o} is among {@code counted}: the same, or text whose span overlaps. */
    static boolean countedAlready(String o, List<String> counted) {
        for (String c : counted) if (sameObservation(o, c)) return true;
        return false;
    }

    static boolean sameObservation(String a, String b) {
        if (a.equals(b)) return true;
        int[] x = span(a);
        int[] y = span(b);
        return x != null && y != null && x[0] < y[1] && y[0] < x[1];
    }

    /** The [start, end) of a text origin ({@code text@12-40}), or null for any other origin. */
    private static int[] span(String origin) {
        if (!origin.startsWith("text@")) return null;
        int dash = origin.indexOf('-', 5);
        if (dash < 0) return null;
        try {
            return new int[] {Integer.parseInt(origin.substring(5, dash)), Integer.parseInt(origin.substring(dash + 1))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

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
