package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 9, as a new user meets the program (a separate JVM, piped stdin): no "no problems found"
 * that was not earned, one plain line for what could not be checked, and the bare command.
 */
class FirstContactTest {
    private static final String ALL_CLEAR = "no problems found";
    /** Generous: on a loaded machine a cold JVM's first Docker call can take seconds; these tests are not about time. */
    private static final String SLOW_HOST = "120";

    /** Item 2: Docker cannot be reached; the reason shows without -v and the result is inconclusive. */
    @Test void deadDockerIsInconclusiveWithOnePlainLine() {
        Launch.Result r = Launch.run(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1"), "", "diagnose", "--no-questions", "--service", "web", "--probe-timeout", SLOW_HOST);
        assertEquals(4, r.exit(), r.all());
        assertFalse(r.all().contains(ALL_CLEAR), r.all());
        assertTrue(r.out().contains("Docker engine not reachable at tcp://127.0.0.1:1: connection refused"), r.all());
        assertEquals(1, r.out().split("Docker engine not reachable", -1).length - 1, "one line, not one per probe:\n" + r.out());
    }

    /**
     * Item 2: a socket the user may not open. As root (who may open any socket) the program runs as
     * nobody against a socket of mode 600 owned by root; otherwise against a socket of mode 000.
     */
    @Test void unreadableSocketSaysPermissionDeniedAndWhatToDo() throws IOException {
        Path scratch = Files.createTempDirectory(Path.of("/tmp"), "dd-nobody");
        Path sock = scratch.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + sock);
            Launch.Result r;
            if (Launch.isRoot()) {
                Files.setPosixFilePermissions(sock, PosixFilePermissions.fromString("rw-------"));
                r = Launch.asNobody(scratch, env, "diagnose", "--no-questions", "--service", "web", "--probe-timeout", SLOW_HOST);
            } else {
                Files.setPosixFilePermissions(sock, PosixFilePermissions.fromString("---------"));
                r = Launch.run(env, "", "diagnose", "--no-questions", "--service", "web", "--probe-timeout", SLOW_HOST);
            }
            assertEquals(4, r.exit(), r.all());
            assertFalse(r.all().contains(ALL_CLEAR), r.all());
            assertTrue(r.out().contains("Docker engine not reachable at unix://" + sock
                    + ": permission denied: run as root or add yourself to the docker group"), r.all());
        } finally {
            try (var walk = Files.walk(scratch)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Item 3: without --service or --url the app is not looked at, so there is no all-clear. */
    @Test void withoutAServiceTheAppWasNotChecked() {
        Launch.Result r = Launch.run(Map.of(), "", "diagnose", "--no-questions", "--probe-timeout", SLOW_HOST);
        assertEquals(4, r.exit(), r.all());
        assertFalse(r.all().contains(ALL_CLEAR), r.all());
        assertTrue(r.out().contains("the app was not checked (no --service or --url): add --service NAME"), r.all());
    }

    /** Item 3: --no-probe with nothing to go on checks nothing. */
    @Test void noProbeAndNoInputIsNotAnAllClear() {
        Launch.Result r = Launch.run(Map.of(), "", "diagnose", "--no-questions", "--no-probe");
        assertEquals(4, r.exit(), r.all());
        assertTrue(r.out().contains("nothing was checked"), r.all());
    }

    /** Item 4: text that matches nothing was not understood: inconclusive, and it says so. */
    @Test void batchTextThatMatchesNothingIsInconclusive() {
        String cases = "cases:\n- id: tls\n  text: \"curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL\"\n"
                + "- id: slow\n  text: site is kinda slow\n";
        Launch.Result r = Launch.run(Map.of(), cases, "batch", "-");
        assertEquals(4, r.exit(), r.all());
        assertFalse(r.out().contains(ALL_CLEAR), r.out());
        assertTrue(r.out().contains("did not recognise a symptom in \"site is kinda slow\""), r.out());
        assertTrue(r.out().contains("2 cases: 2 inconclusive"), r.out());
        Launch.Result json = Launch.run(Map.of(), cases, "batch", "-", "-f", "jsonl");
        assertTrue(json.out().lines().allMatch(l -> l.contains("\"status\":\"inconclusive\"") && l.contains("\"unchecked\":[\"did not recognise")), json.out());
    }

    /** Item 4: diagnose --text that matches nothing, with no probes, is not an all-clear either. */
    @Test void diagnoseTextThatMatchesNothingIsInconclusive() {
        Launch.Result r = Launch.run(Map.of(), "", "diagnose", "--no-questions", "--no-probe", "--text", "site is kinda slow");
        assertEquals(4, r.exit(), r.all());
        assertTrue(r.out().contains("did not recognise a symptom in \"site is kinda slow\""), r.out());
    }

    /** ...and text whose symptom was read says nothing of the kind. */
    @Test void diagnoseTextWithASymptomIsNotCalledUnrecognised() {
        Launch.Result r = Launch.run(Map.of(), "", "diagnose", "--no-questions", "--no-probe", "--text", "Bind for 0.0.0.0:5678 failed: port is already allocated");
        assertEquals(3, r.exit(), r.all());
        assertFalse(r.all().contains("did not recognise"), r.all());
        Launch.Result bare = Launch.run(Map.of(), "", "diagnose", "--no-questions", "--no-probe", "--text", "502 Bad Gateway");
        assertFalse(bare.all().contains("did not recognise"), bare.all());
    }

    /** Text that names only a host (no status, no error) still came from someone with a problem: no all-clear. */
    @Test void textWithoutASymptomIsNotAnAllClear() {
        String cases = "{\"id\":\"p1\",\"text\":\"I cannot open https://app.example.com since yesterday\"}\n";
        Launch.Result r = Launch.run(Map.of(), cases, "batch", "-");
        assertEquals(4, r.exit(), r.all());
        assertFalse(r.out().contains(ALL_CLEAR), r.out());
        assertTrue(r.out().contains("did not recognise a symptom in"), r.out());
        Launch.Result d = Launch.run(Map.of(), "", "diagnose", "--no-questions", "--no-probe", "--text",
                "I cannot open https://app.example.com since yesterday");
        assertEquals(4, d.exit(), d.all());
        assertFalse(d.out().contains(ALL_CLEAR), d.out());
    }

    /** An answers file that tells nothing (empty, or only "?") is no more than no file: no all-clear. */
    @Test void answersThatTellNothingAreNotAnAllClear(@TempDir Path dir) throws IOException {
        for (String content : new String[] {"", "http.status: \"?\"\n"}) {
            Path answers = Files.writeString(dir.resolve("answers.yaml"), content);
            Launch.Result r = Launch.run(Map.of(), "", "diagnose", "--no-questions", "--no-probe", "--answers", answers.toString());
            assertEquals(4, r.exit(), "answers '" + content + "': " + r.all());
            assertTrue(r.out().contains("nothing was checked"), r.all());
        }
    }

    /** Item 18: the bare command is diagnose and takes every one of its options. */
    @Test void bareCommandTakesDiagnoseOptions() {
        Launch.Result r = Launch.run(Map.of(), "", "--service", "web", "--project", "shop", "--no-probe", "--no-questions",
                "--text", "502 Bad Gateway");
        assertFalse(r.err().contains("Unknown option"), r.all());
        assertTrue(r.exit() == 3 || r.exit() == 4, r.all());
        Launch.Result help = Launch.run(Map.of(), "", "--help");
        assertEquals(0, help.exit(), help.all());
        assertTrue(help.out().contains("Usage: dokploy-doctor"), help.out());
    }

    /** Item 21: a Windows DOCKER_HOST on Linux is a plain line, not a native-library error. */
    @Test void namedPipeDockerHostIsAPlainLine() {
        Launch.Result r = Launch.run(Map.of("DOCKER_HOST", "npipe:////./pipe/docker_engine"), "", "diagnose", "--no-questions",
                "--service", "web", "-v", "--probe-timeout", SLOW_HOST);
        assertFalse(r.all().contains("kernel32"), r.all());
        assertFalse(r.all().contains("UnsatisfiedLinkError"), r.all());
        assertTrue(r.out().contains("npipe:////./pipe/docker_engine: a Windows named pipe"), r.all());
        assertEquals(4, r.exit(), r.all());
    }
}
