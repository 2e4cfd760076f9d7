package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.CorpusSplit;
import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The ratchet: the checkout's rules on the dev split of knowledge/field may not diagnose fewer
 * reports right, nor more confidently wrong, than knowledge/field/scoreboard.json records. When
 * they do better, the new figures are printed to be recorded with eval --write-baseline.
 */
class FieldScoreboardTest {
    private static final Path KNOWLEDGE = Path.of("knowledge");

    @Test
    void theDevSplitDoesNotGetWorse() {
        Knowledge knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        FieldCorpus.Loaded corpus = FieldCorpus.load(FieldCorpus.files(KNOWLEDGE), knowledge);
        assertEquals(List.of(), corpus.errors().stream().map(e -> e.describe()).toList());
        Scoreboard dev = new Evaluator(Engine.load(knowledge), Engine.DEFAULT_THRESHOLD)
                .run(corpus.in(CorpusSplit.DEV), Runtime.getRuntime().availableProcessors());
        Baseline now = Baseline.of(dev, "dev");
        Baseline recorded = Baseline.read(KNOWLEDGE.resolve("field").resolve(Baseline.FILE));
        Baseline.Comparison c = recorded.compare(now);
        if (c.corpusChange() != null) {
            fail(c.corpusChange() + ". Run ./dokploy-doctor eval --split dev, review the figures, then record them with"
                    + " ./dokploy-doctor eval --split dev --write-baseline. The figures now:\n" + now.toJson());
        }
        assertTrue(c.worse().isEmpty(), "the dev split got worse: " + c.worse()
                + " (./dokploy-doctor eval --split dev -v shows which reports)");
        if (!c.better().isEmpty()) {
            System.out.println("The dev split improved: " + c.better() + ". Record it with ./dokploy-doctor eval --split dev"
                    + " --write-baseline, or paste into knowledge/field/scoreboard.json:\n" + now.toJson());
        }
    }
}
