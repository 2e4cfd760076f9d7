package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which facts of a case become the conditions of a learned rule: the stated facts and those the
 * extractors found in its text, minus those that do not tell this case apart: texts and lists
 * (names, log excerpts: the extractors already turned the telling parts into facts), and values
 * that most bundled cases share. {@code keep} and {@code drop} override the choice per key.
 */
final class ConditionPicker {
    /** The conditions, and each left-out key with the reason. */
    record Picked(List<Condition> conditions, Map<String, String> dropped) {}

    private ConditionPicker() {}

    static Picked pick(Engine engine, CaseInput input, List<RegressionRunner.LoadedCase> bundled, Set<String> keep, Set<String> drop) {
        return pick(engine, input, bundled, keep, drop, Set.of());
    }

    /**
     * @param telling the keys the cause's existing rules test (support or refute): they are what tells
     *                this cause from its look-alikes, so commonness never drops them
     */
    static Picked pick(Engine engine, CaseInput input, List<RegressionRunner.LoadedCase> bundled, Set<String> keep, Set<String> drop,
                       Set<String> telling) {
        Map<String, Integer> valueCounts = new HashMap<>();
        Map<String, Set<String>> valueCauses = new HashMap<>();
        Set<String> allCauses = new java.util.HashSet<>();
        int readable = 0;
        for (RegressionRunner.LoadedCase c : bundled) {
            if (!c.readable()) continue;
            readable++;
            String cause = c.file().causeFolder();
            allCauses.add(cause);
            for (Fact f : engine.factsOf(c.input())) {
                String value = f.getKey() + "=" + f.getText();
                valueCounts.merge(value, 1, Integer::sum);
                valueCauses.computeIfAbsent(value, k -> new java.util.TreeSet<>()).add(cause);
            }
        }
        Commonness common = new Commonness(valueCounts, valueCauses, readable, Math.max(3, (allCauses.size() + 3) / 4));
        List<Condition> conditions = new ArrayList<>();
        Map<String, String> dropped = new LinkedHashMap<>();
        for (Fact f : engine.factsOf(input)) {
            FactSpec spec = engine.knowledge().vocabulary().get(f.getKey());
            String key = f.getKey();
            if (drop.contains(key)) {
                dropped.put(key, "left out with --drop");
                continue;
            }
            if (!keep.contains(key)) {
                String reason = telling.contains(key) && spec.type() != FactType.LIST ? null : reasonToDrop(spec, f, common);
                if (reason != null) {
                    dropped.put(key, reason);
                    continue;
                }
            }
            conditions.add(new Condition(spec, f.getValue()));
        }
        for (String k : keep) {
            if (conditions.stream().noneMatch(c -> c.key().equals(k))) {
                throw new IllegalArgumentException("--keep " + k + ": the case has no fact '" + k + "'");
            }
        }
        return new Picked(conditions, dropped);
    }

    /** How often each key=value occurs in the bundled cases, and in the cases of how many causes. */
    private record Commonness(Map<String, Integer> counts, Map<String, Set<String>> causes, int cases, int manyCauses) {}

    private static String reasonToDrop(FactSpec spec, Fact f, Commonness common) {
        if (spec.type() == FactType.STRING) return "text (a name or an excerpt, not a symptom); --keep " + spec.key() + " to match it exactly";
        if (spec.type() == FactType.LIST) return "a list of names; --keep " + spec.key() + " to require them";
        String value = f.getKey() + "=" + f.getText();
        int same = Objects.requireNonNullElse(common.counts().get(value), 0);
        if (common.cases() >= 2 && same * 2 > common.cases()) {
            return "same value in " + same + " of " + common.cases() + " bundled cases, so it tells nothing apart";
        }
        int causes = common.causes().getOrDefault(value, Set.of()).size();
        if (causes >= common.manyCauses()) {
            return "found in the cases of " + causes + " different causes, so it tells none apart; --keep " + spec.key() + " to use it";
        }
        return null;
    }
}
