package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.Conclude;
import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault is diagnosed only from a sign that something is wrong. For each rule that supports a
 * fault, the smallest case that fires it (one fact per condition) is judged by the engine; when that
 * case holds no symptom (facts.yaml {@code symptom}) and still comes out diagnosed, the rule can
 * diagnose a healthy host ({@code no-symptom}, a warning: a few bundled rules read a misconfiguration
 * from two facts that are each harmless, which the per-fact symptom field cannot say). {@code learn}
 * refuses a rule without a symptom outright.
 */
final class SymptomCheck {
    private static final Pattern EQ = Pattern.compile("^(flag|num|text|lower)\\s*(==|>=|>)\\s*(true|false|-?\\d+|\"[^\"]*\")\\s*$");

    private SymptomCheck() {}

    static void check(Engine engine, List<DrlRule> rules, double threshold, List<Finding> out) {
        for (DrlRule r : rules) {
            String cause = Conclude.causeOf(r.name());
            Cause c = cause == null ? null : engine.knowledge().cause(cause);
            if (c == null || c.isAdvice()) continue;
            if (r.evidence().stream().noneMatch(e -> e.sign() > 0)) continue;
            Map<String, Object> facts = smallestCase(r, engine.knowledge().vocabulary());
            if (facts == null || hasSymptom(facts, engine.knowledge().vocabulary())) continue;
            Outcome o = engine.diagnose(new CaseInput("no-symptom", null, facts, Set.of(), null, null, 0), threshold);
            for (Diagnosis d : o.diagnosed()) {
                if (!d.cause().equals(cause)) continue;
                out.add(Finding.warning("no-symptom", r.file(), r.line(), "rule '" + r.name() + "' diagnoses " + cause
                        + String.format(" at %.2f", d.certainty()) + " from " + facts + ", none of them a symptom (facts.yaml symptom):"
                        + " add a condition on a symptom, such as the status or the log line the user sees"));
            }
        }
    }

    static boolean hasSymptom(Map<String, Object> facts, dev.dokploydoctor.knowledge.Vocabulary vocabulary) {
        for (Map.Entry<String, Object> e : facts.entrySet()) {
            FactSpec spec = vocabulary.get(e.getKey());
            if (spec != null && spec.isSymptom(e.getValue())) return true;
        }
        return false;
    }

    /** One fact per positive condition, or null when a condition is not a plain comparison (the check then skips the rule). */
    static Map<String, Object> smallestCase(DrlRule r, dev.dokploydoctor.knowledge.Vocabulary vocabulary) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (DrlRule.FactPattern p : r.patterns()) {
            if (p.negated()) continue;
            FactSpec spec = vocabulary.get(p.key());
            if (spec == null) return null;
            List<DrlRule.Constraint> cs = new ArrayList<>(p.constraints());
            if (cs.size() != 1) return null;
            Matcher m = EQ.matcher(cs.get(0).text().strip());
            if (!m.matches()) return null;
            String v = m.group(3);
            Object value = switch (m.group(1)) {
                case "flag" -> Boolean.parseBoolean(v);
                case "num" -> Long.parseLong(v) + (m.group(2).equals(">") ? 1 : 0);
                default -> m.group(2).equals("==") ? v.substring(1, v.length() - 1) : null;
            };
            if (value == null || (spec.type() == FactType.ENUM && !spec.values().contains(value))) return null;
            facts.put(p.key(), value);
        }
        return facts.isEmpty() ? null : facts;
    }
}
