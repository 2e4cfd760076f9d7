package dev.dokploydoctor.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.engine.PlannerTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two facts that decide only when compared (src/test/resources/.../engine/pair): neither answer alone
 * moves a cause, so each alone gains nothing; tried together they decide the lead, and the first of
 * them is asked before a sign that only nudges an outsider.
 */
class PairLookaheadTest {
    static final Engine ENGINE = PlannerTest.fixture("/dev/dokploydoctor/engine/pair");

    @Test
    void twoFactsThatDecideTogetherAreAskedFirst() {
        Planner.Plan p = ENGINE.planner().next(List.of(user("error", true)), Set.of());
        assertNotNull(p);
        assertEquals("target", p.question().key(), "the first of the pair in facts.yaml order: " + p.reason());
        assertTrue(p.reason().contains("with listens"), p.reason());
        assertTrue(p.previews().stream().anyMatch(v -> v.status() == Status.DIAGNOSED && "ports".equals(v.topCause())),
                "two different ports diagnose the lead");
        assertTrue(p.previews().stream().anyMatch(v -> v.ruledOut().contains("ports")), "equal ports rule it out");
    }

    @Test
    void onceOneIsKnownTheOtherIsAskedAlone() {
        Planner.Plan p = ENGINE.planner().next(List.of(user("error", true), user("target", 3000L)), Set.of());
        assertEquals("listens", p.question().key());
    }

    @Test
    void aPairWithOneHalfUnknownIsNoPair() {
        Planner.Plan p = ENGINE.planner().next(List.of(user("error", true)), Set.of("listens"));
        assertTrue(p == null || !p.question().key().equals("target"), "target alone decides nothing");
    }

    @Test
    void theInterviewDoesNotAskTheOtherHalfOfAnUnknownPairEither() {
        // the fallback that asks what the leader needs must skip it too: its answer cannot move anything
        Interview.Step step = new Interview(ENGINE, Engine.DEFAULT_THRESHOLD).next(List.of(user("error", true)), Set.of("listens"), 1, 1);
        assertTrue(!(step instanceof Interview.Ask ask) || !ask.plan().question().key().equals("target"),
                "asked target with listens unknown: " + step);
    }
}
