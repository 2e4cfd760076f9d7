package dev.dokploydoctor.similar;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Similar field reports over the scoreboard fixture (src/test/resources/eval) and the checkout's corpus. */
class SimilarReportsTest {
    private static final Path FIXTURE = Path.of("src/test/resources/eval");
    private static final Knowledge KNOWLEDGE = Knowledge.load(List.of(
            new Knowledge.Layer("fixture", FIXTURE.resolve("rules"), FIXTURE.resolve("knowledge"))));
    private static final List<FieldRecord> RECORDS =
            FieldCorpus.load(FieldCorpus.files(FIXTURE.resolve("knowledge")), KNOWLEDGE).records();

    @Test
    void aReportFindsItsOwnRecordFirst() {
        SimilarReports library = SimilarReports.of(RECORDS);
        assertEquals(8, library.size());
        for (FieldRecord r : RECORDS) {
            List<SimilarReports.Match> found = library.similar(r.text(), r.facts(), 3);
            assertEquals(r.source(), found.get(0).link(), "for " + r.where() + ": " + found);
            assertTrue(found.size() <= 3);
        }
    }

    @Test
    void everyRecordOfTheCheckoutsCorpusFindsItselfFirst() {
        Knowledge checkout = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        List<FieldRecord> corpus = FieldCorpus.load(FieldCorpus.files(Path.of("knowledge")), checkout).records();
        SimilarReports library = SimilarReports.of(corpus);
        for (FieldRecord r : corpus) {
            assertEquals(r.source(), library.similar(r.text(), r.facts(), 1).get(0).link(), r.where());
        }
    }

    @Test
    void aMatchCarriesTheLinkTheCauseAndTheFix() {
        SimilarReports.Match m = SimilarReports.of(RECORDS).similar("the app cannot resolve redis: EAI_AGAIN", Map.of(), 1).get(0);
        assertEquals("https://example.org/t/6-isolation-unsure", m.link());
        assertEquals("multi-container-isolation", m.cause());
        assertEquals("Put both services on one network.", m.fix());
    }

    @Test
    void nothingSharedFindsNothing() {
        SimilarReports library = SimilarReports.of(RECORDS);
        assertEquals(List.of(), library.similar("zzz qqq", Map.of(), 3));
        assertEquals(List.of(), library.similar("", Map.of(), 3));
        assertEquals(List.of(), library.similar(null, Map.of("http.status", 418L), 3));
    }

    @Test
    void similarityAloneNeverDiagnoses() {
        // report 4's text is read by no extractor: its own record is the best match, the engine still
        // finds no cause (inconclusive, as for any text it did not understand: never a diagnosis)
        String text = "the site shows nothing since yesterday";
        SimilarReports.Match best = SimilarReports.of(RECORDS).similar(text, Map.of(), 1).get(0);
        assertEquals("app-down", best.cause());
        Outcome o = Engine.load(KNOWLEDGE).diagnose(new CaseInput("t", text, Map.of(), Set.of(), null, null, 0), 0.7);
        assertEquals(Status.INCONCLUSIVE, o.status());
        assertTrue(o.diagnoses().isEmpty());
    }
}
