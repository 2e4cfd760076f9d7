package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.repl.AnswerReadingTest.fact;
import static dev.dokploydoctor.repl.AnswerReadingTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers that say the question does not apply to the user's stack: no Traefik, no DokPloy, no tunnel.
 * They are no "no" (a "no" to Traefik's network from a Caddy user diagnosed a Traefik fault); the asked
 * fact stays unknown and what they say of the stack is recorded.
 */
class StackAnswerTest {

    private static Reply.Unknown notApplicable(AnswerReading r, String line) {
        Reply.Unknown u = assertInstanceOf(Reply.Unknown.class, r.reply(), line);
        assertNotNull(u.because(), "said why nothing is recorded: " + line);
        return u;
    }

    @Test
    void noTraefikToATraefikQuestionIsNoNo() {
        for (String line : new String[] {"there's no traefik here", "no traefik here, I use caddy", "we don't use traefik.",
                "there is no traefik, it's nginx proxy manager"}) {
            AnswerReading r = read(line, "traefik.on_dokploy_network", Set.of());
            assertTrue(notApplicable(r, line).because().contains("Traefik"), line);
        }
        assertEquals(false, fact(read("there's no traefik here", "traefik.docker_network_label", Set.of()), "traefik.used"));
        assertEquals("caddy", fact(read("no traefik here, I use caddy", "traefik.recreated", Set.of()), "proxy.kind"));
        assertEquals("nginx-proxy-manager", fact(read("there is no traefik, it's nginx proxy manager", "traefik.router_present", Set.of()), "proxy.kind"));
    }

    @Test
    void aProxyRunWithComposeIsNoAnswerAboutTheAppsServiceKind() {   // round 16: "neither, ... traefik in docker compose" gave service.kind compose
        for (String line : new String[] {"neither, it's my own traefik in docker compose", "neither, I run nginx with docker-compose"}) {
            AnswerReading r = read(line, "service.kind", Set.of());
            assertTrue(!(r.reply() instanceof Reply.Value v) || !"compose".equals(String.valueOf(v.value())), line + " -> " + r.reply());
            assertNull(fact(r, "service.kind"), line);
        }
        // a compose service said as such is still one
        assertEquals("compose", String.valueOf(assertInstanceOf(Reply.Value.class,
                read("it's a docker compose service", "service.kind", Set.of()).reply()).value()));
        assertEquals("compose", String.valueOf(assertInstanceOf(Reply.Value.class,
                read("the app runs behind traefik with docker compose", "service.kind", Set.of()).reply()).value()));
    }

    @Test
    void aDeniedTunnelInAnAnswerIsNoTunnel() {   // round 16: "no traefik or cloudflared" recorded tunnel.used = true
        AnswerReading r = read("no, there is no traefik or cloudflared, the cloudflare proxy times out", "traefik.router_present", Set.of());
        assertTrue(!Boolean.TRUE.equals(fact(r, "tunnel.used")), r.alsoSaid().toString());
        assertEquals(false, fact(r, "traefik.used"), r.alsoSaid().toString());
    }

    @Test
    void noCloudflareInFrontIsNoTunnel() {   // round 21: "no, just bunny in front of traefik" left tunnel.used unknown ("does not apply")
        for (String line : new String[] {"no, just bunny in front of traefik", "no, the site is behind fastly"}) {
            Reply.Value v = assertInstanceOf(Reply.Value.class, read(line, "tunnel.used", Set.of()).reply(), line);
            assertEquals(false, v.value(), line);
        }
        // a question about Cloudflare's own settings still does not apply without Cloudflare
        assertTrue(notApplicable(read("no, just bunny in front of traefik", "cloudflare.ssl_mode", Set.of()), "bunny").because()
                .contains("Cloudflare"));
    }

    @Test
    void traefiksContainerGoneIsNoNoToItsNetworks() {   // user13 F4: "no, there is no traefik container anymore" diagnosed traefik-not-on-dokploy-network 0.89
        for (String line : new String[] {"no, there is no traefik container anymore, it's gone", "no, there's no traefik container at all",
                "dokploy-traefik isn't even running", "no idea, traefik keeps restarting"}) {
            AnswerReading r = read(line, "traefik.on_dokploy_network", Set.of());
            if (r.reply() instanceof Reply.Unknown u && u.because() == null) continue;   // "no idea" is unknown anyway
            assertTrue(notApplicable(r, line).because().contains("not running"), line);
            assertNull(fact(r, "traefik.used"), "Traefik is in the stack, only down: " + line);
        }
        // asked whether Traefik runs at all, the same words are the answer
        assertEquals(false, StackAnswer.Component.TRAEFIK_CONTAINER.presumedBy("Is the Traefik container itself running? docker ps -a"));
        // a Traefik that is there and a no about its networks stay a no
        assertEquals(false, assertInstanceOf(Reply.Value.class,
                read("no, traefik is only on bridge", "traefik.on_dokploy_network", Set.of()).reply()).value());
    }

    @Test
    void aYesNamingAnotherPlatformAnswersTheQuestion() {   // user13 O5: "that says there is no DokPloy here, not yes or no"
        AnswerReading r = read("yes, coolify-proxy is on the coolify network like always", "traefik.on_dokploy_network", Set.of());
        assertEquals(true, assertInstanceOf(Reply.Value.class, r.reply()).value());
    }

    @Test
    void aNoSaidInFullNamingAnotherPlatformAnswersTheQuestion() {   // user21 s1: "that says there is no DokPloy here, not yes or no"
        AnswerReading r = read("no it isn't, coolify-proxy dropped off the coolify network it seems", "traefik.on_dokploy_network", Set.of());
        assertEquals(false, assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertEquals(false, assertInstanceOf(Reply.Value.class,
                read("nope it's not, coolify-proxy is only on bridge", "traefik.on_dokploy_network", Set.of()).reply()).value());
        // a bare "no coolify here" still denies the platform, not the question
        assertInstanceOf(Reply.Invalid.class, read("no dokploy here, I'm on coolify", "traefik.on_dokploy_network", Set.of()).reply());
    }

    @Test
    void anotherProxyNamedIsNoTraefik() {
        AnswerReading r = read("we use caddy", "traefik.network_not_found", Set.of());
        notApplicable(r, "we use caddy");
        assertEquals("caddy", fact(r, "proxy.kind"));
    }

    @Test
    void noTunnelToACloudflaredQuestionIsNoNo() {
        AnswerReading r = read("I don't use a tunnel", "tunnel.connected", Set.of());
        notApplicable(r, "I don't use a tunnel");
        assertEquals(false, fact(r, "tunnel.used"), "the absence is recorded: it decides tunnel.used");
        // asked whether a tunnel is used, the same words are the answer
        assertEquals(false, assertInstanceOf(Reply.Value.class, read("no tunnel, just port forwarding", "tunnel.used", Set.of()).reply()).value());
        // a tunnel that is there but down is a no to the question, not a stack without one
        assertEquals(false, assertInstanceOf(Reply.Value.class,
                read("no, there is no tunnel connection registered", "tunnel.connected", Set.of()).reply()).value());
    }

    @Test
    void noDokployToADokployQuestionIsNoNo() {
        AnswerReading r = read("I don't use dokploy, it's plain docker compose", "domain.https", Set.of());
        notApplicable(r, "I don't use dokploy");
        assertEquals(false, fact(r, "dokploy.used"));
    }

    @Test
    void aPlatformThatRunsTraefikLeavesATraefikQuestionOpen() {
        // Coolify runs Traefik: the question still applies; the answer is asked again, the platform noted
        AnswerReading r = read("I'm on coolify", "traefik.on_dokploy_network", Set.of());
        assertInstanceOf(Reply.Invalid.class, r.reply());
        assertEquals("coolify", fact(r, "platform.kind"));
    }

    @Test
    void aPlainNoIsStillNo() {
        for (String line : new String[] {"no", "nope, never touched it", "no, it isn't", "No.", "no, not as far as I can see"}) {
            AnswerReading r = read(line, "traefik.on_dokploy_network", Set.of());
            assertEquals(false, assertInstanceOf(Reply.Value.class, r.reply(), line).value(), line);
            assertTrue(r.alsoSaid().isEmpty(), line);
        }
        assertEquals(false, assertInstanceOf(Reply.Value.class, read("no", "tunnel.connected", Set.of()).reply()).value());
    }

    @Test
    void doesNotApplyInSoManyWordsIsNotKnown() {
        for (String line : new String[] {"n/a", "doesn't apply", "not applicable", "that doesn't apply here", "irrelevant"}) {
            Reply reply = read(line, "traefik.on_dokploy_network", Set.of()).reply();
            assertInstanceOf(Reply.Unknown.class, reply, line);
        }
        AnswerReading r = read("doesn't apply, we use caddy", "traefik.recreated", Set.of());
        assertInstanceOf(Reply.Unknown.class, r.reply());
        assertEquals("caddy", fact(r, "proxy.kind"), "what it says of the stack is still read");
    }

    @Test
    void aQuestionThatNamesNoComponentIsReadAsUsual() {
        // "what status?" takes no proxy for granted: the stack is noted, the answer is not read as unknown
        AnswerReading r = read("502, behind caddy", "http.status", Set.of());
        assertNull(r.reply() instanceof Reply.Unknown u ? u.because() : null, r.reply().toString());
    }

    @Test
    void anAnswerThatDeniesTheDependencyIsNoStoppedDependency() {   // user11 S20, S25, S31: read as running=false, diagnosed 0.98 / 0.80
        for (String line : new String[] {"there's no dependency, the browser shows DNS_PROBE_FINISHED_NXDOMAIN for the urls",
                "there is no dependency, it's one app behind nginx-proxy", "what dependency? everything is running"}) {
            AnswerReading r = read(line, "dependency.running", Set.of());
            assertTrue(notApplicable(r, line).because().contains("no dependency"), line);
            assertEquals(false, fact(r, "service.has_dependencies"), "no sibling at all is recorded: " + line);
        }
        for (String line : new String[] {"it's not a container, the proxy runs on the host and works", "no, redis is not in docker at all",
                "it isn't in a container, it runs on the runner"}) {
            notApplicable(read(line, "dependency.running", Set.of()), line);
            notApplicable(read(line, "dependency.shares_network", Set.of()), line);
        }
        // asked whether the app has siblings at all, the same words are the answer
        assertEquals(false, assertInstanceOf(Reply.Value.class, read("there's no dependency", "service.has_dependencies", Set.of()).reply()).value());
        // a dependency that is there and down is still a no
        for (String line : new String[] {"no, the container is not running", "no, it exited", "no, postgres was still starting"}) {
            assertEquals(false, assertInstanceOf(Reply.Value.class, read(line, "dependency.running", Set.of()).reply(), line).value(), line);
        }
    }

    @Test
    void noCloudflareToTheSslModeQuestionIsNoMode() {   // user11 S36: "off" picked instead, diagnosed Flexible 0.78
        AnswerReading r = read("I don't use cloudflare", "cloudflare.ssl_mode", Set.of());
        assertTrue(notApplicable(r, "I don't use cloudflare").because().contains("Cloudflare"));
        assertEquals(false, fact(r, "cloudflare.proxied"));
        // "does it also loop without Cloudflare in the way?" asks about a test around it: a yes is a yes
        assertEquals(true, assertInstanceOf(Reply.Value.class,
                read("yes, also without cloudflare", "http.loop_without_cloudflare", Set.of()).reply()).value());
    }

    @Test
    void aNoTypedBeforeASentenceAboutTraefikIsStillNo() {   // review11 F1: read as "no Traefik here", the confirmed cause ruled out
        for (String line : new String[] {"no traefik and the app are on different networks", "no traefik only has the bridge network"}) {
            AnswerReading r = read(line, "traefik.on_dokploy_network", Set.of());
            assertEquals(false, assertInstanceOf(Reply.Value.class, r.reply(), line).value(), line);
            assertNull(fact(r, "traefik.used"), line);
        }
        notApplicable(read("no traefik, just caddy", "traefik.on_dokploy_network", Set.of()), "no traefik, just caddy");
    }

    @Test
    void whatAnAnswerSaysOfTheStackIsTheUsersWord() {   // review11 F2: stack.drl refutes on the user's word only, never on free text
        AnswerReading r = read("there's no traefik here", "traefik.docker_network_label", Set.of());
        notApplicable(r, "there's no traefik here");
        assertTrue(r.alsoSaid().stream().filter(f -> f.getKey().equals("traefik.used"))
                .allMatch(f -> Fact.USER.equals(f.getSource()) && !f.getOrigin().startsWith(Fact.TEXT)), r.alsoSaid().toString());
    }

    @Test
    void aContainerGoneFromDockerPsIsAStoppedContainer() {   // review11 F3: read as "no container", diagnosed 0.90 before
        AnswerReading r = read("no, it is not in docker ps anymore", "dependency.running", Set.of());
        assertEquals(false, assertInstanceOf(Reply.Value.class, r.reply()).value());
    }

    @Test
    void aChoiceTheQuestionOffersSaysNothingOfThePlatform() {   // review11 F4: "just docker compose" to DokPloy's service kind ruled DokPloy out
        AnswerReading r = read("just docker compose", "service.kind", Set.of());
        assertEquals("compose", assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertNull(fact(r, "platform.kind"), r.alsoSaid().toString());
        assertNull(fact(r, "dokploy.used"), r.alsoSaid().toString());
    }

    @Test
    void noDokploySaidBesideTheChoiceIsNoted() {   // user13 X1: DokPloy's domainType was asked next
        AnswerReading r = read("neither, no dokploy, it's plain docker compose with my own traefik", "service.kind", Set.of());
        assertEquals("compose", assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertEquals(false, fact(r, "dokploy.used"), r.alsoSaid().toString());
    }

    @Test
    void aStackDeniedInPassingIsNoNoToAnotherQuestion() {   // user11 S17 / user11b: "no traefik here, I use caddy" read as containers.running = false
        for (String[] q : new String[][] {{"no traefik here, I use caddy", "containers.running"},
                {"there's no traefik here", "upstream.wrong_protocol"}, {"there is no dokploy, plain compose", "containers.running"},
                {"I don't use cloudflare", "http.loop_without_cloudflare"}}) {
            AnswerReading r = read(q[0], q[1], Set.of());
            assertInstanceOf(Reply.Invalid.class, r.reply(), q[0] + " at " + q[1]);
            assertTrue(r.alsoSaid().stream().anyMatch(f -> Fact.USER.equals(f.getSource())), "the stack is noted as the user's word: " + r.alsoSaid());
        }
        assertEquals("caddy", fact(read("no traefik here, I use caddy", "containers.running", Set.of()), "proxy.kind"));
        // a no closed by punctuation answers the question, whatever follows
        assertEquals(false, assertInstanceOf(Reply.Value.class, read("no, there's no traefik here", "containers.running", Set.of()).reply()).value());
    }

    @Test
    void cloudflareNotInvolvedIsNoProxiedRecord() {   // user11b: refused at cloudflare.proxied
        for (String line : new String[] {"cloudflare isn't involved", "Cloudflare is not in the path", "I'm not using cloudflare", "we don't use cloudflare"}) {
            assertEquals(false, assertInstanceOf(Reply.Value.class, read(line, "cloudflare.proxied", Set.of()).reply(), line).value(), line);
        }
    }

    private static AnswerReading readHolding(String line, String key, String earlierText) {
        List<Fact> held = AnswerReadingTest.ENGINE.extraction().extract(earlierText);
        return AnswerReading.read(line, AnswerReadingTest.ENGINE.knowledge().vocabulary().get(key), AnswerReadingTest.ENGINE.extraction(),
                k -> held.stream().anyMatch(f -> f.getKey().equals(k)), false, k -> null, held);
    }

    @Test
    void aComponentALogLineOrThePlatformShowsIsAskedToConfirm() {   // review11 F2: "no traefik" against a Traefik log line
        String log = "502 Bad Gateway. Traefik log: Could not find network named \"dokploy-network\" for container \"/shop-web-1\"";
        for (String[] q : new String[][] {{"there's no traefik here", "traefik.on_dokploy_network"}, {"no traefik here, I use caddy", "containers.running"}}) {
            AnswerReading r = readHolding(q[0], q[1], log);
            Reply.Invalid asked = assertInstanceOf(Reply.Invalid.class, r.reply(), q[0]);
            assertTrue(asked.message().contains("traefik.network_not_found"), "says what shows it: " + asked.message());
            assertNull(fact(r, "traefik.used"), "the denial is not recorded: " + r.alsoSaid());
            assertNull(fact(r, "proxy.kind"), r.alsoSaid().toString());
        }
        // at a question about something else, the denial is not noted either
        assertNull(fact(readHolding("there's no traefik here", "app.networks", log), "traefik.used"));
        // DokPloy named as the platform: it runs dokploy-traefik
        AnswerReading r = readHolding("we don't use traefik.", "traefik.on_dokploy_network", "my app on dokploy shows 502 Bad Gateway");
        assertTrue(assertInstanceOf(Reply.Invalid.class, r.reply()).message().contains("platform.kind"));
        // prose that only names Traefik ("behind traefik") is no evidence: the answer does not apply
        notApplicable(readHolding("there's no traefik here", "traefik.on_dokploy_network", "502 behind traefik I think"), "there's no traefik here");
    }
}
