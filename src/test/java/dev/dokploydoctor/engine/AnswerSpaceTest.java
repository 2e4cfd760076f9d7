package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answers the planner simulates, read from the bundled rules' conditions. */
class AnswerSpaceTest {
    static final Knowledge KNOWLEDGE = Knowledge.load(List.of(Layers.checkout(Path.of(""))));

    @Test
    void aPatternGivesTheShortestStringItAccepts() {
        assertEquals("https://localhost", PatternExample.of("https://(localhost|127\\.0\\.0\\.1|traefik)(:443)?/?"));
        assertEquals("https://", PatternExample.of("https://.*"));
        assertEquals("no available server", PatternExample.of(".*no available server.*"));
        assertEquals("http://localhost", PatternExample.of("https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?/?"));
        assertEquals(".", PatternExample.of(".*\\..*"), "a dotted name");
        assertNull(PatternExample.of("(?<=a)b"), "a look-behind is not walked, it is skipped");
    }

    @Test
    void aTunnelOriginTestedWithAPatternIsAnAnswerTheRulesTellApart() {
        AnswerSpace space = AnswerSpace.of(KNOWLEDGE);
        List<Object> values = space.values(KNOWLEDGE.vocabulary().get("tunnel.service"));
        assertTrue(values.contains("https://localhost"), "Traefik's websecure port behind the tunnel: " + values);
        assertTrue(values.contains("http://"), "a plain http origin: " + values);
        assertTrue(values.contains(AnswerSpace.OTHER_TEXT), values.toString());
    }

    @Test
    void aRuleJudgesTheCauseItsNameStartsWith() {
        AnswerSpace space = AnswerSpace.of(KNOWLEDGE);
        // "dependency-not-running: ..." tests the refusal inside an exists (... or ...) and calls support(drools, cf)
        assertTrue(space.causesOf("upstream.connection_refused").contains("dependency-not-running"),
                space.causesOf("upstream.connection_refused").toString());
        assertTrue(space.causesOf("tunnel.service").contains("tunnel-to-websecure-without-cert"));
        assertTrue(space.causes().stream().noneMatch(c -> c.startsWith("derived")), space.causes().toString());
    }

    @Test
    void whatARuleRequiresAbsentIsWhatTellsTheCauseFromALookAlike() {
        AnswerSpace space = AnswerSpace.of(KNOWLEDGE);
        // "cloudflared cannot reach the origin" holds unless the handshake failed: that separates an unreachable origin from a TLS one
        assertTrue(space.guardsOf("tunnel-origin-unreachable").contains("tunnel.origin_tls_error"),
                space.guardsOf("tunnel-origin-unreachable").toString());
    }
}
