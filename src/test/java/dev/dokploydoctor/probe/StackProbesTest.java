package dev.dokploydoctor.probe;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.dokploydoctor.probe.Reports.*;
import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Traefik, the tunnel and DokPloy's API on a real dockerd, with busybox stand-ins: a
 * dokploy-traefik that serves a router list on 127.0.0.1:8080 and logs Traefik's error lines, and
 * cloudflared containers that log what cloudflared logs (stack-internals §5, §6).
 */
class StackProbesTest {
    /** base64 of {"a":"1234567890abcdef","t":"abcdef-1234","s":"secretsecret"}: the shape of a tunnel token. */
    static final String TOKEN = "eyJhIjoiMTIzNDU2Nzg5MGFiY2RlZiIsInQiOiJhYmNkZWYtMTIzNCIsInMiOiJzZWNyZXRzZWNyZXQifQ==";

    @RegisterExtension final TestHost h = TestHost.perTest();
    String web;

    @BeforeEach void routedApp() { web = h.routedApp(); }

    @Test void traefikApiStaticConfigAndLogs() {
        String routers = """
                [{"entryPoints":["web"],"service":"%1$s-1-web","rule":"Host(`%2$s`)","status":"enabled","using":["web"],
                  "name":"%1$s-1-web@docker","provider":"docker"},
                 {"entryPoints":["web"],"middlewares":["redirect-to-https@file"],"service":"blog-2-web","rule":"Host(`blog.example.test`)",
                  "status":"disabled","name":"blog-2-web@docker","provider":"docker","error":["middleware \\"redirect-to-https@file\\" does not exist"]}]"""
                .formatted(h.app, h.domain);
        String log = String.join("\n",
                "2025-01-02T10:00:00Z ERR Could not find network named \"default\" for container \"/" + web + "\". Maybe you're missing the project's prefix in the label? container=" + web + " providerName=docker",
                "2025-01-02T10:00:00Z ERR Failed to retrieve information of the docker client and server host error=\"Error response from daemon: client version 1.24 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version\" providerName=docker",
                "2025-01-02T10:00:01Z ERR Unable to obtain ACME certificate for domains error=\"unable to generate a certificate for the domains [" + h.domain + "]: acme: error: 400\" providerName=letsencrypt.acme");
        h.container(TRAEFIK, List.of("--network", DOKPLOY_NETWORK, "-e", "ROUTERS=" + routers, "-e", "LOG=" + log,
                        "-e", "TRAEFIK_YML=providers:\n  docker:\n    network: dokploy-network\n"),
                "sh", "-c", "mkdir -p /etc/traefik /www/api/http && printf '%s' \"$TRAEFIK_YML\" > /etc/traefik/traefik.yml"
                        + " && printf '%s' \"$ROUTERS\" > /www/api/http/routers && echo \"$LOG\" >&2"
                        + " && exec httpd -f -p 127.0.0.1:8080 -h /www");
        h.awaitListening(TRAEFIK, 8080);

        ProbeReport r = h.probeScenario("traefik API, static config, logs", "web");
        assertFact(r, "traefik.router_present", true);
        assertEvidence(r, "traefik.router_present", "wget -qO- http://127.0.0.1:8080/api/http/routers");
        assertEvidence(r, "traefik.router_present", "status enabled");
        assertFact(r, "traefik.provider_network", DOKPLOY_NETWORK);
        assertFact(r, "traefik.network_not_found", true);
        assertEvidence(r, "traefik.network_not_found", "Could not find network named \"default\"");
        assertFact(r, "traefik.docker_api_error", true);
        assertFact(r, "letsencrypt.failing", true);
        assertTrue(result(r, "traefik").observations().contains("Traefik API lists 2 routers, 1 with errors"), dump(r));

        // a host the API has no router for
        String other = h.container(h.app + "-other-1", concat(compose(h.app, "other", null),
                traefikLabels(h.app + "x", "missing.example.test", 80, DOKPLOY_NETWORK)), "sleep", "3600");
        ProbeReport missing = h.probeScenario("traefik API, host without router", "other");
        assertFact(missing, "traefik.router_present", false);
        assertEvidence(missing, "traefik.router_present", "no router rule names Host(`missing.example.test`) among 2 routers");
        assertNotNull(other);
    }

    @Test void remoteManagedTunnelViaLocalhost() {
        String config = "{\\\"ingress\\\":[{\\\"hostname\\\":\\\"" + h.domain + "\\\",\\\"service\\\":\\\"http://localhost:80\\\"},"
                + "{\\\"service\\\":\\\"http_status:404\\\"}],\\\"warp-routing\\\":{\\\"enabled\\\":false}}";
        String log = String.join("\n",
                "2025-01-02T10:00:00Z INF Starting tunnel tunnelID=abcdef-1234",
                "2025-01-02T10:00:00Z INF Updated to new configuration config=\"" + config + "\" version=3",
                "2025-01-02T10:00:01Z INF Registered tunnel connection connIndex=0 connection=0c1d event=0 ip=198.41.200.13 location=fra08 protocol=quic",
                "2025-01-02T10:00:05Z ERR  error=\"Unable to reach the origin service. The service may be down or it may not be responding to traffic from cloudflared: dial tcp 127.0.0.1:80: connect: connection refused\" connIndex=0 event=1 ingressRule=0 originService=http://localhost:80");
        h.container(h.app + "-cloudflared", List.of("-e", "TUNNEL_TOKEN=" + TOKEN, "-e", "LOG=" + log),
                "sh", "-c", "echo \"$LOG\" >&2 && exec sleep 3600");
        TestHost.sleep(300);

        ProbeReport r = h.probeScenario("tunnel, remote-managed, origin localhost", "web");
        assertFact(r, "tunnel.used", true);
        assertFact(r, "cloudflared.in_docker", true);
        assertFact(r, "tunnel.remote_managed", true);
        assertEvidence(r, "tunnel.remote_managed", "TUNNEL_TOKEN set in the environment");
        assertFact(r, "tunnel.connected", true);
        assertFact(r, "tunnel.origin_unreachable", true);
        assertFact(r, "tunnel.origin_tls_error", false);
        assertFact(r, "tunnel.service", "http://localhost:80");
        assertFact(r, "route.via", "traefik");
        String everything = dump(r) + dev.dokploydoctor.cli.ProbeCommand.json(ProbeTarget.NONE, r);
        assertFalse(everything.contains(TOKEN), "the tunnel token must never be shown");
        assertFalse(everything.contains("c2VjcmV0c2VjcmV0"), "nor any part of it");
    }

    @Test void locallyManagedTunnelStraightToTheApp() {
        String yml = "tunnel: abcdef-1234\ncredentials-file: /etc/cloudflared/abcdef-1234.json\ningress:\n"
                + "  - hostname: \"*.example.test\"\n    service: http://" + web + ":3000\n  - service: http_status:404\n";
        String log = String.join("\n",
                "2025-01-02T10:00:01Z INF Registered tunnel connection connIndex=0 connection=0c1d event=0 ip=198.41.200.13 location=fra08 protocol=quic",
                "2025-01-02T10:05:00Z INF Unregistered tunnel connection connIndex=0 event=0 ip=198.41.200.13",
                "2025-01-02T10:05:01Z ERR Failed to dial a quic connection error=\"failed to dial to edge with quic: timeout: no recent network activity\" connIndex=0");
        h.container(h.app + "-cloudflared", List.of("-e", "YML=" + yml, "-e", "LOG=" + log), "sh", "-c",
                "mkdir -p /etc/cloudflared && printf '%s' \"$YML\" > /etc/cloudflared/config.yml && echo \"$LOG\" >&2 && exec sleep 3600");
        TestHost.sleep(300);

        ProbeReport r = h.probeScenario("tunnel, local config, direct route, disconnected", "web");
        assertFact(r, "tunnel.remote_managed", false);
        assertFact(r, "tunnel.service", "http://" + web + ":3000");
        assertEvidence(r, "tunnel.service", "rule #0");
        assertFact(r, "route.via", "direct");
        assertFact(r, "tunnel.connected", false);
        assertEvidence(r, "tunnel.connected", "Failed to dial a quic connection");
        assertFact(r, "tunnel.origin_unreachable", false);
        assertNoFact(r, "tunnel.origin_tls_error");
    }

    @Test void dokployDomainNotYetDeployedAsLabels() throws Exception {
        try (DokployStub stub = new DokployStub(h.app, h.domain, 8080, "compose")) {   // DokPloy says port 8080, the running labels 3000
            ProbeReport r = h.probeScenario("dokploy domain vs running labels", "web", ProbeEnvironment.fromSystem().withDokploy(stub.url(), DokployStub.KEY));
            assertFact(r, "domain.changed_since_deploy", true);
            assertEvidence(r, "domain.changed_since_deploy", "targets port 8080, the label on " + web + " says 3000");
            assertFact(r, "domain.port", 3000L);   // the docker probe reports first: what is deployed
        }
    }
}
