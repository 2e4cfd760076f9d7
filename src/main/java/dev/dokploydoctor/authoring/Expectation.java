package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.CaseInput;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code expect} in a regression case means:
 * <ul>
 * <li>{@code status}: the outcome's status label must be exactly this;</li>
 * <li>{@code cause}: it must be the top diagnosis, and (unless {@code status} is given) the case
 *     must end diagnosed or advice;</li>
 * <li>{@code not}: it must not be the top diagnosis of a diagnosed or advice outcome. A near-miss may
 *     end inconclusive with the cause among the candidates; it must never be confidently wrong.</li>
 * </ul>
 */
public final class Expectation {
    private Expectation() {}

    /** Null when the outcome meets the expectation, else what went wrong. */
    public static String failure(CaseInput.Expect expect, Outcome o) {
        Diagnosis top = o.top();
        boolean confident = o.status().isConclusive();
        List<String> problems = new ArrayList<>();
        if (expect.status() != null && !expect.status().equals(o.status().label())) {
            problems.add("status " + expect.status() + " expected");
        }
        if (expect.cause() != null) {
            if (top == null || !top.cause().equals(expect.cause())) problems.add(expect.cause() + " is not the top cause");
            else if (expect.status() == null && !confident) problems.add(expect.cause() + " leads but is not diagnosed");
        }
        if (expect.not() != null && confident && top != null && top.cause().equals(expect.not())) {
            problems.add(expect.not() + " must not be diagnosed");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** "cause X", "not X, status inconclusive"... */
    public static String describe(CaseInput.Expect expect) {
        List<String> parts = new ArrayList<>();
        if (expect.cause() != null) parts.add("cause " + expect.cause());
        if (expect.not() != null) parts.add("not " + expect.not());
        if (expect.status() != null) parts.add("status " + expect.status());
        return String.join(", ", parts);
    }

    /** "diagnosed X (0.86)", "inconclusive: a (0.40), b (0.20)", "no-fault". */
    public static String describe(Outcome o) {
        StringBuilder sb = new StringBuilder(o.status().label());
        if (o.error() != null) return sb.append(": ").append(o.error()).toString();
        if (o.diagnoses().isEmpty()) return sb.toString();
        boolean confident = o.status().isConclusive();
        sb.append(confident ? " " : ": ");
        List<String> parts = new ArrayList<>();
        for (Diagnosis d : o.diagnoses().subList(0, Math.min(confident ? 1 : 3, o.diagnoses().size()))) {
            parts.add(d.cause() + String.format(" (%.2f)", Certainty.round(d.certainty())));
        }
        return sb.append(String.join(", ", parts)).toString();
    }
}
