package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.FixPlan;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.similar.SimilarVote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link OutcomeView} as plain data for JSON and JSONL (docs/case.schema.json): id, status,
 * diagnoses with pasteable fixes and evidence, questions, similar reports, error; with
 * {@code verbose}, facts and trace.
 */
public final class CaseView {
    /** Candidates below this certainty are listed without fixes, unless verbose. */
    public static final double FIXES_FROM = OutcomeView.FIXES_FROM;

    private CaseView() {}

    public static Map<String, Object> of(Outcome o, Knowledge knowledge, boolean verbose) {
        return of(OutcomeView.of(o, knowledge, verbose));
    }

    /** The view as JSON-ready data (docs/case.schema.json). */
    public static Map<String, Object> of(OutcomeView v) {
        return of(v, null);
    }

    /** As {@link #of(OutcomeView)}; {@code plans}, when not null, gives each fix plan's parts already written (compact JSON only). */
    static Map<String, Object> of(OutcomeView v, WrittenPlans plans) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("status", v.status().label());
        List<Object> diagnoses = new ArrayList<>();
        for (OutcomeView.CauseView d : v.causes()) diagnoses.add(diagnosis(d, v.verbose(), plans));
        m.put("diagnoses", diagnoses);
        List<Object> questions = new ArrayList<>();
        for (Question q : v.questions()) questions.add(question(q));
        m.put("questions", questions);
        // what could not be checked or was not understood; present only when something was
        if (!v.unchecked().isEmpty()) m.put("unchecked", v.unchecked());
        if (!v.similar().isEmpty()) {
            List<Object> similar = new ArrayList<>();
            for (OutcomeView.SimilarView s : v.similar()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("link", s.link());
                sm.put("cause", s.cause());
                sm.put("fix", s.fix());
                similar.add(sm);
            }
            m.put("similar", similar);
        }
        if (v.verbose()) {
            List<Object> facts = new ArrayList<>();
            for (Fact f : v.facts()) facts.add(fact(f));
            m.put("facts", facts);
            m.put("fired", v.fired());
        }
        m.put("error", v.error());
        return m;
    }

    /** A diagnosis as data; {@code verbose} adds the cause's why and references (static text, long). */
    public static Map<String, Object> diagnosis(Diagnosis d, Map<String, String> values, Knowledge knowledge, boolean verbose) {
        return diagnosis(OutcomeView.cause(d, values, knowledge, verbose), verbose, null);
    }

    static Map<String, Object> diagnosis(OutcomeView.CauseView d, boolean verbose, WrittenPlans plans) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cause", d.cause());
        m.put("certainty", d.certainty());
        if (heldAtCeiling(d)) m.put("weak_signs_only", true);
        if (heldByLookalikes(d)) m.put("held_by_lookalikes", true);
        m.put("title", d.title());
        if (d.layer() != null) {
            m.put("layer", d.layer());
            if (verbose) m.put("why", d.why());
        }
        FixPlan plan = d.plan();
        if (plan != null) {
            if (!d.warnings().isEmpty()) m.put("warnings", d.warnings());
            if (!plan.setFirst().isEmpty()) m.put("set_first", plans == null ? setFirst(plan) : plans.setFirst(plan));
            m.put("fixes", plans == null ? fixes(plan) : plans.fixes(plan));
            m.put("verify", plan.verify());
            if (d.advice() != null) m.put("advice", d.advice());
            if (verbose) m.put("references", d.references());
        }
        m.put("evidence", d.evidence());
        return m;
    }

    /** The variables a plan's commands read, to set before pasting them (JSON {@code set_first}). */
    static List<Object> setFirst(FixPlan plan) {
        List<Object> vars = new ArrayList<>();
        for (FixPlan.Variable var : plan.setFirst()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("name", var.name());
            if (var.key() != null) vm.put("key", var.key());
            vm.put("about", var.about());
            vars.add(vm);
        }
        return vars;
    }

    /** A plan's fixes, each with the condition it was chosen on (JSON {@code fixes}). */
    static List<Object> fixes(FixPlan plan) {
        List<Object> fixes = new ArrayList<>();
        for (FixPlan.Step step : plan.fixes()) {
            Cause.Fix f = step.fix();
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("title", f.title());
            if (step.onlyIf() != null) fm.put("only_if", step.onlyIf());
            if (!f.commands().isEmpty()) fm.put("commands", f.commands());
            if (f.compose() != null) fm.put("compose", f.compose());
            fm.put("risk", f.risk());
            fixes.add(fm);
        }
        return fixes;
    }

    /** Whether the weak-signs ceiling held this cause (JSON {@code weak_signs_only}, text -v). */
    public static boolean heldAtCeiling(OutcomeView.CauseView d) {
        return d.diagnosis() != null && Certainty.heldAtCeiling(d.diagnosis().evidence());
    }

    /** Whether the look-alike guard held this cause below a diagnosis (JSON {@code held_by_lookalikes}, text -v). */
    public static boolean heldByLookalikes(OutcomeView.CauseView d) {
        return d.diagnosis() != null && Certainty.heldByLookalikes(d.diagnosis().evidence());
    }

    /** Beside a cause the look-alike guard holds (text -v, 'how', 'why-not'). */
    public static final String LOOKALIKES = String.format(java.util.Locale.ROOT,
            "[held at %.2f: most of the nearest field reports were look-alikes outside our list, and this rests on the text alone; a stated, answered or probed fact decides]",
            Certainty.WEAK_SIGNS_CEILING);

    /** Beside support that {@link Certainty#counted} leaves out. */
    public static final String NOT_COUNTED = " [not counted: reads what a stronger rule of this cause read]";

    /** Beside a cause that {@link Certainty#ofCause} holds at the weak-signs ceiling (text -v, 'how', 'why-not'). */
    public static final String WEAK_SIGNS = String.format(java.util.Locale.ROOT, "[weak signs only: no evidence reaches %.2f on its own, so at most %.2f]",
            Certainty.SUBSTANTIAL, Certainty.WEAK_SIGNS_CEILING);

    /** One line per rule: what it concluded and the facts it matched; support that restates a stronger rule's observation says it is not counted. */
    public static List<String> evidence(List<Evidence> evidence) {
        List<String> out = new ArrayList<>();
        List<Evidence> counted = Certainty.counted(evidence);
        for (Evidence e : evidence) {
            StringBuilder sb = new StringBuilder();
            sb.append(signed(e.getCf())).append(" '").append(e.getRule()).append("'");
            if (!e.getMatched().isEmpty()) {
                sb.append(": ");
                List<String> parts = new ArrayList<>();
                for (Fact f : e.getMatched()) {
                    // the vote of similar reports says how many voted and which: "3 of 5 similar field reports: ... (links)"
                    String from = f.getKey().equals(SimilarVote.KEY) ? f.getEvidence() : f.getSource();
                    parts.add(f.getKey() + "=" + f.getText() + " (" + from + ")");
                }
                sb.append(String.join(", ", parts));
            }
            if (!counted.contains(e)) sb.append(NOT_COUNTED);
            out.add(sb.toString());
        }
        return out;
    }

    /** Certainties as evidence lines show them ("+0.60"): a rule base has a few dozen, formatted once each. */
    private static final java.util.concurrent.ConcurrentHashMap<Double, String> SIGNED = new java.util.concurrent.ConcurrentHashMap<>();

    static String signed(double cf) {
        String s = SIGNED.get(cf);
        if (s != null) return s;
        s = String.format("%+.2f", cf);
        if (SIGNED.size() < 1024) SIGNED.put(cf, s);
        return s;
    }

    public static Map<String, Object> question(Question q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", q.key());
        m.put("question", q.text());
        if (q.spec() != null) {
            m.put("kind", q.spec().kindLabel());
            if (!q.spec().values().isEmpty()) m.put("choices", q.spec().values());
        }
        m.put("causes", q.causes());
        // the planner's first question from nothing is no rule's need (Engine.withDecidingQuestions): no why to give
        m.put("why", q.needs().isEmpty() ? null : q.needs().get(0).getWhy());
        return m;
    }

    public static Map<String, Object> fact(Fact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", f.getKey());
        m.put("value", f.getValue());
        m.put("source", f.getSource());
        m.put("evidence", f.getEvidence());
        return m;
    }
}
