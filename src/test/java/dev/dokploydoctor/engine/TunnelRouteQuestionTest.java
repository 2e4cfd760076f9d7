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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After Cloudflare's own 502 page through a tunnel the interview asks where the tunnel's route goes (read in the
 * Cloudflare dashboard), then where cloudflared runs, which decide between its origin's addresses (user14b ub10:
 * the route never asked, the session ended at 0.58).
 */
class TunnelRouteQuestionTest {
    final Interview interview = new Interview(BUNDLED, Engine.DEFAULT_THRESHOLD);

    List<String> askedOfAUserWhoKnowsNothing(List<Fact> facts, int limit) { return DontKnowUser.asked(interview, facts, limit); }

    /** "the tunnel doesn't work", then "a cloudflare page that says Bad gateway, Error code 502". */
    static final List<Fact> TUNNEL_CLOUDFLARE_502 = List.of(read("tunnel.used", true), read("fault.reported", true),
            told("cloudflare.error", 502L), read("http.status", 502L), read("http.body", "Cloudflare: Bad gateway"));

    @Test
    void cloudflaresOwn502ThroughATunnelAsksWhereTheRouteGoes() {
        // before: cloudflared's log line, then the domain's port, the app's address and port, the protocol; never the route
        List<String> asked = askedOfAUserWhoKnowsNothing(TUNNEL_CLOUDFLARE_502, 2);
        assertTrue(asked.contains("tunnel.service"), asked.toString());
    }

    @Test
    void aLocalRouteAsksWhereCloudflaredRunsAndThatDecides() {
        List<Fact> facts = new ArrayList<>(TUNNEL_CLOUDFLARE_502);
        facts.add(told("tunnel.service", "http://localhost:3000"));
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(facts, Set.of("tunnel.origin_unreachable"), 3, 1));
        assertEquals("cloudflared.in_docker", ask.plan().question().key(), ask.plan().toString());
        facts.add(told("cloudflared.in_docker", true));
        Outcome o = BUNDLED.evaluate("t", facts, Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(Status.DIAGNOSED, o.status(), o.diagnoses().toString());
        assertEquals("tunnel-origin-unreachable", o.top().cause());
    }

}
