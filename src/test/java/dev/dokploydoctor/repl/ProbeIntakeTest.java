package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.probe.ProbeReport;
import dev.dokploydoctor.probe.ProbeResult;
import dev.dokploydoctor.probe.ProbeTarget;
import dev.dokploydoctor.report.FactMarks;
import dev.dokploydoctor.report.Style;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the REPL says of the probes: a long reason shortened at a word's end. */
class ProbeIntakeTest {
    @Test
    void aLongReasonIsCutAtAWordsEnd() {   // user13: "(... no Docker socket there: is Doc...)"
        String reason = "Docker engine not reachable at unix:///nonexistent.sock: no Docker socket there: is Docker running on this host?";
        assertEquals("Docker engine not reachable at unix:///nonexistent.sock: no Docker socket there: is...", ProbeIntake.abbreviate(reason, 90));
        assertEquals("short", ProbeIntake.abbreviate("short", 90));
        // one long word has no end near: cut at the limit
        assertEquals("x".repeat(87) + "...", ProbeIntake.abbreviate("x".repeat(120), 90));
    }

    /** user24 s5: "upgraded docker to 29" read docker.api_version = 1.52; this host's 1.41 was dropped without a word. */
    @Test
    void aProbedValueThatDiffersFromTheTextIsSaidNotDropped() {
        Session s = new Session("t");
        s.add(Session.Kind.TEXT, "text", List.of(new Fact("docker.api_version", "1.52", Fact.TEXT, "docker 29")), "upgraded docker to 29", false);
        Fact probed = new Fact("docker.api_version", "1.41", Fact.PROBE, "GET /version");
        List<Fact> taken = s.add(Session.Kind.PROBE, "docker", List.of(probed), null, false);
        assertTrue(taken.isEmpty(), "the told value is kept");
        String said = ProbeIntake.differsFromTold(probed, taken, s);
        assertTrue(said != null && said.contains("this host shows docker.api_version = 1.41, not 1.52 as read from your text")
                && said.contains("'change docker.api_version'"), said);
        // the look-alikes: the same value, or a fact the probe was first to give, say nothing
        assertNull(ProbeIntake.differsFromTold(new Fact("docker.api_version", "1.52", Fact.PROBE, "GET /version"), List.of(), s));
        Fact fresh = new Fact("traefik.running", true, Fact.PROBE, "docker ps");
        assertNull(ProbeIntake.differsFromTold(fresh, s.add(Session.Kind.PROBE, "traefik", List.of(fresh), null, false), s));
    }

    /** user24 h2: "checked: traefik.docker_network_label = " with nothing after it, for a container with no such label. */
    @Test
    void anEmptyValueIsShownAsNone() {
        assertEquals("(none)", ProbeIntake.shown(new Fact("traefik.docker_network_label", "", Fact.PROBE, "no traefik.docker.network label")));
        assertEquals("dokploy-network", ProbeIntake.shown(new Fact("traefik.docker_network_label", "dokploy-network", Fact.PROBE, "label")));
    }

    /** What a host bound to the loopback shows the probes (BrokenHostScenariosTest's appListensOnLocalhost). */
    static List<String> checkedLines(String bound) {
        Engine engine = AnswerReadingTest.ENGINE;
        Session s = new Session("t");
        s.add(Session.Kind.OPENING, "what you see", List.of(new Fact("http.status", 502L, Fact.USER, "you said 502")), null, true);
        List<Fact> seen = List.of(new Fact("app.listen_address", bound, Fact.PROBE, "ss -ltn"),
                new Fact("app.listen_bound", bound, Fact.PROBE, "ss -ltn"),
                new Fact("app.listen_port", 3000L, Fact.PROBE, "ss -ltn"), new Fact("domain.port", 3000L, Fact.PROBE, "label"));
        ProbeIntake intake = new ProbeIntake();
        intake.add(ProbeRunner.done(new ProbeTarget("web", null, null),
                new ProbeReport(List.of(new ProbeResult("app", ProbeResult.State.OK, seen, List.of(), null, 5)), 5)));
        return intake.take(s, false, Style.PLAIN, false,
                x -> FactMarks.of(x.evaluate(engine, Engine.DEFAULT_THRESHOLD), engine.knowledge().vocabulary())).lines();
    }

    /** user24: "✓ checked: app.listen_bound = 127.0.0.1" on the host whose fault it was; probe marks it, so must the REPL. */
    @Test
    void aProbedFactThatSupportsTheFaultWearsProbesMarkNotATick() {
        String line = checkedLines("127.0.0.1").stream().filter(l -> l.contains("checked: app.listen_bound")).findFirst().orElseThrow();
        assertFalse(line.startsWith("  " + Style.PLAIN.ok()), line);
        assertTrue(line.startsWith("  " + Style.PLAIN.bad()) || line.startsWith("  " + Style.PLAIN.warn()), line);
        assertTrue(line.contains("supports app-listens-on-localhost"), line);
        // the look-alike: the app bound to every interface is fine, and ticked
        String fine = checkedLines("0.0.0.0").stream().filter(l -> l.contains("checked: app.listen_bound")).findFirst().orElseThrow();
        assertTrue(fine.startsWith("  " + Style.PLAIN.ok() + " checked: app.listen_bound = 0.0.0.0"), fine);
        assertFalse(fine.contains("supports"), fine);
    }

    /**
     * user25: "✓ checked: app.listen_address = 127.0.0.1" beside "✗ checked: app.listen_bound = 127.0.0.1": the same
     * thing (facts.yaml same_question_as) with the same value wears the same mark; bound to every interface, both are ticked.
     */
    @Test
    void theListenAddressWearsTheMarkOfTheSameBoundAddress() {
        String line = checkedLines("127.0.0.1").stream().filter(l -> l.contains("checked: app.listen_address")).findFirst().orElseThrow();
        assertTrue(line.startsWith("  " + Style.PLAIN.bad()) || line.startsWith("  " + Style.PLAIN.warn()), line);
        assertTrue(line.contains("supports app-listens-on-localhost"), line);
        String fine = checkedLines("0.0.0.0").stream().filter(l -> l.contains("checked: app.listen_address")).findFirst().orElseThrow();
        assertTrue(fine.startsWith("  " + Style.PLAIN.ok() + " checked: app.listen_address = 0.0.0.0"), fine);
        String port = checkedLines("127.0.0.1").stream().filter(l -> l.contains("checked: app.listen_port")).findFirst().orElseThrow();
        assertTrue(port.startsWith("  " + Style.PLAIN.ok()), "a fact of no related key keeps its tick: " + port);
    }
}
