package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private static final Knowledge CHECKOUT = Knowledge.load(List.of(Layers.checkout(Path.of(""))));

    @Test void theBuildMadeItForTheBundledRulesAndItDecidesAsACompileDoes() {
        RuleBase prebuilt = PrebuiltRules.read(CHECKOUT);
        assertNotNull(prebuilt, "target/classes" + PrebuiltRules.RESOURCE + " is missing or older than the DRL (mvn process-classes makes it)");
        RuleBase compiled = RuleBase.compile(CHECKOUT);
        assertEquals(compiled.ruleNames(), prebuilt.ruleNames());
        Engine a = new Engine(CHECKOUT, prebuilt), b = new Engine(CHECKOUT, compiled);
        List<String> differ = new ArrayList<>();
        int cases = 0;
        for (Knowledge.CaseFile cf : CHECKOUT.loadCases()) {
            CaseInput c = cf.read(CHECKOUT.vocabulary());
            Outcome x = a.diagnose(c, Engine.DEFAULT_THRESHOLD), y = b.diagnose(c, Engine.DEFAULT_THRESHOLD);
            cases++;
            if (!summary(x).equals(summary(y))) differ.add(cf.path() + ": " + summary(x) + " / " + summary(y));
        }
        assertEquals(List.of(), differ);
        assertEquals(true, cases > 100, "cases: " + cases);
    }

    @Test void theStoredThenBlocksAreEmptyUntilTheDirectCallsAreInstalled() {
        RuleBase stored = PrebuiltRules.stored(CHECKOUT), compiled = RuleBase.compile(CHECKOUT);
        assertEquals(compiled.ruleNames(), stored.ruleNames());
        CaseInput c = new CaseInput("c", null, Map.of("http.status", 502L), Set.of(), null, null, 0);
        Outcome mvel = new Engine(CHECKOUT, compiled).diagnose(c, Engine.DEFAULT_THRESHOLD);
        assertFalse(mvel.evidence().isEmpty());
        // as read back, before anything is installed: rules fire, their emptied then-blocks conclude nothing
        Outcome empty = new Engine(CHECKOUT, stored).diagnose(c, Engine.DEFAULT_THRESHOLD);
        assertFalse(empty.fired().isEmpty());
        assertEquals(List.of(), empty.evidence());
        int direct = DirectConsequences.install(stored.kieBase(), CHECKOUT);
        assertEquals(DirectConsequences.install(compiled.kieBase(), CHECKOUT), direct);
        assertTrue(direct > 200, "direct: " + direct);
    }

    @Test void aThenBlockNoDirectCallReplacesIsStoredAsWritten(@TempDir Path dir) throws Exception {
        // it only concludes, but in the Java dialect, which install leaves alone: emptied, it would conclude nothing
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("mine.drl"), """
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
                """);
        Knowledge withMine = Knowledge.load(List.of(Layers.checkout(Path.of("")), new Knowledge.Layer("user", rules, null)));
        CaseInput c = new CaseInput("c", null, Map.of("http.status", 418L), Set.of(), null, null, 0);
        RuleBase stored = PrebuiltRules.stored(withMine).concludingDirectly(withMine);
        Outcome read = new Engine(withMine, stored).diagnose(c, Engine.DEFAULT_THRESHOLD);
        Outcome compiled = new Engine(withMine, RuleBase.compile(withMine)).diagnose(c, Engine.DEFAULT_THRESHOLD);
        assertTrue(read.evidence().stream().anyMatch(e -> e.getRule().equals("app-listens-on-localhost: a teapot")), summary(read));
        assertEquals(summary(compiled), summary(read));
    }

    @Test void otherRulesAreCompiledNotRead(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("mine.drl"), """
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
                """);
        Knowledge withMine = Knowledge.load(List.of(Layers.checkout(Path.of("")), new Knowledge.Layer("user", rules, null)));
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
