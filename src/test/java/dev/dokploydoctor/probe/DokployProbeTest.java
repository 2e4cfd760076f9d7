package dev.dokploydoctor.probe;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.dokploydoctor.probe.Reports.*;
import static org.junit.jupiter.api.Assertions.*;

/** The dokploy probe against a local stub of DokPloy's API (the only honest way to test it here). */
class DokployProbeTest {
    static final String APP = "shop-a1b2c3";
    static final String HOST = "shop.example.test";

    ProbeReport probe(ProbeEnvironment env) {
        ProbeReport r = Probes.run(new ProbeTarget("web", APP, null), Duration.ofSeconds(3), TestHost.VOCABULARY, env);
        assertDeclared(r);
        return r;
    }

    @Test void readsDomainDeployAndRole() throws Exception {
        try (DokployStub stub = new DokployStub(APP, HOST, 3000, "application")) {
            ProbeReport r = probe(HttpProbeTest.NO_DOCKER.withDokploy(stub.url(), DokployStub.KEY));
            TestHost.record("dokploy API stub", r);
            assertEquals(ProbeResult.State.OK, result(r, "dokploy").state(), dump(r));
            assertFact(r, "user.role", "admin");
            assertEvidence(r, "user.role", "canCreateProjects=false");
            assertFact(r, "service.kind", "compose");
            assertFact(r, "deploy.status", "error");
            assertFact(r, "deploy.error", "Domain \"" + HOST + "\" is attached to service \"web\" which does not exist in the compose");
            assertFact(r, "domain.type", "application");
            assertFact(r, "domain.service_name", "web");
            assertFact(r, "domain.https", true);
            assertFact(r, "domain.certificate", "letsencrypt");
            assertFact(r, "domain.port", 3000L);
            assertTrue(stub.requests.contains("GET /api/compose.one?composeId=cmp1"), stub.requests.toString());
            assertTrue(stub.requests.stream().allMatch(q -> q.startsWith("GET ")), "read-only: " + stub.requests);
            assertFalse(dump(r).contains(DokployStub.KEY), "the API key must never be shown");
        }
    }

    @Test void aRefusedKeyIsCouldNotCheck() throws Exception {
        try (DokployStub stub = new DokployStub(APP, HOST, 3000, "application")) {
            ProbeReport r = probe(HttpProbeTest.NO_DOCKER.withDokploy(stub.url(), "wrong-key-123456"));
            ProbeResult d = result(r, "dokploy");
            assertEquals(ProbeResult.State.COULD_NOT_CHECK, d.state());
            assertTrue(d.reason().contains("refused the key for user.get (401"), d.reason());
        }
    }

    /** Half of the pair is a setup to finish: said, and no all-clear (it used to be skipped as if DokPloy were not asked for). */
    @Test void halfConfiguredIsCouldNotCheckWithWhatToDo() {
        ProbeReport noKey = probe(HttpProbeTest.NO_DOCKER.withDokploy("http://127.0.0.1:9", null));
        assertEquals(ProbeResult.State.COULD_NOT_CHECK, result(noKey, "dokploy").state(), dump(noKey));
        assertTrue(noKey.gaps().stream().anyMatch(g -> g.contains("DOKPLOY_URL is set but DOKPLOY_API_KEY is not")), noKey.gaps()::toString);
        ProbeReport noUrl = probe(HttpProbeTest.NO_DOCKER.withDokploy(null, "some-key-123456"));
        assertTrue(result(noUrl, "dokploy").reason().contains("DOKPLOY_API_KEY is set but DOKPLOY_URL is not"), dump(noUrl));
        assertFalse(dump(noUrl).contains("some-key-123456"), "the key is never shown");
    }

    @Test void anUnreachableApiSaysConnectionRefused() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();   // closed again: nothing listens there now
        }
        ProbeReport r = probe(HttpProbeTest.NO_DOCKER.withDokploy("http://127.0.0.1:" + port, "some-key-123456"));
        ProbeResult d = result(r, "dokploy");
        assertEquals(ProbeResult.State.COULD_NOT_CHECK, d.state());
        assertEquals("DokPloy API at http://127.0.0.1:" + port + " not reachable: connection refused: check DOKPLOY_URL (the address of DokPloy's dashboard)",
                d.reason());
    }

    /** DokPloy answers, but has no app by that appName: its settings were not looked at, so no all-clear. */
    @Test void anAppDokployDoesNotKnowIsAGap() throws Exception {
        try (DokployStub stub = new DokployStub(APP, HOST, 3000, "application")) {
            ProbeReport r = Probes.run(new ProbeTarget("web", APP + "x", null), Duration.ofSeconds(3), TestHost.VOCABULARY,
                    HttpProbeTest.NO_DOCKER.withDokploy(stub.url(), DokployStub.KEY));
            assertEquals(ProbeResult.State.OK, result(r, "dokploy").state(), dump(r));
            assertFact(r, "user.role", "admin");
            assertNoFact(r, "service.kind");
            assertTrue(r.gaps().contains("DokPloy has no compose or application with appName " + APP + "x: its DokPloy settings were not checked;"
                    + " give --project the appName DokPloy shows for the service"), r.gaps()::toString);
        }
    }

    @Test void withoutUrlAndKeyTheProbeIsSkipped() {
        ProbeResult d = result(probe(HttpProbeTest.NO_DOCKER), "dokploy");
        assertEquals(ProbeResult.State.SKIPPED, d.state());
        assertTrue(d.reason().contains("DOKPLOY_URL and DOKPLOY_API_KEY"));
    }
}
