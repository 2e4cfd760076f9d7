package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Implications;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facts implied by others (facts.yaml implications) are derived before the rules and never asked. */
class ImplicationsTest {
    static Engine engine;

    @BeforeAll
    static void load() { engine = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of(""))))); }

    static Fact user(String k, Object v) { return new Fact(k, engine.knowledge().vocabulary().get(k).coerce(v), Fact.USER, "test"); }

    @Test
    void aPastedEaiAgainImpliesSiblingsAndIsNeverAskedAboutThem() {
        List<Fact> facts = engine.extraction().extract("502 Bad Gateway; getaddrinfo EAI_AGAIN postgres");
        Outcome o = engine.evaluate("t", facts, Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(true, o.fact("service.has_dependencies").getValue());
        assertEquals(Fact.DERIVED, o.fact("service.has_dependencies").getSource());
        Planner.Plan p = engine.planner().next(facts, Set.of());
        assertFalse(p.question().key().equals("service.has_dependencies"), p.question().key());
    }

    @Test
    void aValueThatAlsoFollowsFromAStatedFactRestsOnIt() {
        // newc17: a pasted compose table's service beside a stated DokPloy both mean the app runs in a container;
        // derived from the text first, the fact then held its cause at the calibration gate
        String table = String.join("\n", "$ docker compose ps",
                "NAME                 IMAGE                     COMMAND                  SERVICE   CREATED       STATUS                 PORTS",
                "shop-web-1           ghcr.io/acme/shop:1.4.2   \"node server.js\"         web       3 days ago    Up 2 hours (healthy)   3000/tcp");
        List<Fact> facts = new java.util.ArrayList<>(engine.extraction().extract(table));
        assertTrue(facts.stream().anyMatch(f -> f.getKey().equals("service.kind")), "the table gives a compose service");
        facts.add(user("platform.kind", "dokploy"));
        Fact inContainer = engine.knowledge().implications().apply(facts, engine.knowledge().vocabulary()).stream()
                .filter(f -> f.getKey().equals("app.in_container")).findFirst().orElseThrow();
        assertEquals(true, inContainer.getValue());
        assertEquals(Fact.DERIVED, inContainer.getSource());
        assertEquals("follows from platform.kind = dokploy", inContainer.getEvidence());
    }

    @Test
    void aTextReadingThatAStatedFactImpliesIsRestatedButStaysTheTexts() {
        // Cloudflare's page read as its code, beside the status the user states: the code follows from the statement
        List<Fact> facts = new java.util.ArrayList<>(engine.extraction().extract("SSL handshake failed Error code 525 Visit cloudflare.com for more information."));
        Fact read = facts.stream().filter(f -> f.getKey().equals("cloudflare.error")).findFirst().orElseThrow();
        assertEquals(Fact.TEXT, read.getSource());
        facts.removeIf(f -> f.getKey().equals("http.status"));
        Fact status = user("http.status", 525);
        facts.add(status);
        Implications implications = engine.knowledge().implications();
        assertEquals(Map.of("cloudflare.error", status.getOrigin()), implications.restated(facts, engine.knowledge().vocabulary()));
        // the reading itself stays the text's: rules reading it still read the text (the counting is unchanged)
        Fact code = implications.apply(facts, engine.knowledge().vocabulary()).stream()
                .filter(f -> f.getKey().equals("cloudflare.error")).findFirst().orElseThrow();
        assertEquals(Fact.TEXT, code.getSource());
        // another value stated restates nothing: only the same value rests on the statement
        facts.removeIf(f -> f.getKey().equals("http.status"));
        facts.add(user("http.status", 526));
        assertEquals(Map.of(), implications.restated(facts, engine.knowledge().vocabulary()));
    }

    @Test
    void anExternalNameFailingImpliesNoSiblings() {
        // registry.npmjs.org is resolved by the host's resolver: no database container is implied
        List<Fact> facts = engine.extraction().extract("npm ERR! getaddrinfo EAI_AGAIN registry.npmjs.org");
        Outcome o = engine.evaluate("t", facts, Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(true, o.fact("app.dns_failure").getValue());
        assertNull(o.fact("service.has_dependencies"));
        Outcome stated = engine.evaluate("t", List.of(user("symptom.kind", "database-unreachable")), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(true, stated.fact("service.has_dependencies").getValue());
    }

    @Test
    void acmeErrorsInTraefiksLogAreACertificateErrorUnlessAnErrorPageWasSeen() {
        // user10 finding 7: letsencrypt.failing known, and still asked "What do you see?"
        Outcome acme = engine.evaluate("t", List.of(user("letsencrypt.failing", true)), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals("certificate-error", acme.fact("symptom.kind").getText());
        assertTrue(acme.questions().stream().noneMatch(q -> q.key().equals("symptom.kind")));
        Outcome page = engine.evaluate("t", List.of(user("http.status", 404), user("letsencrypt.failing", true)), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals("error-page", page.fact("symptom.kind").getText());
    }

    @Test
    void aValueMatchedByTheLongerOfTwoAlternativesImpliesInFull() {
        // replaceFirst searched the value again and found the prefix alternative: "nginx" in
        // nginx-proxy-manager gave "false-proxy-manager" (no boolean: the implication silently skipped)
        // and "$1" gave "nginx"
        Implications prefixes = new Implications(List.of(
                new Implications.Implication("proxy.kind", Pattern.compile("nginx|nginx-proxy-manager"), false, Map.of("traefik.used", "false"), "t", 1),
                new Implications.Implication("proxy.kind", Pattern.compile("(nginx|nginx-proxy-manager)"), false, Map.of("service.name", "$1"), "t", 2)));
        List<Fact> out = prefixes.apply(List.of(user("proxy.kind", "nginx-proxy-manager")), engine.knowledge().vocabulary());
        assertEquals(false, out.stream().filter(f -> f.getKey().equals("traefik.used")).findFirst().orElseThrow().getValue());
        assertEquals("nginx-proxy-manager", out.stream().filter(f -> f.getKey().equals("service.name")).findFirst().orElseThrow().getValue());
        // the knowledge's own entry, unanchored now
        Outcome o = engine.evaluate("t", List.of(user("proxy.kind", "nginx-proxy-manager")), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(false, o.fact("traefik.used").getValue());
    }

    @Test
    void anAddressWithAPortFillsBoth() {
        Outcome o = engine.evaluate("t", List.of(user("app.listen_address", "0.0.0.0:3000")), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals("0.0.0.0", o.fact("app.listen_address").getValue());
        assertEquals(3000L, o.fact("app.listen_port").getValue());
    }

    @Test
    void localhostAnsweredIsTheBoundAddressButALogLineIsNot() {
        Outcome answered = engine.evaluate("t", List.of(user("http.status", 502), user("app.listen_address", "localhost")), Set.of(), 0.7);
        assertEquals("localhost", answered.fact("app.listen_bound").getValue());
        assertTrue(answered.questions().stream().noneMatch(q -> q.key().equals("app.listen_bound")));
        Outcome fromLog = engine.evaluate("t", List.of(new Fact("app.listen_address", "localhost", Fact.TEXT, "log line")), Set.of(), 0.7);
        assertNull(fromLog.fact("app.listen_bound"));
    }

    @Test
    void aTunnelRouteMeansATunnel() {
        Outcome o = engine.evaluate("t", List.of(user("tunnel.service", "http://localhost:80")), Set.of(), 0.7);
        assertEquals(true, o.fact("tunnel.used").getValue());
    }

    @Test
    void aKnownSymptomAnswersWhatDoYouSeeAndTheAnswerNamesTheSymptom() {
        Outcome status = engine.evaluate("t", List.of(user("http.status", 502)), Set.of(), 0.7);
        assertEquals("error-page", status.fact("symptom.kind").getValue(), "a 502 is an error page: never asked what the user sees");
        Planner.Plan p = engine.planner().next(List.of(user("http.status", 502)), Set.of());
        assertFalse(p.question().key().equals("symptom.kind"), p.question().key());
        Outcome refused = engine.evaluate("t", List.of(user("symptom.kind", "action-refused")), Set.of(), 0.7);
        assertEquals(true, refused.fact("user.action_denied").getValue());
        Outcome loop = engine.evaluate("t", List.of(user("symptom.kind", "redirect-loop")), Set.of(), 0.7);
        assertEquals(true, loop.fact("http.redirect_loop").getValue());
    }

    @Test
    void aCloudflare52xStatusIsCloudflaresCodeAndTheCodeItsStatus() {
        // user15b ud10: "Which Cloudflare code?" right after 524 was given as the status
        Outcome given = engine.evaluate("t", List.of(user("http.status", 524)), Set.of(), 0.7);
        assertEquals(524L, given.fact("cloudflare.error").getValue());
        assertEquals(Fact.DERIVED, given.fact("cloudflare.error").getSource());
        assertTrue(given.questions().stream().noneMatch(q -> q.key().equals("cloudflare.error")));
        Outcome code = engine.evaluate("t", List.of(user("cloudflare.error", 522)), Set.of(), 0.7);
        assertEquals(522L, code.fact("http.status").getValue());
        // 530 carries a 1xxx code on its page (1033: no connector), which is still asked
        assertNull(engine.evaluate("t", List.of(user("http.status", 530)), Set.of(), 0.7).fact("cloudflare.error"));
        // a status read from a log line may be misread: the user's look at Cloudflare's page stays a question
        Outcome read = engine.evaluate("t", List.of(new Fact("http.status", 526L, Fact.TEXT, "log line")), Set.of(), 0.7);
        assertNull(read.fact("cloudflare.error"));
    }

    /**
     * user24 s1: "application" to "Is the service a DokPloy Application or a Docker Compose service?", and the fixes for
     * a proxy of the user's own (only if dokploy.used = false) were still offered: an Application exists only in DokPloy.
     */
    @Test
    void anApplicationIsDokploysAndRoutedByItsTraefikButAComposeServiceTellsNeither() {
        Outcome app = engine.evaluate("t", List.of(user("http.status", 502), user("service.kind", "application")), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(true, app.fact("dokploy.used").getValue());
        assertEquals(true, app.fact("traefik.used").getValue());
        assertEquals(Fact.DERIVED, app.fact("dokploy.used").getSource());
        // the look-alike: a compose service runs on DokPloy or anywhere else; and a stated no DokPloy is never replaced
        Outcome compose = engine.evaluate("t", List.of(user("http.status", 502), user("service.kind", "compose")), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertNull(compose.fact("dokploy.used"));
        Outcome stated = engine.evaluate("t", List.of(user("service.kind", "application"), user("dokploy.used", false)), Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(false, stated.fact("dokploy.used").getValue());
    }
}
