package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Outcome} as plain data, the one shape every format shares (DESIGN §5): id, status,
 * diagnoses with filled-in fixes and evidence, questions, error; with {@code verbose}, facts and trace.
 */
public final class CaseView {
    /** Candidates below this certainty are listed without fixes, unless verbose. */
    public static final double FIXES_FROM = 0.2;

    private CaseView() {}

    public static Map<String, Object> of(Outcome o, Knowledge knowledge, boolean verbose) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("status", o.status().label());
        Map<String, String> values = Engine.placeholderValues(o.facts());
        List<Object> diagnoses = new ArrayList<>();
        for (Diagnosis d : o.diagnoses()) diagnoses.add(diagnosis(d, values, knowledge, verbose));
        m.put("diagnoses", diagnoses);
        List<Object> questions = new ArrayList<>();
        for (Question q : o.questions()) questions.add(question(q));
        m.put("questions", questions);
        // what could not be checked or was not understood; present only when something was
        if (!o.unchecked().isEmpty()) m.put("unchecked", o.unchecked());
        if (verbose) {
            List<Object> facts = new ArrayList<>();
            for (Fact f : o.facts()) facts.add(fact(f));
            m.put("facts", facts);
            m.put("fired", o.fired());
        }
        m.put("error", o.error());
        return m;
    }

    /** A diagnosis as data; {@code verbose} adds the cause's why and references (static text, long). */
    public static Map<String, Object> diagnosis(Diagnosis d, Map<String, String> values, Knowledge knowledge, boolean verbose) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cause", d.cause());
        m.put("certainty", Certainty.round(d.certainty()));
        m.put("title", d.title());
        Cause c = d.info();
        // a faint candidate (a symptom that merely fits) gets no fixes unless asked: pasting the
        // fix of a 0.05 guess helps nobody, and its text would dominate a large batch's output
        boolean withFixes = verbose || d.certainty() >= FIXES_FROM;
        if (c != null) {
            m.put("layer", c.layer());
            if (verbose) m.put("why", c.why());
        }
        if (c != null && withFixes) {
            List<String> warnings = c.fillWarnings(values);
            if (!warnings.isEmpty()) m.put("warnings", warnings);
            List<Object> fixes = new ArrayList<>();
            for (Cause.Fix f : c.fixes()) {
                Cause.Fix filled = c.placeholders().isEmpty() ? f : c.fill(f, values);
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("title", filled.title());
                if (!filled.commands().isEmpty()) fm.put("commands", filled.commands());
                if (filled.compose() != null) fm.put("compose", filled.compose());
                fm.put("risk", filled.risk());
                fixes.add(fm);
            }
            m.put("fixes", fixes);
            m.put("verify", Cause.fill(c.verify(), values));
            if (c.advice() != null) {
                Cause advice = knowledge == null ? null : knowledge.cause(c.advice());
                m.put("advice", advice == null ? c.advice() : c.advice() + ": " + advice.title());
            }
            if (verbose) m.put("references", c.references());
        }
        m.put("evidence", evidence(d.evidence()));
        return m;
    }

    /** One line per rule: what it concluded and the facts it matched. */
    public static List<String> evidence(List<Evidence> evidence) {
        List<String> out = new ArrayList<>();
        for (Evidence e : evidence) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%+.2f", e.getCf())).append(" '").append(e.getRule()).append("'");
            if (!e.getMatched().isEmpty()) {
                sb.append(": ");
                List<String> parts = new ArrayList<>();
                for (Fact f : e.getMatched()) parts.add(f.getKey() + "=" + f.getText() + " (" + f.getSource() + ")");
                sb.append(String.join(", ", parts));
            }
            out.add(sb.toString());
        }
        return out;
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
        m.put("why", q.needs().get(0).getWhy());
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
