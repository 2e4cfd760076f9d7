package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.Conclude;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.RuleBase;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.RuleSafety;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code rules check}: compiles the DRL, reads its structure, checks every name it uses against
 * the knowledge folder, runs the regression cases to find dead rules, and verifies the rule base
 * as a whole. Knowledge that does not load at all (a bad facts.yaml, cause or extractor) is
 * reported by {@link Knowledge#load} before this runs.
 */
public final class RulesCheck {
    private static final String NULL_PACKAGE = "Parser returned a null Package";

    private RulesCheck() {}

    /** The places of a rule file that do more than our rules do, as unsafe-rule errors. */
    public static List<Finding> unsafe(String file, List<RuleSafety.Unsafe> places) {
        List<Finding> out = new ArrayList<>();
        for (RuleSafety.Unsafe u : places) out.add(Finding.error("unsafe-rule", file, u.line(), u.message()));
        return out;
    }

    public static CheckReport run(Knowledge knowledge) {
        List<Finding> findings = new ArrayList<>();
        // first, and before any case runs a rule: a rule that does more than our DSL is not run at all
        for (Knowledge.RuleSource src : knowledge.ruleSources().values()) {
            findings.addAll(unsafe(Display.path(src.displayPath()), RuleSafety.check(src.text())));
        }
        boolean safe = findings.stream().noneMatch(f -> f.check().equals("unsafe-rule"));

        long t0 = System.nanoTime();
        List<KnowledgeError> compileErrors = new ArrayList<>();
        RuleBase ruleBase = RuleBase.compile(knowledge, compileErrors);
        Set<String> filesWithErrors = new HashSet<>();
        for (KnowledgeError e : compileErrors) filesWithErrors.add(Display.path(e.file()));
        for (KnowledgeError e : compileErrors) {
            if (e.getMessage().startsWith(NULL_PACKAGE)) continue; // follows a syntax error already reported
            findings.add(Finding.error("drl-compile", Display.path(e.file()), e.line(), e.getMessage()));
        }

        long t1 = System.nanoTime();
        List<DrlRule> rules = new ArrayList<>();
        boolean allRead = true;
        for (Knowledge.RuleSource src : knowledge.ruleSources().values()) {
            String file = Display.path(src.displayPath());
            DrlReader.Result r = DrlReader.read(file, src.text());
            rules.addAll(r.rules());
            findings.addAll(r.problems());
            misplaced(src, r.rules(), findings);
            if (!r.errors().isEmpty()) {
                allRead = false;
                if (!filesWithErrors.contains(file)) findings.addAll(r.errors());
            }
        }
        ReferenceCheck references = new ReferenceCheck(knowledge, findings);
        for (DrlRule r : rules) references.checkRule(r);
        for (Cause c : knowledge.causes().values()) {
            references.checkCause(c);
            Scaffold.checkEdited(c, findings);
        }
        if (allRead) unreachableCauses(knowledge, rules, findings);

        for (dev.dokploydoctor.knowledge.CatalogCheck.Problem p : dev.dokploydoctor.knowledge.CatalogCheck.check(knowledge.textExtraction())) {
            findings.add(Finding.error("catalog-sample", Display.path(p.file()), p.line(), p.id() + ": " + p.message()));
        }

        long t2 = System.nanoTime();
        List<RegressionRunner.LoadedCase> cases = RegressionRunner.load(knowledge);
        CaseCheck.check(knowledge, cases, references, findings);
        if (ruleBase != null && safe) {
            Engine engine = new Engine(knowledge, ruleBase);
            Set<String> fired = new HashSet<>();
            int run = 0;
            boolean rulesFailed = false;
            for (RegressionRunner.LoadedCase c : cases) {
                if (!c.readable()) continue;
                RegressionRunner.Result result = RegressionRunner.run(engine, c);
                fired.addAll(result.outcome().fired());
                if (result.outcome().status() == dev.dokploydoctor.engine.Status.ERROR && !rulesFailed) {
                    rulesFailed = true;
                    ruleFailure(engine, c, findings);
                }
                run++;
            }
            // rules that failed to fire say nothing about which rules are dead
            if (!rulesFailed) Verifier.deadRules(rules, fired, run, findings);
            if (allRead && !rulesFailed) SymptomCheck.check(engine, rules, Engine.DEFAULT_THRESHOLD, findings);
        }

        long t3 = System.nanoTime();
        Verifier.conflicts(rules, findings);
        Verifier.redundant(rules, findings);
        if (allRead) Verifier.unusedQuestions(knowledge.vocabulary(), rules, findings);
        Verifier.needsWithoutQuestion(knowledge.vocabulary(), rules, findings);
        long t4 = System.nanoTime();

        return new CheckReport(findings, rules.size(), knowledge.ruleSources().size(), knowledge.causes().size(), cases.size(),
                new CheckReport.Timings(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3)));
    }

    /** A case the rules failed on: the rule whose then-block threw, at its file and line (once, not per case). */
    private static void ruleFailure(Engine engine, RegressionRunner.LoadedCase c, List<Finding> out) {
        try {
            engine.diagnose(c.input(), Engine.DEFAULT_THRESHOLD);
        } catch (KnowledgeError e) {
            out.add(Finding.error("rule-fails", Display.path(e.file()), e.line(), (e.field() == null ? "" : e.field() + ": ") + e.getMessage()));
        } catch (RuntimeException e) {
            out.add(Finding.error("rule-fails", null, 0, "the rules failed on case " + c.input().id() + ": " + RegressionRunner.rootMessage(e)));
        }
    }

    /** A rule in causes/&lt;id&gt;/ is named "&lt;id&gt;: ...": its name is what gives it its cause. */
    static void misplaced(Knowledge.RuleSource src, List<DrlRule> rules, List<Finding> out) {
        if (!src.name().startsWith("causes/")) return;
        String folder = src.name().substring("causes/".length(), src.name().lastIndexOf('/'));
        for (DrlRule r : rules) {
            String cause = Conclude.causeOf(r.name());
            if (folder.equals(cause)) continue;
            out.add(Finding.warning("misplaced-rule", r.file(), r.line(), "rule '" + r.name() + "' sits in the folder of cause '"
                    + folder + "'; name it '" + folder + ": ...' or move it to the folder of its cause (or to knowledge/shared/)"));
        }
    }

    /** A cause file no rule gives positive evidence for can never be diagnosed. */
    static void unreachableCauses(Knowledge knowledge, List<DrlRule> rules, List<Finding> out) {
        Set<String> supported = new HashSet<>();
        for (DrlRule r : rules) for (DrlRule.Conclusion c : r.evidence()) if (c.sign() >= 0) supported.add(c.cause());
        for (Cause c : knowledge.causes().values()) {
            if (supported.contains(c.id())) continue;
            out.add(Finding.warning("unreachable-cause", Display.path(c.file()), 0, "no rule gives evidence for cause '" + c.id()
                    + "', so it can never be diagnosed"));
        }
    }

    private static long ms(long nanos) { return nanos / 1_000_000; }
}
