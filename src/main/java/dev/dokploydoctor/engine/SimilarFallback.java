package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Similar field reports as weak evidence, a fallback when the rules barely know. The fact
 * {@code similar.cause} (collected from the case's text by similar/SimilarVote: the cause most of
 * the nearest field reports turned out to be) supports that cause by {@link #SUPPORT}, only when
 * no cause has a certainty of {@link #RULES_KNOW} from the rules. It is judged here, in the
 * conclusion, not by a rule, because its condition is about every cause's combined certainty,
 * which only the conclusion knows (a rule sees one piece of evidence at a time).
 *
 * <p>So it can make a cause leading and give the interview a hypothesis to pursue, but it never
 * displaces a cause the rules support (one at 0.2 or more outranks it), never revives a cause the
 * rules speak against, never supports an {@code other:} family, and never diagnoses: with the rules
 * below 0.2 the voted cause reaches at most 1 - 0.8 x 0.85 = 0.32, and a support that would reach
 * the threshold (a threshold set below that) is not given.
 */
final class SimilarFallback {
    static final String KEY = "similar.cause";
    /** The evidence's rule name, as `why`, -v and JSON show it. */
    static final String RULE = "similar field reports: the cause most of the nearest reports had, when no rule knows better";
    /**
     * A prior, not fitted: the vote names the right cause for about 3 in 5 reports (dev in
     * leave-one-out, and test judged by dev), no better than the rules on unseen text, so it gets less than any single rule
     * that "knows" (0.2) and far less than a diagnosis: enough to rank a cause, not to assert one.
     */
    static final double SUPPORT = 0.15;
    /** A rule-given certainty at which the rules know something: the vote then stays silent. */
    static final double RULES_KNOW = 0.2;

    private SimilarFallback() {}

    /** The vote's evidence for this case, or null when it does not apply. */
    static Evidence evidence(Collection<Fact> facts, Map<String, List<Evidence>> byCause, Knowledge knowledge,
                             boolean wantsAdvice, double threshold) {
        if (wantsAdvice) return null;
        Fact vote = null;
        // only the vote collected from the text counts: a similar.cause stated in a case file is no vote
        for (Fact f : facts) if (f.getKey().equals(KEY) && Fact.TEXT.equals(f.getSource())) vote = f;
        if (vote == null) return null;
        String cause = vote.getText();
        Cause info = knowledge.cause(cause);
        if (info == null || info.isAdvice()) return null;   // other:<family>, or a cause this rule base does not have
        for (List<Evidence> es : byCause.values()) if (combined(es, List.of()) >= RULES_KNOW) return null;
        List<Evidence> own = byCause.getOrDefault(cause, List.of());
        if (combined(own, List.of()) < 0) return null;
        if (combined(own, List.of(SUPPORT)) >= threshold) return null;
        return new Evidence(cause, SUPPORT, RULE, List.of(vote));
    }

    /** The cause the vote supports in this outcome, or null. */
    static String supported(Outcome o) {
        for (Evidence e : o.evidence()) if (RULE.equals(e.getRule())) return e.getCause();
        return null;
    }

    /**
     * Each cause's combined certainty from the rules alone. The planner's look-ahead compares these:
     * the vote only tilts its belief, since an answer that wakes a rule silences the vote, which
     * would otherwise read as that answer counting against the voted cause.
     */
    static Map<String, Double> fromRules(Outcome o) {
        return Certainty.byCause(o.evidence().stream().filter(e -> !RULE.equals(e.getRule())).toList());
    }

    private static double combined(List<Evidence> evidence, List<Double> more) {
        List<Evidence> all = new ArrayList<>(evidence);
        for (double cf : more) all.add(new Evidence(all.isEmpty() ? "" : all.get(0).getCause(), cf, RULE, List.of()));
        return Certainty.ofCause(all);
    }
}
