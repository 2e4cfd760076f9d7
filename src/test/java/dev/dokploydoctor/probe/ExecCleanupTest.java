package dev.dokploydoctor.probe;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16.4: a probe cut off by its timeout leaves no exec behind in dockerd. An exec that was
 * created and never started stays in the container's ExecIDs for as long as it lives (there is no
 * call to remove one); one that ran is gone once it exits. Probes run here with timeouts from 1 ms
 * up, so some are cut off between create and start, against the Traefik and the app container.
 */
class ExecCleanupTest {
    @Test void aProbeCutOffByItsTimeoutLeavesNoExecBehind() {
        try (TestHost h = TestHost.open()) {
            String app = "execs-" + h.run;
            h.dokployNetwork();
            String web = h.routedWeb(app);
            String traefik = h.container(TRAEFIK, on(DOKPLOY_NETWORK, "traefik"), "sleep", "600");
            h.awaitListening(web, 3000);
            assertEquals(List.of(), execIds(h, web));
            assertEquals(List.of(), execIds(h, traefik));

            ProbeTarget target = new ProbeTarget("web", app, null);
            int cutOff = 0;
            // a sweep of timeouts across the time the probes take, so some end between an exec's create and its start
            for (long ms = 1; ms <= 400; ms += 3) {
                ProbeReport r = Probes.run(target, Duration.ofMillis(ms), VOCABULARY, ProbeEnvironment.fromSystem());
                if (r.results().stream().anyMatch(x -> String.valueOf(x.reason()).contains("timed out"))) cutOff++;
            }
            assertTrue(cutOff > 0, "no probe was cut off by its timeout: the test did not test anything");
            // an exec that started ends within moments (getent, cat, wget to a closed port); one never started stays for good
            List<String> left = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                left = new ArrayList<>(execIds(h, web));
                left.addAll(execIds(h, traefik));
                if (left.isEmpty()) break;
                sleep(100);
            }
            assertEquals(List.of(), left, "execs left in dockerd after " + cutOff + " probes cut off by their timeout");
        }
    }

    private static List<String> execIds(TestHost h, String container) {
        String json = h.docker("inspect", container, "--format", "{{json .ExecIDs}}").strip();
        if (json.equals("null") || json.equals("[]")) return List.of();
        return List.of(json.replaceAll("[\\[\\]\"]", "").split(","));
    }
}
