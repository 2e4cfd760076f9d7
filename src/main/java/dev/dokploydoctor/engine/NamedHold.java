package dev.dokploydoctor.engine;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a diagnosis below the sure line ({@link Interview#LOOKALIKE_SURE}) waits for, as its own rule names it: a
 * rule that diagnoses the cause alone, held below the sure line, and names in the same then-block the fact that
 * tells it from its look-alike,
 * <pre>
 *     support(drools, 0.75);   // Docker's stale allocation reads the same
 *     need(drools, "host.port_holder_found", "...");
 * </pre>
 * waits for that fact. Before concluding, the interview asks it and nothing else: below the sure line the
 * look-alike check would ask every open question that could overturn the cause (a redirect loop, every domain
 * failing, the protocol, ...), where the rule's author knows the one look-alike that reads the same. Once the
 * fact is asked (answered, or "don't know"), the hold has had its word: no other look-alike question follows; a
 * "don't know" leaves it unsettled, which the conclusion names ({@link Interview#unsettled}).
 * The hold is data (the rule's logical insert), not a list of causes in Java.
 */
final class NamedHold {
    private NamedHold() {}

    /**
     * The facts the diagnosis {@code top} waits for: those a rule needs for it whose own support reaches the
     * threshold alone, among the supports counted for it. Known and unknown facts too (a need the engine
     * dropped as answered is still the rule's request: {@link Engine.Judgement#allNeeds}). Empty when no such rule
     * fired or the diagnosis is at the sure line or above.
     */
    static Set<String> awaited(Engine.Judgement judgement, Diagnosis top, double threshold) {
        Set<String> out = new LinkedHashSet<>();
        if (top == null || top.certainty() >= Interview.LOOKALIKE_SURE) return out;
        for (Evidence e : Certainty.counted(top.evidence())) {
            if (e.getCf() < threshold) continue;
            for (Need n : judgement.allNeeds()) {
                if (n.getCause().equals(top.cause()) && e.getRule().equals(n.getRule())) out.add(n.getKey());
            }
        }
        return out;
    }
}
