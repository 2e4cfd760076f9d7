package dev.dokploydoctor.cli;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.report.Style;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** probe's exit code: 0 only when everything that applied was checked and nothing is left unexplained. */
class ProbeExitCodeTest {
    @Test void onlyAFullyCheckedHealthyHostExitsZero() {
        assertEquals(3, ProbeCommand.exitCode(Status.DIAGNOSED, true), "a fault seen wins over a gap");
        assertEquals(3, ProbeCommand.exitCode(Status.DIAGNOSED, false));
        assertEquals(4, ProbeCommand.exitCode(Status.INCONCLUSIVE, false), "a symptom nothing explains (a 502 at 0.30) is no all-clear");
        assertEquals(4, ProbeCommand.exitCode(Status.NO_FAULT, true), "something that applied could not be checked");
        assertEquals(0, ProbeCommand.exitCode(Status.NO_FAULT, false));
    }

    /** user15 uc18: exit 3 after two ✗ lines, and no line saying which cause they add up to. */
    @Test void anExit3NamesTheCauseAndWhereItsFixIs() {
        Engine engine = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));
        List<Fact> seen = List.of(new Fact("domain.port", 3000L, Fact.PROBE, "label"), new Fact("app.listen_port", 8080L, Fact.PROBE, "netstat"),
                new Fact("http.status", 502L, Fact.PROBE, "GET"));
        Outcome o = engine.evaluate("probe", seen, Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(Status.DIAGNOSED, o.status(), o.diagnoses().toString());
        String line = ProbeCommand.verdict(o, Style.PLAIN);
        assertTrue(line.contains("diagnosis: wrong-container-port") && line.contains("explain wrong-container-port"), line);
        Outcome healthy = engine.evaluate("probe", List.of(new Fact("containers.running", true, Fact.PROBE, "ps")), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals("", ProbeCommand.verdict(healthy, Style.PLAIN));
    }

    /** user24: "! app.listen_bound = 127.0.0.1" and exit 4, with no cause named and no next command. */
    @Test void anExit4NamesTheLeadingCandidateAndTheNextCommand() {
        Engine engine = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));
        List<Fact> seen = List.of(new Fact("app.listen_address", "127.0.0.1", Fact.PROBE, "ss"), new Fact("app.listen_bound", "127.0.0.1", Fact.PROBE, "ss"),
                new Fact("app.listen_port", 3000L, Fact.PROBE, "ss"), new Fact("domain.port", 3000L, Fact.PROBE, "label"));
        Outcome o = engine.evaluate("probe", seen, Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(4, ProbeCommand.exitCode(o.status(), false), o.diagnoses().toString());
        String said = ProbeCommand.verdict(o, Style.PLAIN, new dev.dokploydoctor.probe.ProbeTarget("web", null, null), false);
        assertTrue(said.contains("leading: app-listens-on-localhost") && said.contains("next: dokploy-doctor diagnose --service web"), said);
        // the look-alike: a healthy, fully checked host (exit 0) gets no such line
        Outcome healthy = engine.evaluate("probe", List.of(new Fact("containers.running", true, Fact.PROBE, "ps")), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals("", ProbeCommand.verdict(healthy, Style.PLAIN, new dev.dokploydoctor.probe.ProbeTarget("web", null, null), false));
        // a gap and no candidate: the next command alone
        assertTrue(ProbeCommand.verdict(healthy, Style.PLAIN, dev.dokploydoctor.probe.ProbeTarget.NONE, true).contains("next: dokploy-doctor diagnose ("));
    }
}
