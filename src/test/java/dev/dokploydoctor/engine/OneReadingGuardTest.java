package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One prose reading of a setting (the address the app binds, in the reporter's words) is held below a
 * diagnosis, still leading; the same setting from a line the stack printed, a stated fact, or a prose
 * reading of a fault sign (a rate limit) is not held.
 */
class OneReadingGuardTest {
    private static Engine engine;

    // the guard alone: the calibration gate (CalibrationGateTest) would hold a young cause read from a log line too
    @BeforeAll static void load() { engine = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of(""))))).ungated(); }

    /** A fact our prose patterns read from one span of the text. */
    private static Fact prose(String key, Object value, int at) {
        return new Fact(key, value, Fact.TEXT, "extractor 'x' matched \"...\" (source: prose: ours)", "text#1f3a@" + at + "-" + (at + 10));
    }

    /** A fact read from a log line the stack printed (a catalog entry with a repository source). */
    private static Fact logLine(String key, Object value, int at) {
        return new Fact(key, value, Fact.TEXT, "extractor 'y' matched \"...\" (source: some/repo src/file.c (v1))", "text#1f3a@" + at + "-" + (at + 10));
    }

    private static Fact stated(String key, Object value) { return new Fact(key, value, Fact.USER, "test"); }

    private static Outcome judge(List<Fact> facts) { return engine.evaluate("t", facts, Set.of(), 0.7); }

    private static long holds(Outcome o) { return o.evidence().stream().filter(e -> e.getRule().equals(OneReadingGuard.RULE)).count(); }

    @Test
    void aBindReadFromTheReportersWordsLeadsButWaits() {
        Outcome o = judge(List.of(prose("http.status", 502L, 0), prose("app.listen_address", "127.0.0.1", 40)));
        assertEquals(Status.INCONCLUSIVE, o.status(), o.diagnoses().toString());
        assertEquals("app-listens-on-localhost", o.top().cause());
        assertEquals(Certainty.WEAK_SIGNS_CEILING, o.top().certainty(), 1e-9);
        assertEquals(1, holds(o));
    }

    @Test
    void theSameBindFromALogLineOrAStatedFactDiagnoses() {
        Outcome fromLog = judge(List.of(prose("http.status", 502L, 0), logLine("app.listen_address", "127.0.0.1", 40)));
        assertEquals(Status.DIAGNOSED, fromLog.status(), fromLog.diagnoses().toString());
        assertEquals(0, holds(fromLog));
        Outcome fromUser = judge(List.of(prose("http.status", 502L, 0), stated("app.listen_address", "127.0.0.1")));
        assertEquals(Status.DIAGNOSED, fromUser.status(), fromUser.diagnoses().toString());
        assertEquals(0, holds(fromUser));
    }

    @Test
    void aFaultSignInTheReportersWordsIsNotHeld() {
        Outcome o = judge(List.of(prose("letsencrypt.rate_limited", true, 0)));
        assertEquals(Status.DIAGNOSED, o.status(), o.diagnoses().toString());
        assertEquals("letsencrypt-rate-limited", o.top().cause());
        assertEquals(0, holds(o));
    }

    /**
     * The guard waits for the user's own look at the setting it holds on, so that look is asked (dev: three
     * reports saying in words that the app binds localhost ended at 0.69 after three questions around it);
     * the same value answered diagnoses. What the user sees (the status) stays unasked: no setting. Whether the app
     * runs in a container comes first (round 23: the completed truth makes it a question most users can answer, and
     * the loopback bind matters only inside one): answered, a stated observation lifts the hold; not known, the held
     * setting is asked.
     */
    @Test
    void theHeldSettingIsAskedAndTheUsersLookLiftsTheHold() {
        List<Fact> facts = List.of(prose("http.status", 502L, 0), prose("app.listen_address", "127.0.0.1", 40));
        try (Lookahead look = engine.planner().look(facts, Set.of())) {
            assertTrue(look.confirming("app.listen_address"));
            assertFalse(look.confirming("http.status"));
        }
        Interview.Step step = new Interview(engine, 0.7).next(facts, Set.of(), 0);
        Interview.Ask first = assertInstanceOf(Interview.Ask.class, step, step.toString());
        assertEquals(Interview.Purpose.NEXT, first.purpose(), first.plan().reason());
        assertEquals("app.in_container", first.plan().question().key(), first.plan().reason());
        // answered: the bind read from their words is diagnosed
        List<Fact> inContainer = new java.util.ArrayList<>(facts);
        inContainer.add(stated("app.in_container", true));
        Outcome o = judge(inContainer);
        assertEquals(Status.DIAGNOSED, o.status(), o.diagnoses().toString());
        assertEquals("app-listens-on-localhost", o.top().cause());
        // not known: the held setting is asked, for the user's own look
        Interview.Step next = new Interview(engine, 0.7).next(facts, Set.of("app.in_container"), 1);
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, next, next.toString());
        assertEquals(Interview.Purpose.CONFIRM, ask.purpose(), ask.plan().question().key());
        String key = ask.plan().question().key();
        assertTrue(Set.of("app.listen_address", "app.listen_bound").contains(key), key);
        // the answer takes the reading's place, as the REPL's and eval's answers do
        List<Fact> answered = new java.util.ArrayList<>(facts.stream().filter(f -> !f.getKey().equals(key)).toList());
        answered.add(stated(key, "127.0.0.1"));
        Outcome told = judge(answered);
        assertEquals(Status.DIAGNOSED, told.status(), told.diagnoses().toString());
        assertEquals("app-listens-on-localhost", told.top().cause());
    }

    /** A prose reading nothing is held on is still never asked back (the user would only say it again). */
    @Test
    void aProseReadingNoHoldRestsOnIsNotAskedBack() {
        try (Lookahead look = engine.planner().look(List.of(prose("letsencrypt.rate_limited", true, 0)), Set.of())) {
            assertFalse(look.confirming("letsencrypt.rate_limited"));
        }
    }
}
