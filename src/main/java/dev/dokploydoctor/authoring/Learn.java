package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.RuleBase;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code learn}: a saved session (or any case) plus the cause the user confirms becomes a rule, a
 * regression case and, for a new cause, a cause file. The regression cases run before and after;
 * if the new rule breaks a case that passed, or does not diagnose its own case, everything written
 * is undone unless forced.
 */
public final class Learn {
    /** What learning this case will write. */
    public record Plan(CaseInput input, String cause, boolean newCause, String layer, List<Condition> conditions,
                       Map<String, String> dropped, String ruleName, String ruleText, Path ruleFile, Path causeFile,
                       String causeText, Path caseFile, String caseText, Path folder) {}

    /** A bundled case whose outcome moved. */
    public record Change(String caseId, String file, String before, String after, boolean passedBefore, boolean passesAfter) {
        public boolean broken() { return passedBefore && !passesAfter; }
    }

    /** What happened: files written (and whether they were kept), outcome changes, the new test run. */
    public record Report(Plan plan, List<Path> written, boolean kept, List<Change> changes,
                         List<RegressionRunner.Result> after, List<KnowledgeError> compileErrors) {
        public long failed() { return after.stream().filter(r -> !r.passed()).count(); }
        public long passed() { return after.size() - failed(); }
        public List<Change> broken() { return changes.stream().filter(Change::broken).toList(); }
        public RegressionRunner.Result own() {
            for (RegressionRunner.Result r : after) if (r.loaded().file().path().equals(plan.caseFile())) return r;
            return null;
        }
    }

    private Learn() {}

    public static Plan plan(Engine engine, CaseInput input, String sourceName, String cause, String layer, Set<String> keep,
                            Set<String> drop, WriteTarget target, double cf, String title) {
        Knowledge knowledge = engine.knowledge();
        boolean newCause = knowledge.cause(cause) == null;
        if (newCause) NewCause.validate(knowledge, target, cause, layer);
        String ruleLayer = layer != null ? layer : knowledge.cause(cause).layer();
        NewCause.validateLayer(knowledge, ruleLayer);

        List<DrlRule> existing = DrlReader.readAll(knowledge);
        Set<String> telling = new java.util.TreeSet<>();
        for (DrlRule r : existing) {
            if (!cause.equals(dev.dokploydoctor.engine.Conclude.causeOf(r.name()))) continue;
            for (DrlRule.FactPattern p : r.patterns()) telling.add(p.key());
        }
        ConditionPicker.Picked picked = ConditionPicker.pick(engine, input, RegressionRunner.load(knowledge), keep, drop, telling);
        if (picked.conditions().isEmpty()) {
            throw new IllegalArgumentException("no fact of case '" + input.id() + "' tells it apart (left out: "
                    + String.join(", ", picked.dropped().keySet()) + "); keep one with --keep KEY");
        }
        if (newCause || !knowledge.cause(cause).isAdvice()) {   // advice is chosen, not diagnosed from a fault
            boolean symptom = picked.conditions().stream().anyMatch(c -> c.spec().isSymptom(c.value()));
            if (!symptom) {
                throw new IllegalArgumentException("the rule would diagnose " + cause + " from " + picked.conditions().stream()
                        .map(Condition::describe).toList() + ", none of them a sign that something is wrong (facts.yaml symptom),"
                        + " so it would fire on a healthy host; keep a symptom of the case with --keep KEY (such as http.status)");
            }
        }
        String ruleName = cause + ": learned from " + input.id();
        for (DrlRule r : existing) {
            if (r.name().equals(ruleName)) {
                throw new IllegalArgumentException("rule '" + ruleName + "' exists already (" + r.where() + "): this case was learned before");
            }
        }
        StringBuilder comment = new StringBuilder("Learned from " + sourceName + " (case " + input.id() + ") by `dokploy-doctor learn`.");
        if (!picked.dropped().isEmpty()) comment.append("\nLeft out: ").append(String.join(", ", picked.dropped().keySet())).append('.');
        String ruleText = Scaffold.rule(ruleName, picked.conditions(), cf, comment.toString());

        Path caseFile = freeName(target.caseDir(cause), fileName(input.id()));
        Map<String, Object> facts = new LinkedHashMap<>(input.facts());
        String caseText = Scaffold.caseYaml("Learned from " + sourceName + " by `dokploy-doctor learn`.", input.id(),
                input.text(), facts, input.unknown(), "cause", cause);
        String causeText = newCause
                ? Scaffold.causeYaml(cause, ruleLayer, title != null && !title.isBlank() ? title : Scaffold.titleOf(cause)) : null;
        return new Plan(input, cause, newCause, ruleLayer, picked.conditions(), picked.dropped(), ruleName, ruleText,
                target.ruleFile(cause, knowledge), newCause ? target.causeFile(cause) : null, causeText, caseFile, caseText, target.knowledge());
    }

    /**
     * Write the plan, reload with {@code reload} (the same layers, now with the new files) and run
     * every regression case before and after. Undo the writes when the rules do not compile, or
     * (unless {@code force}) when a case that passed now fails or the new case is not diagnosed.
     */
    public static Report apply(Plan plan, Engine before, Supplier<Knowledge> reload, boolean force) {
        Map<String, RegressionRunner.Result> beforeResults = new LinkedHashMap<>();
        for (RegressionRunner.Result r : RegressionRunner.runAll(before, RegressionRunner.load(before.knowledge()))) {
            beforeResults.put(r.loaded().file().path().toString(), r);
        }
        FileEdits edits = new FileEdits(plan.folder());
        if (plan.newCause()) edits.write(plan.causeFile(), plan.causeText());
        edits.append(plan.ruleFile(), Scaffold.DRL_HEADER, plan.ruleText());
        edits.write(plan.caseFile(), plan.caseText());
        List<Path> written = edits.touched();
        edits.apply(); // under a journal: until commit, a kill leaves the old state (undone on the next load)

        Knowledge after;
        try {
            after = reload.get();
        } catch (RuntimeException e) {
            edits.rollback();
            throw e;
        }
        List<KnowledgeError> errors = new ArrayList<>();
        RuleBase rules = RuleBase.compile(after, errors);
        if (rules == null) {
            edits.rollback();
            return new Report(plan, written, false, List.of(), List.of(), errors);
        }
        List<RegressionRunner.Result> afterResults = RegressionRunner.runAll(new Engine(after, rules), RegressionRunner.load(after));
        List<Change> changes = new ArrayList<>();
        for (RegressionRunner.Result r : afterResults) {
            RegressionRunner.Result old = beforeResults.get(r.loaded().file().path().toString());
            if (old == null || old.invalid() || r.invalid()) continue;
            String was = Expectation.describe(old.outcome());
            String now = Expectation.describe(r.outcome());
            if (!was.equals(now) || old.passed() != r.passed()) {
                changes.add(new Change(r.loaded().id(), Display.path(r.loaded().file().path()), was, now, old.passed(), r.passed()));
            }
        }
        Report report = new Report(plan, written, true, changes, afterResults, List.of());
        RegressionRunner.Result own = report.own();
        boolean ok = report.broken().isEmpty() && own != null && own.passed();
        if (!ok && !force) {
            edits.rollback();
            return new Report(plan, written, false, changes, afterResults, List.of());
        }
        edits.commit();
        return report;
    }

    static String fileName(String id) {
        String s = id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "learned" : s;
    }

    private static Path freeName(Path dir, String base) {
        Path p = dir.resolve(base + ".yaml");
        for (int i = 2; Files.exists(p); i++) p = dir.resolve(base + "-" + i + ".yaml");
        return p;
    }
}
