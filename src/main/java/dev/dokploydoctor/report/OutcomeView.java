package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FixPlan;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.QuestionText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one view of an {@link Outcome} that every format renders (text, Markdown, JSON, SARIF, the
 * REPL): which causes are findings and which are candidates, each with its fixes chosen for this
 * host and made pasteable ({@link FixPlan}), and the similar field reports. The renderers only lay
 * it out, so they cannot disagree about what a case says.
 *
 * @param findings  every cause at or above the threshold when the case is conclusive, best first
 * @param others    the remaining causes with evidence (candidates of an inconclusive case)
 * @param similar   up to 3 similar field reports; empty when not asked for or none is alike
 */
public record OutcomeView(String id, Status status, String error, List<String> unchecked,
                          List<CauseView> findings, List<CauseView> others, List<Question> questions,
                          List<Fact> facts, List<String> fired, List<SimilarView> similar, boolean verbose) {

    /** One cause with its evidence; {@code plan} is null for a faint candidate (no fixes unless verbose). */
    public record CauseView(String cause, double certainty, String title, String layer, String why, List<String> warnings,
                            FixPlan plan, String advice, List<String> references, List<String> evidence, Diagnosis diagnosis) {}

    /** A field report like this case: where it was reported, what it turned out to be, the fix that worked. */
    public record SimilarView(String link, String cause, String fix) {}

    /** Candidates below this certainty are listed without fixes, unless verbose. */
    public static final double FIXES_FROM = 0.2;

    public static OutcomeView of(Outcome o, Knowledge knowledge, boolean verbose) {
        return of(o, knowledge, verbose, null);
    }

    /** @param similar the case library, or null to list no similar reports */
    public static OutcomeView of(Outcome o, Knowledge knowledge, boolean verbose, SimilarLookup similar) {
        Map<String, String> values = Engine.placeholderValues(o.facts());
        List<Diagnosis> diagnosed = o.diagnosed();
        List<CauseView> findings = new ArrayList<>();
        List<CauseView> others = new ArrayList<>();
        for (Diagnosis d : o.diagnoses()) {
            CauseView v = cause(d, values, knowledge, verbose);
            (diagnosed.contains(d) ? findings : others).add(v);
        }
        boolean wantsSimilar = similar != null && (o.status() == Status.DIAGNOSED || o.status() == Status.INCONCLUSIVE);
        return new OutcomeView(o.id(), o.status(), o.error(), o.unchecked(), List.copyOf(findings), List.copyOf(others),
                shown(o), o.facts(), o.fired(), wantsSimilar ? similar.find(o) : List.of(), verbose);
    }

    /** The case's questions as the REPL shows them: placeholders ({@code {host.port}}) filled with what the case knows. */
    static List<Question> shown(Outcome o) {
        List<Question> out = new ArrayList<>(o.questions().size());
        for (Question q : o.questions()) {
            if (q.spec() == null || q.spec().question() == null) { out.add(q); continue; }
            String text = QuestionText.filled(q.spec().question(), k -> o.fact(k) == null ? null : o.fact(k).getValue());
            out.add(text.equals(q.spec().question()) ? q : new Question(q.key(), q.spec().withQuestion(text), q.score(), q.causes(), q.needs()));
        }
        return List.copyOf(out);
    }

    public static CauseView cause(Diagnosis d, Map<String, String> values, Knowledge knowledge, boolean verbose) {
        Cause c = d.info();
        FixPlan plan = null;
        String advice = null;
        List<String> warnings = List.of();
        // a faint candidate (a symptom that merely fits) gets no fixes unless asked: pasting the
        // fix of a 0.05 guess helps nobody, and its text would dominate a large batch's output
        if (c != null && (verbose || d.certainty() >= FIXES_FROM)) {
            plan = knowledge == null ? FixPlan.of(c, values, null) : knowledge.fixPlan(c, values);
            warnings = c.fillWarnings(values);
            if (c.advice() != null) {
                Cause a = knowledge == null ? null : knowledge.cause(c.advice());
                // an advice none of whose fixes fits this host is not shown ("route the tunnel directly" to a user who
                // said there is no tunnel, user24 h2): its fixes' when/unless say which hosts it is for
                if (a == null) advice = c.advice();
                else if (!knowledge.fixPlan(a, values).fixes().isEmpty()) advice = c.advice() + ": " + a.title();
            }
        }
        return new CauseView(d.cause(), Certainty.round(d.certainty()), d.title(), c == null ? null : c.layer(),
                c == null ? null : c.why(), warnings, plan, advice, c == null ? List.of() : c.references(),
                CaseView.evidence(d.evidence()), d);
    }

    /** Every cause with evidence, findings first. */
    public List<CauseView> causes() {
        List<CauseView> all = new ArrayList<>(findings);
        all.addAll(others);
        return all;
    }

    public CauseView top() {
        return !findings.isEmpty() ? findings.get(0) : others.isEmpty() ? null : others.get(0);
    }
}
