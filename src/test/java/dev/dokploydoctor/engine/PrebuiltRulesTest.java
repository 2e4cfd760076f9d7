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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The rule base compiled at build time is the bundled DRL's, decides as a fresh compile does, and is never used for other rules. */
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
