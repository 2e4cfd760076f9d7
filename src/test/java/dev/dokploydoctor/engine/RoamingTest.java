package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.engine.DontKnowUser.BUNDLED;
import static dev.dokploydoctor.engine.DontKnowUser.read;
import static dev.dokploydoctor.engine.DontKnowUser.told;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interview stays with what is in play (round 20, issue 13): a leader on probation is asked its own deciding
 * fact before questions about the causes behind it, and once the one cause in play (the similar reports' vote) is
 * ruled out by an answer, the status and the symptom menu are not asked of a fault outside our list. On the
 * checkout's rules.
 */
class RoamingTest {
    final Interview interview = new Interview(BUNDLED, Engine.DEFAULT_THRESHOLD);

    /** n8n in queue mode on its default SQLite, "flaky" (a dev report's text as the catalog reads it). */
    static final List<Fact> QUEUE_ON_SQLITE = List.of(read("http.intermittent", true), read("app.queue_mode", true),
            read("database.kind", "sqlite"), read("fault.reported", true));

    @Test
    void aLeaderOnProbationIsAskedItsOwnFactFirst() {
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(QUEUE_ON_SQLITE, Set.of(), 0));
        Diagnosis top = ask.outcome().top();
        assertEquals("sqlite-with-queue-mode", top.cause(), ask.outcome().diagnoses().toString());
        assertTrue(CalibrationGate.held(top.evidence()), "held on probation: " + top);
        // before: "Is the app's container on more than one network?" (another cause's), then database.locked
        assertEquals("database.locked", ask.plan().question().key(), ask.plan().reason());
        assertEquals(Interview.Purpose.LEADER, ask.purpose());
        assertTrue(ask.plan().question().causes().contains(top.cause()) || ask.plan().reason().contains(top.cause()), ask.plan().reason());
    }

    @Test
    void aLeaderNotOnProbationKeepsThePlannersOrder() {
        // the same text with the lock answered: the cause is diagnosed on a fact of the user's own, nothing is held
        Interview.Step step = interview.next(with(QUEUE_ON_SQLITE, told("database.locked", true)), Set.of(), 1, 0);
        assertTrue(step.outcome().top() == null || !CalibrationGate.held(step.outcome().top().evidence()), step.outcome().diagnoses().toString());
    }

    /** Docker 29 refusing an old client ("client version 1.40 is too old"), with the similar reports' vote for Traefik's. */
    static final List<Fact> OLD_CLIENT = List.of(read("fault.reported", true), read("docker.api_version", "1.52"),
            read("similar.cause", "docker-api-too-new-for-traefik"));

    @Test
    void theVotedCauseRuledOutByAnAnswerEndsWithoutTheSymptomMenu() {
        Interview.Ask first = assertInstanceOf(Interview.Ask.class, interview.next(OLD_CLIENT, Set.of(), 0));
        assertEquals("docker-api-too-new-for-traefik", first.outcome().top().cause(), first.outcome().diagnoses().toString());
        assertEquals("traefik.docker_api_error", first.plan().question().key(), first.plan().reason());
        // "no": Traefik logs no such refusal; before, the status and the symptom menu followed (dev: 3 reports of Docker
        // clients outside our list, each asked both, "none fits" or the unknown limit after them)
        Interview.Step after = interview.next(with(OLD_CLIENT, told("traefik.docker_api_error", false)), Set.of(), 1, 0);
        if (after instanceof Interview.Ask ask) {
            assertNotEquals("symptom.kind", ask.plan().question().key(), ask.plan().reason());
            assertNotEquals("http.status", ask.plan().question().key(), ask.plan().reason());
        } else {
            assertEquals(Interview.Stop.NONE_FITS, assertInstanceOf(Interview.End.class, after).stop());
        }
    }

    @Test
    void theVotedCauseLeftOpenIsStillPursued() {
        // "don't know" to the same question rules nothing out: the interview goes on
        Interview.Step after = interview.next(OLD_CLIENT, Set.of("traefik.docker_api_error"), 1, 1);
        assertInstanceOf(Interview.Ask.class, after, after.toString());
    }

    private static List<Fact> with(List<Fact> facts, Fact more) {
        List<Fact> out = new ArrayList<>(facts);
        out.add(more);
        return out;
    }
}
