package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.engine.DontKnowUser.BUNDLED;
import static dev.dokploydoctor.engine.DontKnowUser.read;
import static dev.dokploydoctor.engine.DontKnowUser.told;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A diagnosis its rule holds below the sure line asks the one fact that rule names, and no other look-alike
 * question (a stopped Traefik held at 0.75 until the port question went on to a Cloudflare error, Let's Encrypt
 * and the status). On the checkout's rules.
 */
class NamedHoldTest {
    final Interview interview = new Interview(BUNDLED, Engine.DEFAULT_THRESHOLD);

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
}
