package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Effort;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Priors;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Certainty earned on data: a cause is diagnosed from the text alone only once its diagnoses from the
 * text alone have been right often enough on the dev reports out of sample for it (those that joined the
 * corpus after its rules were written: its {@code since}, evaluation/JoinOrder). Every cause the corpus was measured on
 * has its record in priors.yaml ({@code calibration}: diagnoses n, right k, the Wilson lower bound of
 * k / n at {@link #Z}); a cause whose bound is below {@link #EARNED} is on probation, and a diagnosis
 * of it that rests on the text alone (every counted support reads observations of the text, as
 * {@link #restsOnTextAlone} says: no stated fact, no answer, no probe but the status the user sees) is held at
 * {@link Certainty#WEAK_SIGNS_CEILING}: it stays leading, the case is inconclusive, and the interview
 * asks. A stated, answered or probed fact among its support lifts the hold; the gate never raises a
 * cause. A cause the file does not list (a user's own, written after it) is not judged.
 *
 * <p>Why: a certainty written into a rule from three reports is a guess. Round 13's five causes, each
 * written from 3 to 12 dev reports and right on all of them, brought 7 confidently wrong diagnoses on
 * the held-out reports for 4 to 7 rights; precision on the reports a rule was written from is in sample,
 * so only later reports count (round 14's vite-allowed-hosts graduated on 12 of 12, 4 of them its own
 * sources, and went wrong on held-out ones), and what a small cause earns there is mostly its count: at
 * 95 %, 9 right of 9.
 *
 * <p>Judged in the conclusion, after the other guards; it shows as a judgement of cf 0 beside the
 * cause's evidence so that {@code -v}, JSON, {@code how} and {@code why-not} say why the cause waits.
 */
public final class CalibrationGate {
    /** The judgement's rule name, as `how`, `why-not`, -v and JSON show it. */
    static final String RULE = "on probation: too few dev reports diagnosed from the text alone were right to trust the text"
            + " alone; held below a diagnosis until a stated, answered or probed fact confirms it";

    /** The confidence of the lower bound: 95 % (z = 1.96); at 90 % a cause right 7 times of 7 graduates. */
    public static final double Z = 1.96;

    /** The least lower bound that earns a diagnosis from the text alone: the default threshold's certainty. */
    public static final double EARNED = 0.7;

    private CalibrationGate() {}

    /** The Wilson score interval's lower bound of {@code right} successes in {@code n} at {@link #Z}; 0 for none. */
    public static double lowerBound(int right, int n) {
        if (n == 0) return 0;
        double p = (double) right / n;
        double z2 = Z * Z;
        double centre = p + z2 / (2 * n);
        double spread = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }

    /** Whether the file puts this cause on probation: listed, with a bound below {@link #EARNED}. */
    public static boolean onProbation(Priors priors, String cause) {
        Priors.Earned e = priors.earned(cause);
        return e != null && e.bound() < EARNED;
    }

    /** The hold for every cause on probation this case would diagnose on the text alone. */
    static List<Evidence> holds(Map<String, List<Evidence>> byCause, Priors priors, double threshold) {
        return holds(byCause, null, priors, threshold, e -> false, UnaryOperator.identity());
    }

    /**
     * The same, with each cause's certainty from its evidence ({@link Certainty#ofCause}) already known
     * ({@code certainty}; null: combined here): the look-ahead's reading has it, for every answer tried.
     * {@code exceptionChecked}: which supports had an exception of their rule checked by the user or a probe
     * ({@link Observations#exceptionChecked}); such a support does not rest on the text alone. {@code restated}: the
     * evidence with each reading of the text that a stated fact implies resting on that statement
     * ({@link Observations#restated}); a cause whose support rests on the text alone only so read is not held either.
     */
    static List<Evidence> holds(Map<String, List<Evidence>> byCause, Map<String, Double> certainty, Priors priors, double threshold,
                                Predicate<Evidence> exceptionChecked, UnaryOperator<List<Evidence>> restated) {
        if (priors.calibration().isEmpty()) return List.of();
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<String, List<Evidence>> e : byCause.entrySet()) {
            if (!onProbation(priors, e.getKey())) continue;
            double cf = certainty == null ? Certainty.ofCause(e.getValue()) : certainty.get(e.getKey());
            if (cf < threshold || !restsOnTextAlone(e.getValue(), exceptionChecked)) continue;
            if (!restsOnTextAlone(restated.apply(e.getValue()), exceptionChecked)) continue;
            out.add(new Evidence(e.getKey(), 0, RULE, List.of()));
        }
        return out;
    }

    /**
     * Whether the cause's counted support rests on the text alone: no support reads a stated, answered or
     * probed fact, except what the user sees ({@link OneReadingGuard#SEEN}: that something fails, its
     * status) read beside the text or by a hint. Such a fact confirms a young cause only where a rule of
     * it decides on it alone (a Cloudflare 526 is Cloudflare's own finding); beside a reading of the text
     * it says nothing of why (a "502" confirmed next to a pasted log line: the interview would otherwise
     * ask the user to repeat the status they typed, and let the cause through on it).
     */
    static boolean restsOnTextAlone(List<Evidence> evidence) {
        return restsOnTextAlone(evidence, e -> false);
    }

    /**
     * The same, where a support whose rule names an exception ({@code not Fact(...)}) that the user or a probe
     * checked and did not find does not rest on the text alone: its rule depends on that look as on a fact it
     * reads (a stopped Traefik "not recreated", an origin certificate that is not Traefik's default one). A
     * look that restates the text (a fact the text gave, asked back) is no such check: it only fills a
     * key the rule reads, and the text's own reading of a key the rule excludes never lifts the hold.
     */
    static boolean restsOnTextAlone(List<Evidence> evidence, Predicate<Evidence> exceptionChecked) {
        List<Evidence> judged = withoutHints(evidence);
        if (!Certainty.restsOnText(judged, CalibrationGate::seen)) return false;
        for (Evidence e : Certainty.counted(judged)) if (e.getCf() > 0 && exceptionChecked.test(e)) return false;
        return true;
    }

    /**
     * The evidence a hold is judged on: every refutation and every support but a hint (below {@link Certainty#HINT}).
     * A hint gives a question its reason ("the containers run but the site fails: which address?"); the fact it
     * reads, answered, says nothing of the cause's own deciding fact, so it does not confirm a cause on probation
     * (round 21: "containers running", answered, lifted the hold on a loopback read from a router's port binding,
     * and the interview diagnosed app-listens-on-localhost on an OrbStack bug). The hint still adds to the certainty.
     */
    static List<Evidence> withoutHints(List<Evidence> evidence) {
        List<Evidence> out = new ArrayList<>();
        for (Evidence e : evidence) if (e.getCf() <= 0 || e.getCf() >= Certainty.HINT) out.add(e);
        return out;
    }

    /**
     * The keys whose answer is a look at a rule's exception: not a symptom the user sees (facts.yaml {@code symptom}
     * with {@code effort: seen}: "no redirect loop", "not a 404"), which, like the status, says nothing of why
     * (dev: "is there a redirect loop?" asked first to lift the hold on a port mismatch, then the ports never asked).
     */
    static Predicate<String> exceptionLook(Vocabulary vocabulary) {
        return key -> {
            FactSpec spec = vocabulary.get(key);
            return spec != null && !(spec.symptom() != null && spec.effort() == Effort.SEEN);
        };
    }

    /** Whether observation {@code o} is a stated, answered or probed fact of what the user sees ({@code user:http.status}). */
    static boolean seen(String o) {
        int colon = o.indexOf(':');
        return colon > 0 && OneReadingGuard.SEEN.contains(o.substring(colon + 1));
    }

    /** Whether the gate holds this cause (its evidence carries the hold). */
    static boolean held(List<Evidence> evidence) {
        for (Evidence e : evidence) if (RULE.equals(e.getRule())) return true;
        return false;
    }
}
