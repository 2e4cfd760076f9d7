package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Fact;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions over a probe report, with the whole report in the failure message. */
final class Reports {
    private Reports() {}

    static Fact fact(ProbeReport r, String key) {
        return r.facts().stream().filter(f -> f.getKey().equals(key)).findFirst().orElse(null);
    }

    static Object value(ProbeReport r, String key) {
        Fact f = fact(r, key);
        return f == null ? null : f.getValue();
    }

    static void assertFact(ProbeReport r, String key, Object expected) {
        assertEquals(expected, value(r, key), () -> "fact " + key + " in\n" + dump(r));
    }

    static void assertNoFact(ProbeReport r, String key) {
        assertEquals(null, value(r, key), () -> "fact " + key + " should be unknown in\n" + dump(r));
    }

    static void assertEvidence(ProbeReport r, String key, String fragment) {
        Fact f = fact(r, key);
        if (f == null) fail("no fact " + key + " in\n" + dump(r));
        assertTrue(f.getEvidence().contains(fragment), () -> "evidence of " + key + " should mention '" + fragment + "': " + f.getEvidence());
    }

    static ProbeResult result(ProbeReport r, String probe) {
        return r.results().stream().filter(x -> x.probe().equals(probe)).findFirst().orElseThrow();
    }

    /** Every fact a probe emits is declared in knowledge/facts.yaml and comes with evidence. */
    static void assertDeclared(ProbeReport r) {
        for (ProbeResult pr : r.results()) {
            for (Fact f : pr.facts()) {
                assertTrue(TestHost.VOCABULARY.contains(f.getKey()), () -> pr.probe() + " emitted undeclared key " + f.getKey());
                assertEquals(Fact.PROBE, f.getSource());
                assertTrue(!f.getEvidence().isBlank(), () -> f.getKey() + " has no evidence");
            }
        }
    }

    static String dump(ProbeReport r) {
        StringBuilder sb = new StringBuilder();
        for (ProbeResult pr : r.results()) {
            sb.append(pr.probe()).append(' ').append(pr.state()).append(pr.reason() == null ? "" : " (" + pr.reason() + ")").append('\n');
            for (Fact f : pr.facts()) sb.append("  ").append(f).append("   <- ").append(f.getEvidence().replace("\n", " | ")).append('\n');
            for (String o : pr.observations()) sb.append("  . ").append(o).append('\n');
        }
        return sb.toString();
    }

    static String keys(ProbeReport r) {
        return r.facts().stream().map(Fact::getKey).collect(Collectors.joining(", "));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
