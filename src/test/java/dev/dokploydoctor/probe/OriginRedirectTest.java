package dev.dokploydoctor.probe;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.dokploydoctor.probe.Reports.*;
import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * origin.redirects_to_https on a real dockerd: a tunnel stand-in whose config.yml routes the app's
 * host to an http:// origin on a network, and origins (busybox httpd) answering that request with
 * a 308 to https, or with a 200. The probe sends what cloudflared sends, from where it runs.
 */
class OriginRedirectTest {
    /** A CGI that answers every request as Traefik's redirect-to-https does. */
    static final String REDIRECT_CGI = "#!/bin/sh\nprintf 'HTTP/1.1 308 Permanent Redirect\\r\\nLocation: https://%s/\\r\\nContent-Length: 0\\r\\n\\r\\n' \"$HTTP_HOST\"\n";

    @RegisterExtension final TestHost h = TestHost.perTest();

    @BeforeEach void routedApp() { h.routedApp(); }

    /** An origin on dokploy-network under {@code alias}: a 308 to https for any host, or a 200 page. */
    String origin(String name, String alias, boolean redirects) {
        String serve = redirects
                ? "mkdir -p /www/cgi-bin && printf '%s' \"$CGI\" > /www/cgi-bin/index.cgi && chmod +x /www/cgi-bin/index.cgi"
                : "mkdir -p /www && echo ok > /www/index.html";
        h.container(name, List.of("--network", DOKPLOY_NETWORK, "--network-alias", alias, "-e", "CGI=" + REDIRECT_CGI),
                "sh", "-c", serve + " && exec httpd -f -p 80 -h /www");
        h.awaitListening(name, 80);
        return name;
    }

    /**
     * A cloudflared stand-in on dokploy-network whose config.yml routes the app's host to {@code service}.
     * {@code withTools}: busybox with sh and nc on PATH; without, an image as bare as cloudflared's
     * for docker exec (nothing on PATH), so the request has to be sent from elsewhere.
     */
    String cloudflared(String service, boolean withTools) { return cloudflared(h, service, withTools); }

    static String cloudflared(TestHost h, String service, boolean withTools) {
        String yml = "tunnel: abcdef-1234\ningress:\n  - hostname: " + h.domain + "\n    service: " + service + "\n  - service: http_status:404\n";
        String log = "2025-01-02T10:00:01Z INF Registered tunnel connection connIndex=0 connection=0c1d event=0 ip=198.41.200.13 location=fra08 protocol=quic";
        String name = h.app + "-cloudflared";
        List<String> opts = withTools ? List.of() : List.of("-e", "PATH=/nonexistent");
        h.container(name, concat(List.of("--network", DOKPLOY_NETWORK, "-e", "YML=" + yml, "-e", "LOG=" + log), opts), "/bin/sh", "-c",
                "/bin/mkdir -p /etc/cloudflared && printf '%s' \"$YML\" > /etc/cloudflared/config.yml.tmp"
                        + " && /bin/mv /etc/cloudflared/config.yml.tmp /etc/cloudflared/config.yml && echo \"$LOG\" >&2"
                        + " && /bin/touch /tmp/ready && exec /bin/sleep 3600");
        awaitFile(h, name, "/tmp/ready");
        return name;
    }

    void awaitFile(String container, String path) { awaitFile(h, container, path); }

    static void awaitFile(TestHost h, String container, String path) {
        for (int i = 0; i < 150; i++) {
            if (h.dockerMayFail("cp", container + ":" + path, "-").code() == 0) return;
            TestHost.sleep(100);
        }
        fail(container + " never wrote " + path);
    }

    ProbeReport probe(String scenario) { return h.probeScenario(scenario, "web"); }

    @Test void anOriginThatRedirectsToHttpsIsTrueAndOneThatAnswersIsFalse() {
        origin(h.app + "-origin308", "origin308", true);
        String tunnel = cloudflared("http://origin308:80", true);
        ProbeReport r = probe("origin answers the tunnel's http with a 308 to https");
        assertFact(r, "tunnel.service", "http://origin308:80");
        assertFact(r, "origin.redirects_to_https", true);
        assertEvidence(r, "origin.redirects_to_https", "HTTP/1.1 308 Permanent Redirect, Location: https://" + h.domain + "/");
        assertEvidence(r, "origin.redirects_to_https", "Host: " + h.domain);
        assertEvidence(r, "origin.redirects_to_https", "sent from inside " + tunnel);

        h.docker("rm", "-f", tunnel);
        origin(h.app + "-origin200", "origin200", false);
        cloudflared("http://origin200:80", true);
        ProbeReport ok = probe("origin answers the tunnel's http with a 200");
        assertFact(ok, "origin.redirects_to_https", false);
        assertEvidence(ok, "origin.redirects_to_https", " 200 OK (no Location)");
    }

    /** DokPloy's shape: cloudflared's image has no shell, the route goes to dokploy-traefik:80; Traefik is asked on itself. */
    @Test void withoutToolsInCloudflaredTraefikAsTheOriginIsAskedFromInside() {
        traefik(h, true);
        cloudflared("http://dokploy-traefik:80", false);
        ProbeReport r = probe("tool-less cloudflared, origin dokploy-traefik redirecting");
        assertFact(r, "origin.redirects_to_https", true);
        assertEvidence(r, "origin.redirects_to_https", "sent from inside " + TRAEFIK + " (the origin itself, 127.0.0.1:80)");
    }

    /** cloudflared on the host's network: localhost is the host's, so the request goes from this process (on that host). */
    @Test void cloudflaredOnTheHostNetworkIsAskedFromThisHost() {
        ProbeEnvironment env = ProbeEnvironment.fromSystem();
        org.junit.jupiter.api.Assumptions.assumeTrue(env.sharesHostNetwork(), "these tests do not run in dockerd's network: " + env.placement());
        int port = freePort();
        String origin = h.container(h.app + "-hostorigin", List.of("--network", "host", "-e", "CGI=" + REDIRECT_CGI), "sh", "-c",
                "mkdir -p /www/cgi-bin && printf '%s' \"$CGI\" > /www/cgi-bin/index.cgi && chmod +x /www/cgi-bin/index.cgi"
                        + " && exec httpd -f -p 127.0.0.1:" + port + " -h /www");
        h.awaitListening(origin, port);
        String yml = "tunnel: abcdef-1234\ningress:\n  - hostname: " + h.domain + "\n    service: http://localhost:" + port + "\n  - service: http_status:404\n";
        String tunnel = h.app + "-cloudflared";
        h.container(tunnel, List.of("--network", "host", "-e", "YML=" + yml), "sh", "-c",
                "mkdir -p /etc/cloudflared && printf '%s' \"$YML\" > /etc/cloudflared/config.yml.tmp"
                        + " && mv /etc/cloudflared/config.yml.tmp /etc/cloudflared/config.yml && touch /tmp/ready && exec sleep 3600");
        awaitFile(tunnel, "/tmp/ready");
        ProbeReport r = probe("cloudflared on the host network, origin localhost redirecting");
        assertFact(r, "origin.redirects_to_https", true);
        assertEvidence(r, "origin.redirects_to_https", "sent from this host (" + tunnel + " uses the host's network)");
    }

    /** A dokploy-traefik stand-in on dokploy-network whose web entrypoint (:80) redirects to https, or answers 200. */
    static void traefik(TestHost h, boolean redirects) {
        String serve = redirects
                ? "mkdir -p /www/cgi-bin && printf '%s' \"$CGI\" > /www/cgi-bin/index.cgi && chmod +x /www/cgi-bin/index.cgi"
                : "mkdir -p /www && echo ok > /www/index.html";
        h.container(TRAEFIK, List.of("--network", DOKPLOY_NETWORK, "-e", "CGI=" + REDIRECT_CGI), "sh", "-c", serve + " && exec httpd -f -p 80 -h /www");
        h.awaitListening(TRAEFIK, 80);
    }

    /** The fact is never set when the request could not be made as cloudflared makes it. */
    @Test void unknownWhenTheRequestCannotBeMade() {
        String tunnel = cloudflared("http://localhost:80", false);
        ProbeReport bare = probe("tool-less cloudflared, origin its own localhost");
        assertFact(bare, "tunnel.service", "http://localhost:80");
        assertNoFact(bare, "origin.redirects_to_https");
        assertTrue(result(bare, "tunnel").observations().stream().anyMatch(o -> o.startsWith("origin.redirects_to_https not asked: ")
                && o.contains("localhost there is " + tunnel + " itself")), dump(bare));

        h.docker("rm", "-f", tunnel);
        cloudflared("http://localhost:80", true);   // nothing listens on the stand-in's own port 80: refused
        ProbeReport refused = probe("cloudflared with tools, origin refuses");
        assertNoFact(refused, "origin.redirects_to_https");
        assertTrue(result(refused, "tunnel").observations().stream().anyMatch(o -> o.startsWith("origin.redirects_to_https not known: ")),
                dump(refused));
    }
}
