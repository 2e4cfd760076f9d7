package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The set-up of the tests that compare one rule base made two ways (read from the build, compiled, with its
 * then-blocks as direct calls or as MVEL): the checkout's knowledge, with a user's own rule files beside it,
 * a case of facts alone, and every regression case decided by both.
 */
final class RuleBaseFixture {
    private RuleBaseFixture() {}

    /** The checkout's knowledge, as the build stores its rules. */
    static final Knowledge CHECKOUT = Knowledge.load(List.of(Layers.checkout(Path.of(""))));

    /** The checkout's knowledge and a user layer of {@code files} (name to DRL text), written into {@code dir}/rules. */
    static Knowledge beside(Path dir, Map<String, String> files) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        for (Map.Entry<String, String> f : files.entrySet()) Files.writeString(rules.resolve(f.getKey()), f.getValue());
        return Knowledge.load(List.of(Layers.checkout(Path.of("")), new Knowledge.Layer("user", rules, null)));
    }

    /** A case of {@code facts} alone. */
    private static CaseInput facts(Map<String, Object> facts) { return new CaseInput("c", null, facts, Set.of(), null, null, 0); }

    /** The case of {@code facts} alone, diagnosed with {@code rules}. */
    static Outcome diagnose(Knowledge knowledge, RuleBase rules, Map<String, Object> facts) {
        return new Engine(knowledge, rules).diagnose(facts(facts), Engine.DEFAULT_THRESHOLD);
    }

    /** How many regression cases there were, and those {@code a} and {@code b} decide apart (each with both summaries). */
    record Compared(int cases, List<String> apart) {}

    static Compared everyRegressionCase(Knowledge knowledge, RuleBase a, RuleBase b, Function<Outcome, String> summary) {
        Engine x = new Engine(knowledge, a), y = new Engine(knowledge, b);
        List<String> apart = new ArrayList<>();
        int cases = 0;
        for (Knowledge.CaseFile cf : knowledge.loadCases()) {
            CaseInput c = cf.read(knowledge.vocabulary());
            String one = summary.apply(x.diagnose(c, Engine.DEFAULT_THRESHOLD)), other = summary.apply(y.diagnose(c, Engine.DEFAULT_THRESHOLD));
            cases++;
            if (!one.equals(other)) apart.add(cf.path() + ":\n  " + one + "\n  " + other);
        }
        return new Compared(cases, apart);
    }
}
