package dev.dokploydoctor.repl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 16.3 end to end on the real dockerd: secrets planted in a container's health-check output,
 * its web page (title and body), its labels and env, in a symptom file and in what the user pastes
 * and answers in the REPL. Every output (probe text and JSON, batch text/JSON/Markdown, the REPL's
 * screen, its saved case and report) is searched for them: none may appear, and the saved files
 * are the user's alone (mode 600).
 */
class PlantedSecretsTest {
    static final String IMAGE = "dokploy-doctor/busybox:test";
    /** Not TestHost's label: its leftover sweep (other test JVMs on this dockerd) would remove this container mid-test. */
    static final String LABEL = "dev.dokploydoctor.secrets-test";
    /** Every planted secret carries this marker; finding it anywhere is a leak. */
    static final String MARK = "Pl4nt";

    static final String HEALTH = "DB_PASSWORD=" + MARK + "h1; password " + MARK + "h2!; Authorization: Bearer " + MARK + "h3"
            + "; admin:$apr1$" + MARK + "h4$IgXLP6ewTrSuBkTrqE8wj/ eab hmacEncoded: " + MARK + "h5";
    static final String PAGE = "<html><head><title>login: password " + MARK + "t1!</title></head><body>"
            + "postgres://u:" + MARK + "b1@db/x token=" + MARK + "b2 $2y$05$" + MARK + "b3WlRCv1jLcgY0tO9Z4C8zOJ2xwYWeSBcm6.IWzPzIQ7B1</body></html>";
    static final String PASTE = "Bad Gateway; logs: getaddrinfo EAI_AGAIN postgres; DATABASE_URL=postgres://app:" + MARK
            + "p1@postgres/app Authorization: Bearer " + MARK + "p2 TUNNEL_TOKEN=eyJhIjoi" + MARK + "p3MTIzNDU2Nzg5MGFiY2RlZiIsInQiOiJ4In0=";

    String run;
    String name;
    int port;

    @BeforeEach void container() throws Exception {
        Result v = exec(List.of("docker", "image", "inspect", IMAGE));
        if ("1".equals(System.getenv("DOKPLOY_DOCTOR_REQUIRE_DOCKER"))) assertEquals(0, v.code, v.out);
        assumeTrue(v.code == 0, "no Docker engine with " + IMAGE);
        run = "dd" + UUID.randomUUID().toString().substring(0, 6);
        name = run + "-secrets-web";
        Result r = exec(List.of("docker", "run", "-d", "--name", name, "--label", LABEL + "=" + run,
                "--label", "traefik.enable=true", "--label", "traefik.http.routers." + run + ".rule=Host(`" + run + ".example.test`)",
                "--label", "traefik.http.middlewares.auth.basicauth.users=admin:$apr1$" + MARK + "l1$IgXLP6ewTrSuBkTrqE8wj/",
                "-e", "TUNNEL_TOKEN=eyJhIjoi" + MARK + "e1MTIzNDU2Nzg5MGFiY2RlZiIsInQiOiJ4In0=", "-e", "PAGE=" + PAGE, "-e", "HEALTH=" + HEALTH,
                "--health-cmd", "echo \"$HEALTH\"; exit 1", "--health-interval", "1s", "--health-retries", "1",
                "-p", "127.0.0.1::8080", IMAGE, "sh", "-c", "mkdir -p /www && printf '%s' \"$PAGE\" > /www/index.html && exec httpd -f -p 8080 -h /www"));
        assertEquals(0, r.code, r.out);
        port = Integer.parseInt(exec(List.of("docker", "port", name, "8080/tcp")).out.strip().replaceAll(".*:", ""));
        for (int i = 0; i < 120; i++) {   // the health check has run and failed once
            if (exec(List.of("docker", "inspect", "-f", "{{.State.Health.Status}}", name)).out.strip().equals("unhealthy")) break;
            Thread.sleep(250);
        }
    }

    @AfterEach void remove() throws Exception {
        if (name != null) exec(List.of("docker", "rm", "-f", name));
    }

    @Test void noPlantedSecretReachesAnyOutputOrFile(@TempDir Path home) throws Exception {
        String url = "http://127.0.0.1:" + port + "/";
        List<String> leaks = new ArrayList<>();

        // probe: the checklist (verbose, with evidence) and JSON
        for (List<String> args : List.of(List.of("probe", "--service", name, "--url", url, "--probe-timeout", "60", "-v"),
                List.of("probe", "--service", name, "--url", url, "--probe-timeout", "60", "--format", "json", "-v"))) {
            Result r = program(home, args);
            assertTrue(r.out.contains("container.health"), "the probe saw the container: " + r.out);
            assertTrue(r.out.contains("http.body") || r.out.contains("http.status"), "the probe fetched the page: " + r.out);
            leaks(leaks, String.join(" ", args), r.out);
        }

        // batch: a symptom file with the same secrets, every format, verbose (facts and evidence)
        Path cases = home.resolve("cases.yaml");
        Files.writeString(cases, "cases:\n  - id: s1\n    text: \"" + PASTE.replace("\"", "\\\"") + "\"\n"
                + "    facts: { service.kind: compose, service.has_dependencies: true, logs: \"" + HEALTH.replace("\"", "\\\"") + "\" }\n"
                + "  - id: s2\n    text: \"" + PAGE.replace("\"", "\\\"") + "\"\n"
                + "  - id: bad\n    facts: { http.status: \"DB_PASSWORD=" + MARK + "x1\" }\n", StandardCharsets.UTF_8);
        for (String format : List.of("text", "json", "jsonl", "markdown")) {
            Result r = program(home, List.of("batch", cases.toString(), "--format", format, "-v"));
            assertTrue(r.out.contains("s1") && r.out.contains("s2"), format + ": " + r.out);
            leaks(leaks, "batch " + format, r.out);
        }

        // the REPL with probes: paste, answer with a secret, save and report
        Path caseFile = home.resolve("saved/session.yaml");
        Path report = home.resolve("saved/report.md");
        Files.createDirectories(caseFile.getParent());   // save and report make no folders (issue 9.20)
        try (PipedDriver s = PipedDriver.start(home, Map.of(), List.of("diagnose", "--service", name, "--url", url, "--probe-timeout", "60", "-v"))) {
            s.line(PASTE);
            s.line("save " + caseFile);
            s.waitFor("saved the session", 0);
            s.line("report " + report);
            s.waitFor("wrote the report", 0);
            s.line("report");
            s.line("quit");
            s.exitCode();
            leaks(leaks, "REPL screen", s.output() + s.result());
        }
        for (Path f : List.of(caseFile, report)) {
            leaks(leaks, f.getFileName().toString(), Files.readString(f));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f + " is private");
        }
        assertTrue(Files.readString(caseFile).contains("EAI_AGAIN"), "the saved case keeps the pasted text, minus its secrets");
        assertEquals(List.of(), leaks);
    }

    static void leaks(List<String> leaks, String where, String text) {
        int i = text.indexOf(MARK);
        while (i >= 0) {
            int from = Math.max(0, i - 60);
            leaks.add(where + ": ..." + text.substring(from, Math.min(text.length(), i + 20)).replace("\n", "\\n"));
            i = text.indexOf(MARK, i + 1);
        }
    }

    record Result(int code, String out) {}

    static Result program(Path home, List<String> args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Program.command(args)).directory(Program.projectDir().toFile()).redirectErrorStream(true);
        pb.environment().putAll(Program.environment(home));
        return finish(pb.start());
    }

    static Result exec(List<String> cmd) throws IOException, InterruptedException {
        return finish(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    private static Result finish(Process p) throws IOException, InterruptedException {
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
