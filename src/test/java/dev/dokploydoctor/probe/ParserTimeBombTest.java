package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Redactor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16.11: the java.util.regex patterns that read text from outside (an HTTP page, nslookup in a
 * container, the redactor on every output) are linear on adversarial input: runs of their own
 * literals, spaces and line ends. A generous limit for all of it, as CatalogTest does for the catalog.
 */
class ParserTimeBombTest {
    static final int N = 200_000;

    @Test void outsideTextIsReadInLinearTime() {
        List<String> inputs = List.of(" ".repeat(N), "\n".repeat(N), "<title".repeat(N / 6), "<title>" + "x".repeat(N),
                "Name: x" + "\n".repeat(N), "Name: x\n".repeat(N / 8), "Name:" + " ".repeat(N), "password ".repeat(N / 9),
                "password=" + "a".repeat(N), "token: " + "\"".repeat(N), "Authorization: Basic " + " ".repeat(N), "bearer ".repeat(N / 7),
                "eyJ" + "a".repeat(N), "$2y$" + "a".repeat(N), "https://" + "a:".repeat(N / 2), "-----BEGIN PRIVATE KEY-----" + "A".repeat(N),
                "secret_" + "a".repeat(N) + "=", "--password" + " ".repeat(N), "-u " + "a".repeat(N));
        long t0 = System.nanoTime();
        List<String> seen = new ArrayList<>();
        for (String in : inputs) {
            seen.add(HttpProbe.excerpt(in).length() + "/" + DnsProbe.answered(in) + "/" + new Redactor(List.of()).redact(in).length());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(inputs.size(), seen.size());
        assertTrue(ms < 30_000, inputs.size() + " adversarial texts of ~200 KB took " + ms + " ms through the page title, nslookup and the redactor");
        assertEquals("example.com | 502: Bad gateway", HttpProbe.excerpt("<html><TITLE lang=en>example.com |\n 502: Bad gateway</title>"));
        assertTrue(DnsProbe.answered("Server:\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nName:\tdb\nAddress: 172.18.0.3\n"));
        assertFalse(DnsProbe.answered("Server:\t127.0.0.11\n\n** server can't find db: NXDOMAIN\n"));
    }
}
