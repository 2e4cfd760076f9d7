package dev.dokploydoctor.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static dev.dokploydoctor.probe.Reports.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The http probe against a real local server (JDK HttpServer on 127.0.0.1): redirect loops as
 * Traefik's https redirect produces them behind a tunnel, Traefik's and Cloudflare's error pages.
 * Docker is pointed at a socket that does not exist: those probes must report "could not check".
 */
class HttpProbeTest {
    static final ProbeEnvironment NO_DOCKER = ProbeEnvironment.from(java.util.Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"));

    HttpServer server;
    String base;
    /** What /app answers: the test switches it to apply "the fix". */
    final AtomicReference<String> appMode = new AtomicReference<>("loop");

    @BeforeEach void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        // https redirect that never sees https: Location points back at the same http URL
        server.createContext("/app", ex -> {
            if (appMode.get().equals("loop")) redirect(ex, 308, base + "/app");
            else send(ex, 200, "hello");
        });
        server.createContext("/a", ex -> redirect(ex, 301, "/b"));
        server.createContext("/b", ex -> redirect(ex, 302, "/a"));
        server.createContext("/hop", ex -> redirect(ex, 301, "/final"));
        server.createContext("/final", ex -> send(ex, 200, "ok"));
        server.createContext("/chain", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getQuery().substring(2));
            redirect(ex, 302, "/chain?n=" + (n + 1));   // never repeats a URL, never ends
        });
        server.createContext("/traefik404", ex -> send(ex, 404, "404 page not found\n"));
        server.createContext("/badgateway", ex -> send(ex, 502, "Bad Gateway"));
        // vitejs/vite hostCheck.ts: what vite dev answers a Host it was not told to allow
        server.createContext("/vite", ex -> send(ex, 403, "Blocked request. This host (\"shop.example.com\") is not allowed.\n"
                + "To allow this host, add \"shop.example.com\" to `server.allowedHosts` in vite.config.js."));
        server.createContext("/cf1033", ex -> send(ex, 530, """
                <!DOCTYPE html><html><head><title>Cloudflare Tunnel error | shop.example.com | Cloudflare</title></head>
                <body><div id="cf-wrapper"><h1><span class="cf-error-type">Error</span>
                <span class="cf-error-code">1033</span></h1><p>Ray ID: 8c0ffee</p></div></body></html>"""));
        server.createContext("/slow", ex -> {
            TestHost.sleep(3000);
            send(ex, 200, "late");
        });
        server.start();
    }

    @AfterEach void stop() { server.stop(0); }

    static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    ProbeReport probe(String path) {
        ProbeReport r = Probes.run(new ProbeTarget(null, null, base + path), Duration.ofSeconds(2), TestHost.VOCABULARY, NO_DOCKER);
        assertDeclared(r);
        return r;
    }

    @Test void redirectToItselfIsALoopUntilFixed() {
        ProbeReport broken = probe("/app");
        TestHost.record("https-redirect-loop (broken)", broken);
        assertFact(broken, "http.redirect_loop", true);
        assertFact(broken, "http.status", 308L);
        assertEvidence(broken, "http.redirect_loop", "308 " + base + "/app");
        assertFact(broken, "domain.host", "127.0.0.1");

        appMode.set("fixed");   // e.g. https switched off on the domain
        ProbeReport fixed = probe("/app");
        TestHost.record("https-redirect-loop (fixed)", fixed);
        assertFact(fixed, "http.redirect_loop", false);
        assertFact(fixed, "http.status", 200L);
        assertFact(fixed, "http.body", "hello");
    }

    @Test void twoHopLoopAndAFiniteChain() {
        assertFact(probe("/a"), "http.redirect_loop", true);
        ProbeReport hop = probe("/hop");
        assertFact(hop, "http.redirect_loop", false);
        assertFact(hop, "http.status", 200L);
        assertEvidence(hop, "http.status", "301 " + base + "/hop -> 200 " + base + "/final");
    }

    @Test void moreThanTenHopsCountsAsALoop() {
        ProbeReport r = probe("/chain?n=0");
        assertFact(r, "http.redirect_loop", true);
        assertEquals(HttpProbe.MAX_HOPS, fact(r, "http.status").getEvidence().split(" -> ").length);
    }

    @Test void traefikAndCloudflarePagesAreRecognised() {
        ProbeReport notFound = probe("/traefik404");
        assertFact(notFound, "http.status", 404L);
        assertFact(notFound, "http.body", "404 page not found\n");
        assertTrue(result(notFound, "http").observations().stream().anyMatch(o -> o.startsWith("Traefik: no router")));
        assertNoFact(notFound, "cloudflare.error");

        assertFact(probe("/badgateway"), "http.body", "Bad Gateway");
        assertNoFact(probe("/badgateway"), "app.host_not_allowed");

        ProbeReport vite = probe("/vite");
        assertFact(vite, "http.status", 403L);
        assertFact(vite, "app.host_not_allowed", true);
        assertFact(vite, "http.from_app", true);

        ProbeReport tunnel = probe("/cf1033");
        assertFact(tunnel, "http.status", 530L);
        assertFact(tunnel, "cloudflare.error", 1033L);
        assertFact(tunnel, "http.body", "Cloudflare Tunnel error | shop.example.com | Cloudflare");
    }

    @Test void dockerUnreachableIsCouldNotCheckNotACrash() {
        ProbeReport r = probe("/final");
        for (String p : new String[]{"docker", "dns", "traefik"}) {
            ProbeResult pr = result(r, p);
            assertEquals(ProbeResult.State.COULD_NOT_CHECK, pr.state(), p);
            assertTrue(pr.reason().contains("Docker engine not reachable at unix:///nonexistent/docker.sock"), pr.reason());
        }
        assertEquals(ProbeResult.State.COULD_NOT_CHECK, result(r, "tunnel").state(), Reports.dump(r));
        assertFact(r, "http.status", 200L);
    }

    @Test void aSlowProbeTimesOutAlone() {
        // the page answers after 3 s; a 700 ms timeout must give up on it instead of waiting for the
        // answer (which would be a 200): no wall-clock assertion, the state says which happened
        ProbeReport r = Probes.run(new ProbeTarget(null, null, base + "/slow"), Duration.ofMillis(700), TestHost.VOCABULARY, NO_DOCKER);
        ProbeResult http = result(r, "http");
        assertEquals(ProbeResult.State.COULD_NOT_CHECK, http.state());
        assertTrue(http.reason().contains("timed out") || http.reason().contains("GET"), http.reason());
        assertTrue(r.facts().stream().noneMatch(f -> f.getKey().equals("http.status")), "no status from the late answer: " + Reports.dump(r));
    }
}
