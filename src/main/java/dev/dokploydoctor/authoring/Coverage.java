package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Cause;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code rules coverage}: how many cases fired each rule, and how many gave each cause evidence or
 * a diagnosis, as Markdown tables. Rules never fired and causes never reached are listed last.
 */
public record Coverage(String source, int caseCount, List<RuleRow> rules, List<CauseRow> causes) {

    public record RuleRow(String rule, String where, int cases) {}
    public record CauseRow(String cause, int withEvidence, int diagnosed) {}

    public static Coverage of(Engine engine, List<CaseInput> cases, String source) {
        Map<String, Integer> fired = new LinkedHashMap<>();
        Map<String, Integer> evidence = new LinkedHashMap<>();
        Map<String, Integer> diagnosed = new LinkedHashMap<>();
        for (CaseInput c : cases) {
            Outcome o;
            try {
                o = engine.ungated().diagnose(c, Engine.DEFAULT_THRESHOLD);   // the rules, as the regression cases run them
            } catch (RuntimeException e) {
                continue; // a rule that throws is rules test's business; count what ran
            }
            for (String rule : new HashSet<>(o.fired())) fired.merge(rule, 1, Integer::sum);
            Set<String> supported = new HashSet<>();
            for (Evidence e : o.evidence()) if (e.getCf() > 0) supported.add(e.getCause());
            for (String cause : supported) evidence.merge(cause, 1, Integer::sum);
            Diagnosis top = o.top();
            if (top != null && o.status().isConclusive()) diagnosed.merge(top.cause(), 1, Integer::sum);
        }
        List<RuleRow> rules = new ArrayList<>();
        for (DrlRule r : DrlReader.readAll(engine.knowledge())) rules.add(new RuleRow(r.name(), r.where(), fired.getOrDefault(r.name(), 0)));
        List<CauseRow> causes = new ArrayList<>();
        for (Cause c : engine.knowledge().causes().values()) {
            causes.add(new CauseRow(c.id(), evidence.getOrDefault(c.id(), 0), diagnosed.getOrDefault(c.id(), 0)));
        }
        return new Coverage(source, cases.size(), rules, causes);
    }

    public List<String> neverFired() { return rules.stream().filter(r -> r.cases() == 0).map(RuleRow::rule).toList(); }
    public List<String> neverReached() { return causes.stream().filter(c -> c.withEvidence() == 0).map(CauseRow::cause).toList(); }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Rule coverage\n\n").append(caseCount).append(" cases from ").append(source).append(".\n\n");
        sb.append("| rule | where | cases fired |\n|---|---|---:|\n");
        for (RuleRow r : rules) sb.append("| ").append(cell(r.rule())).append(" | ").append(cell(r.where())).append(" | ").append(r.cases()).append(" |\n");
        sb.append("\n| cause | cases with evidence | cases diagnosed |\n|---|---:|---:|\n");
        for (CauseRow c : causes) sb.append("| ").append(cell(c.cause())).append(" | ").append(c.withEvidence()).append(" | ").append(c.diagnosed()).append(" |\n");
        sb.append('\n');
        List<String> dead = neverFired();
        List<String> unreached = neverReached();
        sb.append("Rules never fired: ").append(dead.isEmpty() ? "none" : dead.size() + " (" + String.join(", ", dead) + ")").append(".\n");
        sb.append("Causes never reached: ").append(unreached.isEmpty() ? "none" : unreached.size() + " (" + String.join(", ", unreached) + ")").append(".\n");
        return sb.toString();
    }

    static String cell(String s) { return s.replace("|", "\\|"); }
}
