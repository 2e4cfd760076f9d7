package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

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
     * A diagnosis rests on at least one piece of evidence this strong on its own. Weak signs that
     * each point a little (several networks, an error that comes and goes, a 504) add up under
     * MYCIN, but on unseen field reports such stacks were the diagnoses that went wrong (round 6:
     * rules at 0.3-0.5 right 81 % on the reports they were tuned on, 64 % on newer ones); only
     * evidence that alone reaches this level kept its precision.
     */
    public static final double SUBSTANTIAL = 0.5;

    /** Where weak signs alone stop: "likely" at the default diagnosis threshold (0.7), never diagnosed. */
    public static final double WEAK_SIGNS_CEILING = 0.69;

    /**
     * One cause's certainty from its evidence: MYCIN over the judgements, with an observation counted
     * once ({@link Evidence#getObservations()}: one pasted line that gave two facts, a fact and what
     * it implies, one stated fact that several rules read). When all of a cause's support rests on
     * one observation, its certainty is the strongest of those rules, not their sum: several rules
     * reading the same thing are one piece of evidence. A hint (support below {@link #HINT}) counts
     * only when it reads an observation no stronger support of the cause reads. Refutations combine
     * as before. Without one support of at least {@link #SUBSTANTIAL}, the sum stops at
     * {@link #WEAK_SIGNS_CEILING}; so does a cause the look-alike guard holds ({@link LookalikeGuard}),
     * one that rests on one reading of the reporter's words ({@link OneReadingGuard}), one on
     * probation diagnosed from the text alone ({@link CalibrationGate}), and one a rule holds ({@link Evidence#hold}).
     */
    public static double ofCause(List<Evidence> evidence) {
        double cf = uncapped(evidence);
        return weakSignsOnly(evidence) || LookalikeGuard.held(evidence) || OneReadingGuard.held(evidence)
                || CalibrationGate.held(evidence) || heldByARule(evidence) ? Math.min(cf, WEAK_SIGNS_CEILING) : cf;
    }

    /** Whether a rule's finding holds the cause below a diagnosis ({@link Evidence#hold}: the text says its layer is absent). */
    public static boolean heldByARule(List<Evidence> evidence) {
        for (Evidence e : evidence) if (e.isHold()) return true;
        return false;
    }

    /** Whether the look-alike guard held this cause below a diagnosis (said beside its evidence; JSON {@code held_by_lookalikes}). */
    public static boolean heldByLookalikes(List<Evidence> evidence) {
        return LookalikeGuard.held(evidence) && uncapped(evidence) > WEAK_SIGNS_CEILING;
    }

    /** Each cause's certainty ({@link #ofCause}) from this evidence, in the order causes first appear. */
    public static Map<String, Double> byCause(Iterable<Evidence> evidence) {
        Map<String, List<Evidence>> grouped = new LinkedHashMap<>();
        for (Evidence e : evidence) grouped.computeIfAbsent(e.getCause(), k -> new ArrayList<>()).add(e);
        Map<String, Double> out = new LinkedHashMap<>();
        grouped.forEach((c, l) -> out.put(c, ofCause(l)));
        return out;
    }

    /** Whether the weak-signs ceiling lowered this cause's certainty (said beside its evidence). */
    public static boolean heldAtCeiling(List<Evidence> evidence) {
        return weakSignsOnly(evidence) && uncapped(evidence) > WEAK_SIGNS_CEILING;
    }

    private static double uncapped(List<Evidence> evidence) {
        List<Double> cfs = new ArrayList<>();
        for (Evidence e : counted(evidence)) cfs.add(e.getCf());
        return combineAll(cfs);
    }

    /** Whether some support exists but none of it reaches {@link #SUBSTANTIAL} on its own. */
    static boolean weakSignsOnly(List<Evidence> evidence) {
        double strongest = 0;
        for (Evidence e : evidence) strongest = Math.max(strongest, e.getCf());
        return strongest > 0 && strongest < SUBSTANTIAL;
    }

    /**
     * Whether every support counted for a cause reads the reporter's text (text#&lt;hash&gt;@span, or text:key
     * for a text fact of its own) and, where {@code seen} allows it, a stated, answered or probed fact of
     * what the user sees; a support that reads only such a seen fact and decides on it (at least
     * {@link #SUBSTANTIAL}) rests on it, not on the text. The look-alike guard passes no seen fact at all,
     * the calibration gate the user's status and symptom.
     */
    static boolean restsOnText(List<Evidence> evidence, Predicate<String> seen) {
        boolean any = false;
        for (Evidence e : counted(evidence)) {
            if (e.getCf() <= 0) continue;
            if (e.getObservations().isEmpty()) return false;
            boolean readsText = false;
            boolean readsSeen = false;
            for (String o : e.getObservations()) {
                if (o.startsWith(Fact.TEXT)) readsText = true;
                else if (seen.test(o)) readsSeen = true;
                else return false;   // a stated, answered or probed finding
            }
            if (readsSeen && !readsText && e.getCf() >= SUBSTANTIAL) return false;   // a rule that decides on what is seen alone
            any = true;
        }
        return any;
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

    public static boolean sameObservation(String a, String b) {
        if (a.equals(b)) return true;
        int at = a.indexOf('@');
        // spans compare only within one text: "text#1f3a@0-24" and "text#77b0@0-30" were typed apart
        if (!a.startsWith(Fact.TEXT) || at < 0 || at != b.indexOf('@') || !a.regionMatches(0, b, 0, at)) return false;
        int[] x = span(a, at);
        int[] y = span(b, at);
        return x != null && y != null && x[0] < y[1] && y[0] < x[1];
    }

    /** The [start, end) of a text origin ({@code text#1f3a@12-40}), or null. */
    private static int[] span(String origin, int at) {
        int dash = origin.indexOf('-', at + 1);
        if (dash < 0) return null;
        try {
            return new int[] {Integer.parseInt(origin.substring(at + 1, dash)), Integer.parseInt(origin.substring(dash + 1))};
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
