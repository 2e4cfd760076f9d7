package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.CausesNeeding;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Suggest;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the rules use must exist: every fact key in facts.yaml, every enum value among its values,
 * every property fit for the key's type, every concluded cause in knowledge/causes/, every
 * certainty factor in [-1, 1]. Typos get the nearest name.
 */
final class ReferenceCheck {
    private static final Pattern TEXT_COMPARE = Pattern.compile("\\b(text|lower)\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern TEXT_IN = Pattern.compile("\\b(text|lower)\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern PROPERTY = Pattern.compile("^!?\\s*(num|flag)\\b");

    private final Knowledge knowledge;
    private final Vocabulary vocabulary;
    private final List<Finding> out;
    private final CausesNeeding needing;

    ReferenceCheck(Knowledge knowledge, List<Finding> out) {
        this.knowledge = knowledge;
        this.vocabulary = knowledge.vocabulary();
        this.out = out;
        this.needing = new CausesNeeding(knowledge.causes().values());
    }

    void checkRule(DrlRule rule) {
        for (DrlRule.FactPattern p : rule.patterns()) {
            FactSpec spec = knownKey(rule, p.key(), p.line());
            if (spec == null) continue;
            for (DrlRule.Constraint c : p.constraints()) {
                checkProperty(rule, spec, c);
                if (spec.type() == FactType.ENUM) checkEnumValues(rule, spec, c);
            }
        }
        for (DrlRule.Conclusion c : rule.conclusions()) {
            if (c.kind() == DrlRule.Kind.LAYER || c.kind() == DrlRule.Kind.HOLD) {
                knownLayer(rule, c);
                continue;
            }
            if (c.key() != null) knownKey(rule, c.key(), c.line());
            if (c.cause() != null) knownCause("rule '" + rule.name() + "' concludes", c.cause(), rule.file(), c.line());
            if (c.cf() != null && (c.cf() < -1 || c.cf() > 1)) {
                out.add(Finding.error("bad-certainty", rule.file(), c.line(), "rule '" + rule.name() + "' gives cause '" + c.cause()
                        + "' certainty " + c.cf() + "; a certainty factor is between -1 and 1"));
            }
        }
    }

    /** Placeholders of fixes must be fact keys; an advice pointer must be a cause. */
    void checkCause(Cause cause) {
        String file = Display.path(cause.file());
        for (String key : cause.placeholders()) {
            if (!vocabulary.contains(key)) {
                out.add(Finding.error("unknown-key", file, 0, "cause '" + cause.id() + "' uses placeholder {" + key + "}, "
                        + unknownKey(key)));
            }
        }
        for (Cause.Fix f : cause.fixes()) {
            for (var condition : List.of(Map.entry("when", f.when()), Map.entry("unless", f.unless()))) condition.getValue().forEach((key, value) ->
                    checkCondition(cause, file, "fix '" + f.title() + "' has " + condition.getKey(), condition.getKey(), key, value));
            for (String key : f.finds()) {
                if (!vocabulary.contains(key)) {
                    out.add(Finding.error("unknown-key", file, 0, "cause '" + cause.id() + "': fix '" + f.title() + "' finds "
                            + key + ", " + unknownKey(key)));
                }
            }
            for (Cause.Snippet s : f.composeFor()) {
                if (!vocabulary.contains(s.key())) {
                    out.add(Finding.error("unknown-key", file, 0, "cause '" + cause.id() + "': fix '" + f.title() + "' has compose_for "
                            + s.key() + ", " + unknownKey(s.key())));
                }
            }
        }
        for (Cause.VerifyVariant v : cause.verifyVariants()) {
            v.when().forEach((key, value) -> checkCondition(cause, file, "a verify variant has when", "when", key, value));
        }
        if (cause.advice() != null) knownCause("cause '" + cause.id() + "' points to advice", cause.advice(), file, 0);
        for (Cause.Lookalike l : cause.lookalikes()) knownCause("cause '" + cause.id() + "' names as look-alike", l.cause(), file, l.line());
    }

    /** A fix's or a verify variant's condition names a fact the rule base knows, with a value it takes. */
    private void checkCondition(Cause cause, String file, String where, String field, String key, String value) {
        FactSpec spec = vocabulary.get(key);
        if (spec == null) {
            out.add(Finding.error("unknown-key", file, 0, "cause '" + cause.id() + "': " + where + " " + key + ", " + unknownKey(key)));
            return;
        }
        if (spec.type() == FactType.LIST) {
            out.add(Finding.error("bad-when", file, 0, "cause '" + cause.id() + "': " + where + " " + key
                    + ", but " + key + " is " + article(spec.type()) + " fact; " + field + " takes a yes/no, a choice, a number or a text fact"));
            return;
        }
        try {
            spec.coerce(value);
        } catch (IllegalArgumentException e) {
            out.add(Finding.error("unknown-value", file, 0, "cause '" + cause.id() + "': " + where + " " + key + ": " + e.getMessage()));
        }
    }

    /** Null (and a finding) when {@code key} is not in facts.yaml. */
    private FactSpec knownKey(DrlRule rule, String key, int line) {
        FactSpec spec = vocabulary.get(key);
        if (spec == null) out.add(Finding.error("unknown-key", rule.file(), line, "rule '" + rule.name() + "': " + unknownKey(key)));
        return spec;
    }

    String unknownKey(String key) {
        String hint = Suggest.nearest(key, vocabulary.keys());
        return "unknown fact key '" + key + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                + "; declare it in knowledge/facts.yaml";
    }

    /** A layer refuted (or held) through causesNeeding is one of layers.yaml that some cause needs; a refutation's certainty is in (0, 1]. */
    private void knownLayer(DrlRule rule, DrlRule.Conclusion c) {
        String layer = c.key();
        boolean needed = !needing.of(layer).isEmpty();
        if (!knowledge.causeLayers().containsKey(layer) || !needed) {
            String hint = Suggest.nearest(layer, knowledge.causeLayers().keySet());
            out.add(Finding.error("unknown-layer", rule.file(), c.line(), "rule '" + rule.name() + "' refutes the causes that need layer '"
                    + layer + "', but " + (knowledge.causeLayers().containsKey(layer) ? "no cause.yaml says it needs it (needs: {" + layer + ": 0.9})"
                    : "there is no such layer in knowledge/layers.yaml" + (hint == null ? "" : " (did you mean '" + hint + "'?)"))));
        }
        if (c.kind() == DrlRule.Kind.HOLD) return;   // a hold has no certainty of its own
        if (c.cf() == null || !(c.cf() < 0 && c.cf() >= -1)) {
            out.add(Finding.error("bad-certainty", rule.file(), c.line(), "rule '" + rule.name() + "' refutes layer '" + layer
                    + "' at " + (c.cf() == null ? "a certainty that is no number" : String.valueOf(-c.cf())) + "; a certainty is in (0, 1]"));
        }
    }

    boolean knownCause(String who, String cause, String file, int line) {
        if (knowledge.cause(cause) != null) return true;
        String hint = Suggest.nearest(cause, knowledge.causes().keySet());
        out.add(Finding.error("missing-cause", file, line, who + " '" + cause + "', but there is no knowledge/causes/" + cause + "/cause.yaml"
                + (hint == null ? "" : " (did you mean '" + hint + "'?)")));
        return false;
    }

    /** {@code num} only means something for an int key, {@code flag} for a bool key. */
    private void checkProperty(DrlRule rule, FactSpec spec, DrlRule.Constraint c) {
        Matcher m = PROPERTY.matcher(c.text());
        if (!m.find()) return;
        String property = m.group(1);
        FactType wanted = property.equals("num") ? FactType.INT : FactType.BOOL;
        if (spec.type() == wanted) return;
        out.add(Finding.error("wrong-property", rule.file(), c.line(), "rule '" + rule.name() + "': '" + spec.key() + "' is "
                + article(spec.type()) + " fact, so '" + property + "' never matches; use " + propertyFor(spec.type())));
    }

    private void checkEnumValues(DrlRule rule, FactSpec spec, DrlRule.Constraint c) {
        List<String> values = new ArrayList<>();
        Matcher m = TEXT_COMPARE.matcher(c.text());
        while (m.find()) values.add(m.group(2));
        m = TEXT_IN.matcher(c.text());
        while (m.find()) {
            Matcher q = QUOTED.matcher(m.group(2));
            while (q.find()) values.add(q.group(1));
        }
        for (String v : values) {
            if (spec.values().contains(v)) continue;
            String hint = Suggest.nearest(v, spec.values());
            out.add(Finding.error("unknown-value", rule.file(), c.line(), "rule '" + rule.name() + "': '" + v + "' is not a value of "
                    + spec.key() + " " + spec.values() + (hint == null ? "" : " (did you mean '" + hint + "'?)")));
        }
    }

    static String article(FactType t) {
        return switch (t) {
            case INT -> "an int";
            case ENUM -> "an enum";
            default -> "a " + t.label();
        };
    }

    static String propertyFor(FactType t) {
        return switch (t) {
            case INT -> "num (num == 502)";
            case BOOL -> "flag (flag == true)";
            case LIST -> "list (list contains \"x\") or size";
            default -> "text (text == \"x\") or lower";
        };
    }
}
