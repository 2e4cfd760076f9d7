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
 * A diagnosis its rule holds below the sure line asks the one fact that rule names, and no other look-alike
 * question (cw18: holding a clash from Docker's allocator until its holder is seen asked the redirect loop and
 * every domain failing too, 2.91 to 3.02 questions a report on dev). On the checkout's rules.
 */
class NamedHoldTest {
    final Interview interview = new Interview(BUNDLED, Engine.DEFAULT_THRESHOLD);

    /** "Bind for 0.0.0.0:5432 failed: port is already allocated", as the catalog reads it. */
    static final List<Fact> ALLOCATED = List.of(read("host.port_conflict", true), read("host.port_already_allocated", true),
            read("host.port", 5432L), read("containers.running", false), read("fault.reported", true));

    @Test
    void dockersRefusalAsksWhoHoldsThePortAndNothingElse() {
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(ALLOCATED, Set.of(), 0));
        assertEquals(Status.DIAGNOSED, ask.outcome().status(), ask.outcome().diagnoses().toString());
        assertEquals("host-port-conflict", ask.outcome().top().cause());
        assertTrue(ask.outcome().top().certainty() < Interview.LOOKALIKE_SURE, ask.outcome().diagnoses().toString());
        assertEquals("host.port_holder_found", ask.plan().question().key(), ask.plan().reason());
        assertEquals(Interview.Purpose.LOOKALIKE, ask.purpose());
        // "don't know": the hold had its question; the diagnosis stands where it was held, no sweep follows
        assertEquals(List.of("host.port_holder_found"), DontKnowUser.asked(interview, ALLOCATED, Interview.QUESTION_LIMIT));
        Interview.Step end = interview.next(ALLOCATED, Set.of("host.port_holder_found"), 1);
        Interview.Conclude concluded = assertInstanceOf(Interview.Conclude.class, end);
        assertEquals("host-port-conflict", concluded.outcome().top().cause());
        // the diagnosis stands (as in batch), and says which check it could not have (round 20)
        assertEquals(List.of("host.port_holder_found"), concluded.unsettled().stream().map(Need::getKey).toList());
        assertTrue(concluded.unsettled().get(0).getWhy().contains("removed container"), concluded.unsettled().toString());
    }

    @Test
    void theHoldersAnswerDecides() {
        Outcome seen = BUNDLED.evaluate("t", with(ALLOCATED, told("host.port_holder_found", true)), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals("host-port-conflict", seen.top().cause());
        assertTrue(seen.top().certainty() >= Interview.LOOKALIKE_SURE, seen.diagnoses().toString());
        Outcome none = BUNDLED.evaluate("t", with(ALLOCATED, told("host.port_holder_found", false)), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertNotEquals(Status.DIAGNOSED, none.status(), none.diagnoses().toString());
    }

    @Test
    void theKernelsRefusalIsNoHold() {
        // "listen tcp 0.0.0.0:443: bind: address already in use": a live socket holds the port, nothing to wait for
        List<Fact> kernel = List.of(read("host.port_conflict", true), read("host.port", 443L), read("containers.running", false),
                read("fault.reported", true));
        Interview.Step step = interview.next(kernel, Set.of(), 0);
        assertEquals("host-port-conflict", step.outcome().top().cause());
        assertTrue(step.outcome().top().certainty() >= Interview.LOOKALIKE_SURE, step.outcome().diagnoses().toString());
        if (step instanceof Interview.Ask ask) assertNotEquals("host.port_holder_found", ask.plan().question().key());
    }

    @Test
    void aLoopbackBindAsksWhetherTheAppRunsInAContainer() {
        // "netstat shows 127.0.0.1:3000 LISTEN" beside a 502: a host process bound to 127.0.0.1 reads the same
        List<Fact> facts = List.of(told("app.listen_bound", "127.0.0.1"), told("http.status", 502L));
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(facts, Set.of(), 1, 0));
        assertEquals("app-listens-on-localhost", ask.outcome().top().cause(), ask.outcome().diagnoses().toString());
        assertEquals("app.in_container", ask.plan().question().key(), ask.plan().reason());
        Interview.Step known = interview.next(with(facts, told("app.in_container", true)), Set.of(), 2, 0);
        assertTrue(known.outcome().top().certainty() >= Interview.LOOKALIKE_SURE, known.outcome().diagnoses().toString());
        if (known instanceof Interview.Conclude c) assertEquals(List.of(), c.unsettled(), "answered: nothing left unsettled");
        Interview.Step unknown = interview.next(facts, Set.of("app.in_container"), 2, 1);
        Interview.Conclude concluded = assertInstanceOf(Interview.Conclude.class, unknown);
        assertEquals("app-listens-on-localhost", concluded.outcome().top().cause());
        assertEquals(List.of("app.in_container"), concluded.unsettled().stream().map(Need::getKey).toList());
    }

    @Test
    void aStoppedTraefikAsksWhetherAPortIsTakenAndNoOtherLookalike() {
        // "dokploy-traefik exited, every site is down": its rule holds it at 0.75 and names host.port_conflict; before,
        // a Cloudflare error, Let's Encrypt and the status followed, each answered "don't know" (dev: 14 reports)
        // (answered: from the text alone the calibration gate holds this young cause below a diagnosis)
        List<Fact> facts = List.of(told("traefik.running", false), told("fault.all_domains", true), read("fault.reported", true));
        Interview.Step first = interview.next(facts, Set.of(), 0);
        assertEquals("traefik-not-running", first.outcome().top().cause(), first.outcome().diagnoses().toString());
        assertEquals(Status.DIAGNOSED, first.outcome().status());
        assertEquals(List.of("host.port_conflict"), DontKnowUser.asked(interview, facts, Interview.QUESTION_LIMIT));
    }

    @Test
    void aSureDiagnosisWaitsForNothing() {
        Outcome o = BUNDLED.evaluate("t", with(ALLOCATED, told("host.port_holder_found", true)), Set.of(), Engine.DEFAULT_THRESHOLD);
        try (Lookahead look = BUNDLED.planner().look(with(ALLOCATED, told("host.port_holder_found", true)), Set.of())) {
            assertTrue(NamedHold.awaited(look.judgement(), o.top(), Engine.DEFAULT_THRESHOLD).isEmpty());
        }
    }

    private static List<Fact> with(List<Fact> facts, Fact more) {
        List<Fact> out = new ArrayList<>(facts);
        out.add(more);
        return out;
    }
}
