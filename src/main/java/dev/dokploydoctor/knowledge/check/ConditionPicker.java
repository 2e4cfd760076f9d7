package dev.dokploydoctor.knowledge.check;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Fact;
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

    static Picked pick(Engine engine, CaseInput input, List<CaseInput> bundled, Set<String> keep, Set<String> drop) {
        Map<String, Integer> valueCounts = new HashMap<>();
        for (CaseInput c : bundled) {
            for (Fact f : engine.factsOf(c)) valueCounts.merge(f.getKey() + "=" + f.getText(), 1, Integer::sum);
        }
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
                String reason = reasonToDrop(spec, f, valueCounts, bundled.size());
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

    private static String reasonToDrop(FactSpec spec, Fact f, Map<String, Integer> valueCounts, int bundled) {
        if (spec.type() == FactType.STRING) return "text (a name or an excerpt, not a symptom); --keep " + spec.key() + " to match it exactly";
        if (spec.type() == FactType.LIST) return "a list of names; --keep " + spec.key() + " to require them";
        int same = Objects.requireNonNullElse(valueCounts.get(f.getKey() + "=" + f.getText()), 0);
        if (bundled >= 2 && same * 2 > bundled) {
            return "same value in " + same + " of " + bundled + " bundled cases, so it tells nothing apart";
        }
        return null;
    }
}
