package dev.dokploydoctor.authoring;

import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule base as a whole, in the spirit of the Drools Verifier: rules no case ever fires,
 * rules that say opposite things on the same conditions, rules that repeat another's conditions
 * and conclusion (their evidence would be counted twice), and questions no rule asks for.
 */
final class Verifier {
    private Verifier() {}

    /** Rules that fired on none of the cases. */
    static void deadRules(List<DrlRule> rules, Set<String> fired, int caseCount, List<Finding> out) {
        for (DrlRule r : rules) {
            if (fired.contains(r.name())) continue;
            out.add(Finding.warning("dead-rule", r.file(), r.line(), "rule '" + r.name() + "' fired on none of the "
                    + caseCount + " cases; add a case that needs it, or remove it"));
        }
    }

    /** Same conditions, same cause, opposite signs: the rule base contradicts itself. */
    static void conflicts(List<DrlRule> rules, List<Finding> out) {
        Map<Set<String>, List<DrlRule>> byConditions = new LinkedHashMap<>();
        for (DrlRule r : rules) {
            if (!r.conditions().isEmpty()) byConditions.computeIfAbsent(r.conditions(), k -> new ArrayList<>()).add(r);
        }
        for (List<DrlRule> group : byConditions.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    DrlRule a = group.get(i), b = group.get(j);
                    for (DrlRule.Conclusion ca : a.evidence()) {
                        for (DrlRule.Conclusion cb : b.evidence()) {
                            if (!ca.cause().equals(cb.cause()) || ca.sign() * cb.sign() >= 0) continue;
                            DrlRule supports = ca.sign() > 0 ? a : b;
                            DrlRule refutes = supports == a ? b : a;
                            out.add(Finding.error("conflict", b.file(), b.line(), "rules '" + supports.name() + "' and '" + refutes.name()
                                    + "' (" + a.where() + ") have the same conditions, but one supports and the other refutes '"
                                    + ca.cause() + "'"));
                        }
                    }
                }
            }
        }
    }

    /**
     * A rule whose conditions include all of another's, concluding the same cause with the same
     * sign: whenever it fires the other fires too, so the evidence is counted twice. Not when the
     * narrower rule asks (Needs) a fact the wider one tests: that is the hypothesis-then-answer
     * pattern of DESIGN §3, where the first rule's small certainty is the prior the second builds on.
     */
    static void redundant(List<DrlRule> rules, List<Finding> out) {
        // only rules that share a (cause, sign) can be redundant: group first, compare within groups
        Map<String, List<DrlRule>> bySupport = new LinkedHashMap<>();
        for (DrlRule r : rules) {
            if (r.conditions().isEmpty()) continue;
            for (DrlRule.Conclusion c : r.evidence()) {
                if (c.sign() == 0) continue;
                List<DrlRule> group = bySupport.computeIfAbsent(c.cause() + (c.sign() > 0 ? "+" : "-"), k -> new ArrayList<>());
                if (!group.contains(r)) group.add(r);
            }
        }
        Set<String> reported = new java.util.HashSet<>();
        for (Map.Entry<String, List<DrlRule>> e : bySupport.entrySet()) {
            String cause = e.getKey().substring(0, e.getKey().length() - 1);
            String verb = e.getKey().endsWith("+") ? "supports" : "refutes";
            List<DrlRule> group = e.getValue();
            for (int i = 0; i < group.size(); i++) {
                for (int j = 0; j < group.size(); j++) {
                    if (i == j) continue;
                    DrlRule wide = group.get(i), narrow = group.get(j);
                    if (!wide.conditions().containsAll(narrow.conditions())) continue;
                    if (asksWhatTheOtherTests(narrow, wide)) continue;
                    // equal conditions: report the later rule only, once
                    if (wide.conditions().size() == narrow.conditions().size() && i < j) continue;
                    if (!reported.add(wide.name() + "\u0000" + narrow.name() + "\u0000" + cause)) continue;
                    out.add(Finding.warning("redundant", wide.file(), wide.line(), "rule '" + wide.name() + "' has all the conditions of '"
                            + narrow.name() + "' (" + narrow.where() + ") and also " + verb + " '" + cause
                            + "': when it fires the other fires too and the evidence counts twice; merge them, or conclude only what the extra conditions add"));
                }
            }
        }
    }

    private static boolean asksWhatTheOtherTests(DrlRule asks, DrlRule tests) {
        for (DrlRule.Conclusion c : asks.conclusions()) {
            if (c.kind() == DrlRule.Kind.NEED && tests.matchesKey(c.key())) return true;
        }
        return false;
    }

    /** A fact with a question that no rule needs and no rule matches: the question is never asked. */
    static void unusedQuestions(Vocabulary vocabulary, Collection<DrlRule> rules, List<Finding> out) {
        for (FactSpec spec : vocabulary.all()) {
            if (spec.question() == null || spec.question().isBlank()) continue;
            boolean used = false;
            for (DrlRule r : rules) {
                if (r.matchesKey(spec.key())) { used = true; break; }
                for (DrlRule.Conclusion c : r.conclusions()) {
                    if (c.kind() == DrlRule.Kind.NEED && spec.key().equals(c.key())) { used = true; break; }
                }
                if (used) break;
            }
            if (!used) {
                out.add(Finding.warning("unused-question", Display.path(spec.file()), spec.line(), "fact '" + spec.key()
                        + "' has a question, but no rule needs or matches it, so it is never asked"));
            }
        }
    }

    /** A rule needs a fact nobody can supply: no question to ask and no probe to look. */
    static void needsWithoutQuestion(Vocabulary vocabulary, Collection<DrlRule> rules, List<Finding> out) {
        for (DrlRule r : rules) {
            for (DrlRule.Conclusion c : r.conclusions()) {
                if (c.kind() != DrlRule.Kind.NEED) continue;
                FactSpec spec = vocabulary.get(c.key());
                if (spec == null) continue; // reported as unknown-key
                boolean askable = spec.question() != null && !spec.question().isBlank();
                if (!askable && (spec.probe() == null || spec.probe().isBlank())) {
                    out.add(Finding.warning("need-without-question", r.file(), c.line(), "rule '" + r.name() + "' needs '" + c.key()
                            + "', but facts.yaml gives it neither a question nor a probe"));
                }
            }
        }
    }
}
