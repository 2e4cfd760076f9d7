package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.engine.DontKnowUser.BUNDLED;
import static dev.dokploydoctor.engine.DontKnowUser.read;
import static dev.dokploydoctor.engine.DontKnowUser.told;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the browser is refused or every domain fails, the interview asks whether Traefik runs (user14b ub7: the
 * browser's ERR_CONNECTION_REFUSED read as Traefik's refusal by the app; user14 V1: "bad gateway" in the user's
 * words ruled a stopped Traefik out).
 */
class TraefikStateQuestionTest {
    final Interview interview = new Interview(BUNDLED, Engine.DEFAULT_THRESHOLD);

    List<String> askedOfAUserWhoKnowsNothing(List<Fact> facts, int limit) { return DontKnowUser.asked(interview, facts, limit); }

    @Test
    void aBrowserRefusedOnEveryDomainAsksWhetherTraefikRunsFirst() {
        // "all my sites say ERR_CONNECTION_REFUSED since I rebooted": before, read as Traefik's refusal by the app
        List<Fact> facts = List.of(read("http.connection_refused", true), read("fault.all_domains", true), read("fault.reported", true));
        Interview.Ask first = assertInstanceOf(Interview.Ask.class, interview.next(facts, Set.of(), 0));
        assertEquals("traefik.running", first.plan().question().key(), first.plan().toString());
    }

    @Test
    void aBrowserRefusedAsksTraefiksStateAmongTheFirstQuestions() {
        // "my site is down", then "the browser says ERR_CONNECTION_REFUSED": before, no cause in play, the status asked again
        List<Fact> facts = List.of(read("http.connection_refused", true), read("fault.reported", true));
        List<String> asked = askedOfAUserWhoKnowsNothing(facts, 2);
        assertTrue(asked.contains("traefik.running"), asked.toString());
    }

    @Test
    void theWordsBadGatewayLeaveAStoppedTraefikInPlay() {
        // "all my templates give 404 or bad gateway since I rebooted the server" (user14 V1): a 502's reason phrase,
        // which any proxy in front prints, ruled Traefik out as if its own page had come back
        List<Fact> facts = List.of(read("http.status", 502L), read("http.body", "Bad Gateway"), read("fault.all_domains", true));
        Outcome o = BUNDLED.evaluate("t", facts, Set.of(), Engine.DEFAULT_THRESHOLD);
        assertTrue(o.diagnoses().stream().anyMatch(d -> d.cause().equals("traefik-not-running") && d.certainty() > 0), o.diagnoses().toString());
        List<String> asked = askedOfAUserWhoKnowsNothing(facts, Interview.QUESTION_LIMIT);
        assertTrue(asked.contains("traefik.running"), asked.toString());
    }

    @Test
    void everyDomainFailingPutsTraefiksStateBeforeOneAppsPort() {
        // user14 V1: the 502 made wrong-container-port (0.30) lead, and its port questions came before Traefik's state
        List<Fact> facts = List.of(told("http.status", 502L), read("http.body", "Bad Gateway"), read("fault.all_domains", true),
                read("fault.reported", true));
        Interview.Ask first = assertInstanceOf(Interview.Ask.class, interview.next(facts, Set.of(), 1, 0));
        assertEquals("traefik.running", first.plan().question().key(), first.plan().toString());
    }
}
