package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.engine.DontKnowUser.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner asks what fits what the user said (issue 13, user24): a question that takes for granted a fact
 * nothing established and no question can (facts.yaml {@code asked_if} on traefik.used or dokploy.used, which are
 * read or implied, never asked) comes after every question that presumes nothing unknown; and "Is it Cloudflare's
 * own 413 page?" waits for a 413 (its status asked first).
 */
class PremiseFirstTest {
    private static final Engine engine = DontKnowUser.BUNDLED;

    @Test
    void cloudflaresOwn413PageIsAskedOnlyOfA413() {
        FactSpec spec = engine.knowledge().vocabulary().get("cloudflare.body_too_large");
        assertEquals(Set.of("http.status"), spec.askedIf().keySet());
        Planner planner = engine.planner(Engine.DEFAULT_THRESHOLD, Set.of());
        // uploads through a tunnel fail, no status yet: the status is asked before whose 413 page it is
        List<Fact> upload = List.of(read("fault.reported", true, 0), read("tunnel.used", true, 20), read("upload.fails_only_large", true, 40));
        try (Lookahead look = planner.look(upload, Set.of())) {
            assertEquals("http.status", look.presumedOpen("cloudflare.body_too_large"));
        }
        // a 502 told: the 413 page is no question; a 413 told: it is
        List<Fact> bad = List.of(read("fault.reported", true, 0), read("tunnel.used", true, 20), read("http.status", 502L, 40));
        try (Lookahead look = planner.look(bad, Set.of())) {
            assertTrue(look.presumptionFails("cloudflare.body_too_large"));
        }
        List<Fact> big = List.of(read("fault.reported", true, 0), read("tunnel.used", true, 20), read("http.status", 413L, 40));
        try (Lookahead look = planner.look(big, Set.of())) {
            assertFalse(look.presumptionFails("cloudflare.body_too_large"));
            assertEquals(null, look.presumedOpen("cloudflare.body_too_large"));
        }
    }
}
