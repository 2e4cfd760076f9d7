package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A leader the calibration gate holds on what the text gave (the checkout's rules and priors): its evidence of
 * its own comes before the user's look at their paste only where it is about as likely to settle it
 * ({@link Interview#OWN_EVIDENCE_SHARE}); a far less likely one is not asked first.
 */
class HeldLeaderFirstQuestionTest {
    private static Engine engine;

    @BeforeAll static void load() {
        engine = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));
    }

    /** Read from a config line the user pasted (a catalog entry with a documentation source). */
    private static Fact pasted(String key, Object value) {
        return new Fact(key, value, Fact.TEXT, "extractor 'y' matched \"...\" (source: https://docs.docker.com/reference/compose-file/services/#ports)", "text#1f3a@0-10");
    }

    /**
     * The ports read from a compose mapping and a Caddyfile (wrong-container-port held at 0.69) are checked before
     * "does the app log a foreign protocol?" or "does it answer inside?", each far less likely to be told and to
     * diagnose (dev: both asked first, both "don't know", and the "don't know" limit came before the ports).
     */
    @Test
    void aPastedCheckFarLikelierToSettleTheHeldLeaderComesBeforeUnlikelyEvidenceOfItsOwn() {
        Interview interview = new Interview(engine, Engine.DEFAULT_THRESHOLD);
        List<Fact> facts = new ArrayList<>(List.of(pasted("domain.port", 3030L), pasted("app.listen_port", 3000L),
                pasted("service.kind", "compose")));
        Interview.Step step = interview.next(facts, new LinkedHashSet<>(), 0);
        assertEquals("wrong-container-port", step.outcome().top().cause());
        assertEquals(Certainty.WEAK_SIGNS_CEILING, step.outcome().top().certainty(), 1e-9);
        Interview.Ask first = assertInstanceOf(Interview.Ask.class, step);
        String key = first.plan().question().key();
        assertTrue(Set.of("domain.port", "app.listen_port").contains(key), "asked " + key + " (" + first.plan().reason() + ")");
        assertEquals(Interview.Purpose.CONFIRM, first.purpose());
        // the user's look at it: their own observation lifts the hold
        facts.removeIf(f -> f.getKey().equals(key));
        facts.add(new Fact(key, key.equals("domain.port") ? 3030L : 3000L, Fact.USER, "answered"));
        Outcome after = interview.next(facts, new LinkedHashSet<>(), 1).outcome();
        assertEquals(Status.DIAGNOSED, after.status(), after.diagnoses().toString());
        assertEquals("wrong-container-port", after.top().cause());
    }

    /**
     * The look-alike: evidence of its own about as likely to settle the held leader as the paste still comes first
     * (a 404 from the route beside an unhealthy container read from docker ps: the router's absence, seen in
     * Traefik's dashboard, before the health column again).
     */
    @Test
    void evidenceOfItsOwnAboutAsLikelyToSettleStillComesFirst() {
        Interview interview = new Interview(engine, Engine.DEFAULT_THRESHOLD);
        List<Fact> facts = new ArrayList<>(List.of(new Fact("container.health", "unhealthy", Fact.TEXT,
                "extractor 'docker-unhealthy' matched \"(unhealthy)\" (source: moby/moby container/state.go)", "text#1f3a@0-10")));
        Interview.Step step = interview.next(facts, new LinkedHashSet<>(), 0);
        assertEquals("container-unhealthy", step.outcome().top().cause());
        Interview.Ask first = assertInstanceOf(Interview.Ask.class, step);
        assertEquals("traefik.router_present", first.plan().question().key(), first.plan().reason());
    }
}
