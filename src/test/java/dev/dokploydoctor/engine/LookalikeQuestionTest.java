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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The look-alike check before a diagnosis asks nothing whose overturning answer contradicts what the
 * user already reported (user10, finding 8a: "does the browser say the page redirected you too many
 * times?" right after a 502). On the checkout's rules: a tunnel whose origin cloudflared cannot
 * reach, a 502, read from the text (before, at 0.80 the check asked about a redirect loop).
 */
class LookalikeQuestionTest {
    private static Engine engine;

    // the look-alike check alone: tunnel-origin-unreachable is on probation, and the calibration gate would hold its text-alone diagnosis
    @BeforeAll static void load() { engine = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of(""))))).ungated(); }

    private static Fact stated(String key, Object value) { return new Fact(key, value, Fact.USER, "test"); }

    /** A fact read from one span of the report's text, as the extraction gives it. */
    private static Fact read(String key, Object value, int at) {
        return new Fact(key, value, Fact.TEXT, "test", "text#1f3a@" + at + "-" + (at + 10));
    }

    private static final List<Fact> TUNNEL_502 = List.of(read("http.status", 502L, 0), read("tunnel.used", true, 20),
            read("tunnel.origin_unreachable", true, 90));

    @Test
    void aRedirectLoopContradictsAReported502ButNotAnUnknownStatus() {
        Planner planner = engine.planner(Engine.DEFAULT_THRESHOLD, Set.of());
        try (Lookahead look = planner.look(TUNNEL_502, Set.of())) {
            assertTrue(look.contradicts("http.redirect_loop", true));
            assertFalse(look.contradicts("http.redirect_loop", false));
        }
        try (Lookahead look = planner.look(List.of(stated("tunnel.used", true)), Set.of())) {
            assertFalse(look.contradicts("http.redirect_loop", true));
        }
    }

    @Test
    void afterA502TheLookalikeCheckDoesNotAskAboutARedirectLoop() {
        Interview interview = new Interview(engine, Engine.DEFAULT_THRESHOLD);
        Interview.Step step = interview.next(TUNNEL_502, Set.of(), 0);
        assertEquals("tunnel-origin-unreachable", step.outcome().top().cause(), "precondition: " + step.outcome().diagnoses());
        assertEquals(Status.DIAGNOSED, step.outcome().status());
        if (step instanceof Interview.Ask ask) {
            assertNotEquals("http.redirect_loop", ask.plan().question().key(), ask.plan().reason());
        } else {
            assertInstanceOf(Interview.Conclude.class, step);
        }
        // without the 502 (nor anything else giving the symptom) a redirect loop is still a look-alike to ask about
        List<Fact> noStatus = List.of(read("tunnel.used", true, 20), stated("tunnel.origin_unreachable", false));
        try (Lookahead look = engine.planner().look(noStatus, Set.of())) {
            assertFalse(look.contradicts("http.redirect_loop", true));
        }
    }
}
