package dev.dokploydoctor.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guided session ends "no fault" (exit 0) only when nothing that applied was left unchecked:
 * the answers say the site answers 200, but the probes could not reach a Docker engine (or had not
 * reported). diagnose --no-questions said inconclusive for this; the session used to say no-fault.
 */
class ReplNoAllClearTest {
    static Path answers(Path home) throws IOException {
        Path file = home.resolve("healthy.yaml");
        Files.writeString(file, "http.status: 200\n");
        return file;
    }

    @Test void aDeadDockerEngineIsNoAllClear(@TempDir Path home) throws IOException {
        Map<String, String> noDocker = Map.of("DOCKER_HOST", "unix://" + home.resolve("no-docker.sock"));
        try (PipedDriver s = PipedDriver.start(home, noDocker, List.of("diagnose", "--answers", answers(home).toString(), "--probe-timeout", "10"))) {
            s.line("quit");
            assertEquals(4, s.exitCode(), s.output());
            assertTrue(s.output().contains("bye (inconclusive)"), s.output());
            // what kept it from an all-clear is said: the Docker engine's line, the probes still running, or
            // (on a loaded machine) the probes out of time; which one depends on how fast they failed
            assertTrue(s.output().contains("! not checked: Docker engine not reachable at unix://")
                    || s.output().contains("! not checked: " + ProbeIntake.STILL_RUNNING)
                    || s.output().contains("timed out after 10 s (raise --probe-timeout)"), s.output());
            assertFalse(s.output().contains("no-fault"), s.output());
        }
    }

    /** Without probing, the same answers are all there is to check: "no fault" is earned. */
    @Test void withoutProbesTheAnswersAloneMayClear(@TempDir Path home) throws IOException {
        try (PipedDriver s = PipedDriver.start(home, Map.of(), List.of("diagnose", "--no-probe", "--answers", answers(home).toString()))) {
            s.line("quit");
            assertEquals(0, s.exitCode(), s.output());
            assertTrue(s.output().contains("bye (no-fault)"), s.output());
        }
    }

    /**
     * "everything works fine, no problem" with no probe run: nothing wrong by the user's account, and
     * nothing checked. No interview for a fault nobody reports, and no all-clear from words alone
     * (once exit 0 "bye (no-fault)"): inconclusive (exit 4), saying so and how to have it looked at.
     */
    @Test void allWellInWordsAloneIsNoAllClear(@TempDir Path home) {
        try (PipedDriver s = PipedDriver.start(home, Map.of(), List.of("diagnose", "--no-probe"))) {
            s.line("everything works fine, no problem");
            s.line("quit");
            assertEquals(4, s.exitCode(), s.output());
            assertTrue(s.output().contains("Nothing is wrong by your own account, but I checked nothing"), s.output());
            assertTrue(s.output().contains("! not checked: " + Conversation.NOTHING_CHECKED), s.output());
            assertTrue(s.output().contains("let the probes look: " + Conversation.LOOK), s.output());
            assertTrue(s.output().contains("bye (inconclusive)"), s.output());
            assertFalse(s.output().contains("fault.reported"), s.output());
            assertFalse(s.output().contains("? What HTTP status"), "no question for a fault nobody reports: " + s.output());
        }
    }

    /** The same words with probes that could not look (no Docker engine): the probes' gaps are said, exit 4. */
    @Test void allWellWithProbesThatCouldNotLookIsNoAllClear(@TempDir Path home) {
        Map<String, String> noDocker = Map.of("DOCKER_HOST", "unix://" + home.resolve("no-docker.sock"));
        try (PipedDriver s = PipedDriver.start(home, noDocker, List.of("diagnose", "--probe-timeout", "10"))) {
            s.line("everything works fine, no problem");
            s.line("quit");
            assertEquals(4, s.exitCode(), s.output());
            assertTrue(s.output().contains("Nothing is wrong by your own account"), s.output());
            assertTrue(s.output().contains("! not checked: " + Conversation.NOTHING_LOOKED), s.output());
            // the user passed no --no-probe: the advice is where to run it, not to drop a flag they never gave
            assertTrue(s.output().contains("let the probes look: " + Conversation.LOOK_AGAIN), s.output());
            assertFalse(s.output().contains("without --no-probe"), s.output());
            assertFalse(s.output().contains("no-fault"), s.output());
        }
    }
}
