package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.Knowledge;

import java.nio.file.Path;
import java.util.List;

/**
 * The scoreboard fixture in src/test/resources/eval: two causes, five rules, eight field reports
 * (seven dev, one test) whose figures are worked out by hand in {@link EvaluationTest}.
 */
final class Fixture {
    static final Path ROOT = Path.of("src/test/resources/eval");
    static final Path RULES = ROOT.resolve("rules");
    static final Path KNOWLEDGE = ROOT.resolve("knowledge");
    static final Path CORPUS = KNOWLEDGE.resolve("field/fixture.jsonl");

    private static Engine engine;

    static synchronized Engine engine() {
        if (engine == null) engine = Engine.load(Knowledge.load(List.of(new Knowledge.Layer("fixture", RULES, KNOWLEDGE))));
        return engine;
    }

    static FieldCorpus.Loaded corpus() { return FieldCorpus.load(List.of(CORPUS), engine().knowledge()); }

    private Fixture() {}
}
