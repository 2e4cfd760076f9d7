package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Knowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The rule base compiled at build time is the bundled DRL's, decides as a fresh compile does (once its direct
 * then-blocks are installed, which reading it does), and is never used for other rules.
 */
class PrebuiltRulesTest {
    private static final Knowledge CHECKOUT = RuleBaseFixture.CHECKOUT;

    @Test void theBuildMadeItForTheBundledRulesAndItDecidesAsACompileDoes() {
        RuleBase prebuilt = PrebuiltRules.read(CHECKOUT);
        assertNotNull(prebuilt, "target/classes" + PrebuiltRules.RESOURCE + " is missing or older than the DRL (mvn process-classes makes it)");
        RuleBase compiled = RuleBase.compile(CHECKOUT);
        assertEquals(compiled.ruleNames(), prebuilt.ruleNames());
        RuleBaseFixture.Compared compared = RuleBaseFixture.everyRegressionCase(CHECKOUT, prebuilt, compiled, PrebuiltRulesTest::summary);
        assertEquals(List.of(), compared.apart());
        assertEquals(true, compared.cases() > 100, "cases: " + compared.cases());
    }

    @Test void theStoredThenBlocksAreEmptyUntilTheDirectCallsAreInstalled() {
        RuleBase stored = PrebuiltRules.stored(CHECKOUT), compiled = RuleBase.compile(CHECKOUT);
        assertEquals(compiled.ruleNames(), stored.ruleNames());
        Outcome mvel = RuleBaseFixture.diagnose(CHECKOUT, compiled, Map.of("http.status", 502L));
        assertFalse(mvel.evidence().isEmpty());
        // as read back, before anything is installed: rules fire, their emptied then-blocks conclude nothing
        Outcome empty = RuleBaseFixture.diagnose(CHECKOUT, stored, Map.of("http.status", 502L));
        assertFalse(empty.fired().isEmpty());
        assertEquals(List.of(), empty.evidence());
        int direct = DirectConsequences.install(stored.kieBase(), CHECKOUT);
        assertEquals(DirectConsequences.install(compiled.kieBase(), CHECKOUT), direct);
        assertTrue(direct > 200, "direct: " + direct);
    }

    @Test void aThenBlockNoDirectCallReplacesIsStoredAsWritten(@TempDir Path dir) throws Exception {
        // it only concludes, but in the Java dialect, which install leaves alone: emptied, it would conclude nothing
        Knowledge withMine = RuleBaseFixture.beside(dir, Map.of("mine.drl", """
                package dokploy.rules;
                import dev.dokploydoctor.knowledge.Fact;
                import function dev.dokploydoctor.engine.Conclude.support;
                rule "app-listens-on-localhost: a teapot"
                    dialect "java"
                when
                    Fact(key == "http.status", num == 418)
                then
                    support(drools, 0.45);
                end
                """));
        RuleBase stored = PrebuiltRules.stored(withMine).concludingDirectly(withMine);
        Outcome read = RuleBaseFixture.diagnose(withMine, stored, Map.of("http.status", 418L));
        Outcome compiled = RuleBaseFixture.diagnose(withMine, RuleBase.compile(withMine), Map.of("http.status", 418L));
        assertTrue(read.evidence().stream().anyMatch(e -> e.getRule().equals("app-listens-on-localhost: a teapot")), summary(read));
        assertEquals(summary(compiled), summary(read));
    }

    @Test void otherRulesAreCompiledNotRead(@TempDir Path dir) throws Exception {
        Knowledge withMine = RuleBaseFixture.beside(dir, Map.of("mine.drl", """
                package dokploy.rules;
                dialect "mvel"
                import dev.dokploydoctor.knowledge.Fact;
                import function dev.dokploydoctor.engine.Conclude.support;
                rule "wrong-container-port: my own hunch"
                when
                    Fact(key == "http.status", num == 502)
                then
                    support(drools, 0.2);
                end
                """));
        assertNull(PrebuiltRules.read(withMine));
        assertEquals(true, RuleBase.load(withMine).ruleNames().contains("wrong-container-port: my own hunch"));
        // read ahead before the knowledge was known (the REPL): not used for these rules either
        PrebuiltRules.Bundled ahead = PrebuiltRules.readBundled();
        assertNotNull(ahead);
        assertNull(ahead.rulesFor(withMine));
        assertEquals(true, RuleBase.load(withMine, ahead).ruleNames().contains("wrong-container-port: my own hunch"));
    }

    @Test void readAheadItIsTheBundledRuleBase() {
        PrebuiltRules.Bundled ahead = PrebuiltRules.readBundled();
        assertNotNull(ahead, "target/classes" + PrebuiltRules.RESOURCE + " is missing (mvn process-classes makes it)");
        RuleBase rules = ahead.rulesFor(CHECKOUT);
        assertNotNull(rules, "the build's rule base is the checkout's DRL");
        assertEquals(RuleBase.load(CHECKOUT).ruleNames(), RuleBase.load(CHECKOUT, ahead).ruleNames());
    }

    private static String summary(Outcome o) {
        return o.status() + " " + o.diagnoses().stream().map(d -> d.cause() + "=" + Math.round(d.certainty() * 1000)).toList()
                + " fired " + o.fired().size() + " questions " + o.questions().stream().map(Question::key).toList();
    }
}
