package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.AnswerSpace;
import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Planner;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The "if ...: ..." line of 'why' in the user's terms. The planner simulates stand-in values (a
 * port "1" for "any port", "0" for "a number no rule tests"); a user reads "if it is 8080" and
 * "if another port". When a known fact of the same kind names a value (the app's port, 8080, for
 * the domain's port), each answer is said as that value or another one, and evaluated as such.
 */
final class PreviewWords {
    private PreviewWords() {}

    /**
     * What each answer to the plan's question would lead to; {@code with}: the session evaluated with
     * one more answer.
     */
    static List<String> ifs(Planner.Plan plan, Outcome o, Function<Fact, Outcome> with) {
        FactSpec spec = plan.question().spec();
        List<String> out = new ArrayList<>();
        Set<Object> refs = spec == null || with == null ? Set.of() : references(spec, o);
        if (!refs.isEmpty()) {
            String noun = noun(spec.key());
            for (Object r : refs) out.add("if it is " + r + ": " + result(with.apply(new Fact(spec.key(), r, Fact.USER, "why"))));
            Object other = another(spec, refs);
            if (other != null) out.add("if another " + noun + " (not " + String.join(" or ", refs.stream().map(String::valueOf).toList()) + "): "
                    + result(with.apply(new Fact(spec.key(), other, Fact.USER, "why"))));
            return out;
        }
        // two questions tried together: the compared answers (same / different) say it all; the
        // stand-ins for "a number no rule tests" only when nothing is compared
        boolean compared = plan.previews().stream().anyMatch(p -> p.value() instanceof Planner.PairValue v && v.compared());
        for (Planner.Preview p : plan.previews()) {
            if (compared && !(p.value() instanceof Planner.PairValue v && v.compared())) continue;
            String line = "if " + said(p.value(), spec) + ": " + result(p.topCause(), p.topCertainty(), p.status());
            if (!out.contains(line)) out.add(line);
        }
        return out;
    }

    /** A simulated value as the user would say it. */
    private static String said(Object v, FactSpec spec) {
        if (v instanceof Planner.PairValue pair && pair.compared()) {
            return pair.first().equals(pair.second()) ? "it is the same as " + pair.partner() : "it differs from " + pair.partner();
        }
        if (v instanceof Boolean b) return b ? "yes" : "no";
        if (spec != null && spec.type() == FactType.INT && Objects.equals(v, AnswerSpace.OTHER_NUMBER)) return "another number";
        if (AnswerSpace.OTHER_TEXT.equals(v) || List.of(AnswerSpace.OTHER_TEXT).equals(v)) return "something else";
        return String.valueOf(v);
    }

    /** Values of known facts of the same type and kind (the last word of the key: port, address): what this one is compared with. */
    private static Set<Object> references(FactSpec spec, Outcome o) {
        if (spec.type() != FactType.INT && spec.type() != FactType.STRING) return Set.of();
        String noun = noun(spec.key());
        Set<Object> refs = new LinkedHashSet<>();
        for (Fact f : o.facts()) {
            if (f.getKey().equals(spec.key()) || !noun(f.getKey()).equals(noun)) continue;
            if (spec.type() == FactType.INT ? f.getValue() instanceof Long : f.getValue() instanceof String s && !s.isBlank()) refs.add(f.getValue());
        }
        return refs.size() > 2 ? Set.of() : refs;
    }

    /** A value unlike all of {@code refs}: a port one above the largest, or text no rule names. */
    private static Object another(FactSpec spec, Set<Object> refs) {
        if (spec.type() == FactType.INT) {
            long max = refs.stream().mapToLong(r -> (Long) r).max().orElse(0);
            return max + 1;
        }
        return AnswerSpace.OTHER_TEXT;
    }

    /** The last word of a key: "port" for domain.port and app.listen_port. */
    private static String noun(String key) {
        String[] parts = key.split("[._]");
        return parts[parts.length - 1];
    }

    private static String result(Outcome o) {
        return o.top() == null ? "no cause" : result(o.top().cause(), o.top().certainty(), o.status());
    }

    /** "wrong-container-port 0.86 (diagnosed)": the leading cause an answer would give, and its status when conclusive. */
    private static String result(String cause, double certainty, Status status) {
        if (cause == null) return "no cause";
        String r = cause + " " + String.format("%.2f", Certainty.round(certainty));
        return status.isConclusive() ? r + " (" + status.label() + ")" : r;
    }
}
