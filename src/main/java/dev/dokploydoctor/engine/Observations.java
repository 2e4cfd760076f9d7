package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Implications;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What each piece of evidence rests on: the observations ({@link Fact#getOrigin()}) behind the facts
 * its rule tested. A rule's match lists only the facts it binds, not those in {@code exists (...)},
 * so the keys each rule tests (outside {@code not}) come from the planner's {@link AnswerSpace},
 * which reads them from the DRL with the literals, and the session's facts of those keys are its
 * observations. Two rules that read one pasted line, or a fact and what it implies, rest on one
 * observation; {@link Certainty#ofCause} counts it once.
 */
final class Observations {
    private final AnswerSpace space;

    Observations(AnswerSpace space) { this.space = space; }

    /** The keys whose facts {@code rule}'s evidence rests on, beyond those it matched. */
    Set<String> testedKeysOf(String rule) { return space.testedKeysOf(rule); }

    /** The evidence, each with the observations it rests on: its matched facts' and those of the keys its rule tests. */
    List<Evidence> attach(List<Evidence> evidence, List<Fact> facts) {
        return attach(evidence, originsOfKey(facts));
    }

    /** The origins of the facts of each key. */
    static Map<String, List<String>> originsOfKey(List<Fact> facts) { return originsOfKey(facts, Fact::getOrigin); }

    /** The observation {@code originOf} gives each fact, by key. */
    private static Map<String, List<String>> originsOfKey(List<Fact> facts, Function<Fact, String> originOf) {
        Map<String, List<String>> originsOfKey = new HashMap<>();
        for (Fact f : facts) originsOfKey.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(originOf.apply(f));
        return originsOfKey;
    }

    /** As {@link #attach(List, List)}, with the facts' {@link #originsOfKey}. */
    List<Evidence> attach(List<Evidence> evidence, Map<String, List<String>> originsOfKey) {
        return attach(evidence, originsOfKey, Fact::getOrigin);
    }

    /** As above, each matched fact resting on the observation {@code originOf} gives it. */
    private List<Evidence> attach(List<Evidence> evidence, Map<String, List<String>> originsOfKey, Function<Fact, String> originOf) {
        List<Evidence> out = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            Set<String> seen = new LinkedHashSet<>();
            for (Fact f : e.getMatched()) seen.add(originOf.apply(f));
            for (String key : space.testedKeysOf(e.getRule())) seen.addAll(originsOfKey.getOrDefault(key, List.of()));
            out.add(e.on(seen));
        }
        return out;
    }

    /**
     * The evidence as the calibration gate reads it: a fact read from the text that a stated, answered or probed
     * fact implies with the same value ({@link Implications#restated}) rests on that statement, not on the span of
     * text it was read from; every other observation as {@link #attach} found it. Worked out when first asked (only
     * a cause on probation at the threshold asks), once for the facts.
     */
    UnaryOperator<List<Evidence>> restated(List<Fact> facts, Implications implications, Vocabulary vocabulary) {
        return new UnaryOperator<>() {
            private Function<Fact, String> basisOf;
            private Map<String, List<String>> originsOfKey;   // null: no reading is restated, the evidence stays as it is

            @Override public List<Evidence> apply(List<Evidence> evidence) {
                if (basisOf == null) {
                    Map<String, String> basis = implications.restated(facts, vocabulary);
                    basisOf = f -> {
                        String stated = f.getOrigin().startsWith(Fact.TEXT) ? basis.get(f.getKey()) : null;
                        return stated == null ? f.getOrigin() : stated;
                    };
                    if (!basis.isEmpty()) originsOfKey = originsOfKey(facts, basisOf);
                }
                return originsOfKey == null ? evidence : attach(evidence, originsOfKey, basisOf);
            }
        };
    }

    /**
     * Which supports had an exception of their rule checked: a key the rule requires absent or different
     * ({@code not Fact(key == ...)}) and {@code checkable} holds a fact that is its own observation, stated,
     * answered or probed (not read from the text, and not what the user sees: {@code seen}, by origin). The
     * rule fired, so that fact is not the exception: the user looked where the rule's own look-alike would
     * show and it did not ("Traefik was not recreated" beside a stopped Traefik). The support depends on that look.
     */
    Predicate<Evidence> exceptionChecked(List<Fact> facts, Predicate<String> seen, Predicate<String> checkable) {
        return e -> {
            for (String key : space.exceptionKeysOf(e.getRule())) {
                if (!checkable.test(key)) continue;
                // asked only of a cause on probation at the threshold: the facts are looked through then, not for every answer tried
                for (Fact f : facts) {
                    if (!f.getKey().equals(key)) continue;
                    String o = f.getOrigin();
                    if (!o.startsWith(Fact.TEXT) && !seen.test(o)) return true;
                }
            }
            return false;
        };
    }
}
