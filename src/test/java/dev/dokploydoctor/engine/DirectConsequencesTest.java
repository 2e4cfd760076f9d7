package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Layers;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Then-blocks that only conclude run as direct calls, and decide exactly as MVEL runs them. */
class DirectConsequencesTest {
    private static final Knowledge CHECKOUT = Knowledge.load(List.of(Layers.checkout(Path.of(""))));

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
        Engine direct = new Engine(CHECKOUT, RuleBase.load(CHECKOUT));
        Engine mvel = new Engine(CHECKOUT, RuleBase.compile(CHECKOUT)); // compile alone keeps Drools' own consequences
        List<String> differ = new ArrayList<>();
        int cases = 0;
        for (Knowledge.CaseFile cf : CHECKOUT.loadCases()) {
            CaseInput c = cf.read(CHECKOUT.vocabulary());
            String a = summary(direct.diagnose(c, Engine.DEFAULT_THRESHOLD)), b = summary(mvel.diagnose(c, Engine.DEFAULT_THRESHOLD));
            cases++;
            if (!a.equals(b)) differ.add(cf.path() + ":\n  " + a + "\n  " + b);
        }
        assertEquals(List.of(), differ);
        assertTrue(cases > 100, "cases: " + cases);
    }

    @Test void aUserRuleThatFailsFailsAsBefore(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("mine.drl"), """
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
                """);
        Knowledge mine = Knowledge.load(List.of(Layers.checkout(Path.of("")), new Knowledge.Layer("user", rules, null)));
        Engine engine = new Engine(mine, RuleBase.load(mine));
        KnowledgeError e = assertThrows(KnowledgeError.class, () -> engine.diagnose(
                new CaseInput("c", null, Map.of("http.status", 502L), Set.of(), null, null, 0), Engine.DEFAULT_THRESHOLD));
        assertTrue(e.getMessage().contains("support takes a certainty in (0, 1], was 1.5"), e.getMessage());
        assertTrue(String.valueOf(e.file()).endsWith("mine.drl"), e.file());
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
