package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.knowledge.Vocabulary;
import dev.dokploydoctor.probe.ProbeEnvironment;
import dev.dokploydoctor.probe.ProbeTarget;
import dev.dokploydoctor.report.Style;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which facts the REPL's probe runs may still answer (the planner counts those as facts the user
 * need not tell): the facts of the probes that run for the target, until the run's report is taken.
 * Real probes, against a Docker socket that is not there and against the real dockerd.
 */
class ProbeRunnerTest {
    static final Vocabulary VOCABULARY = Knowledge.load(List.of(Layers.checkout(Program.projectDir()))).vocabulary();
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final ProbeEnvironment NO_DOCKER = ProbeEnvironment.from(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));

    @Test
    void withNoDockerEngineTheDockerFactsAreAnswerableOnlyUntilTheProbeReportsItCouldNotCheck() {
        ProbeIntake intake = new ProbeIntake();
        intake.add(ProbeRunner.start(ProbeTarget.NONE, TIMEOUT, VOCABULARY, NO_DOCKER));
        Set<String> pending = intake.stillAnswerable();
        assertTrue(pending.contains("containers.running"), pending.toString());
        assertFalse(pending.contains("http.status"), "no URL: the http probe does not run");
        assertFalse(pending.contains("deploy.status"), "no DokPloy API key: the DokPloy probe does not run");

        Session session = new Session("probe-runner-test");
        ProbeIntake.Intake in = intake.take(session, true, Style.PLAIN, false, VOCABULARY);
        assertTrue(in.lines().stream().anyMatch(l -> l.contains("No Docker engine to look at")), in.lines().toString());
        assertFalse(session.knows("containers.running"));
        assertEquals(Set.of(), intake.stillAnswerable(), "the probe could not check: no fact is left to it");
    }

    /**
     * user25: with no dockerd the Docker line came only after Ctrl-D. Once the run is in, the first prompt can say it
     * (once; the intake after the first answer does not repeat it) while its facts wait for what the user sees.
     */
    @Test
    void theDockerLineCanBeSaidBeforeAnythingIsTakenAndOnlyOnce() {
        ProbeIntake intake = new ProbeIntake();
        ProbeRunner runner = ProbeRunner.start(ProbeTarget.NONE, TIMEOUT, VOCABULARY, NO_DOCKER);
        intake.add(runner);
        assertEquals(List.of(), new ProbeIntake().earlyNotice(Style.PLAIN, () -> true), "no run: nothing to say");
        long until = System.currentTimeMillis() + TIMEOUT.toMillis();
        while (runner.peek() == null && System.currentTimeMillis() < until) Thread.onSpinWait();
        List<String> early = intake.earlyNotice(Style.PLAIN, () -> true);
        assertEquals(1, early.size(), early.toString());
        assertTrue(early.get(0).contains("No Docker engine to look at (Docker engine not reachable at unix:///nonexistent/docker.sock"), early.get(0));
        assertTrue(early.get(0).endsWith("): I will ask instead. 'example' tries a bundled case."), "the reason is not cut: " + early.get(0));
        assertFalse(runner.taken(), "nothing taken at the opening");
        assertEquals(List.of(), intake.earlyNotice(Style.PLAIN, () -> true), "said once");
        ProbeIntake.Intake in = intake.take(new Session("early"), true, Style.PLAIN, true, VOCABULARY);
        assertFalse(in.lines().stream().anyMatch(l -> l.contains("No Docker engine")), "not again after the first answer: " + in.lines());
    }

    /** A Docker engine too busy to answer within the probe timeout is there: said so, not "No Docker engine" (user25, load 30). */
    @Test
    void aDockerProbeOutOfTimeIsNotNoDockerEngine() {
        ProbeIntake intake = new ProbeIntake();
        intake.add(ProbeRunner.done(ProbeTarget.NONE, new dev.dokploydoctor.probe.ProbeReport(List.of(
                dev.dokploydoctor.probe.ProbeResult.couldNotCheck("docker", "timed out after 10 s (raise --probe-timeout)", 10_000)), 10_000)));
        List<String> lines = intake.take(new Session("busy"), true, Style.PLAIN, false, VOCABULARY).lines();
        assertEquals(List.of("  ! The Docker engine did not answer in time (timed out after 10 s (raise --probe-timeout)): I will ask instead."), lines);
    }

    @Test
    void aUrlAddsTheHttpFacts() {
        ProbeIntake intake = new ProbeIntake();
        // port 9 (discard) on the loopback: the GET fails at once; only the plan before the report matters here
        intake.add(ProbeRunner.start(new ProbeTarget(null, null, "http://127.0.0.1:9/"), TIMEOUT, VOCABULARY, NO_DOCKER));
        assertTrue(intake.stillAnswerable().contains("http.status"));
        intake.take(new Session("probe-runner-url"), true, Style.PLAIN, false, VOCABULARY);
        assertEquals(Set.of(), intake.stillAnswerable());
    }

    @Test
    void withTheDockerEngineUpItsFactsAreInTheSessionAndNothingIsLeftToTheProbes() {
        ProbeIntake intake = new ProbeIntake();
        intake.add(ProbeRunner.start(ProbeTarget.NONE, TIMEOUT, VOCABULARY, ProbeEnvironment.from(Map.of())));
        assertTrue(intake.stillAnswerable().contains("docker.api_version"));
        Session session = new Session("probe-runner-docker");
        intake.take(session, true, Style.PLAIN, false, VOCABULARY);
        assertTrue(session.knows("docker.api_version"), "the real dockerd answers its API version");
        assertEquals(Set.of(), intake.stillAnswerable());
    }
}
