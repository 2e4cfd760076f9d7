package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.knowledge.TextExtraction;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The tunnel probe reads what failed in cloudflared's TLS handshake with its origin from the host's own log,
 * as the catalog reads the same line pasted: a finding of its own, which the calibration gate waits for
 * beside a pasted line (tunnel-origin-tls-handshake-fails is on probation).
 */
class TunnelOriginTlsFailureTest {
    private static final Knowledge KNOWLEDGE = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
    private static final TextExtraction CATALOG = KNOWLEDGE.textExtraction();
    private static final String REGISTERED = "2024-05-01T10:00:00Z INF Registered tunnel connection connIndex=0 connection=abc event=0 ip=198.41.200.13 location=fra08 protocol=quic";
    private static final String PREFIX = "2024-05-01T10:01:00Z ERR  error=\"Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: ";

    private static Fact probed(String line) {
        Findings f = new Findings("tunnel", KNOWLEDGE.vocabulary());
        TunnelProbe.connection("cloudflared", true, List.of(REGISTERED, line), f);
        return f.ok(0).facts().stream().filter(x -> x.getKey().equals("tunnel.origin_tls_failure")).findFirst().orElse(null);
    }

    private static Object read(String line) {
        return CATALOG.extract(line).stream().filter(x -> x.getKey().equals("tunnel.origin_tls_failure")).map(Fact::getValue).findFirst().orElse(null);
    }

    @Test
    void eachKindOfFailureIsReadAsTheCatalogReadsThePastedLine() {
        List<String> lines = List.of(
                PREFIX + "tls: failed to verify certificate: x509: certificate signed by unknown authority\" connIndex=0 originService=https://192.168.1.50:8443",
                PREFIX + "x509: cannot validate certificate for 10.0.0.7 because it doesn't contain any IP SANs\" originService=https://10.0.0.7:9443",
                PREFIX + "remote error: tls: unrecognized name\" connIndex=2 event=1 ingressRule=0 originService=https://localhost:8443",
                PREFIX + "remote error: tls: handshake failure\" originService=https://localhost:10443");
        List<String> kinds = List.of("certificate", "certificate", "server-name", "handshake");
        for (int i = 0; i < lines.size(); i++) {
            Fact f = probed(lines.get(i));
            assertNotNull(f, lines.get(i));
            assertEquals(kinds.get(i), f.getValue(), lines.get(i));
            assertEquals(read(lines.get(i)), f.getValue(), "the probe and the catalog read one line alike: " + lines.get(i));
            assertEquals(Fact.PROBE, f.getSource());
        }
    }

    @Test
    void aBareEofSaysNotWhatFailed() {
        // a TLS error by the probe's test, but the line does not say which side refused
        assertNull(probed(PREFIX + "EOF\" originService=https://localhost:8443"));
    }
}
