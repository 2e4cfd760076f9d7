package dev.dokploydoctor.probe;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Fact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 9 item 14: whether the app and its dependency share a network is decided from docker
 * inspect (network membership); the DNS lookup is extra evidence, so the diagnosis stands when
 * the lookup gives no answer (EAI_AGAIN is itself a resolver time-out).
 */
class SharedNetworkTest {
    @Test void isolationIsDiagnosedFromNetworkMembershipWithoutALookup() {
        try (TestHost h = TestHost.open()) {
            String app = h.app;
            String web = h.isolatedApp(app, "postgres");

            ProbeReport r = h.probe(new ProbeTarget("web", app, null));
            List<Fact> withoutLookup = r.facts().stream().filter(f -> !f.getKey().equals("app.dns_failure")).toList();
            Outcome o = ENGINE.evaluate("inspect only", withoutLookup, Set.of(), Engine.DEFAULT_THRESHOLD);
            assertEquals(Status.DIAGNOSED, o.status(), describe(o) + "\n" + Reports.dump(r));
            assertEquals("multi-container-isolation", o.top().cause(), describe(o));

            h.docker("network", "connect", "--alias", "web", app + "_default", web);   // the dual-network fix
            ProbeReport fixed = h.probe(new ProbeTarget("web", app, null));
            List<Fact> fixedFacts = fixed.facts().stream().filter(f -> !f.getKey().equals("app.dns_failure")).toList();
            Outcome after = ENGINE.evaluate("inspect only, fixed", fixedFacts, Set.of(), Engine.DEFAULT_THRESHOLD);
            assertNotEquals(Status.DIAGNOSED, after.status(), describe(after));
        }
    }
}
