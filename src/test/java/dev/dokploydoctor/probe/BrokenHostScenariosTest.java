package dev.dokploydoctor.probe;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;

import static dev.dokploydoctor.probe.Reports.*;
import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Broken DokPloy hosts on a real dockerd: each test lays out one fault, checks the facts the
 * probes report, applies the fix the way a user would, and checks the facts again.
 */
class BrokenHostScenariosTest {
    /** DokPloy's default static config: the docker provider's network is dokploy-network. */
    static final String DOKPLOY_TRAEFIK_YML = "providers:\n  docker:\n    exposedByDefault: false\n    network: dokploy-network\n";

    @RegisterExtension final TestHost h = TestHost.perTest();

    /** What the rules concluded where it differs from the scenario's cause: checked after both phases ran. */
    final List<String> ruleMismatches = new java.util.ArrayList<>();

    @AfterEach void rulesAgreed() {
        assertEquals(List.of(), ruleMismatches, "the rules, fed only these probe facts, concluded otherwise");
    }

    /** The rules should diagnose {@code cause} from the probes' facts alone. */
    void expectCause(String scenario, ProbeReport r, String cause) {
        Outcome o = diagnose(scenario, r);
        if (o.status() != Status.DIAGNOSED || !o.top().cause().equals(cause)) {
            ruleMismatches.add(scenario + ": expected diagnosed " + cause + ", got " + describe(o) + " from " + Reports.keys(r));
        }
    }

    /**
     * A latent misconfiguration: from the probes alone {@code cause} leads but is not diagnosed (a
     * configuration that explains no reported symptom does not diagnose one); with the symptom the
     * user reports it is diagnosed.
     */
    void expectCauseOnceReported(String scenario, ProbeReport r, String cause, dev.dokploydoctor.knowledge.Fact... reported) {
        Outcome alone = diagnose(scenario, r);
        if (alone.status() == Status.NO_FAULT || alone.top() == null || !alone.top().cause().equals(cause)) {
            ruleMismatches.add(scenario + ": expected " + cause + " to lead from the probes alone, got " + describe(alone));
        }
        List<dev.dokploydoctor.knowledge.Fact> facts = new java.util.ArrayList<>(r.facts());
        facts.addAll(List.of(reported));
        Outcome o = ENGINE.evaluate(scenario, facts, java.util.Set.of(), dev.dokploydoctor.engine.Engine.DEFAULT_THRESHOLD);
        if (o.status() != Status.DIAGNOSED || !o.top().cause().equals(cause)) {
            ruleMismatches.add(scenario + " (reported): expected diagnosed " + cause + ", got " + describe(o));
        }
    }

    /** After the fix the rules should find nothing wrong. */
    void expectNoFault(String scenario, ProbeReport r) {
        Outcome o = diagnose(scenario, r);
        if (o.status() != Status.NO_FAULT) ruleMismatches.add(scenario + ": expected no-fault, got " + describe(o) + " from " + Reports.keys(r));
    }

    /**
     * The causes whose verify command runs here ({@code verify: {run, shows}}): each scenario below
     * runs it on the broken host (it must not show the fixed state) and after the fix (it must).
     * VerifyCoverageTest keeps this list equal to the causes that have such a command.
     */
    static final java.util.Set<String> VERIFIED_ON_A_BROKEN_HOST = java.util.Set.of(
            "wrong-container-port", "container-unhealthy", "app-listens-on-localhost", "traefik-not-on-dokploy-network");

    /** Run {@code cause}'s verify command, filled from the probes' facts, as a user pastes it. */
    void assertVerify(String cause, ProbeReport r, boolean fixed) {
        dev.dokploydoctor.knowledge.Cause c = ENGINE.knowledge().cause(cause);
        dev.dokploydoctor.knowledge.FixPlan plan = dev.dokploydoctor.knowledge.FixPlan.of(c,
                dev.dokploydoctor.engine.Engine.placeholderValues(r.facts()), VOCABULARY);
        assertNotNull(plan.check(), cause + ": verify has no run/shows");
        assertFalse(plan.check().run().matches("(?s).*\\$[A-Z][A-Z0-9_]*.*"), "the probes' facts fill every value: " + plan.check().run());
        TestHost.Result out = h.shell(plan.check().run());
        assertEquals(fixed, plan.check().shownIn(out.output()), cause + (fixed ? " fixed" : " broken") + ": '" + plan.check().run()
                + "' printed\n" + out.output() + "\nexpected " + (fixed ? "" : "not ") + "to show " + plan.check().shows());
    }

    @AfterAll static void summary() {
        System.out.println("Facts answered per scenario:");
        TestHost.ANSWERED.forEach((k, v) -> System.out.println(k + "\n" + v));
    }

    /** A Traefik stand-in named dokploy-traefik with a static config, on the given networks. */
    void traefik(String traefikYml, String... networks) {
        List<String> opts = new java.util.ArrayList<>(List.of("-e", "TRAEFIK_YML=" + traefikYml));
        if (networks.length > 0) opts.addAll(List.of("--network", networks[0]));
        h.container(TRAEFIK, opts, "sh", "-c", "mkdir -p /etc/traefik && printf '%s' \"$TRAEFIK_YML\" > /etc/traefik/traefik.yml && exec sleep 3600");
        for (int i = 1; i < networks.length; i++) h.docker("network", "connect", networks[i], TRAEFIK);
    }

    @Test void multiContainerIsolation() {
        h.dokployNetwork();
        traefik(DOKPLOY_TRAEFIK_YML, DOKPLOY_NETWORK);
        String appDefault = h.network(h.app + "_default");
        String web = h.routedWeb(h.app);
        h.container(h.app + "-postgres-1", concat(compose(h.app, "postgres", null), on(appDefault, "postgres")), "httpd", "-f", "-p", "5432");
        h.awaitListening(web, 3000);

        ProbeReport broken = h.probeScenario("multi-container-isolation (broken)", "web");
        assertFact(broken, "service.kind", "compose");
        assertFact(broken, "service.project", h.app);
        assertFact(broken, "service.name", "web");
        assertFact(broken, "service.has_dependencies", true);
        assertFact(broken, "app.networks", List.of(DOKPLOY_NETWORK));
        assertFact(broken, "dependency.name", "postgres");
        assertFact(broken, "dependency.networks", List.of(appDefault));
        assertFact(broken, "dependency.running", true);
        assertFact(broken, "dependency.shares_network", false);
        assertFact(broken, "app.dns_failure", true);
        assertEvidence(broken, "app.dns_failure", "nslookup postgres");
        assertFact(broken, "containers.running", true);
        assertFact(broken, "container.health", "none");
        assertFact(broken, "traefik.on_dokploy_network", true);
        assertFact(broken, "traefik.docker_network_label", DOKPLOY_NETWORK);
        assertFact(broken, "domain.host", h.domain);
        assertFact(broken, "domain.port", 3000L);
        assertFact(broken, "app.listen_address", "0.0.0.0");
        assertFact(broken, "app.listen_port", 3000L);
        assertFact(broken, "traefik.router_present", true);
        assertFact(broken, "traefik.provider_network", DOKPLOY_NETWORK);
        expectCause("isolation", broken, "multi-container-isolation");

        h.docker("network", "connect", "--alias", "web", appDefault, web);   // the dual-network fix

        ProbeReport fixed = h.probeScenario("multi-container-isolation (fixed)", "web");
        assertFact(fixed, "app.dns_failure", false);
        assertFact(fixed, "dependency.shares_network", true);
        assertEquals(List.of(DOKPLOY_NETWORK, appDefault), ((List<?>) value(fixed, "app.networks")).stream().sorted().toList());
        expectNoFault("isolation fixed", fixed);
    }

    @Test void traefikNotOnDokployNetwork() {
        h.dokployNetwork();
        traefik(DOKPLOY_TRAEFIK_YML);   // default bridge only: recreated without dokploy-network
        String web = h.routedWeb(h.app);
        h.awaitListening(web, 3000);

        ProbeReport broken = h.probeScenario("traefik-not-on-dokploy-network (broken)", "web");
        assertFact(broken, "traefik.on_dokploy_network", false);
        assertEvidence(broken, "traefik.on_dokploy_network", "bridge");
        assertFact(broken, "app.networks", List.of(DOKPLOY_NETWORK));
        assertFact(broken, "service.has_dependencies", false);
        assertNoFact(broken, "app.dns_failure");
        expectCause("traefik off dokploy-network", broken, "traefik-not-on-dokploy-network");
        assertVerify("traefik-not-on-dokploy-network", broken, false);

        h.docker("network", "connect", DOKPLOY_NETWORK, TRAEFIK);

        ProbeReport fixed = h.probeScenario("traefik-not-on-dokploy-network (fixed)", "web");
        assertFact(fixed, "traefik.on_dokploy_network", true);
        assertVerify("traefik-not-on-dokploy-network", fixed, true);
        expectNoFault("traefik on dokploy-network", fixed);
    }

    @Test void traefikNotRunning() {
        h.dokployNetwork();
        traefik(DOKPLOY_TRAEFIK_YML, DOKPLOY_NETWORK);
        String web = h.routedWeb(h.app);
        h.awaitListening(web, 3000);
        h.docker("stop", "-t", "1", TRAEFIK);   // what a reboot leaves when Traefik does not come back

        ProbeReport broken = h.probeScenario("traefik-not-running (broken)", "web");
        assertFact(broken, "traefik.running", false);
        assertEvidence(broken, "traefik.running", "State.Status=exited");
        assertFact(broken, "containers.running", true);
        expectCauseOnceReported("traefik stopped", broken, "traefik-not-running",
                new dev.dokploydoctor.knowledge.Fact("fault.all_domains", true, dev.dokploydoctor.knowledge.Fact.USER, "reported"));

        h.docker("start", TRAEFIK);

        ProbeReport fixed = h.probeScenario("traefik-not-running (fixed)", "web");
        assertFact(fixed, "traefik.running", true);
        expectNoFault("traefik started", fixed);
    }

    /** A direct-routed sandbox as DokPloy deploys it: a published port, no Traefik labels, no networks. */
    ProbeEnvironment directRoutedCompose(Path composeRoot, int port) throws IOException {
        Path file = composeRoot.resolve(h.app).resolve("code").resolve("docker-compose.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "services:\n  sandbox:\n    image: n8nio/n8n:latest\n    ports:\n      - \"" + port + ":5678\"\n");
        return ProbeEnvironment.fromSystem().withComposeRoot(composeRoot);
    }

    @Test void hostPortHeldByAnotherContainer(@TempDir Path composeRoot) throws IOException {
        int port = freePort();
        ProbeEnvironment env = directRoutedCompose(composeRoot, port);
        h.container(h.app + "-legacy", List.of("-p", port + ":80"), "httpd", "-f", "-p", "80");
        String sandbox = h.app + "-sandbox-1";
        TestHost.Result start = h.containerMayFail(sandbox, concat(compose(h.app, "sandbox", null), List.of("-p", port + ":5678")),
                "httpd", "-f", "-p", "5678");
        assertNotEquals(0, start.code(), "docker run should fail: the port is taken");

        ProbeReport broken = h.probeScenario("host-port-conflict, container (broken)", "sandbox", env);
        assertFact(broken, "compose.networks_declared", false);
        assertFact(broken, "host.port", (long) port);
        assertFact(broken, "host.port_conflict", true);
        assertEvidence(broken, "host.port_conflict", h.app + "-legacy");
        assertFact(broken, "containers.running", false);
        assertEvidence(broken, "containers.running", "already allocated");
        expectCause("port held by a container", broken, "host-port-conflict");

        h.docker("rm", "-f", h.app + "-legacy");
        h.docker("start", sandbox);

        ProbeReport fixed = h.probeScenario("host-port-conflict, container (fixed)", "sandbox", env);
        assertFact(fixed, "host.port", (long) port);
        assertFact(fixed, "host.port_conflict", false);
        assertFact(fixed, "containers.running", true);
        expectNoFault("port freed", fixed);
    }


    @Test void hostPortHeldByAHostProcess(@TempDir Path composeRoot) throws IOException {
        int port = freePort();
        ProbeEnvironment env = directRoutedCompose(composeRoot, port);
        String sandbox = h.app + "-sandbox-1";
        try (ServerSocket hostProcess = new ServerSocket()) {
            hostProcess.bind(new InetSocketAddress(port));   // a process on the host holds the port
            TestHost.Result start = h.containerMayFail(sandbox, concat(compose(h.app, "sandbox", null), List.of("-p", port + ":5678")),
                    "httpd", "-f", "-p", "5678");
            assertNotEquals(0, start.code(), "docker run should fail: a host process holds the port");

            ProbeReport broken = h.probeScenario("host-port-conflict, host process (broken)", "sandbox", env);
            assertFact(broken, "host.port", (long) port);
            assertFact(broken, "host.port_conflict", true);
            assertEvidence(broken, "host.port_conflict", "a host process listens");
            assertFact(broken, "containers.running", false);
            expectCause("port held by a host process", broken, "host-port-conflict");
        }
        h.docker("start", sandbox);

        ProbeReport fixed = h.probeScenario("host-port-conflict, host process (fixed)", "sandbox", env);
        assertFact(fixed, "host.port_conflict", false);
        assertFact(fixed, "containers.running", true);
        expectNoFault("host port freed", fixed);
    }

    @Test void composeServiceWithoutNetworkConfig(@TempDir Path composeRoot) throws IOException {
        h.dokployNetwork();
        traefik(DOKPLOY_TRAEFIK_YML, DOKPLOY_NETWORK);
        String appDefault = h.network(h.app + "_default");
        Path file = composeRoot.resolve(h.app).resolve("code").resolve("docker-compose.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                services:
                  app:
                    image: ghcr.io/example/app:latest
                    labels:
                      - traefik.enable=true
                      - traefik.http.routers.%1$s-1-web.rule=Host(`%2$s`)
                      - traefik.http.services.%1$s-1-web.loadbalancer.server.port=3000
                """.formatted(h.app, h.domain));
        String ctr = h.container(h.app + "-app-1", concat(compose(h.app, "app", null), traefikLabels(h.app, h.domain, 3000, null),
                on(appDefault, "app")), "httpd", "-f", "-p", "3000");
        h.awaitListening(ctr, 3000);
        ProbeEnvironment env = ProbeEnvironment.fromSystem().withComposeRoot(composeRoot);

        ProbeReport broken = h.probe(new ProbeTarget("app", h.app, null), env);
        assertDeclared(broken);
        record("external-compose-without-network (broken)", broken);
        assertFact(broken, "compose.networks_declared", false);
        assertEvidence(broken, "compose.networks_declared", "absent");
        assertFact(broken, "compose.labels_form", "list");
        assertFact(broken, "app.networks", List.of(appDefault));
        assertFact(broken, "traefik.on_dokploy_network", true);
        assertFact(broken, "traefik.docker_network_label", "");
        expectCause("compose without networks", broken, "external-compose-without-network");

        // the fix: declare dokploy-network on the service and redeploy (here: connect it, as compose would)
        Files.writeString(file, """
                services:
                  app:
                    image: ghcr.io/example/app:latest
                    networks: [dokploy-network, default]
                    labels:
                      - traefik.enable=true
                      - traefik.http.routers.%1$s-1-web.rule=Host(`%2$s`)
                      - traefik.http.services.%1$s-1-web.loadbalancer.server.port=3000
                networks:
                  dokploy-network:
                    external: true
                """.formatted(h.app, h.domain));
        h.docker("network", "connect", "--alias", "app", DOKPLOY_NETWORK, ctr);

        ProbeReport fixed = h.probe(new ProbeTarget("app", h.app, null), env);
        assertDeclared(fixed);
        record("external-compose-without-network (fixed)", fixed);
        assertFact(fixed, "compose.networks_declared", true);
        assertEvidence(fixed, "compose.networks_declared", "is external");
        assertTrue(((List<?>) value(fixed, "app.networks")).contains(DOKPLOY_NETWORK));
        expectNoFault("compose networks declared", fixed);
    }

    @Test void multiNetworkServiceWithoutNetworkLabel() {
        h.dokployNetwork();
        traefik("providers:\n  docker:\n    exposedByDefault: false\n", DOKPLOY_NETWORK);   // no default network
        String appDefault = h.network(h.app + "_default");
        String web = h.app + "-web-1";
        List<String> base = concat(compose(h.app, "web", null), on(DOKPLOY_NETWORK, "web"));
        h.container(web, concat(base, traefikLabels(h.app, h.domain, 3000, null)), "httpd", "-f", "-p", "3000");
        h.docker("network", "connect", "--alias", "web", appDefault, web);
        h.container(h.app + "-redis-1", concat(compose(h.app, "redis", null), on(appDefault, "redis")), "httpd", "-f", "-p", "6379");

        ProbeReport broken = h.probeScenario("traefik-network-label-missing (broken)", "web");
        assertFact(broken, "traefik.docker_network_label", "");
        assertFact(broken, "traefik.provider_network", "");
        assertEquals(2, ((List<?>) value(broken, "app.networks")).size());
        assertFact(broken, "app.dns_failure", false);
        // Traefik's random pick shows as a gateway error that comes and goes
        expectCauseOnceReported("several networks, no label", broken, "traefik-network-label-missing",
                new dev.dokploydoctor.knowledge.Fact("http.status", 504L, dev.dokploydoctor.knowledge.Fact.USER, "reported"),
                new dev.dokploydoctor.knowledge.Fact("http.intermittent", true, dev.dokploydoctor.knowledge.Fact.USER, "reported"));

        // the fix: redeploy with traefik.docker.network=dokploy-network (labels only change on a new container)
        h.docker("rm", "-f", web);
        h.container(web, concat(base, traefikLabels(h.app, h.domain, 3000, DOKPLOY_NETWORK)), "httpd", "-f", "-p", "3000");
        h.docker("network", "connect", "--alias", "web", appDefault, web);

        ProbeReport fixed = h.probeScenario("traefik-network-label-missing (fixed)", "web");
        assertFact(fixed, "traefik.docker_network_label", DOKPLOY_NETWORK);
        expectNoFault("network label set", fixed);
    }

    @Test void unhealthyContainer() {
        h.dokployNetwork();
        traefik(DOKPLOY_TRAEFIK_YML, DOKPLOY_NETWORK);
        String web = h.container(h.app + "-web-1", concat(routedWebOptions(h.app, 3000), List.of("--health-cmd", "[ -f /tmp/ready ]", "--health-interval", "1s",
                        "--health-retries", "1", "--health-timeout", "1s")), "httpd", "-f", "-p", "3000");
        h.awaitHealth(web, "unhealthy");

        ProbeReport broken = h.probeScenario("container-unhealthy (broken)", "web");
        assertFact(broken, "container.health", "unhealthy");
        assertEvidence(broken, "container.health", "FailingStreak");
        assertFact(broken, "containers.running", true);
        assertFact(broken, "traefik.router_present", false);   // Traefik drops unhealthy containers
        assertEvidence(broken, "traefik.router_present", "unhealthy");
        expectCause("unhealthy", broken, "container-unhealthy");
        assertVerify("container-unhealthy", broken, false);

        h.docker("exec", web, "touch", "/tmp/ready");   // the app becomes ready
        h.awaitHealth(web, "healthy");

        ProbeReport fixed = h.probeScenario("container-unhealthy (fixed)", "web");
        assertFact(fixed, "container.health", "healthy");
        assertFact(fixed, "traefik.router_present", true);
        assertVerify("container-unhealthy", fixed, true);
        expectNoFault("healthy", fixed);
    }

    @Test void appListensOnLocalhost() {
        h.dokployNetwork();
        traefik(DOKPLOY_TRAEFIK_YML, DOKPLOY_NETWORK);
        String web = h.app + "-web-1";
        List<String> opts = routedWebOptions(h.app, 3000);
        h.container(web, opts, "httpd", "-f", "-p", "127.0.0.1:3000");
        h.awaitListening(web, 3000);

        ProbeReport broken = h.probeScenario("app-listens-on-localhost (broken)", "web");
        assertFact(broken, "app.listen_address", "127.0.0.1");
        assertFact(broken, "app.listen_bound", "127.0.0.1");
        assertFact(broken, "app.listen_port", 3000L);
        assertFact(broken, "domain.port", 3000L);
        // Traefik's connection to the container's address is refused: the user sees a 502
        expectCauseOnceReported("bound to loopback", broken, "app-listens-on-localhost",
                new dev.dokploydoctor.knowledge.Fact("http.status", 502L, dev.dokploydoctor.knowledge.Fact.USER, "reported"));
        assertVerify("app-listens-on-localhost", broken, false);

        // the fix: bind to all interfaces (HOSTNAME=0.0.0.0 / --host 0.0.0.0) and redeploy
        h.docker("rm", "-f", web);
        h.container(web, opts, "httpd", "-f", "-p", "0.0.0.0:3000");
        h.awaitListening(web, 3000);

        ProbeReport fixed = h.probeScenario("app-listens-on-localhost (fixed)", "web");
        assertFact(fixed, "app.listen_address", "0.0.0.0");
        assertFact(fixed, "app.listen_port", 3000L);
        assertVerify("app-listens-on-localhost", fixed, true);
        expectNoFault("bound to all interfaces", fixed);
    }

    /** The domain's port (3000, the label) is not the port the app listens on (8080). */
    @Test void wrongContainerPort() {
        h.dokployNetwork();
        traefik(DOKPLOY_TRAEFIK_YML, DOKPLOY_NETWORK);
        String web = h.app + "-web-1";
        h.container(web, routedWebOptions(h.app, 3000),
                "httpd", "-f", "-p", "8080");
        h.awaitListening(web, 8080);

        ProbeReport broken = h.probeScenario("wrong-container-port (broken)", "web");
        assertFact(broken, "domain.port", 3000L);
        assertFact(broken, "app.listen_port", 8080L);
        expectCause("wrong port", broken, "wrong-container-port");
        assertVerify("wrong-container-port", broken, false);
        // user15 uc18: the label fix rewrites the service label the container has (<app>-1-web), not one named
        // after the compose service (web), which would add a second Traefik service the router does not link to
        assertFact(broken, "traefik.service_name", h.app + "-1-web");
        dev.dokploydoctor.knowledge.FixPlan plan = dev.dokploydoctor.knowledge.FixPlan.of(ENGINE.knowledge().cause("wrong-container-port"),
                dev.dokploydoctor.engine.Engine.placeholderValues(broken.facts()), VOCABULARY);
        assertTrue(plan.fixes().stream().anyMatch(f -> f.fix().compose() != null
                && f.fix().compose().contains("traefik.http.services." + h.app + "-1-web.loadbalancer.server.port=8080")), plan.fixes().toString());

        // the fix: the domain's port set to 8080, and the redeploy that writes the label again
        h.docker("rm", "-f", web);
        h.container(web, routedWebOptions(h.app, 8080),
                "httpd", "-f", "-p", "8080");
        h.awaitListening(web, 8080);

        ProbeReport fixed = h.probeScenario("wrong-container-port (fixed)", "web");
        assertFact(fixed, "domain.port", 8080L);
        assertVerify("wrong-container-port", fixed, true);
        // the verify step before this fix grepped the JSON labels for port=NNNN: it never matched
        String old = h.shell("docker inspect " + web + " --format '{{json .Config.Labels}}' | grep -o 'loadbalancer.server.port=[0-9]*'").output();
        assertEquals("", old.strip(), "the JSON form reads port\":\"8080\"");
        expectNoFault("port matches", fixed);
    }

    /** An image without getent or nslookup (PATH points nowhere): DNS falls back to comparing networks, sockets come from the host's /proc. */
    @Test void imageWithoutResolverTools() {
        String appDefault = h.network(h.app + "_default");
        String isolated = h.network(h.app + "_isolated");
        String web = h.container(h.app + "-web-1", concat(compose(h.app, "web", null), on(isolated, "web"), List.of("-e", "PATH=/nowhere")),
                "/bin/httpd", "-f", "-p", "127.0.0.1:3000");
        h.container(h.app + "-db-1", concat(compose(h.app, "db", null), on(appDefault, "db")), "httpd", "-f", "-p", "5432");
        TestHost.sleep(300);

        ProbeReport r = h.probeScenario("image without getent/nslookup", "web");
        assertFact(r, "app.dns_failure", true);
        assertEvidence(r, "app.dns_failure", "inferred");
        assertFact(r, "app.listen_address", "127.0.0.1");
        assertEvidence(r, "app.listen_address", "/net/tcp");
    }
}
