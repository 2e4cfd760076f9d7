package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The look-alike guard: when most of the field reports nearest to the case's text turned out to be
 * causes outside our list ({@code similar.lookalike}, collected by similar/SimilarVote), a cause
 * whose support rests on the text alone is held below a diagnosis, at {@link Certainty#WEAK_SIGNS_CEILING}:
 * it stays leading, the case is inconclusive, and the interview asks the fact that decides. A fact
 * the user states or answers, or a probe finds, lifts the hold; the guard never raises a cause.
 *
 * <p>Why: on reports the rules were not tuned on, the diagnoses that went wrong were text read as a
 * cause of ours when the report was a look-alike (a platform bug, an app's own redirect, a proxy's
 * buffer); their nearest field reports said so more often than for the right ones
 * (knowledge/README.md, "Similar field reports").
 *
 * <p>Judged here, in the conclusion, as {@link SimilarFallback} is: it reads each cause's combined
 * certainty. It shows as a judgement of its own (cf 0, beside the cause's evidence) so that {@code -v},
 * JSON, {@code how} and {@code why-not} say when it held a cause back; {@link Certainty#ofCause} applies it.
 */
final class LookalikeGuard {
    static final String KEY = "similar.lookalike";
    /** The judgement's rule name, as `how`, `why-not`, -v and JSON show it. */
    static final String RULE = "similar field reports: most of the nearest were look-alikes outside our list;"
            + " held below a diagnosis until a stated, answered or probed fact decides";

    private LookalikeGuard() {}

    /** The hold for every cause this case would diagnose on text alone, when the look-alike sign is there. */
    static List<Evidence> holds(Collection<Fact> facts, Map<String, List<Evidence>> byCause, double threshold) {
        Fact sign = null;
        for (Fact f : facts) if (f.getKey().equals(KEY) && f.isTrue() && Fact.TEXT.equals(f.getSource())) sign = f;
        if (sign == null) return List.of();
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<String, List<Evidence>> e : byCause.entrySet()) {
            if (Certainty.ofCause(e.getValue()) < threshold || !restsOnTextAlone(e.getValue())) continue;
            out.add(new Evidence(e.getKey(), 0, RULE, List.of(sign)));
        }
        return out;
    }

    /** Whether every support counted for the cause reads observations of the text (or what they imply) only. */
    static boolean restsOnTextAlone(List<Evidence> evidence) {
        return Certainty.restsOnText(evidence, observation -> false);
    }

    /** Whether the guard holds this cause (its evidence carries the hold). */
    static boolean held(List<Evidence> evidence) {
        for (Evidence e : evidence) if (RULE.equals(e.getRule())) return true;
        return false;
    }
}
