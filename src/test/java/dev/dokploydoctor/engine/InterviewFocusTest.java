package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.engine.PlannerTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interview keeps to the causes the user's answers leave (user12, on the bundled knowledge): no sweep
 * through other causes' symptoms once every suggested cause is answered away, the lone cause's own check
 * before questions that cannot move it, no cloudflared detail before whether there is a tunnel at all, and a
 * cause held by the look-alike vote gets the question that settles it.
 */
class InterviewFocusTest {
    private static Engine engine;
    private static Interview interview;

    @BeforeAll static void load() {
        engine = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));
        interview = new Interview(engine, Engine.DEFAULT_THRESHOLD);
    }

    private static Fact read(String key, Object value) { return new Fact(key, value, Fact.TEXT, "read"); }

    @Test
    void onceEverySuggestedCauseIsAnsweredAwayItEndsRatherThanSweep() {
        // U23: queued jobs that stay queued; the one jobs-stuck cause needs SQLite, the user runs Postgres
        List<Fact> facts = List.of(read("symptom.kind", "jobs-stuck"), read("fault.reported", true), user("database.kind", "postgres"));
        Interview.End end = assertInstanceOf(Interview.End.class, interview.next(facts, Set.of(), 1, 0));
        assertEquals(Interview.Stop.NONE_FITS, end.stop());
        // before the answer it asks (the database decides the one cause)
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(facts.subList(0, 2), Set.of(), 0, 0));
        assertEquals("database.kind", ask.plan().question().key());
    }

    @Test
    void aLoneCauseInPlayGetsItsOwnCheckBeforeQuestionsThatCannotMoveIt() {
        // U33: a 404 only with Cloudflare's proxy on; the nearest reports were Flexible SSL; every other cause
        // was answered away: the SSL mode comes next, not containers, ports and Let's Encrypt
        List<Fact> facts = new ArrayList<>(List.of(read("http.status", 404L), read("cloudflare.proxied", true),
                read("similar.cause", "cloudflare-flexible-ssl-loop"), user("tunnel.used", false),
                user("container.health", "healthy"), user("fault.all_domains", false),
                user("domain.changed_since_deploy", false), user("service.kind", "application"),
                user("http.redirect_loop", false)));
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(facts, Set.of(), 7, 0));
        assertEquals("cloudflare.ssl_mode", ask.plan().question().key(), ask.plan().reason());
        assertEquals(Interview.Purpose.LEADER, ask.purpose());
    }

    @Test
    void noCloudflaredDetailBeforeWhetherThereIsATunnel() {
        // U23 piped: every cloudflared question, and "is cloudflared running?" answered "no" by a user with no
        // tunnel, before "do you use a tunnel?"
        for (String detail : List.of("tunnel.connected", "cloudflared.running", "tunnel.edge_unreachable",
                "tunnel.origin_unreachable", "cloudflared.in_docker", "tunnel.service")) {
            try (Lookahead look = interview.planner().look(List.of(read("http.status", 502L)), Set.of())) {
                assertEquals("tunnel.used", look.presumedOpen(detail), detail);
            }
            try (Lookahead look = interview.planner().look(List.of(read("http.status", 502L), user("tunnel.used", false)), Set.of())) {
                assertEquals(true, look.presumptionFails(detail), detail);
            }
        }
    }

    @Test
    void aDiagnosisWhoseFixesDifferByAnOpenFactAsksItOnce() {
        // U38: diagnosed, and every fix block was "(only if cloudflared.in_docker = ...)", never asked
        List<Fact> facts = new ArrayList<>(List.of(user("tunnel.used", true), user("tunnel.connected", true),
                user("tunnel.origin_unreachable", true), user("http.status", 502L), user("tunnel.service", "http://localhost:80")));
        // the look-alike checks first (told "don't know" here, from a file: they count as no question asked)
        Set<String> unknown = new java.util.HashSet<>();
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(facts, unknown, 5, 0));
        while (ask.purpose() == Interview.Purpose.LOOKALIKE && unknown.add(ask.plan().question().key()))
            ask = assertInstanceOf(Interview.Ask.class, interview.next(facts, unknown, 5, 0));
        assertEquals(Status.DIAGNOSED, ask.outcome().status());
        assertEquals(Interview.Purpose.FIX, ask.purpose());
        assertEquals("cloudflared.in_docker", ask.plan().question().key());
        // answered, or "don't know": the diagnosis ends
        unknown.add("cloudflared.in_docker");
        assertInstanceOf(Interview.Conclude.class, interview.next(facts, unknown, 6, 0));
        unknown.remove("cloudflared.in_docker");
        facts.add(user("cloudflared.in_docker", false));
        assertInstanceOf(Interview.Conclude.class, interview.next(facts, unknown, 6, 0));
    }

    @Test
    void noDokployOrTraefikQuestionForAStackWithout() {
        // U23, U25, U29: DokPloy's domain and service questions after "not using dokploy"; Traefik's logs after "no traefik"
        try (Lookahead look = interview.planner().look(List.of(read("http.status", 502L), user("dokploy.used", false)), Set.of())) {
            // user15b ud12: "Does the compose file declare dokploy-network?" after "no dokploy"; user17: "Is the compose file in
            // a repo you can modify?" likewise
            for (String key : List.of("service.kind", "domain.changed_since_deploy", "domain.https", "domain.created_via", "user.role",
                    "compose.networks_declared", "compose.can_add_networks", "compose.editable"))
                assertEquals(true, look.presumptionFails(key), key);
            assertEquals(false, look.presumptionFails("deploy.status"), "every platform and compose has a last deployment");
        }
        try (Lookahead look = interview.planner().look(List.of(read("http.status", 404L), read("proxy.kind", "caddy")), Set.of())) {
            for (String key : List.of("traefik.docker_api_error", "traefik.network_not_found", "traefik.router_present", "traefik.version"))
                assertEquals(true, look.presumptionFails(key), key);
        }
        // a question every proxy's user is asked names no DokPloy container as the only one to run it in
        // (user15b: "docker exec dokploy-traefik wget ..." to a user of nginx on the host)
        String reach = engine.knowledge().vocabulary().get("upstream.reachable_on_app_port").question();
        assertTrue(reach.contains("docker exec <proxy container>") && reach.contains("on DokPloy: dokploy-traefik"), reach);
        // round 16: Traefik's router list and version to a user of a Traefik of their own ("my proxy", Traefik in compose)
        for (String key : List.of("traefik.router_present", "traefik.version")) {
            String q = engine.knowledge().vocabulary().get(key).question();
            assertTrue(q.contains("<traefik container>") && q.contains("on DokPloy: dokploy-traefik"), q);
        }
    }

    @Test
    void aCauseHeldByTheLookalikeVoteAsksTheFactThatSettlesIt() {
        // U36: compose's "declared as external, but could not be found" under Portainer, whose nearest reports
        // were Portainer bugs that misreport an existing network: held at 0.69, the network list decides
        Fact line = new Fact("deploy.error", "Network app-global declared as external, but could not be found", Fact.TEXT, "read", "text#1f3a@0-90");
        Fact missing = new Fact("deploy.network_missing", true, Fact.TEXT, "read", "text#1f3a@0-90");
        Fact sign = new Fact(LookalikeGuard.KEY, true, Fact.TEXT, "2 of the 3 nearest were other:platform-bug");
        List<Fact> facts = List.of(line, missing, read("deploy.status", "error"), read("platform.kind", "portainer"), sign);
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(facts, Set.of(), 0, 0));
        assertNotEquals(Status.DIAGNOSED, ask.outcome().status());
        assertEquals("deploy.network_missing", ask.plan().question().key(), ask.plan().reason());
        // the user's own check that the network is not there lifts the hold
        List<Fact> checked = new ArrayList<>(facts);
        checked.remove(missing);
        checked.add(user("deploy.network_missing", true));
        Interview.Step step = interview.next(checked, Set.of(), 1, 0);
        assertEquals(Status.DIAGNOSED, step.outcome().status(), step.outcome().diagnoses().toString());
        assertEquals("external-network-missing", step.outcome().top().cause());
    }

    @Test
    void whenTheTextRuledOutTheOneCauseItPointedAtItEndsAfterTheFirstQuestion() {
        // user17b uf7: Cloudflare's 1033 beside a tunnel whose info shows it healthy: the one cause of ours for a 1033
        // (no connector) is ruled out by the text. The first question is asked (every reported fault gets one); after
        // it, nothing is in play, and sibling containers or Let's Encrypt would only be fished for
        List<Fact> facts = engine.extraction().extract("cloudflared tunnel info shows the current tunnel healthy with an active"
                + " connector and edge connections. But the public hostname returns Cloudflare 530 / error 1033.");
        assertTrue(facts.stream().anyMatch(f -> f.getKey().equals("tunnel.connected") && f.isTrue()), facts.toString());
        Interview.Ask first = assertInstanceOf(Interview.Ask.class, interview.next(facts, Set.of(), 0, 0));
        assertEquals(List.of(), Interview.inPlay(first.outcome()));
        Set<String> unknown = Set.of(first.plan().question().key());
        Interview.End end = assertInstanceOf(Interview.End.class, interview.next(facts, unknown, 1, 1));
        assertEquals(Interview.Stop.NONE_FITS, end.stop());
        // a text that raised nothing at all is no weighing: the interview still asks on
        List<Fact> vague = List.of(read("fault.reported", true), read("http.status", 500L));
        assertInstanceOf(Interview.Ask.class, interview.next(vague, Set.of("tunnel.used"), 1, 1));
    }

    @Test
    void withNoCauseInPlayAfterThreeAnswersItEndsRatherThanFish() {
        // user15b ud10: a Cloudflare 524, every question answered; no rule of ours supports anything, and eleven
        // questions went by (tunnel, Let's Encrypt, dependencies, Vite) to the limit. (ud10's 524 on long exports
        // only is cloudflare-origin-timeout since round 16; a 524 on every request, here, is an app that hangs.)
        List<Fact> facts = new ArrayList<>(List.of(user("http.only_long_requests", false), read("fault.reported", true),
                user("symptom.kind", "error-page"), user("http.status", 524L)));
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(facts, Set.of(), 2, 0));
        assertNotEquals("cloudflare.error", ask.plan().question().key(), "a 524 given is Cloudflare's code");
        // the stop itself, on an app's own 500 that no cause of ours explains: two answers, it still asks; three, it ends
        List<Fact> own500 = new ArrayList<>(List.of(read("http.status", 500L), read("fault.reported", true), user("symptom.kind", "error-page"),
                user("tunnel.used", false), user("container.health", "healthy")));
        assertInstanceOf(Interview.Ask.class, interview.next(own500, Set.of(), 2, 0), "two answers: it still asks");
        own500.add(user("service.has_dependencies", false));
        Interview.End end = assertInstanceOf(Interview.End.class, interview.next(own500, Set.of(), 3, 0));
        assertEquals(List.of(), Interview.inPlay(end.outcome()));
        assertEquals(Interview.Stop.NONE_FITS, end.stop());
    }

    @Test
    void afterAFitOnlyQuestionsThatCouldOverturnItAreAsked() {
        // user15b ud3: container-unhealthy fits at 0.70 ("starting", curl missing in the image, no router); five
        // look-alike questions followed (dependencies, upstream, status, the app's own page, long requests), three
        // answered "?", the diagnosis unchanged: now only those with an answer that rules it out or puts another
        // cause ahead. The user answers as there: a single container, then "?"
        List<Fact> facts = new ArrayList<>(List.of(read("container.health", "starting"), read("containers.running", true),
                user("traefik.router_present", false)));
        Interview.Step step = interview.next(facts, Set.of(), 1, 0);
        assertEquals(Status.DIAGNOSED, step.outcome().status(), step.outcome().diagnoses().toString());
        Set<String> unknown = new LinkedHashSet<>();
        List<String> lookalikes = new ArrayList<>();
        while (step instanceof Interview.Ask a && lookalikes.size() < Interview.QUESTION_LIMIT) {
            assertEquals(Interview.Purpose.LOOKALIKE, a.purpose(), a.plan().reason());
            String key = a.plan().question().key();
            lookalikes.add(key);
            if (key.equals("service.has_dependencies")) facts.add(user(key, false));
            else unknown.add(key);
            step = interview.next(facts, unknown, 1 + lookalikes.size(), unknown.size());
        }
        assertInstanceOf(Interview.Conclude.class, step);
        assertEquals("container-unhealthy", step.outcome().top().cause());
        // before: also "does the proxy's request reach the app?" and "only long requests?", whose answers lower
        // the 0.70 a little and leave it leading
        assertTrue(lookalikes.size() <= 3, "look-alike questions after the fit: " + lookalikes);
        assertTrue(!lookalikes.contains("http.only_long_requests"), "look-alike questions after the fit: " + lookalikes);
    }
}
