package dev.dokploydoctor.authoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each check of {@code rules check}, triggered by breaking one thing in an otherwise clean tree. */
class RulesCheckTest {
    @TempDir Path dir;

    private static List<String> messages(CheckReport report, String check) {
        return report.byCheck(check).stream().map(Finding::describe).toList();
    }

    @Test void aCleanTreeHasNoFindings() {
        CheckReport report = Tree.clean(dir).check();
        assertEquals(List.of(), report.findings().stream().map(Finding::describe).toList());
        assertEquals(3, report.ruleCount());
        assertEquals(4, report.caseCount());
        assertEquals(0, report.exitCode(true));
        assertEquals("rules check: 3 rules in 1 files, 2 causes, 4 cases: 0 errors, 0 warnings", report.summary());
    }

    @Test void aTypoInARuleKeyNamesTheNearestKey() {
        Tree t = Tree.clean(dir);
        t.write("rules/compose.drl", Tree.DNS_RULES.replace("key == \"app.dns_failure\"", "key == \"app.dns_failur\""));
        CheckReport report = t.check();
        assertEquals(List.of(t.path("rules/compose.drl") + ":9: error: rule 'isolation: sibling name does not resolve': "
                + "unknown fact key 'app.dns_failur' (did you mean 'app.dns_failure'?); declare it in knowledge/facts.yaml [unknown-key]"),
                messages(report, "unknown-key"));
        assertEquals(2, report.exitCode(false));
    }

    @Test void aTypoInANeededKeyIsFoundInTheThenBlock() {
        Tree t = Tree.clean(dir);
        t.write("rules/compose.drl", Tree.DNS_RULES.replace("new Need(drools, \"dependency.shares_network\"", "new Need(drools, \"dependency.share_network\""));
        assertEquals(List.of(t.path("rules/compose.drl") + ":13: error: rule 'isolation: sibling name does not resolve': "
                + "unknown fact key 'dependency.share_network' (did you mean 'dependency.shares_network'?); declare it in knowledge/facts.yaml [unknown-key]"),
                messages(t.check(), "unknown-key"));
    }

    @Test void aTypoInACaseKeyMakesTheCaseInvalid() {
        Tree t = Tree.clean(dir);
        t.write("knowledge/cases/app-down/bad-gateway.yaml", """
                id: plain-502
                facts: { http.statuss: 502 }
                expect: { cause: app-down }
                """);
        assertEquals(List.of(t.path("knowledge/cases/app-down/bad-gateway.yaml") + ":2: error: http.statuss: "
                + "unknown fact key 'http.statuss' (did you mean 'http.status'?) [invalid-case]"),
                messages(t.check(), "invalid-case"));
    }

    @Test void anEnumValueOutsideTheVocabularyIsAnError() {
        Tree t = Tree.clean(dir);
        t.write("rules/compose.drl", Tree.DNS_RULES.replace("text == \"compose\"", "text == \"compsoe\""));
        assertEquals(List.of(t.path("rules/compose.drl") + ":10: error: rule 'isolation: sibling name does not resolve': "
                + "'compsoe' is not a value of service.kind [application, compose] (did you mean 'compose'?) [unknown-value]"),
                messages(t.check(), "unknown-value"));
    }

    @Test void aPropertyThatDoesNotFitTheKeyTypeIsAnError() {
        Tree t = Tree.clean(dir);
        t.write("rules/compose.drl", Tree.DNS_RULES.replace("Fact(key == \"http.status\", num == 502)", "Fact(key == \"http.status\", flag == true)"));
        assertEquals(List.of(t.path("rules/compose.drl") + ":25: error: rule 'gateway: 502 alone': 'http.status' is an int fact, "
                + "so 'flag' never matches; use num (num == 502) [wrong-property]"),
                messages(t.check(), "wrong-property"));
    }

    @Test void aConcludedCauseWithoutACauseFileIsAnError() {
        Tree t = Tree.clean(dir);
        t.write("rules/compose.drl", Tree.DNS_RULES.replace("\"app-down\", 0.3", "\"app-dwn\", 0.3"));
        CheckReport report = t.check();
        assertEquals(List.of(t.path("rules/compose.drl") + ":27: error: rule 'gateway: 502 alone' concludes 'app-dwn', "
                + "but there is no knowledge/causes/app-dwn/cause.yaml (did you mean 'app-down'?) [missing-cause]"),
                messages(report, "missing-cause"));
        // and the cause file that lost its rule is now unreachable
        assertEquals(List.of(t.path("knowledge/causes/app-down.yaml") + ": warning: no rule gives evidence for cause 'app-down', "
                + "so it can never be diagnosed [unreachable-cause]"), messages(report, "unreachable-cause"));
    }

    @Test void aCauseNoRuleReachesIsAWarning() {
        Tree t = Tree.clean(dir).cause("tunnel-down", "tunnel");
        t.write("knowledge/cases/tunnel-down/a.yaml", "id: t1\nfacts: { http.status: 530 }\nexpect: { status: inconclusive, not: tunnel-down }\n");
        t.write("knowledge/cases/tunnel-down/b.yaml", "id: t2\nfacts: { http.status: 530 }\nexpect: { status: inconclusive, cause: tunnel-down }\n");
        CheckReport report = t.check();
        assertEquals(List.of(t.path("knowledge/causes/tunnel-down.yaml") + ": warning: no rule gives evidence for cause 'tunnel-down', "
                + "so it can never be diagnosed [unreachable-cause]"), messages(report, "unreachable-cause"));
        assertEquals(0, report.exitCode(false));
        assertEquals(2, report.exitCode(true));
    }

    @Test void aCauseWithoutNearMissOrPositiveCaseIsAWarning() {
        Tree t = Tree.clean(dir).delete("knowledge/cases/app-down/ok.yaml");
        assertEquals(List.of(t.path("knowledge/causes/app-down.yaml") + ": warning: cause 'app-down' has no near-miss case "
                + "(a similar case with expect: {not: app-down}) [no-near-miss]"), messages(t.check(), "no-near-miss"));
        t.delete("knowledge/cases/app-down/bad-gateway.yaml");
        assertEquals(List.of(t.path("knowledge/causes/app-down.yaml") + ": warning: cause 'app-down' has no positive case "
                + "(a case in knowledge/causes/app-down/cases/ with expect: {cause: app-down}) [no-positive-case]"), messages(t.check(), "no-positive-case"));
    }

    /** A stack rule names a layer (causesNeeding.refute): a mistyped layer, or one no cause needs, refutes nothing and is an error. */
    @Test void aLayerNoCauseNeedsIsAnError() {
        Tree t = Tree.clean(dir);
        String stack = Tree.HEADER + "global dev.dokploydoctor.engine.CausesNeeding causesNeeding;\n\n"
                + "rule \"no app here: the app's own causes cannot be\"\nwhen\n    Fact(key == \"service.kind\", text == \"compose\")\nthen\n"
                + "    causesNeeding.refute(drools, \"ap\", 0.9);\n    causesNeeding.refute(drools, \"app\", 1.5);\nend\n";
        t.write("rules/stack.drl", stack);
        assertEquals(List.of(t.path("rules/stack.drl") + ":13: error: rule 'no app here: the app's own causes cannot be' refutes the causes "
                + "that need layer 'ap', but there is no such layer in knowledge/layers.yaml (did you mean 'app'?) [unknown-layer]",
                t.path("rules/stack.drl") + ":14: error: rule 'no app here: the app's own causes cannot be' refutes the causes that need layer "
                + "'app', but no cause.yaml says it needs it (needs: {app: 0.9}) [unknown-layer]"), messages(t.check(), "unknown-layer"));
        assertEquals(List.of(t.path("rules/stack.drl") + ":14: error: rule 'no app here: the app's own causes cannot be' refutes layer 'app' "
                + "at 1.5; a certainty is in (0, 1] [bad-certainty]"), messages(t.check(), "bad-certainty"));
        t.write("knowledge/causes/app-down.yaml", "title: \"app-down\"\nlayer: app\nneeds: {app: 0.9}\n"
                + "why: \"Something real breaks.\"\nfixes:\n  - title: \"Fix it\"\n    commands: [\"docker restart {service.name}\"]\n"
                + "verify: \"It works again.\"\n");
        assertEquals(1, messages(t.check(), "unknown-layer").size(), "a layer a cause needs is known");
    }

    @Test void aCaseExpectingAnUnknownCauseIsAnError() {
        Tree t = Tree.clean(dir);
        t.write("knowledge/cases/app-down/ok.yaml", "id: all-fine\nfacts: { http.status: 200 }\nexpect: { not: app-dwon }\n");
        assertEquals(List.of(t.path("knowledge/cases/app-down/ok.yaml") + ":1: error: case 'all-fine' rules out 'app-dwon', "
                + "but there is no knowledge/causes/app-dwon/cause.yaml (did you mean 'app-down'?) [missing-cause]"),
                messages(t.check(), "missing-cause"));
    }

    @Test void aRuleNoCaseFiresIsDead() {
        Tree t = Tree.clean(dir);
        t.write("rules/extra.drl", Tree.HEADER + """
                rule "app-down: gateway timeout"
                when
                    Fact(key == "http.status", num == 504)
                then
                    insertLogical(new Evidence(drools, "app-down", 0.3));
                end
                """);
        assertEquals(List.of(t.path("rules/extra.drl") + ":7: warning: rule 'app-down: gateway timeout' fired on none of the 4 cases; "
                + "add a case that needs it, or remove it [dead-rule]"), messages(t.check(), "dead-rule"));
    }

    @Test void twoRulesWithTheSameConditionsAndOppositeSignsConflict() {
        Tree t = Tree.clean(dir);
        // same conditions written differently: binding, constraint order and spacing do not matter
        t.write("rules/extra.drl", Tree.HEADER + """
                rule "app-down: not on a 502"
                when
                    $s : Fact( num==502, key == "http.status" )
                then
                    insertLogical(new Evidence(drools, "app-down", -0.5));
                end
                """);
        CheckReport report = t.check();
        assertEquals(List.of(t.path("rules/extra.drl") + ":7: error: rules 'gateway: 502 alone' and 'app-down: not on a 502' ("
                + t.path("rules/compose.drl") + ":23) have the same conditions, but one supports and the other refutes 'app-down' [conflict]"),
                messages(report, "conflict"));
        assertEquals(2, report.exitCode(false));
    }

    @Test void aRuleThatRepeatsAnothersConditionsAndConclusionIsRedundant() {
        Tree t = Tree.clean(dir);
        t.write("rules/extra.drl", Tree.HEADER + """
                rule "app-down: 502 on compose"
                when
                    Fact(key == "http.status", num == 502)
                    Fact(key == "service.kind", text == "compose")
                then
                    insertLogical(new Evidence(drools, "app-down", 0.2));
                end
                """);
        t.write("knowledge/cases/app-down/compose.yaml", "id: compose-502\nfacts: { http.status: 502, service.kind: compose }\n"
                + "expect: { status: inconclusive, cause: app-down }\n");
        assertEquals(List.of(t.path("rules/extra.drl") + ":7: warning: rule 'app-down: 502 on compose' has all the conditions of "
                + "'gateway: 502 alone' (" + t.path("rules/compose.drl") + ":23) and also supports 'app-down': when it fires the other "
                + "fires too and the evidence counts twice; merge them, or conclude only what the extra conditions add [redundant]"),
                messages(t.check(), "redundant"));
    }

    @Test void aRefinementThatRefutesIsNotRedundant() {
        // more conditions and the opposite sign is how a rule base narrows a hypothesis down
        Tree t = Tree.clean(dir);
        t.write("rules/extra.drl", Tree.HEADER + """
                rule "app-down: not when the app answers"
                when
                    Fact(key == "http.status", num == 502)
                    Fact(key == "service.kind", text == "application")
                then
                    insertLogical(new Evidence(drools, "app-down", -0.2));
                end
                """);
        t.write("knowledge/cases/app-down/app.yaml", "id: app-502\nfacts: { http.status: 502, service.kind: application }\n"
                + "expect: { status: inconclusive }\n");
        CheckReport report = t.check();
        assertEquals(List.of(), report.byCheck("redundant"));
        assertEquals(List.of(), report.byCheck("conflict"));
    }

    @Test void askingThenConcludingIsNotRedundant() {
        // DESIGN §3: a broad rule gives a small prior and asks for a fact; a narrower rule tests that fact
        Tree t = Tree.clean(dir);
        t.write("rules/extra.drl", Tree.HEADER + """
                rule "app-down: 502, which kind?"
                when
                    Fact(key == "http.status", num == 503)
                then
                    insertLogical(new Evidence(drools, "app-down", 0.1));
                    insertLogical(new Need(drools, "service.kind", "app-down", "applications restart on their own"));
                end

                rule "app-down: 503 on compose"
                when
                    Fact(key == "http.status", num == 503)
                    Fact(key == "service.kind", text == "compose")
                then
                    insertLogical(new Evidence(drools, "app-down", 0.5));
                end
                """);
        t.write("knowledge/cases/app-down/503.yaml", "id: compose-503\nfacts: { http.status: 503, service.kind: compose }\n"
                + "expect: { status: inconclusive, cause: app-down }\n");
        CheckReport report = t.check();
        assertEquals(List.of(), report.findings().stream().map(Finding::describe).toList());
    }

    @Test void aQuestionNoRuleNeedsOrMatchesIsUnused() {
        Tree t = Tree.clean(dir);
        t.write("knowledge/facts.yaml", Tree.FACTS + """
                  tunnel.connected:
                    type: bool
                    question: "Is cloudflared connected?"
                """);
        assertEquals(List.of(t.path("knowledge/facts.yaml") + ":20: warning: fact 'tunnel.connected' has a question, "
                + "but no rule needs or matches it, so it is never asked [unused-question]"), messages(t.check(), "unused-question"));
    }

    @Test void aNeedForAFactNobodyCanAnswerIsAWarning() {
        Tree t = Tree.clean(dir);
        t.write("rules/compose.drl", Tree.DNS_RULES.replace("new Need(drools, \"dependency.shares_network\"", "new Need(drools, \"service.name\""));
        assertEquals(List.of(t.path("rules/compose.drl") + ":13: warning: rule 'isolation: sibling name does not resolve' needs "
                + "'service.name', but facts.yaml gives it neither a question nor a probe [need-without-question]"),
                messages(t.check(), "need-without-question"));
    }

    @Test void aCertaintyOutsideMinusOneToOneIsAnError() {
        Tree t = Tree.clean(dir);
        t.write("rules/compose.drl", Tree.DNS_RULES.replace("\"app-down\", 0.3", "\"app-down\", 3"));
        assertEquals(List.of(t.path("rules/compose.drl") + ":27: error: rule 'gateway: 502 alone' gives cause 'app-down' certainty 3.0; "
                + "a certainty factor is between -1 and 1 [bad-certainty]"), messages(t.check(), "bad-certainty"));
    }

    @Test void aDrlSyntaxErrorIsReportedWithFileAndLine() {
        Tree t = Tree.clean(dir);
        t.write("rules/broken.drl", Tree.HEADER + """
                rule "half written"
                when
                    Fact(key == "http.status", num == )
                then
                end
                """);
        CheckReport report = t.check();
        List<String> errors = messages(report, "drl-compile");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(t.path("rules/broken.drl") + ":9: error: "), errors.get(0));
        assertTrue(errors.get(0).endsWith("[drl-compile]"), errors.get(0));
        assertEquals(2, report.exitCode(false));
        // the other file is still read: its names are still checked
        assertEquals(List.of(), report.byCheck("unknown-key"));
    }

    @Test void anUneditedScaffoldIsAWarning() {
        Tree t = Tree.clean(dir);
        t.write("knowledge/causes/app-down.yaml", Scaffold.causeYaml("app-down", "app", "App down"));
        assertEquals(List.of(t.path("knowledge/causes/app-down.yaml") + ": warning: cause 'app-down' still has the sentences "
                + "'rules new' wrote; replace why, fixes and verify with the real lesson [scaffold]"), messages(t.check(), "scaffold"));
    }

    @Test void anUnknownPlaceholderInAFixIsAnError() {
        Tree t = Tree.clean(dir);
        t.write("knowledge/causes/app-down.yaml", t.read("knowledge/causes/app-down.yaml").replace("{service.name}", "{service.nam}"));
        assertEquals(List.of(t.path("knowledge/causes/app-down.yaml") + ": error: cause 'app-down' uses placeholder {service.nam}, "
                + "unknown fact key 'service.nam' (did you mean 'service.name'?); declare it in knowledge/facts.yaml [unknown-key]"),
                messages(t.check(), "unknown-key"));
    }

    @Test void sentenceRulesAreReadLikeTheOlderForm() {
        // the same three conclusions as Tree.DNS_RULES' first rule, written as sentences in the cause's folder
        Tree t = Tree.clean(dir);
        t.write("knowledge/causes/app-down/rules.drl", Scaffold.DRL_HEADER + """

                rule "app-down: 503 and no shared network"
                when
                    Fact(key == "http.status", num == 503)
                then
                    support(drools, 0.6);   // a comment with support(drools, 0.9) is not read
                    need(drools, "dependency.shares_network",
                        "without a shared network the dependency is unreachable");
                    refute(drools, "multi-container-isolation", 0.4);
                end
                """);
        DrlRule rule = DrlReader.read("f.drl", t.read("knowledge/causes/app-down/rules.drl")).rules().get(0);
        assertEquals(List.of(new DrlRule.Conclusion(DrlRule.Kind.EVIDENCE, "app-down", null, 0.6, 16),
                new DrlRule.Conclusion(DrlRule.Kind.NEED, "app-down", "dependency.shares_network", null, 17),
                new DrlRule.Conclusion(DrlRule.Kind.EVIDENCE, "multi-container-isolation", null, -0.4, 19)), rule.conclusions());
        assertEquals(List.of(), t.check().findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList());
    }

    @Test void aSentenceRuleWithoutItsCauseOrWithABadCertaintyIsAnError() {
        Tree t = Tree.clean(dir);
        t.write("knowledge/causes/app-down/rules.drl", Scaffold.DRL_HEADER + """

                rule "a 503 alone"
                when
                    Fact(key == "http.status", num == 503)
                then
                    support(drools, 0.6);
                end

                rule "app-down: 504"
                when
                    Fact(key == "http.status", num == 504)
                then
                    refute(drools, -0.5);
                end
                """);
        String file = t.path("knowledge/causes/app-down/rules.drl");
        CheckReport report = t.check();
        assertEquals(List.of(file + ":16: error: rule 'a 503 alone': support concludes about the rule's cause, but the name does not "
                + "start with one (\"cause-id: what it sees\") [rule-without-cause]"), messages(report, "rule-without-cause"));
        assertEquals(List.of(file + ":23: error: rule 'app-down: 504': refute takes a certainty between 0 and 1 (refute 0.8 counts "
                + "as -0.8), was -0.5 [bad-certainty]"), messages(report, "bad-certainty"));
        assertEquals(List.of(file + ":12: warning: rule 'a 503 alone' sits in the folder of cause 'app-down'; name it 'app-down: ...' "
                + "or move it to the folder of its cause (or to knowledge/shared/) [misplaced-rule]"), messages(report, "misplaced-rule"));
    }

    /** A then-block that fails when it fires is the rule file's mistake: a finding at its rule, never a crash. */
    @Test void aRuleThatFailsWhenItFiresIsReportedAtItsRule() {
        Tree t = Tree.clean(dir);
        t.write("knowledge/causes/app-down/rules.drl", Scaffold.DRL_HEADER + """

                rule "a 502 alone"
                when
                    Fact(key == "http.status", num == 502)
                then
                    support(drools, 0.6);
                end
                """);
        String file = t.path("knowledge/causes/app-down/rules.drl");
        CheckReport report = t.check();
        assertEquals(List.of(file + ":12: error: fails when it fires: rule 'a 502 alone' does not start with its "
                + "cause (\"cause-id: what it sees\"); name the cause in the call instead [rule-fails]"), messages(report, "rule-fails"));
        assertEquals(List.of(), messages(report, "dead-rule"), "cases that could not run prove no rule dead");

        dev.dokploydoctor.knowledge.Knowledge k = t.load();
        dev.dokploydoctor.engine.Engine engine = new dev.dokploydoctor.engine.Engine(k, dev.dokploydoctor.engine.RuleBase.compile(k, new java.util.ArrayList<>()));
        dev.dokploydoctor.knowledge.KnowledgeError e = org.junit.jupiter.api.Assertions.assertThrows(dev.dokploydoctor.knowledge.KnowledgeError.class,
                () -> engine.evaluate("c", List.of(new dev.dokploydoctor.knowledge.Fact("http.status", 502, dev.dokploydoctor.knowledge.Fact.USER, "typed")),
                        java.util.Set.of(), 0.7));
        assertEquals(file + ":12", e.file() + ":" + e.line());
    }
}
