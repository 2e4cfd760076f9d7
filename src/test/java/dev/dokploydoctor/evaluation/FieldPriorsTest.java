package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.CalibrationGate;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.CorpusSplit;
import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.knowledge.Priors;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** knowledge/priors.yaml is what {@code eval --write-priors} computes from the dev split today, and loads as such. */
class FieldPriorsTest {
    private static final Path KNOWLEDGE = Path.of("knowledge");

    @Test
    void theShippedPriorsAreFresh() throws IOException {
        Knowledge knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        FieldCorpus.Loaded corpus = FieldCorpus.load(FieldCorpus.files(KNOWLEDGE), knowledge);
        String computed = FieldPriors.yaml(corpus.in(CorpusSplit.DEV), Engine.load(knowledge), JoinOrder.load(KNOWLEDGE));
        assertEquals(computed, Files.readString(KNOWLEDGE.resolve(FieldPriors.FILE)),
                "knowledge/priors.yaml is stale (the dev split, the vocabulary or its implications changed):"
                        + " run ./dokploy-doctor eval --write-priors and commit it");
    }

    @Test
    void commonCausesWeighMoreAndEachFactHasItsShare() {
        Knowledge knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        Priors p = knowledge.priors();
        // a cause with dozens of dev reports against one with none: the shrunk counts keep both above zero
        assertTrue(p.weight("host-port-conflict") > p.weight("admin-role-missing-permissions"));
        assertTrue(p.weight("admin-role-missing-permissions") > 0);
        // a redirect loop is what a Flexible SSL report says far more often than a report at large
        assertTrue(p.answerable("http.redirect_loop", "cloudflare-flexible-ssl-loop") > p.answerable("http.redirect_loop", Priors.ALL));
        // a key not listed is taken as answerable; a cause not listed falls back to the overall share
        assertEquals(Priors.DEFAULT_ANSWERABLE, p.answerable("no.such.key", "host-port-conflict"));
        assertEquals(p.answerable("http.status", Priors.ALL), p.answerable("http.status", "no-such-cause"));
    }

    @Test
    void everyCorpusFileJoinedInOrderAndEveryCauseNamesOne() {
        Knowledge knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        JoinOrder order = JoinOrder.load(KNOWLEDGE);
        for (Path f : FieldCorpus.files(KNOWLEDGE)) {
            assertTrue(order.lists(f.toString()), f + " is not in field/joined.yaml: add it as the newest batch");
        }
        for (Cause c : knowledge.causes().values()) {
            if (c.isAdvice()) continue;
            assertTrue(c.since() != null && order.knows(c.since()), c.id() + ": since names no corpus file of field/joined.yaml");
        }
    }

    /** Only the reports that joined after a cause's rules were written earn it a diagnosis from the text alone. */
    @Test
    void rightsOnTheReportsACauseWasWrittenFromEarnItNothing() {
        JoinOrder order = new JoinOrder(Map.of("early", 0, "written-from", 1, "later", 2));
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 12; i++) trials.add(diagnosed("written-from", i, "young-cause", "young-cause"));
        trials.add(diagnosed("early", 99, "other:look-alike", "young-cause"));   // a wrong one in sample: not counted either
        Map<String, String> since = new HashMap<>(Map.of("young-cause", "written-from"));
        int[] inSampleOnly = FieldPriors.tally(trials, since, order).get("young-cause");
        assertArrayEquals(new int[] {0, 0}, inSampleOnly);
        assertTrue(CalibrationGate.lowerBound(inSampleOnly[1], inSampleOnly[0]) < CalibrationGate.EARNED, "12 of 12 in sample: still on probation");

        // the same twelve rights on reports that joined after the file it was written from earn it; a wrong one there counts against it
        since.put("young-cause", "early");
        int[] outOfSample = FieldPriors.tally(trials, since, order).get("young-cause");
        assertArrayEquals(new int[] {12, 12}, outOfSample);   // the wrong one in early is still in sample
        assertTrue(CalibrationGate.lowerBound(outOfSample[1], outOfSample[0]) >= CalibrationGate.EARNED);
        trials.add(diagnosed("later", 100, "other:look-alike", "young-cause"));
        assertArrayEquals(new int[] {13, 12}, FieldPriors.tally(trials, since, order).get("young-cause"));

        // a cause that names no file has nothing out of sample
        since.put("young-cause", null);
        assertArrayEquals(new int[] {0, 0}, FieldPriors.tally(trials, since, order).get("young-cause"));
        assertFalse(order.outOfSample(trials.get(0).record(), null));
    }

    private static Trial diagnosed(String file, int line, String truth, String diagnosed) {
        FieldRecord r = new FieldRecord("https://example.org/" + file + "/" + line, "text", Map.of(), truth, "fix", "high", Map.of(),
                "knowledge/field/" + file + ".jsonl", line);
        return new Trial(r, Mode.TEXT, Status.DIAGNOSED, List.of(new Trial.Ranked(diagnosed, 0.8)), List.of(), List.of(), List.of());
    }
}
