package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The distribution in a container with no other Java (docker import of the dist tree): every
 * command runs through bin/dokploy-doctor and the jlink runtime, and a probe run inside the
 * container, with the socket mounted read-only and on dokploy-network, finds a planted fault.
 */
@Tag("e2e")
class ContainerImageTest {
    static final String SOCKET = "/var/run/docker.sock:/var/run/docker.sock:ro";

    @RegisterExtension final TestHost h = TestHost.perTest();

    /** docker run --rm of the image, labelled so a killed run's container is cleaned up like the rest. */
    Dist.Run inImage(List<String> dockerOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of("run", "--rm", "--label", LABEL + "=" + h.run));
        cmd.addAll(dockerOptions);
        cmd.add(Dist.image());
        cmd.addAll(List.of(args));
        return Dist.docker(cmd.toArray(String[]::new));
    }

    @Test void everyCommandRunsWithTheJlinkRuntimeAlone() {
        Dist.Run version = inImage(List.of(), "--version");
        assertEquals(0, version.code(), version::toString);
        assertTrue(version.stdout().startsWith("dokploy-doctor "), version::toString);
        assertFalse(version.stderr().contains("preparing"), "the image's class-data archive should be made for /opt already:\n" + version);

        // the example cases shipped as files in the dist: some diagnosed, the lessons the field corpus has not yet
        // confirmed from text alone held for an answer (the calibration gate); the worst wins, so exit 4 = inconclusive
        Dist.Run batch = inImage(List.of(), "batch", "/opt/dokploy-doctor/share/dokploy-doctor/knowledge/examples/field-notes.yaml", "--format", "json");
        assertEquals(4, batch.code(), batch::toString);
        assertEquals("diagnosed", batch.json().path("cases").path(0).path("status").asText(), batch::toString);
        assertFalse(batch.stderr().contains("preparing"), "batch's own class-data archive should be made for /opt too:\n" + batch);
        assertTrue(batch.json().toString().contains("\"multi-container-isolation\""), batch::toString);

        Dist.Run explain = inImage(List.of(), "explain", "traefik-not-on-dokploy-network");
        assertEquals(0, explain.code(), explain::toString);
        assertTrue(explain.stdout().contains("docker network connect"), explain::toString);

        Dist.Run rules = inImage(List.of(), "rules", "test");
        assertEquals(0, rules.code(), rules::toString);
        assertTrue(rules.stdout().contains(" 0 failed"), rules::toString);

        // probe of the whole host through the mounted socket: Docker answers
        Dist.Run probe = inImage(List.of("-v", SOCKET), "probe", "--format", "json", "--probe-timeout", "20");
        assertEquals(4, probe.code(), "no --service: the app was not looked at, so no all-clear; " + probe);
        JsonNode docker = null;
        for (JsonNode p : probe.json().path("probes")) if (p.path("probe").asText().equals("docker")) docker = p;
        assertNotNull(docker, probe::toString);
        assertNotEquals("could-not-check", docker.path("state").asText(), probe::toString);
    }

    @Test void probeInsideTheImageFindsTraefikOffDokployNetwork() {
        h.dokployNetwork();
        // the Traefik stand-in on the default bridge only: the planted fault
        h.container(TRAEFIK, List.of(), "sh", "-c",
                "mkdir -p /etc/traefik && printf 'providers:\\n  docker:\\n    exposedByDefault: false\\n    network: dokploy-network\\n' > /etc/traefik/traefik.yml && exec sleep 3600");
        String web = h.routedWeb(h.app);
        h.awaitListening(web, 3000);

        List<String> opts = List.of("-v", SOCKET, "--network", DOKPLOY_NETWORK);
        Dist.Run probe = inImage(opts, "probe", "--service", "web", "--project", h.app, "--format", "json", "--probe-timeout", "20");
        assertEquals(3, probe.code(), "what the probes saw diagnoses the fault; " + probe);
        JsonNode json = probe.json();
        assertEquals("false", Dist.fact(json, "traefik.on_dokploy_network").asText(), probe::toString);
        assertEquals("[\"dokploy-network\"]", Dist.fact(json, "app.networks").toString(), probe::toString);
        // no host view from inside a container: said, not guessed
        assertTrue(Dist.observations(json, "tunnel").contains("could not check from inside a container"), probe::toString);

        Dist.Run diagnose = inImage(opts, "diagnose", "--service", "web", "--project", h.app, "--no-questions", "--format", "json", "--probe-timeout", "20");
        assertEquals(3, diagnose.code(), diagnose::toString);
        assertEquals("traefik-not-on-dokploy-network", diagnose.json().path("diagnoses").path(0).path("cause").asText(), diagnose::toString);
    }
}
