package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Then-blocks that only conclude run as direct calls, and decide exactly as MVEL runs them. */
class DirectConsequencesTest {
    private static final Knowledge CHECKOUT = RuleBaseFixture.CHECKOUT;

    @Test void theStatementsOfOurRulesAreReadAsCalls() {
        assertEquals(List.of(new DirectConsequences.Call("support", "some-cause", null, null, 0.8)),
                DirectConsequences.calls("some-cause: it shows", "\n    support(drools, 0.8);   \n"));
        assertEquals(List.of(new DirectConsequences.Call("refute", "other-cause", null, null, 1.0),
                        new DirectConsequences.Call("need", "some-cause", "app.port", "the port it listens on", 0)),
                DirectConsequences.calls("some-cause: x", """
                        refute(drools, "other-cause", 1);
                        need(drools, "app.port",
                             "the port " + "it listens on");
                        """));
        assertEquals(List.of(new DirectConsequences.Call("need", "named-cause", "k.ey", "why", 0)),
                DirectConsequences.calls("shared rule", "need(drools, \"k.ey\", \"named-cause\", \"why\");"));
    }

    @Test void anythingElseStaysWithMvel() {
        for (String then : List.of(
                "support(drools, 1.5);",                       // out of range: Conclude's error, as MVEL reports it
                "support(drools, 0);",
                "support(drools, -0.5);",
                "support(drools, 0.5)",                         // no semicolon
                "insertLogical(new Fact(\"a.b\", true, \"derived\", \"x\"));",
                "support(drools, 0.5); System.exit(1);",
                "support(drools, \"a\" + $x.getText(), 0.5);",
                "need(drools, \"k\", \"why \\\" quoted\");",  // an escape: MVEL's string rules, not ours
                "support(drools, 0.5d);",
                "",
                "support(other, 0.5);")) {
            assertNull(DirectConsequences.calls("some-cause: x", then), then);
        }
        // the rule's own cause comes from its name: a rule that names none must name it in the call
        assertNull(DirectConsequences.calls("no cause in this name", "support(drools, 0.5);"));
        assertNull(DirectConsequences.calls("no cause in this name", "need(drools, \"k\", \"why\");"));
    }

    @Test void nearlyEveryBundledRuleConcludesDirectly() {
        RuleBase rules = RuleBase.load(CHECKOUT);
        int direct = 0, all = 0;
        List<String> mvel = new ArrayList<>();
        for (KiePackage p : rules.kieBase().getKiePackages()) {
            for (Rule r : p.getRules()) {
                all++;
                if (((RuleImpl) r).getConsequence() instanceof DirectConsequences.Direct) direct++;
                else mvel.add(r.getName());
            }
        }
        // the one rule that derives a fact from two bound facts' texts stays with MVEL
        assertTrue(direct >= all - 5, direct + " of " + all + "; with MVEL: " + mvel);
        assertTrue(all > 200, "rules: " + all);
    }

    @Test void everyRegressionCaseIsDecidedAsMvelDecidesIt() {
        // compile alone keeps Drools' own consequences
        RuleBaseFixture.Compared compared = RuleBaseFixture.everyRegressionCase(CHECKOUT, RuleBase.load(CHECKOUT), RuleBase.compile(CHECKOUT),
                DirectConsequencesTest::summary);
        assertEquals(List.of(), compared.apart());
        assertTrue(compared.cases() > 100, "cases: " + compared.cases());
    }

    @Test void aUserRuleThatFailsFailsAsBefore(@TempDir Path dir) throws Exception {
        Knowledge mine = RuleBaseFixture.beside(dir, Map.of("mine.drl", """
                package dokploy.rules;
                dialect "mvel"
                import dev.dokploydoctor.knowledge.Fact;
                import function dev.dokploydoctor.engine.Conclude.support;
                rule "wrong-container-port: too sure"
                when
                    Fact(key == "http.status", num == 502)
                then
                    support(drools, 1.5);
                end
                """));
        RuleBase rules = RuleBase.load(mine);
        KnowledgeError e = assertThrows(KnowledgeError.class, () -> RuleBaseFixture.diagnose(mine, rules, Map.of("http.status", 502L)));
        assertTrue(e.getMessage().contains("support takes a certainty in (0, 1], was 1.5"), e.getMessage());
        assertTrue(String.valueOf(e.file()).endsWith("mine.drl"), e.file());
    }

    // A user's rule decides as Drools runs it, whatever it shares with another rule: a name, a package, a comment.

    private static final String HEAD = """
            dialect "mvel"
            import dev.dokploydoctor.knowledge.Fact;
            import function dev.dokploydoctor.engine.Conclude.support;
            import function dev.dokploydoctor.engine.Conclude.refute;
            """;

    @Test void aUserRuleNamedLikeABundledRuleInItsOwnPackageKeepsItsOwnThen(@TempDir Path dir) throws Exception {
        // the bundled "derived: ..." inserts a fact (MVEL); this one concludes: neither takes the other's then-block
        Knowledge mine = RuleBaseFixture.beside(dir, Map.of("mine.drl", "package my.rules;\n" + HEAD + """
                rule "derived: the app and the dependency share no network"
                when
                    Fact(key == "app.networks", size > 100)
                then
                    support(drools, "app-listens-on-localhost", 0.9);
                end
                """));
        assertDecidedAsMvel(mine, Map.of("app.networks", List.of("front"), "dependency.networks", List.of("back")));
    }

    @Test void aRuleNameInTwoPackagesTakesNeithersThen(@TempDir Path dir) throws Exception {
        // the copy read first does not only conclude (MVEL), the second does: the first must not take the second's calls
        String rule = """
                rule "app-listens-on-localhost: a teapot"
                when
                    Fact(key == "http.status", num == 418)
                then
                    %s
                end
                """;
        Knowledge mine = RuleBaseFixture.beside(dir, Map.of(
                "a.drl", "package my.rules;\n" + HEAD + rule.formatted("refute(drools, 0.5 + 0.4);"),
                "b.drl", "package other.rules;\n" + HEAD + rule.formatted("support(drools, 0.3);")));
        assertDecidedAsMvel(mine, Map.of("http.status", 418L));
    }

    @Test void aRuleInABlockCommentIsNotRead(@TempDir Path dir) throws Exception {
        Knowledge mine = RuleBaseFixture.beside(dir, Map.of("mine.drl", "package dokploy.rules;\n" + HEAD + """
                rule "app-listens-on-localhost: a teapot is not a bind problem"
                when
                    Fact(key == "http.status", num == 418)
                then
                    refute(drools, 0.5 + 0.4);
                end

                /* the first version, kept for the record:
                rule "app-listens-on-localhost: a teapot is not a bind problem"
                when
                    Fact(key == "http.status", num == 418)
                then
                    support(drools, 0.9);
                end
                */
                """));
        assertDecidedAsMvel(mine, Map.of("http.status", 418L));
    }

    @Test void aSingleQuotedRuleNameIsReadToo(@TempDir Path dir) throws Exception {
        // named like a bundled rule that supports the cause, in its own package: it refutes
        Knowledge mine = RuleBaseFixture.beside(dir, Map.of("mine.drl", "package my.rules;\n" + HEAD + """
                rule 'app-listens-on-localhost: bound to loopback'
                when
                    Fact(key == "http.status", num == 418)
                then
                    refute(drools, 0.9);
                end
                """));
        assertDecidedAsMvel(mine, Map.of("http.status", 418L));
    }

    private static void assertDecidedAsMvel(Knowledge knowledge, Map<String, Object> facts) {
        String mvel = summary(RuleBaseFixture.diagnose(knowledge, RuleBase.compile(knowledge), facts));
        assertEquals(mvel, summary(RuleBaseFixture.diagnose(knowledge, RuleBase.load(knowledge), facts)));
    }

    private static String summary(Outcome o) {
        StringBuilder s = new StringBuilder(o.status().toString());
        for (Diagnosis d : o.diagnoses()) s.append(' ').append(d.cause()).append('=').append(d.certainty());
        for (Evidence e : o.evidence()) s.append(" [").append(e.getRule()).append(' ').append(e.getCf()).append(' ')
                .append(e.getCause()).append(' ').append(e.getMatched()).append(' ').append(e.getObservations()).append(']');
        s.append(" fired ").append(o.fired());
        for (Question q : o.questions()) s.append(" q ").append(q.key()).append(' ').append(q.score()).append(q.causes()).append(q.needs());
        return s.toString();
    }
}
