package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The text the probes read: /proc/net/tcp, netstat, Traefik labels, cloudflared ingress, image tags. */
class ParsersTest {
    @Test void procNetTcpListenSockets() {
        String tcp = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0B00007F:960D 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 9245 1
                   1: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 9246 1
                   2: 0200A8C0:0BB8 0100A8C0:D431 01 00000000:00000000 00:00000000 00000000     0        0 9247 1
                  sl  local_address                         remote_address                        st
                   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000
                   1: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000
                   2: 0000000000000000FFFF00000100007F:1388 00000000000000000000000000000000:0000 0A 00000000:00000000
                """;
        List<ListenSockets.Socket> s = ListenSockets.parse(tcp);
        assertEquals(List.of(new ListenSockets.Socket("127.0.0.1", 3000), new ListenSockets.Socket("::", 8080),
                new ListenSockets.Socket("::1", 80), new ListenSockets.Socket("127.0.0.1", 5000)), s, "127.0.0.11 (Docker DNS) and ESTABLISHED are left out");
        assertEquals("127.0.0.1", ListenSockets.effectiveAddress(s, 3000));
        assertEquals("0.0.0.0", ListenSockets.effectiveAddress(s, 8080));
        assertEquals("127.0.0.1", ListenSockets.effectiveAddress(s, 80));
        assertNull(ListenSockets.effectiveAddress(s, 9999));
        assertEquals(List.of(80, 3000, 5000, 8080), ListenSockets.ports(s));
    }

    @Test void netstatOutput() {
        String netstat = """
                Active Internet connections (only servers)
                Proto Recv-Q Send-Q Local Address           Foreign Address         State
                tcp        0      0 127.0.0.11:38413        0.0.0.0:*               LISTEN
                tcp        0      0 0.0.0.0:3000            0.0.0.0:*               LISTEN
                tcp        0      0 :::8080                 :::*                    LISTEN
                tcp        0      0 10.0.1.5:4000           0.0.0.0:*               LISTEN
                """;
        List<ListenSockets.Socket> s = ListenSockets.parse(netstat);
        assertEquals(3, s.size(), s.toString());
        assertEquals("0.0.0.0", ListenSockets.effectiveAddress(s, 3000));
        assertEquals("0.0.0.0", ListenSockets.effectiveAddress(s, 8080));
        assertEquals("10.0.1.5", ListenSockets.effectiveAddress(s, 4000));
    }

    @Test void traefikLabelsAsDokployWritesThem() {
        TraefikLabels t = new TraefikLabels(Map.of(
                "traefik.enable", "true",
                "traefik.http.routers.shop-12-web.rule", "Host(`shop.example.com`) && PathPrefix(`/api`)",
                "traefik.http.routers.shop-12-web.service", "shop-12-web",
                "traefik.http.services.shop-12-web.loadbalancer.server.port", "3000",
                "traefik.http.routers.shop-12-websecure.rule", "Host(`shop.example.com`)",
                "traefik.http.routers.shop-12-websecure.service", "shop-12-websecure",
                "traefik.http.services.shop-12-websecure.loadbalancer.server.port", "3000",
                "traefik.docker.network", "dokploy-network"));
        assertTrue(t.enabled());
        assertEquals("dokploy-network", t.network());
        TraefikLabels.Router r = t.routerFor("SHOP.example.com");
        assertNotNull(r);
        assertEquals(3000, r.port());
        assertNull(t.routerFor("other.example.com"));
        assertEquals(List.of("a.example.com", "b.example.com"), TraefikLabels.hosts("Host(`a.example.com`, `b.example.com`)"));
        assertEquals(List.of("c.example.com"), TraefikLabels.hosts("Host(\"c.example.com\")"));
        TraefikLabels noNetwork = new TraefikLabels(Map.of("traefik.http.routers.x.rule", "Host(`x.test`)",
                "traefik.http.services.y.loadbalancer.server.port", "8080"));
        assertNull(noNetwork.network());
        assertFalse(noNetwork.enabled());
        assertEquals(8080, noNetwork.routerFor("x.test").port(), "a single service is the router's service");
    }

    @Test void tunnelIngressMatchingAndRoute() throws Exception {
        var root = new ObjectMapper().readTree("""
                {"ingress":[{"hostname":"app.example.com","service":"http://dokploy-traefik:80"},
                            {"hostname":"*.example.com","service":"http://n8n:5678"},
                            {"service":"http_status:404"}]}""");
        List<TunnelIngress.Rule> rules = TunnelIngress.parse(root);
        assertEquals("http://dokploy-traefik:80", TunnelIngress.match(rules, "app.example.com").service());
        assertEquals("http://n8n:5678", TunnelIngress.match(rules, "flows.example.com").service());
        assertEquals("http_status:404", TunnelIngress.match(rules, "other.org").service());
        assertEquals("traefik", TunnelIngress.routeVia("http://dokploy-traefik:80"));
        assertEquals("traefik", TunnelIngress.routeVia("http://localhost"));
        assertEquals("traefik", TunnelIngress.routeVia("https://localhost:443"));
        assertEquals("direct", TunnelIngress.routeVia("http://n8n:5678"));
        assertNull(TunnelIngress.routeVia("http_status:404"));
        String logged = TunnelIngress.lastLoggedConfig(List.of(
                "INF Updated to new configuration config=\"{\\\"ingress\\\":[{\\\"service\\\":\\\"http://a:1\\\"}]}\" version=1",
                "INF Updated to new configuration config=\"{\\\"ingress\\\":[{\\\"service\\\":\\\"http://b:2\\\"}]}\" version=2"));
        assertEquals("{\"ingress\":[{\"service\":\"http://b:2\"}]}", logged, "the last pushed configuration wins");
    }

    @Test void originAnswersToTheTunnelsRequest() {
        OriginRedirect.Answer traefik = OriginRedirect.Answer.parse("HTTP/1.1 308 Permanent Redirect\r\nlocation: https://shop.example.com/\r\n\r\nbody");
        assertEquals(308, traefik.status());
        assertTrue(traefik.redirectsToHttps("shop.example.com"));
        assertEquals("HTTP/1.1 308 Permanent Redirect, Location: https://shop.example.com/", traefik.toString());
        assertFalse(OriginRedirect.Answer.parse("HTTP/1.1 302 Found\nLocation: https://login.example.org/\n\n").redirectsToHttps("shop.example.com"),
                "a redirect to another host's https is no loop through this one");
        assertFalse(OriginRedirect.Answer.parse("HTTP/1.1 301 Moved\r\nLocation: http://shop.example.com/x\r\n\r\n").redirectsToHttps("shop.example.com"));
        assertFalse(OriginRedirect.Answer.parse("HTTP/1.1 404 Not Found\r\n\r\n").redirectsToHttps("shop.example.com"));
        assertNull(OriginRedirect.Answer.parse(""), "no answer is no fact");
        assertNull(OriginRedirect.Answer.parse("nc: can't connect to remote host (127.0.0.1): Connection refused"));
        assertNull(OriginRedirect.httpOrigin("https://dokploy-traefik:443"), "cloudflared sends no plain http to an https origin");
        assertNull(OriginRedirect.httpOrigin("http_status:404"));
        assertEquals("dokploy-traefik", OriginRedirect.httpOrigin("http://dokploy-traefik:80").getHost());
    }

    @Test void traefikVersionFromImage() {
        assertEquals("3.6.7", DockerProbe.traefikVersion("traefik:v3.6.7"));
        assertEquals("3.1.2", DockerProbe.traefikVersion("docker.io/library/traefik:v3.1.2@sha256:abc"));
        assertEquals("latest", DockerProbe.traefikVersion("traefik:latest"));
        assertNull(DockerProbe.traefikVersion("traefik"));
        assertNull(DockerProbe.traefikVersion("registry:5000/busybox:1.36"));
    }

    @Test void cloudflarePagesNeedCloudflareBranding() {
        assertNull(ErrorPages.cloudflareCode("Bad Gateway", 502, Map.of()));
        assertEquals(502L, ErrorPages.cloudflareCode("", 502, Map.of("cf-cloudflared-response-meta", List.of("{\"src\":\"cloudflared\"}"))));
        assertEquals(1033L, ErrorPages.cloudflareCode("<title>x | Cloudflare</title><span class=\"cf-error-code\">1033</span>", 530, Map.of()));
        assertEquals("Traefik: the service has no healthy server", ErrorPages.traefik("no available server\n"));
    }
}
