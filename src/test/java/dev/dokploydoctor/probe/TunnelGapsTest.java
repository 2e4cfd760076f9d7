package dev.dokploydoctor.probe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.dokploydoctor.probe.Reports.*;
import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * No all-clear for a tunnel whose routes could not be read: a cloudflared on a real dockerd with a
 * token and neither a config.yml nor a logged remote configuration (its log rotated) is a gap, said
 * with what to do; the same cloudflared started as a quick tunnel (--url) has its one route read.
 */
class TunnelGapsTest {
    static final String TOKEN = "eyJhIjoiMTIzNDU2Nzg5MGFiY2RlZiIsInQiOiJhYmNkZWYtMTIzNCIsInMiOiJzZWNyZXRzZWNyZXQifQ==";
    static final String REGISTERED = "2025-01-02T10:00:01Z INF Registered tunnel connection connIndex=0 connection=0c1d event=0 ip=198.41.200.13 location=fra08 protocol=quic";

    @RegisterExtension final TestHost h = TestHost.perTest();

    @Test void routesThatCannotBeReadAreAGapNotAnAllClear() {
        String name = h.container(h.app + "-cloudflared", List.of("-e", "TUNNEL_TOKEN=" + TOKEN, "-e", "LOG=" + REGISTERED),
                "sh", "-c", "echo \"$LOG\" >&2 && exec sleep 3600");
        h.awaitLog(name, "Registered tunnel connection");
        ProbeReport r = h.probe(new ProbeTarget(null, null, null));
        assertDeclared(r);
        assertFact(r, "tunnel.used", true);
        assertNoFact(r, "tunnel.service");
        ProbeResult tunnel = result(r, "tunnel");
        assertEquals(ProbeResult.State.OK, tunnel.state(), dump(r));
        assertTrue(r.gaps().contains("the tunnel's routes (no config.yml in " + name + " and no 'Updated to new configuration' in its last "
                + TunnelProbe.LOG_LINES + " log lines): check its public hostnames in the Cloudflare dashboard (Zero Trust, Networks, Tunnels)"),
                () -> r.gaps() + "\n" + dump(r));
    }

    @Test void aQuickTunnelsOriginIsItsRoute() {
        String name = h.container(h.app + "-cloudflared", List.of("-e", "LOG=" + REGISTERED), "sh", "-c",
                "echo \"$LOG\" >&2 && exec sleep 3600", "tunnel", "--url", "http://web:8080");
        h.awaitLog(name, "Registered tunnel connection");
        ProbeReport r = h.probe(new ProbeTarget(null, null, null));
        assertFact(r, "tunnel.service", "http://web:8080");
        assertEvidence(r, "tunnel.service", "the --url argument of " + name);
        assertTrue(r.gaps().stream().noneMatch(g -> g.contains("tunnel's routes")), () -> r.gaps().toString());
    }
}
