package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.dokploydoctor.knowledge.FixPlanMemoTest.KNOWLEDGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixes that fit the user's setup (user10 finding 13): a tunnel-only fix is not shown to a user
 * without a tunnel, and "set these first" names every variable the fixes use and do not set.
 */
class FixPlanTest {
    static final Cause FLEXIBLE = KNOWLEDGE.causes().get("cloudflare-flexible-ssl-loop");

    private static List<String> titles(FixPlan p) {
        List<String> out = new ArrayList<>();
        for (FixPlan.Step s : p.fixes()) out.add((s.onlyIf() == null ? "" : "(" + s.onlyIf() + ") ") + s.fix().title());
        return out;
    }

    private static List<String> names(FixPlan p) { return p.setFirst().stream().map(FixPlan.Variable::name).toList(); }

    @Test
    void theTunnelFixOnlyForATunnel() {
        FixPlan none = FixPlan.of(FLEXIBLE, Map.of("tunnel.used", "false"), KNOWLEDGE.vocabulary());
        assertEquals(1, none.fixes().size(), titles(none).toString());
        assertFalse(titles(none).get(0).contains("Tunnel"), titles(none).toString());
        FixPlan tunnel = FixPlan.of(FLEXIBLE, Map.of("tunnel.used", "true"), KNOWLEDGE.vocabulary());
        assertEquals(2, tunnel.fixes().size());
        // its tunnel fact is known; the fix is DokPloy's, and nobody said DokPloy: labelled as such
        assertEquals("only if dokploy.used = true", tunnel.fixes().get(1).onlyIf());
        FixPlan onDokploy = FixPlan.of(FLEXIBLE, Map.of("tunnel.used", "true", "dokploy.used", "true"), KNOWLEDGE.vocabulary());
        assertEquals(null, onDokploy.fixes().get(1).onlyIf());
        FixPlan unknown = FixPlan.of(FLEXIBLE, Map.of(), KNOWLEDGE.vocabulary());
        assertEquals("only if tunnel.used = true and dokploy.used = true", unknown.fixes().get(1).onlyIf());
    }

    /**
     * user20: the session knew the app's mapping ("ports: - 13378:80", app.published_port) and not host.port; the fix
     * said "route to http://localhost:$HOST_PORT" and listed HOST_PORT to set. host.port is the host port the service
     * publishes: the mapping's host side fills it. A host.port of its own (the clashing port a deploy named) wins.
     */
    @Test
    void thePublishedPortFillsTheHostPort() {
        Cause origin = KNOWLEDGE.causes().get("tunnel-origin-unreachable");
        Map<String, String> facts = Map.of("cloudflared.in_docker", "false", "traefik.used", "false", "app.published_port", "13378");
        FixPlan plan = FixPlan.of(origin, facts, KNOWLEDGE.vocabulary());
        assertTrue(titles(plan).get(0).contains("http://localhost:13378"), titles(plan).toString());
        assertFalse(names(plan).contains("HOST_PORT"), names(plan).toString());
        assertTrue(String.join("\n", plan.fixes().get(0).fix().commands()).contains("curl -sI http://localhost:13378/"));
        FixPlan.Memo memo = new FixPlan.Memo(KNOWLEDGE.vocabulary());
        assertEquals(titles(plan), titles(memo.of(origin, facts)));
        // the memo tells two sessions apart by the mapping when host.port is unknown
        Map<String, String> other = Map.of("cloudflared.in_docker", "false", "traefik.used", "false", "app.published_port", "8080");
        assertTrue(titles(memo.of(origin, other)).get(0).contains("http://localhost:8080"));
        Cause conflict = KNOWLEDGE.causes().get("host-port-conflict");
        FixPlan own = FixPlan.of(conflict, Map.of("host.port", "5678", "app.published_port", "8080"), KNOWLEDGE.vocabulary());
        assertTrue(titles(own).get(0).contains("5678"), titles(own).toString());
    }

    /**
     * user12 U22: cloudflared on the host, no Traefik, the app's port 80 published as 13378: the fix was "route to
     * http://localhost:80, the port Traefik publishes", the user's own mistake. Without Traefik it is the published port.
     */
    @Test
    void withoutTraefikTheTunnelRoutesToThePortTheAppPublishes() {
        Cause origin = KNOWLEDGE.causes().get("tunnel-origin-unreachable");
        FixPlan host = FixPlan.of(origin, Map.of("cloudflared.in_docker", "false", "traefik.used", "false", "host.port", "13378"),
                KNOWLEDGE.vocabulary());
        List<String> titles = titles(host);
        assertTrue(titles.stream().noneMatch(t -> t.contains("localhost:80") || t.contains("dokploy-traefik")), titles.toString());
        assertTrue(titles.get(0).contains("http://localhost:13378"), titles.toString());
        // with Traefik (DokPloy) the host's port 80 is Traefik's and stays the fix
        List<String> traefik = titles(FixPlan.of(origin, Map.of("cloudflared.in_docker", "false", "traefik.used", "true"), KNOWLEDGE.vocabulary()));
        assertTrue(traefik.get(0).contains("localhost:80"), traefik.toString());
        assertTrue(traefik.stream().noneMatch(t -> t.contains("No Traefik")), traefik.toString());
    }

    /**
     * user11 S11/S1/S6: a user who runs no DokPloy (or no Traefik) gets the generic fix and no DokPloy API or
     * dokploy-traefik block; a user who has not said which stack sees both, each labelled with the stack it is
     * for (user13 V4, F6, F10: DokPloy's blocks unlabelled read as the fix for a Home Assistant or plain Traefik
     * user; Traefik's image line first, as it fits every stack).
     */
    @Test
    void otherStacksGetTheGenericFixAndNoDokployBlocks() {
        Cause api = KNOWLEDGE.causes().get("docker-api-too-new-for-traefik");
        List<String> plain = titles(FixPlan.of(api, Map.of("dokploy.used", "false"), KNOWLEDGE.vocabulary()));
        assertTrue(plain.get(0).contains("v3.6.1") && plain.get(0).contains("v2.11.31"), plain.toString());
        assertTrue(plain.stream().noneMatch(t -> t.contains("dokploy-traefik") || t.contains("DokPloy")), plain.toString());
        List<String> dokploy = titles(FixPlan.of(api, Map.of("dokploy.used", "true"), KNOWLEDGE.vocabulary()));
        assertTrue(dokploy.get(0).contains("dokploy-traefik"), dokploy.toString());
        List<String> unsaid = titles(FixPlan.of(api, Map.of(), KNOWLEDGE.vocabulary()));
        assertTrue(unsaid.size() > plain.size(), unsaid.toString());
        assertTrue(unsaid.stream().filter(t -> t.contains("dokploy-traefik")).allMatch(t -> t.startsWith("(only if dokploy.used = true) ")), unsaid.toString());
        assertTrue(unsaid.get(0).startsWith("(only if dokploy.used = false) "), unsaid.toString());

        Cause port = KNOWLEDGE.causes().get("wrong-container-port");
        List<String> npm = titles(FixPlan.of(port, Map.of("dokploy.used", "false", "traefik.used", "false", "service.kind", "compose", "app.listen_port", "8080"), KNOWLEDGE.vocabulary()));
        // the port is known (user24 s1): nothing left to find
        assertEquals(List.of(
                "Point your proxy at the port the app listens on (8080): on the app's Docker network the upstream is <app>:8080 (Caddy's reverse_proxy, Nginx Proxy Manager's Forward Port, nginx-proxy's VIRTUAL_PORT); a proxy that dials the host needs the container side of the ports: mapping to be 8080"), npm);
        // the mapping's host side is the one the proxy dials, never a port written for it (user13 O2: "80:80" took Caddy's own port)
        FixPlan caddy = FixPlan.of(port, Map.of("dokploy.used", "false", "traefik.used", "false", "app.listen_port", "80", "app.published_port", "8080"), KNOWLEDGE.vocabulary());
        assertTrue(caddy.fixes().get(0).fix().compose().contains("\"8080:80\""), caddy.fixes().get(0).fix().compose());
        assertTrue(npm.stream().noneMatch(t -> t.contains("Domains > edit")), npm.toString());

        Cause loop = KNOWLEDGE.causes().get("https-redirect-loop-behind-tunnel");
        List<String> npmLoop = titles(FixPlan.of(loop, Map.of("dokploy.used", "false", "traefik.used", "false"), KNOWLEDGE.vocabulary()));
        assertEquals(1, npmLoop.size(), npmLoop.toString());
        assertTrue(npmLoop.get(0).contains("Force SSL off"), npmLoop.toString());
    }

    /**
     * user23 s8 (nginx-proxy/acme-companion#793): an nginx-proxy user rate-limited by Let's Encrypt was shown only Traefik's
     * blocks ("Your own Traefik", $TRAEFIK_CONTAINER); without Traefik the proxy's own ACME client is the one to keep and wait on.
     */
    @Test
    void aRateLimitBehindAnotherProxyGetsItsOwnAcmeClientsFix() {
        Cause limited = KNOWLEDGE.causes().get("letsencrypt-rate-limited");
        FixPlan nginx = FixPlan.of(limited, Map.of("traefik.used", "false", "dokploy.used", "false"), KNOWLEDGE.vocabulary());
        List<String> t = titles(nginx);
        assertEquals(1, t.size(), t.toString());
        assertTrue(t.get(0).startsWith("Your proxy's own ACME client"), t.toString());
        assertTrue(names(nginx).contains("PROXY_CONTAINER") && !names(nginx).contains("TRAEFIK_CONTAINER"), names(nginx).toString());
        List<String> traefik = titles(FixPlan.of(limited, Map.of("traefik.used", "true", "dokploy.used", "false"), KNOWLEDGE.vocabulary()));
        assertTrue(traefik.get(0).startsWith("Your own Traefik") && traefik.stream().noneMatch(x -> x.contains("own ACME client")), traefik.toString());
    }

    /** user23 s14: "no dokploy here, plain docker compose" behind nginx was given dokploy-traefik in proxy-timeout's check and verify line. */
    @Test
    void aProxyTimeoutWithoutDokployNamesNoDokployContainer() {
        Cause timeout = KNOWLEDGE.causes().get("proxy-timeout");
        FixPlan plain = FixPlan.of(timeout, Map.of("dokploy.used", "false", "traefik.used", "false"), KNOWLEDGE.vocabulary());
        assertTrue(commands(plain).stream().noneMatch(c -> c.contains("dokploy-traefik")), titles(plain).toString());
        assertFalse(plain.verify().contains("dokploy-traefik"), plain.verify());
        assertTrue(names(plain).contains("PROXY_CONTAINER"), names(plain).toString());
        FixPlan dokploy = FixPlan.of(timeout, Map.of("dokploy.used", "true", "traefik.used", "true"), KNOWLEDGE.vocabulary());
        assertTrue(dokploy.verify().contains("dokploy-traefik") && !names(dokploy).contains("PROXY_CONTAINER"), dokploy.verify() + " " + names(dokploy));
    }

    /** user23 s9: a route that names an old address (a restored server) gets a fix for every stack, not only Docker networks and Traefik. */
    @Test
    void aTunnelRouteToAnOldAddressGetsAFixOnEveryStack() {
        Cause origin = KNOWLEDGE.causes().get("tunnel-origin-unreachable");
        for (Map<String, String> stack : List.of(Map.<String, String>of(), Map.of("traefik.used", "false", "cloudflared.in_docker", "true"),
                Map.of("traefik.used", "true", "dokploy.used", "true", "cloudflared.in_docker", "false")))
            assertTrue(titles(FixPlan.of(origin, stack, KNOWLEDGE.vocabulary())).stream().anyMatch(t -> t.startsWith("The route names an address that does not answer")), stack.toString());
    }

    /** user11b V3, V5, W2: blocks written for DokPloy, Traefik or a tunnel, shown to a user who said there is none. */
    @Test
    void blocksForAComponentTheUserHasNotAreHidden() {
        List<String> caddy = titles(FixPlan.of(FLEXIBLE, Map.of("tunnel.used", "true", "dokploy.used", "false"), KNOWLEDGE.vocabulary()));
        assertTrue(caddy.stream().noneMatch(t -> t.contains("DokPloy")), caddy.toString());

        Cause conflict = KNOWLEDGE.causes().get("host-port-conflict");
        List<String> npm = titles(FixPlan.of(conflict, Map.of("traefik.used", "false", "tunnel.used", "false"), KNOWLEDGE.vocabulary()));
        assertTrue(npm.stream().noneMatch(t -> t.contains("Traefik") || t.contains("tunnel")), npm.toString());

        Cause stopped = KNOWLEDGE.causes().get("dependency-not-running");
        FixPlan plain = FixPlan.of(stopped, Map.of("dokploy.used", "false", "dependency.name", "wekandb"), KNOWLEDGE.vocabulary());
        assertTrue(commands(plain).stream().noneMatch(c -> c.contains("/etc/dokploy")), titles(plain).toString());
        assertTrue(commands(plain).stream().anyMatch(c -> c.contains("up -d wekandb")), titles(plain).toString());
        FixPlan dokploy = FixPlan.of(stopped, Map.of("dokploy.used", "true"), KNOWLEDGE.vocabulary());
        assertTrue(commands(dokploy).stream().anyMatch(c -> c.contains("/etc/dokploy/compose")), titles(dokploy).toString());
    }

    @Test
    void theNetworkToCreateIsTheOneTheErrorNamed() {   // user11 S22: NET=supabase, a leftover example
        Cause missing = KNOWLEDGE.causes().get("external-network-missing");
        FixPlan p = FixPlan.of(missing, Map.of("compose.external_network", "wp-traefik-local"), KNOWLEDGE.vocabulary());
        String first = p.fixes().get(0).fix().commands().get(0);
        assertTrue(first.contains("NET=wp-traefik-local"), first);
        assertFalse(first.contains("supabase"), first);
    }

    @Test
    void aHostProcessHoldingThePortGetsItsOwnFix() {   // user11 S16: systemd-resolved on :53
        Cause conflict = KNOWLEDGE.causes().get("host-port-conflict");
        List<String> host = titles(FixPlan.of(conflict, Map.of("host.port", "53", "host.port_held_by_host", "true",
                "host.port_process", "systemd-resolve"), KNOWLEDGE.vocabulary()));
        assertTrue(host.stream().anyMatch(t -> t.startsWith("The holder is a process on the host (systemd-resolve)")), host.toString());
        List<String> container = titles(FixPlan.of(conflict, Map.of("host.port", "80", "host.port_held_by_host", "false"), KNOWLEDGE.vocabulary()));
        assertTrue(container.stream().noneMatch(t -> t.contains("process on the host")), container.toString());
    }

    @Test
    void setTheseFirstNamesTheTokensTheFixUses() {
        FixPlan p = FixPlan.of(FLEXIBLE, Map.of("tunnel.used", "false", "domain.host", "shop.example.com"), KNOWLEDGE.vocabulary());
        assertEquals(List.of("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ZONE_ID"), names(p));
        assertTrue(p.setFirst().get(0).line().contains("API Tokens"), p.setFirst().get(0).line());
    }

    @Test
    void aVariableSetInTheFixItselfOrByTheApiBlockIsNotAskedFor() {
        FixPlan.Step step = new FixPlan.Step(new Cause.Fix("t", List.of("APP=$(docker ps -q | head -n1)\ndocker exec \"$APP\" env | grep \"$TOKEN\"",
                "for id in $(seq 3); do echo \"$id ${NET}\"; done"), null, "low"), null);
        assertEquals(Set.of("TOKEN", "NET"), FixPlan.unassigned(List.of(step)));
    }

    @Test
    void everyVariableAFixUsesAndDoesNotSetIsDescribedByItsCause() {
        for (Cause c : KNOWLEDGE.causes().values()) {
            List<FixPlan.Step> all = c.fixes().stream().map(f -> new FixPlan.Step(f, null)).toList();
            for (String name : FixPlan.unassigned(all)) {
                if (name.equals(FixPlan.API_URL) || name.equals(FixPlan.API_KEY)) continue;
                assertTrue(c.variables().containsKey(name), c.id() + " uses $" + name + " without setting it: describe it under variables: in " + c.file());
            }
        }
    }

    /** user13 X3: the systemd-resolved lines (DNSStubListener, resolv.conf) were in the host-process block for port 8000. */
    @Test
    void theDnsStubLinesOnlyForPort53() {
        Cause conflict = KNOWLEDGE.causes().get("host-port-conflict");
        FixPlan web = FixPlan.of(conflict, Map.of("host.port", "8000", "host.port_held_by_host", "true"), KNOWLEDGE.vocabulary());
        assertTrue(commands(web).stream().noneMatch(c -> c.contains("DNSStubListener") || c.contains("resolv.conf")), titles(web).toString());
        assertTrue(titles(web).stream().anyMatch(t -> t.startsWith("The holder is a process on the host")), titles(web).toString());
        FixPlan dns = FixPlan.of(conflict, Map.of("host.port", "53", "host.port_held_by_host", "true"), KNOWLEDGE.vocabulary());
        assertTrue(commands(dns).stream().anyMatch(c -> c.contains("DNSStubListener")), titles(dns).toString());
    }

    /** user13 V5, F6, F10: verify lines naming dokploy-traefik and /etc/dokploy for users who run their own Traefik. */
    @Test
    void theVerifyLineFitsTheStack() {
        for (String id : List.of("letsencrypt-rate-limited", "traefik-network-label-missing", "docker-api-too-new-for-traefik", "traefik-not-on-dokploy-network")) {
            Cause c = KNOWLEDGE.causes().get(id);
            FixPlan plain = FixPlan.of(c, Map.of("dokploy.used", "false"), KNOWLEDGE.vocabulary());
            assertFalse(plain.verify().contains("dokploy-traefik") || plain.verify().contains("dokploy-network"), id + ": " + plain.verify());
            assertTrue(plain.verify().contains("$TRAEFIK_CONTAINER") && names(plain).contains("TRAEFIK_CONTAINER"), id + ": " + plain.verify() + " " + names(plain));
            FixPlan dokploy = FixPlan.of(c, Map.of("dokploy.used", "true"), KNOWLEDGE.vocabulary());
            assertTrue(dokploy.verify().contains("dokploy-traefik") && !dokploy.verify().contains("or (only if"), id + ": " + dokploy.verify());
            FixPlan unsaid = FixPlan.of(c, Map.of(), KNOWLEDGE.vocabulary());
            assertTrue(unsaid.verify().contains("dokploy-traefik") && unsaid.verify().contains("\nor (only if dokploy.used = false): "), id + ": " + unsaid.verify());
        }
        // a structured check belongs to the default stack: a variant's text replaces it
        Cause network = KNOWLEDGE.causes().get("traefik-not-on-dokploy-network");
        assertEquals(null, FixPlan.of(network, Map.of("dokploy.used", "false"), KNOWLEDGE.vocabulary()).check());
        // a proxy other than Traefik: no loadbalancer label to grep
        Cause port = KNOWLEDGE.causes().get("wrong-container-port");
        String npm = FixPlan.of(port, Map.of("traefik.used", "false", "app.listen_port", "8123"), KNOWLEDGE.vocabulary()).verify();
        assertFalse(npm.contains("loadbalancer"), npm);
        assertTrue(npm.contains("Forward Port") && npm.contains("8123"), npm);
    }

    /** user13 F3: Traefik labels written by hand are fixed in the labels, not through DokPloy's domain form. */
    @Test
    void handWrittenTraefikLabelsAreFixedInTheLabel() {
        Cause port = KNOWLEDGE.causes().get("wrong-container-port");
        FixPlan p = FixPlan.of(port, Map.of("traefik.used", "true", "app.listen_port", "80", "service.name", "grocy"), KNOWLEDGE.vocabulary());
        // the port is known: "find the port" is hidden (user24 s1), the label fix leads; not for a DokPloy application
        assertTrue(p.fixes().get(0).fix().compose().contains("loadbalancer.server.port=80"), titles(p).toString());
        assertEquals("only if service.kind = compose", p.fixes().get(0).onlyIf());
        assertEquals(null, FixPlan.of(port, Map.of("traefik.used", "true", "app.listen_port", "80", "dokploy.used", "false"),
                KNOWLEDGE.vocabulary()).fixes().get(0).onlyIf());
    }

    /** user13 F7: no redis container was ever created; 'docker compose up -d redis' fails when the file has no such service. */
    @Test
    void aDependencyNeverCreatedIsAddedToTheComposeFile() {
        Cause stopped = KNOWLEDGE.causes().get("dependency-not-running");
        List<String> t = titles(FixPlan.of(stopped, Map.of("dependency.name", "redis"), KNOWLEDGE.vocabulary()));
        assertTrue(t.stream().anyMatch(x -> x.contains("no redis container was ever created") && x.contains("add it")), t.toString());
    }

    /** user15 uc5: with postgres named, the "add it" fix printed postgres: image: redis:7-alpine and a redis-cli healthcheck. */
    @Test
    void theDependencysSnippetFollowsItsKind() {
        Cause stopped = KNOWLEDGE.causes().get("dependency-not-running");
        String pg = snippets(FixPlan.of(stopped, Map.of("dependency.name", "postgres", "database.kind", "postgres"), KNOWLEDGE.vocabulary()));
        assertTrue(pg.contains("image: postgres:") && pg.contains("pg_isready"), pg);
        assertFalse(pg.contains("redis"), pg);
        String redis = snippets(FixPlan.of(stopped, Map.of("dependency.name", "myapp-redis"), KNOWLEDGE.vocabulary()));
        assertTrue(redis.contains("image: redis:") && redis.contains("redis-cli"), redis);
        assertFalse(redis.contains("postgres"), redis);
        String maria = snippets(FixPlan.of(stopped, Map.of("dependency.name", "MariaDB"), KNOWLEDGE.vocabulary()));
        assertTrue(maria.contains("image: mariadb:") && !maria.contains("image: mysql"), maria);
        // a name that tells nothing: no guessed image, no test that pretends to fit
        String db = snippets(FixPlan.of(stopped, Map.of("dependency.name", "db", "database.kind", "postgres"), KNOWLEDGE.vocabulary()));
        assertFalse(db.contains("image: redis") || db.contains("image: postgres"), db);
        assertFalse(db.contains("test: [\"CMD\", \"redis-cli\""), db);
    }

    /** Every command of the plan's fixes, in order. */
    private static List<String> commands(FixPlan p) { return p.fixes().stream().flatMap(f -> f.fix().commands().stream()).toList(); }

    /** All the plan shows as text: its compose snippets, its commands and its check. */
    private static String shown(FixPlan p) { return snippets(p) + commands(p) + p.verify(); }

    private static String snippets(FixPlan p) {
        StringBuilder sb = new StringBuilder();
        for (FixPlan.Step s : p.fixes()) if (s.fix().compose() != null) sb.append(s.fix().compose()).append('\n');
        return sb.toString();
    }

    /** user15 uc1: a DokPloy Application was told to edit docker-compose.yml and check a compose label it does not have. */
    @Test
    void anApplicationGetsItsEnvironmentTabAndItsSwarmLabel() {
        Cause localhost = KNOWLEDGE.causes().get("app-listens-on-localhost");
        FixPlan app = FixPlan.of(localhost, Map.of("service.kind", "application", "dokploy.used", "true", "service.name", "shop-web-x1y2",
                "app.listen_port", "3000"), KNOWLEDGE.vocabulary());
        String all = shown(app);
        assertFalse(all.contains("com.docker.compose") || all.contains("services:"), all);
        assertTrue(titles(app).get(0).contains("Environment tab") && titles(app).get(0).contains("app.listen(3000, '0.0.0.0')"), titles(app).toString());
        assertTrue(app.fixes().get(0).fix().commands().get(0).startsWith("docker service update --env-add HOSTNAME=0.0.0.0"), titles(app).toString());
        assertTrue(app.verify().contains("com.docker.swarm.service.name=shop-web-x1y2"), app.verify());
        assertFalse(names(app).contains("SERVICE_PROJECT"), "the compose check is not shown, its variables not asked: " + names(app));
        FixPlan compose = FixPlan.of(localhost, Map.of("service.kind", "compose"), KNOWLEDGE.vocabulary());
        assertTrue(titles(compose).stream().noneMatch(t -> t.contains("Environment tab")), titles(compose).toString());
        // not said: both, each labelled by the stack it is for (an enum of two values is named, not negated)
        List<String> unsaid = titles(FixPlan.of(localhost, Map.of(), KNOWLEDGE.vocabulary()));
        assertTrue(unsaid.get(0).startsWith("(only if service.kind = compose) "), unsaid.toString());
        assertTrue(unsaid.get(1).startsWith("(only if service.kind = application and dokploy.used = true) "), unsaid.toString());
    }

    /** user23 s1, s2: a docker run user (no compose file) was shown compose snippets, compose labels and $SERVICE_NAME. */
    @Test
    void aDockerRunUserGetsDockerRunFlagsNotComposeFixes() {
        Cause localhost = KNOWLEDGE.causes().get("app-listens-on-localhost");
        // as the engine gives them: app.docker_run implies dokploy.used = false and app.in_container = true
        FixPlan run = FixPlan.of(localhost, Map.of("app.docker_run", "true", "dokploy.used", "false", "app.in_container", "true",
                "app.listen_port", "3000"), KNOWLEDGE.vocabulary());
        String all = shown(run);
        assertFalse(all.contains("com.docker.compose") || all.contains("services:") || all.contains("docker service"), all);
        assertTrue(titles(run).stream().allMatch(t -> !t.startsWith("(only if")), titles(run).toString());
        assertTrue(all.contains("docker run -d --name \"$CONTAINER\" -e HOSTNAME=0.0.0.0"), all);
        assertTrue(run.verify().startsWith("docker exec \"$CONTAINER\""), run.verify());
        assertTrue(names(run).contains("CONTAINER") && !names(run).contains("SERVICE_NAME") && !names(run).contains("SERVICE_PROJECT"), names(run).toString());
        // nobody said docker run: the compose fix carries no "(only if app.docker_run = false)", the docker run fixes are not shown
        FixPlan unsaid = FixPlan.of(localhost, Map.of(), KNOWLEDGE.vocabulary());
        assertTrue(titles(unsaid).stream().noneMatch(t -> t.contains("docker_run") || t.contains("remove the container and run it again")), titles(unsaid).toString());
        assertFalse(unsaid.verify().contains("$CONTAINER"), unsaid.verify());
    }

    /** user23 s2: service.kind is a DokPloy choice; "(only if service.kind = compose)" means nothing after "no DokPloy". */
    @Test
    void noServiceKindLabelForAUserWithoutDokploy() {
        Cause localhost = KNOWLEDGE.causes().get("app-listens-on-localhost");
        List<String> noDokploy = titles(FixPlan.of(localhost, Map.of("dokploy.used", "false"), KNOWLEDGE.vocabulary()));
        assertTrue(noDokploy.stream().noneMatch(t -> t.contains("service.kind")), noDokploy.toString());
        assertTrue(noDokploy.stream().noneMatch(t -> t.contains("Environment tab")), noDokploy.toString());
        // the memo keys its plans on the fact the label hangs on
        assertTrue(Set.of(FixPlan.Memo.keysRead(localhost, KNOWLEDGE.vocabulary())).contains("dokploy.used"));
    }

    /** user15 uc18: the probe read traefik.http.services.ucweb...; the fix wrote traefik.http.services.web..., a second service. */
    @Test
    void theLabelFixKeepsTheServiceNameTheLabelHas() {
        Cause port = KNOWLEDGE.causes().get("wrong-container-port");
        FixPlan p = FixPlan.of(port, Map.of("traefik.used", "true", "app.listen_port", "8080", "service.name", "web",
                "traefik.service_name", "ucweb"), KNOWLEDGE.vocabulary());
        String label = p.fixes().stream().filter(f -> f.fix().title().startsWith("Traefik labels you wrote")).findFirst().orElseThrow().fix().compose();
        assertTrue(label.contains("traefik.http.services.ucweb.loadbalancer.server.port=8080"), label);
        assertFalse(label.contains("services.web."), label);
        FixPlan unknown = FixPlan.of(port, Map.of("traefik.used", "true", "app.listen_port", "8080"), KNOWLEDGE.vocabulary());
        assertTrue(names(unknown).contains("TRAEFIK_SERVICE_NAME"), names(unknown).toString());
    }

    /** user15 uc10: the DokPloy installer refused port 80 held by the host's nginx; the fixes spoke only of a compose service. */
    @Test
    void dokploysOwnPortsHeldByAHostServerGetTheInstallersWay() {
        Cause conflict = KNOWLEDGE.causes().get("host-port-conflict");
        FixPlan p = FixPlan.of(conflict, Map.of("host.port", "80", "host.port_held_by_host", "true", "dokploy.used", "true"), KNOWLEDGE.vocabulary());
        String cmds = commands(p).toString();
        assertTrue(cmds.contains("TRAEFIK_PORT=") && cmds.contains("systemctl disable --now nginx"), cmds);
        FixPlan plain = FixPlan.of(conflict, Map.of("host.port", "80", "host.port_held_by_host", "true", "dokploy.used", "false"), KNOWLEDGE.vocabulary());
        assertTrue(commands(plain).stream().noneMatch(c -> c.contains("TRAEFIK_PORT")), titles(plain).toString());
    }

    /**
     * user24 h2: the user said there is no tunnel; the first fix routed the tunnel, the advice and the check used
     * cloudflared, the next fix said "HTTPS off behind the tunnel".
     */
    @Test
    void noTunnelNoTunnelRoute() {
        Cause external = KNOWLEDGE.causes().get("external-compose-without-network");
        Map<String, String> none = Map.of("tunnel.used", "false", "service.kind", "compose", "compose.editable", "false", "dokploy.used", "true");
        FixPlan p = FixPlan.of(external, none, KNOWLEDGE.vocabulary());
        assertTrue(titles(p).stream().noneMatch(t -> t.contains("tunnel")), titles(p).toString());
        assertFalse(p.verify().contains("cloudflared"), p.verify());
        String all = commands(p).toString();
        assertFalse(all.contains("HTTPS off behind the tunnel"), all);
        // the advice it points to has no fix for this host (OutcomeView then shows no advice line)
        assertTrue(FixPlan.of(KNOWLEDGE.causes().get(external.advice()), none, KNOWLEDGE.vocabulary()).fixes().isEmpty());
        // with a tunnel (and while nobody said) the direct route still leads
        FixPlan tunnel = FixPlan.of(external, Map.of("tunnel.used", "true"), KNOWLEDGE.vocabulary());
        assertTrue(titles(tunnel).get(0).startsWith("Route the tunnel directly"), titles(tunnel).toString());
        assertTrue(tunnel.verify().contains("cloudflared tunnel ingress rule"), tunnel.verify());
        assertEquals("only if tunnel.used = true", FixPlan.of(external, Map.of(), KNOWLEDGE.vocabulary()).fixes().get(0).onlyIf());
        assertFalse(FixPlan.of(KNOWLEDGE.causes().get(external.advice()), Map.of("tunnel.used", "true", "compose.editable", "false"),
                KNOWLEDGE.vocabulary()).fixes().isEmpty());
    }

    /**
     * user24 s1: a DokPloy application (a swarm service, no compose project) whose port was read from its log got
     * "find the port" first, compose labels in the commands and the check, and "Traefik labels you wrote yourself".
     */
    @Test
    void anApplicationsPortFixesHaveNoComposeLabels() {
        Cause port = KNOWLEDGE.causes().get("wrong-container-port");
        Map<String, String> app = Map.of("dokploy.used", "true", "service.kind", "application", "app.listen_port", "8080", "domain.port", "4080");
        FixPlan p = FixPlan.of(port, app, KNOWLEDGE.vocabulary());
        assertTrue(titles(p).stream().noneMatch(t -> t.startsWith("Find the port") || t.startsWith("Traefik labels")), titles(p).toString());
        assertTrue(titles(p).get(0).startsWith("Set the application domain's port to 8080"), titles(p).toString());
        String all = commands(p) + p.verify();
        assertFalse(all.contains("com.docker.compose.project"), all);
        assertTrue(p.verify().contains("/etc/dokploy/traefik/dynamic/"), p.verify());
        // the port not known yet: the application's way to find it, by its swarm label
        FixPlan open = FixPlan.of(port, Map.of("dokploy.used", "true", "service.kind", "application"), KNOWLEDGE.vocabulary());
        assertTrue(titles(open).get(0).startsWith("Find the port the app really listens on (a DokPloy application"), titles(open).toString());
        assertTrue(open.fixes().get(0).fix().commands().get(0).contains("com.docker.swarm.service.name="), open.fixes().get(0).fix().commands().toString());
        // a compose service whose port is known: nothing left to find; unknown: the compose way leads
        assertTrue(titles(FixPlan.of(port, Map.of("service.kind", "compose", "app.listen_port", "8080"), KNOWLEDGE.vocabulary()))
                .stream().noneMatch(t -> t.startsWith("Find the port")));
        List<String> compose = titles(FixPlan.of(port, Map.of("service.kind", "compose", "dokploy.used", "true"), KNOWLEDGE.vocabulary()));
        assertEquals("Find the port the app really listens on", compose.get(0), compose.toString());
        assertTrue(Set.of(FixPlan.Memo.keysRead(port, KNOWLEDGE.vocabulary())).contains("app.listen_port"));
    }

    /** user24 s9: while dokploy.used was unknown two fixes had one title; a 30 s cut was told "near 60 s is the limit". */
    @Test
    void twoVariantsShownSideBySideHaveTwoTitles() {
        Cause timeout = KNOWLEDGE.causes().get("proxy-timeout");
        FixPlan p = FixPlan.of(timeout, Map.of("http.only_long_requests", "true", "http.cut_after_seconds", "30"), KNOWLEDGE.vocabulary());
        List<String> shown = p.fixes().stream().map(f -> f.fix().title()).toList();
        assertEquals(Set.copyOf(shown).size(), shown.size(), shown.toString());
        assertTrue(p.fixes().stream().noneMatch(f -> f.fix().risk().contains("near 60 s")), shown.toString());
        // and no cause shows two fixes of one title to a user who said nothing
        for (Cause c : KNOWLEDGE.causes().values()) {
            List<String> t = FixPlan.of(c, Map.of(), KNOWLEDGE.vocabulary()).fixes().stream().map(f -> f.fix().title()).toList();
            assertEquals(Set.copyOf(t).size(), t.size(), c.id() + ": " + t);
        }
    }

    /**
     * user25: app-listens-on-localhost's swarm and docker-run verify lines printed grep ':$APP_LISTEN_PORT ': inside
     * single quotes the shell expands nothing, so the pasted check looked for the variable's name. Over every cause's
     * plan (nothing known, and each fix's and verify variant's stack known), no shell variable stands inside single
     * quotes in a command or a verify line.
     */
    @Test
    void noVariableOfAPastedCommandStandsInSingleQuotes() {
        for (Cause c : KNOWLEDGE.causes().values()) {
            List<Map<String, String>> stacks = new ArrayList<>();
            stacks.add(Map.of());
            for (Cause.VerifyVariant v : c.verifyVariants()) stacks.add(v.when());
            for (Cause.Fix f : c.fixes()) if (!f.when().isEmpty()) stacks.add(f.when());
            for (Map<String, String> facts : stacks) {
                FixPlan p = FixPlan.of(c, facts, KNOWLEDGE.vocabulary());
                for (String cmd : commands(p)) assertEquals(List.of(), singleQuoted(cmd, false), c.id() + " " + facts + ": " + cmd);
                assertEquals(List.of(), singleQuoted(p.verify(), true), c.id() + " " + facts + ": " + p.verify());
            }
        }
        // the swarm variant, filled: its port is expanded, and a known port is written as it is
        Cause local = KNOWLEDGE.causes().get("app-listens-on-localhost");
        String swarm = FixPlan.of(local, Map.of("service.kind", "application"), KNOWLEDGE.vocabulary()).verify();
        assertTrue(swarm.contains("grep ':'\"$APP_LISTEN_PORT\"' '"), swarm);
        String known = FixPlan.of(local, Map.of("service.kind", "application", "app.listen_port", "3000"), KNOWLEDGE.vocabulary()).verify();
        assertTrue(known.contains("grep ':3000 '"), known);
        // an apostrophe of the prose quotes nothing: the variable after "the app's" is bare
        assertEquals("the app's port $APP_LISTEN_PORT, grep ':'\"$APP_LISTEN_PORT\"''",
                ShellText.verify("the app's port {app.listen_port}, grep ':{app.listen_port}'", Map.of(), k -> {}));
    }

    /**
     * user25: default-bridge-no-dns with docker run --name some-mysql left DEPENDENCY_CONTAINER= blank although the
     * dependency's name was read, and its verify said {@code <app container>} where the fix said $APP_CONTAINER. A
     * known name fills the plan; one placeholder style per plan: no verify line or command names a value as
     * {@code <words>} (an assignment to edit, X="<...>", aside), the variables block declares it.
     */
    @Test
    void theDependencysNameFillsThePlanAndNoPlanMixesPlaceholderStyles() {
        Cause bridge = KNOWLEDGE.causes().get("default-bridge-no-dns");
        FixPlan p = FixPlan.of(bridge, Map.of("dependency.name", "some-mysql"), KNOWLEDGE.vocabulary());
        assertTrue(String.join("\n", commands(p)).contains("docker network connect app-net \"some-mysql\""), commands(p).toString());
        assertTrue(p.verify().contains("getent hosts some-mysql"), p.verify());
        assertTrue(p.verify().contains("\"$APP_CONTAINER\""), p.verify());
        assertFalse(names(p).contains("DEPENDENCY_NAME"), names(p).toString());
        assertTrue(names(p).contains("APP_CONTAINER"), names(p).toString());
        assertTrue(names(FixPlan.of(bridge, Map.of(), KNOWLEDGE.vocabulary())).contains("DEPENDENCY_NAME"));
        java.util.regex.Pattern angle = java.util.regex.Pattern.compile("<[A-Za-z][^<>\n]{0,40}>");
        for (Cause c : KNOWLEDGE.causes().values()) {
            FixPlan plan = FixPlan.of(c, Map.of(), KNOWLEDGE.vocabulary());
            assertFalse(angle.matcher(plan.verify()).find(), c.id() + ": " + plan.verify());
            for (String cmd : commands(plan)) {
                String pasted = cmd.replaceAll("(?m)(^|\\s)#.*$", "$1").replaceAll("=\"<[^\"]*>\"", "=\"\"");
                assertFalse(angle.matcher(pasted).find(), c.id() + ": " + cmd);
            }
        }
    }

    /** The shell variables ($X, ${X}) of {@code text} that stand inside single quotes; in prose an apostrophe (app's) is no quote. */
    static List<String> singleQuoted(String text, boolean prose) {
        List<String> out = new ArrayList<>();
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n') comment = false;
            if (comment) continue;
            if (!prose && ch == '#' && quote == 0 && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) { comment = true; continue; }
            if (ch == '\\' && quote != '\'') { i++; continue; }
            boolean apostrophe = prose && i > 0 && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
            if (ch == '\'' && quote != '"' && !apostrophe) quote = quote == '\'' ? 0 : '\'';
            else if (ch == '"' && quote != '\'') quote = quote == '"' ? 0 : '"';
            else if (ch == '$' && quote == '\'' && i + 1 < text.length()
                    && (Character.isUpperCase(text.charAt(i + 1)) || text.startsWith("{", i + 1) && i + 2 < text.length() && Character.isUpperCase(text.charAt(i + 2))))
                out.add(text.substring(i, Math.min(text.length(), i + 24)));
        }
        return out;
    }

    /** A fact of a rare setup is quiet as data (facts.yaml quiet: true), not as a key written into FixPlan. */
    @Test
    void quietIsTheVocabularys() {
        assertTrue(KNOWLEDGE.vocabulary().quiet("app.docker_run"));
        assertFalse(KNOWLEDGE.vocabulary().quiet("dokploy.used"));
        Vocabulary v = Vocabulary.fromNode(Documents.parse("facts:\n  a.b: { type: bool, quiet: true }\n  c.d: { type: bool }\n", "facts.yaml"));
        assertTrue(v.quiet("a.b"));
        assertFalse(v.quiet("c.d"));
        Cause c = new Cause("x", "fault", "t", "app", "w",
                List.of(new Cause.Fix("for docker run", List.of("true"), null, "low", Map.of("a.b", "true")),
                        new Cause.Fix("for the rest", List.of("true"), null, "low", Map.of(), Map.of("a.b", "true"))),
                "v", List.of(), null, null, Set.of(), List.of(), null, Map.of(), List.of(), null, Map.of());
        // unknown: the rare setup's fix is hidden, the other one carries no label
        FixPlan unknown = FixPlan.of(c, Map.of(), v);
        assertEquals(List.of("for the rest"), titles(unknown));
        // not quiet (no vocabulary): both, labelled
        assertEquals(2, FixPlan.of(c, Map.of(), null).fixes().size());
        assertEquals(List.of("for docker run"), titles(FixPlan.of(c, Map.of("a.b", "true"), v)));
    }
}
