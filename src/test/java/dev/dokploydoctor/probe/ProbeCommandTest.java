package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dokploydoctor.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/** `dokploy-doctor probe` end to end: options, the checklist text, the JSON, against the real dockerd. */
class ProbeCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test void usageErrorsExitTwo() {
        Run r = run("probe", "--project", "shop");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: --project needs --service"), r.err());
        Run t = run("probe", "--probe-timeout", "0");
        assertEquals(2, t.code());
        assertTrue(t.err().contains("--probe-timeout must be between"), t.err());
        Run f = run("probe", "--format", "yaml");
        assertEquals(2, f.code());
    }

    @Test void checklistAndJsonForAComposeService() throws Exception {
        try (TestHost h = TestHost.open()) {
            String app = h.app;
            String web = h.isolatedApp(app, "db");

            Run text = run("probe", "--service", "web", "--project", app);
            // the isolated app is diagnosed from what the probes saw: 3, like diagnose
            assertEquals(3, text.code(), text.err());
            assertFalse(text.out().contains("\u001b["), "plain text when not a terminal");
            assertTrue(text.out().contains("app.dns_failure = true"), text.out());
            assertTrue(text.out().contains("app.networks = [dokploy-network]"), text.out());
            assertTrue(text.out().contains("could not check: no container named dokploy-traefik"), text.out());
            assertTrue(text.out().contains("skipped: no --url given"), text.out());
            assertFalse(text.out().contains("docker exec"), "evidence only with -v");

            Run verbose = run("probe", "--service", "web", "--project", app, "-v");
            assertTrue(verbose.out().contains("$ docker exec " + web + " nslookup db"), verbose.out());

            Run json = run("probe", "--service", "web", "--project", app, "--format", "json");
            assertEquals(3, json.code(), json.err());
            JsonNode root = new ObjectMapper().readTree(json.out());
            assertEquals(app, root.path("target").path("project").asText());
            assertEquals(List.of("docker", "dns", "http", "traefik", "tunnel", "compose", "dokploy"),
                    root.path("probes").findValuesAsText("probe"));
            assertTrue(root.path("facts").path("app.dns_failure").asBoolean());
            assertEquals("db", root.path("facts").path("dependency.name").asText());
            assertEquals(3000, root.path("facts").path("domain.port").asInt());
            JsonNode traefik = root.path("probes").get(3);
            assertEquals("could-not-check", traefik.path("state").asText());
            assertFalse(root.path("probes").get(0).path("facts").get(0).path("evidence").asText().isBlank());
        }
    }

    @Test void aHostThatCouldNotBeLookedAtIsNotHealthy() {
        Run r = run("probe", "-H", "unix:///nonexistent/docker.sock", "--probe-timeout", "5");
        assertTrue(r.out().contains("could not check"), r.out());
        assertEquals(4, r.code(), r.out() + r.err());
    }

    /** Issue 9 item 7: facts that make a diagnosed cause are marked like symptoms, so broken and fixed differ at a glance. */
    @Test void factsBehindADiagnosisAreMarkedAsFaults() {
        dev.dokploydoctor.report.Style style = dev.dokploydoctor.report.Style.detect();
        try (TestHost h = TestHost.open()) {
            String app = h.app;
            String web = h.isolatedApp(app, "db");

            Run broken = run("probe", "--service", "web", "--project", app, "--probe-timeout", "120");
            assertTrue(broken.out().contains(style.bad() + " dependency.shares_network = false"), broken.out());
            assertTrue(broken.out().contains(style.bad() + " app.dns_failure = true"), broken.out());

            h.docker("network", "connect", "--alias", "web", app + "_default", web);   // the dual-network fix
            Run fixed = run("probe", "--service", "web", "--project", app, "--probe-timeout", "120");
            assertTrue(fixed.out().contains(style.ok() + " dependency.shares_network = true"), fixed.out());
            assertFalse(fixed.out().contains(style.bad() + " "), "nothing marked as a fault once fixed:\n" + fixed.out());
            // fixed, but this host has no dokploy-traefik to look at: not an all-clear
            assertTrue(fixed.out().contains("could not check: no container named dokploy-traefik"), fixed.out());
            assertEquals(4, fixed.code(), fixed.err());
        }
    }
}
