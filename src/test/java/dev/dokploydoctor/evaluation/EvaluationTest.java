package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.CorpusSplit;
import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.FieldRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scoreboard on the fixture's dev split (seven reports; see the rules in src/test/resources/eval):
 * 1 isolation, EAI_AGAIN + compose: 0.5 + 0.5 = 0.75, right with facts; the interview asks service.kind,
 *   then, before concluding, whether they share a network (an answer of yes would refute it): 2 questions.
 * 2 other:dns-resolver, the same text: diagnosed isolation with facts, so confident-wrong; the interview
 *   asks whether they share a network before concluding, hears yes, and ends inconclusive.
 * 3 app-down, 502 and names resolve: 0.86 with facts; the interview asks app.dns_failure.
 * 4 app-down, text no extractor reads: inconclusive with facts, no-fault from text; the interview asks
 *   http.status and app.dns_failure and gets it right.
 * 5 other:platform-bug, "broken": inconclusive after three questions.
 * 6 isolation, truth knows nothing: the interview asks service.kind, gets "unknown", ends inconclusive.
 * 7 other:app-config, "docker compose" only: no symptom; the interview asks three questions, inconclusive.
 */
class EvaluationTest {
    private static Scoreboard dev;

    @BeforeAll
    static void run() {
        FieldCorpus.Loaded corpus = Fixture.corpus();
        assertEquals(List.of(), corpus.errors());
        dev = new Evaluator(Fixture.engine(), Engine.DEFAULT_THRESHOLD).run(corpus.in(CorpusSplit.DEV), 2);
    }

    @Test
    void batchWithTextAndFacts() {
        Scoreboard.Board b = dev.board(Mode.TEXT_AND_FACTS);
        assertFigures(b.known(), 4, 2, 4, 4, 0, 2);
        // "we run it with docker compose and the page is blank" names no symptom we read: inconclusive, not no-fault
        assertFigures(b.other(), 3, 0, 0, 0, 1, 2);
        assertEquals(1, b.all().confidentWrong());
        assertEquals(4, b.all().inconclusive());
        assertFigures(b.byCause().get("app-down"), 2, 1, 2, 2, 0, 1);
    }

    @Test
    void batchWithTheTextAlone() {
        Scoreboard.Board b = dev.board(Mode.TEXT);
        // "the site shows nothing since yesterday" matches no catalog entry: inconclusive, never no-fault
        assertFigures(b.known(), 4, 0, 3, 3, 0, 4);
        assertEquals(0, b.all().confidentWrong());
        assertEquals(7, b.all().inconclusive());
    }

    @Test
    void simulatedInterview() {
        Scoreboard.Board b = dev.board(Mode.INTERVIEW);
        // the REPL's interview (engine Interview): unrecognised text is a reported fault it asks about
        assertFigures(b.known(), 4, 3, 4, 4, 0, 1);
        Tally all = b.all();
        assertEquals(0, all.confidentWrong(), "report 2, the look-alike, is told apart by asking before concluding");
        assertEquals(4, all.inconclusive(), "reports 2, 5, 6 and 7");
        // a question none of whose answers diagnoses, rules out the leader or raises a cause the rules
        // can take further is not asked (dependency.shares_network with nothing in play): 13 before;
        // but a leader at 0.5 that nothing else moves is checked by a fact that would rule it out
        // (report 6, truth empty: do the two share a network? unknown): 9 before that; a diagnosis
        // first asks the open fact that would refute it (reports 1 and 2): 10 before that
        assertEquals(12.0 / 7, all.meanQuestions(), 1e-9);
        assertEquals(5.0 / 3, b.known().meanQuestionsToRight(), 1e-9);
        assertEquals(0, all.zeroQuestionEndings(), "a reported fault always gets questions");
        assertEquals(0, all.noFaultEndings(), "never no-fault after a reported fault");
    }

    @Test
    void eachInterviewSaysWhyItAskedAndHowItEnded() {
        Trial isolation = dev.runs().get(0).trial(Mode.INTERVIEW);
        assertEquals(List.of("next", "lookalike"), isolation.purposes(), "the network asked to tell it from its look-alike");
        assertEquals("concluded", isolation.stop());
        Trial nothingKnown = dev.runs().get(5).trial(Mode.INTERVIEW);
        assertFalse(nothingKnown.right());
        assertEquals(nothingKnown.asked().size(), nothingKnown.purposes().size());
        assertNotEquals("concluded", nothingKnown.stop());
        // the one report of ours not right, counted by how it ended; batch trials have no interview's end
        Tally known = dev.board(Mode.INTERVIEW).known();
        assertEquals(java.util.Map.of(nothingKnown.stop(), 1), known.notRightByStop());
        assertEquals(java.util.Map.of(), dev.board(Mode.TEXT).known().notRightByStop());
    }

    @Test
    void eachReportsOutcomeIsKept() {
        Scoreboard.Run isolation = dev.runs().get(0);
        Trial t = isolation.trial(Mode.INTERVIEW);
        assertEquals(List.of("service.kind", "dependency.shares_network"), t.asked());
        assertTrue(t.right());
        assertEquals(0.75, t.ranked().get(0).certainty(), 1e-9);
        assertEquals("app.dns_failure=true", t.textFacts().get(0).toString());

        Trial unread = dev.runs().get(3).trial(Mode.INTERVIEW);
        assertEquals("diagnosed", unread.ending(), "text no extractor reads: the interview asks instead");
        assertEquals(List.of("http.status", "app.dns_failure"), unread.asked());
        assertFalse(unread.zeroQuestionEnding());
        assertFalse(unread.noFaultEnding());

        Trial lookAlike = dev.runs().get(1).trial(Mode.TEXT_AND_FACTS);
        assertTrue(lookAlike.confidentWrong(), "any diagnosis of an other: report is wrong");
        assertFalse(lookAlike.leading());
    }

    @Test
    void aWrongCauseLeadingJustBelowTheThresholdIsANearMiss() {
        FieldRecord lookAlike = dev.runs().get(1).record();   // other:dns-resolver
        FieldRecord isolation = dev.runs().get(0).record();
        assertTrue(undiagnosed(lookAlike, 0.64).nearWrong(), "one weak support from a confident-wrong");
        assertFalse(undiagnosed(lookAlike, 0.55).nearWrong(), "far enough below the threshold");
        assertFalse(undiagnosed(isolation, 0.64).nearWrong(), "the record's own cause leading is no miss");
        Trial diagnosed = dev.runs().get(1).trial(Mode.TEXT_AND_FACTS);
        assertTrue(diagnosed.confidentWrong());
        assertFalse(diagnosed.nearWrong(), "a confident-wrong is counted as such, not twice");
    }

    private static Trial undiagnosed(FieldRecord r, double certainty) {
        return new Trial(r, Mode.TEXT, Status.INCONCLUSIVE, List.of(new Trial.Ranked("multi-container-isolation", certainty)),
                List.of(), List.of(), List.of());
    }

    @Test
    void calibrationCountsTheReportsEachRuleFiredOn() {
        Calibration c = new Calibration(dev);
        Calibration.Line sibling = c.line("isolation: sibling name does not resolve", "multi-container-isolation");
        assertEquals(3, sibling.fired(), "reports 1, 2 and 6");
        assertEquals(2, sibling.hits(), "report 2 is a look-alike");
        assertEquals((2 + 0.5 * 4) / (3 + 4.0), sibling.suggested(), 1e-9);
        Calibration.Line alone = c.line("gateway: 502 alone", "app-down");
        assertEquals(2, alone.fired(), "reports 3 and 4 with facts; in the interview report 4 is never read");
        assertEquals(2, alone.hits());
        assertEquals((2 + 0.3 * 4) / (2 + 4.0), alone.suggested(), 1e-9);
        Calibration.Line shared = c.line("isolation: they share a network", "multi-container-isolation");
        assertEquals(1, shared.fired(), "report 2 in the interview, asked before concluding");
        assertEquals(0, shared.hits());
        assertEquals(5, c.lines().size());
    }

    @Test
    void theRatchetFailsOnFewerRightOrMoreConfidentWrong() {
        Baseline now = Baseline.of(dev, "dev");
        assertEquals(2, now.modes().get(Mode.TEXT_AND_FACTS).right());
        assertEquals(1, now.modes().get(Mode.TEXT_AND_FACTS).confidentWrong());
        assertTrue(now.compare(now).holds());

        Baseline better = new Baseline("dev", now.records(), now.corpus(), java.util.Map.of(
                Mode.TEXT_AND_FACTS, new Baseline.Figures(3, 0), Mode.TEXT, new Baseline.Figures(0, 0),
                Mode.INTERVIEW, new Baseline.Figures(3, 0)));
        Baseline.Comparison c = better.compare(now);
        assertFalse(c.holds());
        assertEquals(List.of("text+facts: right fell from 3 to 2", "text+facts: confident-wrong rose from 0 to 1"), c.worse());
        assertEquals(List.of("text+facts: confident-wrong fell from 1 to 0"), now.compare(
                new Baseline("dev", now.records(), now.corpus(), java.util.Map.of(Mode.TEXT_AND_FACTS, new Baseline.Figures(2, 0)))).better());

        Baseline otherCorpus = new Baseline("dev", 6, "0000", now.modes());
        assertFalse(otherCorpus.compare(now).holds(), "a changed corpus needs a new baseline, written on purpose");
    }

    @Test
    void aBaselineReadsBackAsWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Baseline now = Baseline.of(dev, "dev");
        java.nio.file.Path file = dir.resolve(Baseline.FILE);
        now.write(file);
        assertEquals(now, Baseline.read(file));
    }

    private static void assertFigures(Tally t, int records, int right, int leading, int top3, int wrong, int inconclusive) {
        assertEquals(List.of(records, right, leading, top3, wrong, inconclusive),
                List.of(t.records(), t.right(), t.leading(), t.top3(), t.confidentWrong(), t.inconclusive()));
    }
}
