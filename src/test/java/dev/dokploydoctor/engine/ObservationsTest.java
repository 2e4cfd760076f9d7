package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence rests on observations: facts read from one match, and what a fact implies, are one. */
class ObservationsTest {
    static Engine engine;

    @BeforeAll
    static void load() { engine = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of(""))))); }

    @Test
    void theFactsOfOneMatchShareAnOriginAndOtherMatchesDoNot() {
        List<Fact> facts = engine.extraction().extract("INF Tunnel server stopped\n502 Bad Gateway");
        Fact connected = find(facts, "tunnel.connected");
        Fact running = find(facts, "cloudflared.running");
        assertEquals(connected.getOrigin(), running.getOrigin());
        assertTrue(connected.getOrigin().matches("text#[0-9a-f]+@\\d+-\\d+"), connected.getOrigin());
        assertNotEquals(connected.getOrigin(), find(facts, "http.status").getOrigin());
        // the same words in a text typed at another prompt are another observation
        Fact later = find(engine.extraction().extract("INF Tunnel server stopped"), "tunnel.connected");
        assertTrue(connected.getOrigin().endsWith(later.getOrigin().substring(later.getOrigin().indexOf('@'))), later.getOrigin());
        assertNotEquals(connected.getOrigin(), later.getOrigin());
        // a stated fact is its own observation
        assertEquals("user:http.status", new Fact("http.status", 502L, Fact.USER, "test").getOrigin());
    }

    @Test
    void anImpliedFactIsTheObservationItFollowsFrom() {
        List<Fact> facts = engine.extraction().extract("getaddrinfo EAI_AGAIN postgres");
        Outcome o = engine.evaluate("t", facts, Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(o.fact("dependency.name").getOrigin(), o.fact("service.has_dependencies").getOrigin());
    }

    @Test
    void oneStoppedTunnelLineReadByTwoRulesLeadsWithoutDiagnosing(@TempDir Path dir) throws java.io.IOException {
        // two rules of tunnel-not-connected read it (0.45 and 0.55): one observation, the strongest counts
        Engine engine = NotConnectedFixture.load(Path.of(""), dir);
        Outcome o = engine.evaluate("t", engine.extraction().extract("INF Tunnel server stopped"), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals("tunnel-not-connected", o.diagnoses().get(0).cause());
        assertEquals(Status.INCONCLUSIVE, o.status());
        long rules = o.evidence().stream().filter(e -> e.getCause().equals("tunnel-not-connected") && e.getCf() > 0).count();
        assertTrue(rules >= 2, "two rules read the line: " + o.evidence());
        assertEquals(0.55, o.diagnoses().get(0).certainty(), 1e-9);
        for (Evidence e : o.evidence()) if (e.getCause().equals("tunnel-not-connected")) assertEquals(1, e.getObservations().size(), e.toString());
        // -v says which rule was not counted: the weaker one
        List<String> lines = dev.dokploydoctor.report.CaseView.evidence(o.diagnoses().get(0).evidence());
        assertEquals(1, lines.stream().filter(l -> l.endsWith(dev.dokploydoctor.report.CaseView.NOT_COUNTED)).count(), lines.toString());
        assertTrue(lines.stream().filter(l -> l.startsWith("+0.45")).allMatch(l -> l.endsWith(dev.dokploydoctor.report.CaseView.NOT_COUNTED)), lines.toString());
    }

    @Test
    void aRuleRestsOnTheFactsItTestsInExistsToo() {
        // "404 or no available server while unhealthy" binds the health and tests the status inside exists(...)
        Outcome o = engine.evaluate("t", List.of(new Fact("container.health", "unhealthy", Fact.USER, "t"), new Fact("http.status", 404L, Fact.USER, "t")),
                Set.of(), Engine.DEFAULT_THRESHOLD);
        Evidence e = o.evidence().stream().filter(x -> x.getRule().equals("container-unhealthy: 404 or no available server while unhealthy")).findFirst().orElseThrow();
        assertEquals(Set.of("user:container.health", "user:http.status"), e.getObservations());
        assertEquals(Status.DIAGNOSED, o.status());
    }

    private static Fact find(List<Fact> facts, String key) {
        return facts.stream().filter(f -> f.getKey().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " not in " + facts));
    }
}
