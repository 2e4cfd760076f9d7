package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.knowledge.CorpusSplit;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.similar.SimilarReports;
import dev.dokploydoctor.similar.SimilarVote;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eval is honest about similar reports: a report never finds itself (leave-one-out by URL on dev)
 * nor a test report (the library is the dev records only), in its vote or in the evidence its
 * trials end with. Users get the whole corpus; eval does not.
 */
class HeldOutVoteTest {
    private static Knowledge knowledge;
    private static List<FieldRecord> corpus;
    private static List<FieldRecord> dev;

    @BeforeAll static void load() {
        knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        corpus = FieldCorpus.load(FieldCorpus.files(Path.of("knowledge")), knowledge).records();
        dev = corpus.stream().filter(CorpusSplit.DEV::includes).toList();
    }

    private static boolean votesFor(SimilarVote.Vote v, String source) {
        return v != null && v.voters().stream().anyMatch(m -> m.link().equals(source));
    }

    @Test
    void aDevReportNeverVotesForItselfNorWithATestReport() {
        Evaluator evaluator = new Evaluator(Engine.load(knowledge), Engine.DEFAULT_THRESHOLD, Evaluator.heldOut(corpus));
        SimilarVote shipped = new SimilarVote(SimilarReports.of(corpus));   // what users get: the whole corpus
        int wouldFindItself = 0, votes = 0;
        for (FieldRecord r : dev) {
            if (votesFor(shipped.vote(r.text(), Map.of(), null), r.source())) wouldFindItself++;
            for (Map<String, Object> stated : List.of(r.facts(), Map.<String, Object>of())) {
                SimilarVote.Vote v = evaluator.vote(r, stated);
                if (v == null) continue;
                votes++;
                assertFalse(votesFor(v, r.source()), r.where() + " voted for itself: " + v.describe());
                for (SimilarReports.Match m : v.voters()) assertEquals(CorpusSplit.DEV, m.record().split(), v.describe());
            }
        }
        // the leave-one-out is what keeps them out: with the shipped library most reports find themselves
        assertTrue(wouldFindItself > dev.size() / 2, wouldFindItself + " of " + dev.size());
        assertTrue(votes > dev.size() / 2, votes + " votes");
    }

    @Test
    void aReportsOwnRecordIsNotAmongItsEvidenceInEval() {
        Evaluator evaluator = new Evaluator(Engine.load(knowledge), Engine.DEFAULT_THRESHOLD, Evaluator.heldOut(corpus));
        SimilarVote shipped = new SimilarVote(SimilarReports.of(corpus));
        int checked = 0, voteEvidence = 0;
        for (FieldRecord r : dev) {
            if (!votesFor(shipped.vote(r.text(), Map.of(), null), r.source())) continue;
            // reports that, in the shipped library, vote for themselves: at least 26, and on until one weighed the vote
            if (checked >= 26 && voteEvidence > 0) break;
            checked++;
            for (Trial t : evaluator.run(r).trials().values()) {
                for (Evidence e : t.evidence()) {
                    for (Fact f : e.getMatched()) {
                        if (!f.getKey().equals(SimilarVote.KEY)) continue;
                        voteEvidence++;
                        assertFalse(f.getEvidence().contains(r.source()), r.where() + " " + t.mode() + ": " + f.getEvidence());
                    }
                }
            }
        }
        assertTrue(checked >= 26, "checked " + checked);
        assertTrue(voteEvidence > 0, "no trial weighed the vote: the check above checked nothing");
    }

    @Test
    void aTestReportFindsOnlyDevRecords() {
        // reports in the test split: one repeats a dev report's text, three have words no other report has
        List<String> testUrls = new ArrayList<>();
        for (int i = 0; testUrls.size() < 4; i++) {
            String url = "https://example.org/held-out/" + i;
            if (CorpusSplit.of(url) == CorpusSplit.TEST) testUrls.add(url);
        }
        FieldRecord twin = dev.get(0);
        FieldRecord copy = new FieldRecord(testUrls.get(0), twin.text(), twin.facts(), twin.cause(), "x", "high", Map.of(), "t.jsonl", 1);
        String words = "quokka zebra teapot marmalade";
        FieldRecord unique = new FieldRecord(testUrls.get(1), words, Map.of(), twin.cause(), "x", "high", Map.of(), "t.jsonl", 2);
        List<FieldRecord> withTest = new ArrayList<>(corpus);
        withTest.addAll(List.of(copy, unique));
        for (int i = 2; i < 4; i++) withTest.add(new FieldRecord(testUrls.get(i), words, Map.of(), twin.cause(), "x", "high", Map.of(), "t.jsonl", i + 1));
        Evaluator evaluator = new Evaluator(Engine.load(knowledge), Engine.DEFAULT_THRESHOLD, Evaluator.heldOut(withTest));
        SimilarVote.Vote v = evaluator.vote(copy, Map.of());
        if (v != null) for (SimilarReports.Match m : v.voters()) assertEquals(CorpusSplit.DEV, m.record().split(), v.describe());
        // only its test siblings share its words, and they are not in the library (in it, they would vote 2 of 2)
        assertEquals(unique.cause(), new SimilarVote(SimilarReports.of(withTest)).vote(words, Map.of(), unique.source()).cause());
        assertNull(evaluator.vote(unique, Map.of()));
    }
}
