package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The distribution's launcher on the real dockerd, DokPloy's shape of the redirect loop behind a
 * tunnel: a shell-less cloudflared routes the app's host to http://dokploy-traefik:80, whose web
 * entrypoint answers with a 308 to https. `probe` reports origin.redirects_to_https from what
 * Traefik answered; `diagnose` with the user's loop and HTTPS switch then diagnoses the cause that
 * was only leading without it, and the same host whose Traefik answers 200 rules it out.
 */
@Tag("e2e")
class OriginRedirectDistTest {
    static final String CAUSE = "https-redirect-loop-behind-tunnel";

    @RegisterExtension final TestHost h = TestHost.perTest();

    @BeforeEach void routedApp() { h.routedApp(); }

    Dist.Run doctor(String... args) {
        List<String> cmd = Dist.command(args);
        cmd.addAll(List.of("--service", "web", "--project", h.app, "--format", "json", "--probe-timeout", "30"));
        return Dist.run(cmd, Map.of(), 180);
    }

    @Test void theProbedRedirectDecidesTheLoop(@TempDir Path tmp) throws IOException {
        Path loop = tmp.resolve("loop.yaml");
        Files.writeString(loop, "http.redirect_loop: true\ndomain.https: true\n");   // what the user sees and set

        OriginRedirectTest.traefik(h, true);
        OriginRedirectTest.cloudflared(h, "http://dokploy-traefik:80", false);
        Dist.Run probe = doctor("probe");
        JsonNode facts = probe.json().path("facts");
        assertTrue(facts.path("origin.redirects_to_https").asBoolean(false), probe::toString);
        assertTrue(probe.stdout().contains("sent from inside " + TRAEFIK + " (the origin itself, 127.0.0.1:80)"), probe::toString);
        assertTrue(probe.stdout().contains("308 Permanent Redirect, Location: https://" + h.domain + "/"), probe::toString);

        Dist.Run diagnosed = doctor("diagnose", "--no-questions", "--answers", loop.toString());
        assertEquals(3, diagnosed.code(), diagnosed::toString);
        assertEquals(CAUSE, diagnosed.json().path("diagnoses").path(0).path("cause").asText(), diagnosed::toString);

        h.docker("rm", "-f", TRAEFIK);
        OriginRedirectTest.traefik(h, false);
        Dist.Run answered = doctor("probe");
        assertFalse(answered.json().path("facts").path("origin.redirects_to_https").asBoolean(true), answered::toString);
        Dist.Run ruledOut = doctor("diagnose", "--no-questions", "--answers", loop.toString());
        assertNotEquals(3, ruledOut.code(), "Traefik does not redirect the tunnel's hop: not this loop\n" + ruledOut);
        for (JsonNode d : ruledOut.json().path("diagnoses")) {
            if (d.path("cause").asText().equals(CAUSE)) assertTrue(d.path("certainty").asDouble() < 0.2, ruledOut::toString);
        }
    }
}
