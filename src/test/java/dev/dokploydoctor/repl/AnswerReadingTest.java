package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.knowledge.TextExtraction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An answer read as the answer and, with the bundled catalog, as text: what it says beyond the question. */
class AnswerReadingTest {
    static final Engine ENGINE = Engine.load(Knowledge.load(List.of(Layers.checkout(Program.projectDir()))));

    static AnswerReading read(String line, String key, Set<String> stated) {
        FactSpec spec = ENGINE.knowledge().vocabulary().get(key);
        return AnswerReading.read(line, spec, ENGINE.extraction(), stated::contains);
    }

    static Object fact(AnswerReading r, String key) {
        return r.alsoSaid().stream().filter(f -> f.getKey().equals(key)).map(Fact::getValue).findFirst().orElse(null);
    }

    @Test
    void aNoThatSaysMoreGivesTheNoAndTheLogLinesFacts() {
        AnswerReading r = read("no, but the logs say connect ECONNREFUSED 127.0.0.1:3000", "tunnel.used", Set.of());
        assertEquals(false, assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertEquals(true, fact(r, "upstream.connection_refused"), r.alsoSaid().toString());
        assertTrue(r.alsoSaid().stream().allMatch(f -> f.getEvidence().contains("in your answer to tunnel.used")), r.alsoSaid().toString());
        assertTrue(r.alsoSaid().stream().allMatch(TextExtraction::fromAnAnswer), r.alsoSaid().toString());
    }

    @Test
    void aYesOrNoTheRestOfTheAnswerContradictsIsAskedAgain() {   // user14 F1: the no was the app's side, 0.87 from it
        AnswerReading r = read("no, traefik is on dokploy-network and the app is only on its own compose network",
                "traefik.on_dokploy_network", Set.of());
        assertTrue(assertInstanceOf(Reply.Invalid.class, r.reply()).message().contains("disagree"), r.reply().toString());
        assertEquals(true, assertInstanceOf(Reply.Value.class,
                read("yes, dokploy-traefik is attached to dokploy-network", "traefik.on_dokploy_network", Set.of()).reply()).value());
        assertEquals(false, assertInstanceOf(Reply.Value.class,
                read("no, traefik is not attached to dokploy-network", "traefik.on_dokploy_network", Set.of()).reply()).value());
    }

    @Test
    void errorsThatComeAndGoAreAYesToTheIntermittentQuestion() {   // user17b ug3: refused as no yes or no
        for (String a : List.of("the locks come and go while the workers run, but now the container crash-loops at start-up",
                "the 502s come and go"))
            assertEquals(true, assertInstanceOf(Reply.Value.class, read(a, "http.intermittent", Set.of()).reply(), a).value(), a);
    }

    @Test
    void aSymptomToldInWordsIsTheMenusChoice() {   // user12 U11, user13 V2, V5: "not a choice"
        assertEquals("error-page", assertInstanceOf(Reply.Value.class,
                read("the browser just can't reach it, it times out", "symptom.kind", Set.of()).reply()).value());
        assertEquals("error-page", assertInstanceOf(Reply.Value.class,
                read("This site can't be reached. app.example.com refused to connect.", "symptom.kind", Set.of()).reply()).value());
        // what the sentence's facts imply: a redirect loop is the menu's redirect-loop, a 404 its error-page
        FactSpec spec = ENGINE.knowledge().vocabulary().get("symptom.kind");
        for (String[] c : new String[][] {{"the browser says too many redirects", "redirect-loop"}, {"I just get 404 page not found", "error-page"}}) {
            AnswerReading r = read(c[0], "symptom.kind", Set.of());
            assertInstanceOf(Reply.Invalid.class, r.reply(), c[0]);
            Reply.Value implied = AnswerReading.impliedChoice(spec, r.alsoSaid(), ENGINE.knowledge().implications(), ENGINE.knowledge().vocabulary());
            assertEquals(c[1], implied == null ? null : implied.value(), c[0] + " -> " + r.alsoSaid());
        }
        // the deploy that times out is no error page
        assertInstanceOf(Reply.Invalid.class, read("the deploy times out", "symptom.kind", Set.of()).reply());
    }

    @Test
    void noDokployToAQuestionThatNamesItInAnAsideLeavesTheQuestionStanding() {   // user12b U29, U32: "not a choice", asked 4 times
        for (String key : new String[] {"deploy.status", "domain.port"}) {
            AnswerReading r = read("I don't use dokploy, it's fly.io", key, Set.of());
            Reply.Invalid invalid = assertInstanceOf(Reply.Invalid.class, r.reply(), key);
            assertTrue(invalid.message().contains("no DokPloy here"), key + ": " + invalid.message());
            assertEquals(false, fact(r, "dokploy.used"), key);
        }
        // the domain's port asked so that a user of another proxy can answer it
        assertTrue(ENGINE.knowledge().vocabulary().get("domain.port").question().contains("(on DokPloy:"));
    }

    @Test
    void noSuchThingIsNoNoToAQuestionAboutIt() {   // user11, user12 U18, U20, user12b C1: read as containers.running = false, shares_network = false
        String[][] cases = {
                {"containers.running", "there are no containers, it's a python app started directly on the server"},
                {"containers.running", "no docker, it's on my laptop with artisan serve"},
                {"containers.running", "no such thing"},
                {"dependency.shares_network", "there's no app container, I said, it's from my laptop"},
                {"fault.all_domains", "there are no domains, it's just localhost:8001"}};
        for (String[] c : cases) {
            Reply.Unknown u = assertInstanceOf(Reply.Unknown.class, read(c[1], c[0], Set.of()).reply(), c[0] + " <- " + c[1]);
            assertTrue(u.because() != null && u.because().startsWith("does not apply"), c[1]);
        }
        // what it says beside is still read
        assertEquals(true, fact(read(cases[0][1], "containers.running", Set.of()), "upstream.on_host"));
        // a plain no, and a no about a thing that is there, stay no
        assertEquals(false, assertInstanceOf(Reply.Value.class, read("no, they are stopped", "containers.running", Set.of()).reply()).value());
        assertEquals(false, assertInstanceOf(Reply.Value.class, read("no, there's no network they share", "dependency.shares_network", Set.of()).reply()).value());
        // asked whether it is there at all, "there is no router" is the no
        assertEquals(false, assertInstanceOf(Reply.Value.class, read("there is no router for it", "traefik.router_present", Set.of()).reply()).value());
    }

    @Test
    void aClauseThatSaysTheUserDoesNotKnowIsADontKnow() {   // user13 V5: 'not a choice' at the health menu
        assertInstanceOf(Reply.Unknown.class, read("they're all up, no idea about health", "container.health", Set.of()).reply());
        assertInstanceOf(Reply.Unknown.class, read("the app runs; not sure about the health check", "container.health", Set.of()).reply());
        // a value read before the clause stays the answer
        assertEquals("unhealthy", assertInstanceOf(Reply.Value.class, read("unhealthy, no idea why", "container.health", Set.of()).reply()).value());
    }

    @Test
    void theAskedValueTheCatalogReadsInAPastedLineIsTheAnswer() {   // user13 V1, V4: "one name or value is needed"
        assertEquals("rybbit_postgres", assertInstanceOf(Reply.Value.class,
                read("rybbit_postgres - Error: getaddrinfo EAI_AGAIN rybbit_postgres", "dependency.name", Set.of()).reply()).value());
        assertEquals("http://localhost:9583", assertInstanceOf(Reply.Value.class,
                read("the route is service: http://localhost:9583 like the docs say", "tunnel.service", Set.of()).reply()).value());
        // a hedged yes with its detail, to a question that needs cloudflared's log: a belief, said to be one (user19 K8),
        // not asked again as unread (user13 V4)
        assertTrue(Reply.isGuess(read("I think so, it can't reach the mcp server add-on", "tunnel.origin_unreachable", Set.of()).reply()));
        assertEquals(true, assertInstanceOf(Reply.Value.class, read("probably yes", "tunnel.used", Set.of()).reply()).value());
    }

    /**
     * user25: to "Does cloudflared log 'Registered tunnel connection'?" the answer "yes it is cloudflared, the add-on"
     * was read as tunnel.connected = true and ruled the right cause out. A yes whose words only name the question's own
     * subject answers "what is it?", not this question: asked again. A yes that says more of what was asked is a yes.
     */
    @Test
    void aYesThatOnlyNamesTheQuestionsSubjectIsAskedAgain() {
        for (String a : List.of("yes it is cloudflared, the add-on", "yes, it's cloudflared", "yeah that is the cloudflared add-on")) {
            Reply r = read(a, "tunnel.connected", Set.of()).reply();
            assertTrue(assertInstanceOf(Reply.Invalid.class, r, a).message().contains("says what it is"), a + ": " + r);
        }
        for (String a : List.of("yes, it registers 4 connections", "yes it is cloudflared and it logs Registered tunnel connection",
                "yes", "yes it is", "yes, it's connected"))
            assertEquals(true, assertInstanceOf(Reply.Value.class, read(a, "tunnel.connected", Set.of()).reply(), a).value(), a);
        // the subject named where the question asks about it: "yes, it's cloudflared in docker" to "Is cloudflared in Docker?"
        assertEquals(true, ProseAnswer.yesOrNo("yes, it's cloudflared in docker", "Does cloudflared run in a Docker container?"));
        assertEquals(true, ProseAnswer.yesOrNo("yes, we use cloudflare", "Do you use a Cloudflare Tunnel?"));
    }

    @Test
    void aPlainAnswerSaysNothingMore() {
        for (String line : new String[] {"yes", "nope, never touched it", "I think so", "no idea"}) {
            assertTrue(read(line, "tunnel.used", Set.of()).alsoSaid().isEmpty(), line);
        }
        assertTrue(read("it listens on port 3000", "app.listen_port", Set.of()).alsoSaid().isEmpty());
    }

    @Test
    void aNumberInAPastedLogLineIsNotTheAnswer() {
        AnswerReading r = read("connect ECONNREFUSED 127.0.0.1:3000", "app.listen_port", Set.of());
        assertInstanceOf(Reply.Invalid.class, r.reply(), "the port someone dialled is not the port the app listens on");
        assertEquals(true, fact(r, "upstream.connection_refused"));
    }

    @Test
    void aValueBesideTheNameOfTheUsersToolIsNoLogLine() {   // user14b ub10: "that reads as a log line"
        AnswerReading r = read("3000, the Port field in dokploy", "domain.port", Set.of());
        assertEquals(3000L, assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertEquals("dokploy", fact(r, "platform.kind"));
    }

    @Test
    void theCodeOnCloudflaresOwnPageIsTheCodeAsked() {   // user14b ub10: refused as a log line
        AnswerReading r = read("it's a cloudflare page that says Bad gateway, Error code 502", "cloudflare.error", Set.of());
        assertEquals(502L, assertInstanceOf(Reply.Value.class, r.reply()).value());
    }

    @Test
    void aValueSaidOfAServiceTheAppUsesIsNotTheApps() {   // user14b ub11: a database on loopback read as the app's bind, 0.86
        for (String line : new String[] {"clickhouse listens on 127.0.0.1 only, the backend I don't know",
                "the postgres container listens on 127.0.0.1", "redis is bound to 127.0.0.1"}) {
            assertTrue(!(read(line, "app.listen_address", Set.of()).reply() instanceof Reply.Value), line);
        }
        FactSpec spec = ENGINE.knowledge().vocabulary().get("app.listen_address");
        Reply sibling = AnswerReading.read("mydb listens on 127.0.0.1", spec, ENGINE.extraction(), k -> false, false,
                k -> k.equals("dependency.name") ? "mydb" : null).reply();
        assertTrue(!(sibling instanceof Reply.Value), sibling.toString());
        // the app's own value, in a sentence, is read as before
        assertEquals("127.0.0.1", assertInstanceOf(Reply.Value.class, read("it listens on 127.0.0.1 only", "app.listen_address", Set.of()).reply()).value());
        assertEquals(5432L, assertInstanceOf(Reply.Value.class, read("the app listens on 5432", "app.listen_port", Set.of()).reply()).value());
    }

    @Test
    void whatIsAlreadyStatedIsNotOverridden() {
        AnswerReading r = read("no, but the logs say connect ECONNREFUSED 127.0.0.1:3000", "tunnel.used",
                Set.of("upstream.connection_refused"));
        assertEquals(null, fact(r, "upstream.connection_refused"));
    }

    static final String ONLY_BRIDGE = "{\"bridge\":{\"IPAMConfig\":null,\"Links\":null,\"Aliases\":null,\"NetworkID\":\"3f2a\"}}";
    static final String TWO_NETWORKS = "{\"dokploy-network\":{\"IPAMConfig\":null,\"Aliases\":[\"web\"],\"IPAddress\":\"10.0.1.7\"},"
            + "\"myapp_default\":{\"IPAMConfig\":null,\"IPAddress\":\"172.18.0.3\"}}";

    @Test
    void theOutputOfTheCommandTheQuestionSuggestsIsReadForItsNetworks() {   // user10 finding 6
        // Traefik on bridge alone: no when the app is known to be elsewhere, asked again while the app's networks are not known
        assertEquals(false, assertInstanceOf(Reply.Value.class, AnswerReading.read(ONLY_BRIDGE, ENGINE.knowledge().vocabulary().get("traefik.on_dokploy_network"),
                ENGINE.extraction(), k -> false, false, k -> k.equals("app.networks") ? List.of("myapp_default") : null).reply()).value());
        assertInstanceOf(Reply.Invalid.class, read(ONLY_BRIDGE, "traefik.on_dokploy_network", Set.of()).reply());
        assertEquals(true, assertInstanceOf(Reply.Value.class, read(TWO_NETWORKS, "traefik.on_dokploy_network", Set.of()).reply()).value());
        assertEquals(List.of("dokploy-network", "myapp_default"),
                assertInstanceOf(Reply.Value.class, read(TWO_NETWORKS, "app.networks", Set.of()).reply()).value());
        assertEquals(List.of("bridge"), assertInstanceOf(Reply.Value.class, read(ONLY_BRIDGE, "app.networks", Set.of()).reply()).value());
        // a sentence that names the only networks, none of them dokploy-network: the app may be on them too
        assertInstanceOf(Reply.Invalid.class, read("it's only on bridge", "traefik.on_dokploy_network", Set.of()).reply());
        assertEquals(true, assertInstanceOf(Reply.Value.class, read("yes, only on dokploy-network", "traefik.on_dokploy_network", Set.of()).reply()).value());
        // cut short, or some other JSON: not read
        assertInstanceOf(Reply.Invalid.class, read("{\"bridge\":{\"IPAMConfig\":null,\"Li", "traefik.on_dokploy_network", Set.of()).reply());
        assertInstanceOf(Reply.Invalid.class, read("{\"Status\":\"running\"}", "app.networks", Set.of()).reply());
        // a question that suggests no such command does not read it
        assertInstanceOf(Reply.Invalid.class, read(ONLY_BRIDGE, "containers.running", Set.of()).reply());
    }

    @Test
    void aGuessedAddressIsNotTakenAsTheObservedOne() {   // user10 finding 4: app.listen_address derives app.listen_bound (answered: true)
        FactSpec spec = ENGINE.knowledge().vocabulary().get("app.listen_address");
        for (String guess : new String[] {"127.0.0.1 I guess, that's what the ports line says", "probably 127.0.0.1", "I think it's 0.0.0.0"}) {
            assertInstanceOf(Reply.Invalid.class, AnswerReading.read(guess, spec, ENGINE.extraction(), k -> false, true).reply(), guess);
        }
        assertEquals("127.0.0.1", assertInstanceOf(Reply.Value.class,
                AnswerReading.read("it listens on 127.0.0.1", spec, ENGINE.extraction(), k -> false, true).reply()).value());
        // the app's own start-up line is seen, not guessed: its address is the answer (user13 X2: the port was
        // kept and the address asked for dropped); a hedged one is a guess, and said to be one (O9)
        assertEquals("127.0.0.1", assertInstanceOf(Reply.Value.class,
                AnswerReading.read("the logs say REST server starting  addr=127.0.0.1:8475", spec, ENGINE.extraction(), k -> false, true).reply()).value());
        assertTrue(assertInstanceOf(Reply.Invalid.class,
                AnswerReading.read("0.0.0.0 I think, whoami listens on 8000", spec, ENGINE.extraction(), k -> false, true).reply()).message().contains("guess"));
        // the REPL asks for an observation exactly where an answered: true implication reads the answer
        assertTrue(ENGINE.knowledge().implications().entries().stream().anyMatch(i -> i.answered() && i.when().equals("app.listen_address")));
    }

    @Test
    void aMenuPickSaidAsAGuessIsThePickWhereAnImplicationReadsTheAnswer() {   // user20 o3
        // symptom.kind has an answered: true implication (database-unreachable), yet a pick "I guess" is what the user sees
        FactSpec kind = ENGINE.knowledge().vocabulary().get("symptom.kind");
        assertEquals("deploy-fails", assertInstanceOf(Reply.Value.class,
                AnswerReading.read("6 i guess, the install fails", kind, ENGINE.extraction(), k -> false, true).reply()).value());
        Reply late = AnswerReading.read("the install fails, so 6 i guess", kind, ENGINE.extraction(), k -> false, true).reply();
        assertTrue(!(late instanceof Reply.Invalid i) || !i.message().contains("container"), late.toString());
        // a guessed status is asked again, in words about what the user sees, not about the inside of a container
        FactSpec status = ENGINE.knowledge().vocabulary().get("http.status");
        String said = assertInstanceOf(Reply.Invalid.class,
                AnswerReading.read("524 I think", status, ENGINE.extraction(), k -> false, true).reply()).message();
        assertTrue(said.contains("guess") && !said.contains("container"), said);
    }

    @Test
    void aTlsErrorToldInWordsAtACloudflaredQuestionIsTheOriginsTlsError() {   // user11b S32
        AnswerReading r = read("yes, with a tls error about the certificate name", "tunnel.origin_unreachable", Set.of());
        assertEquals(true, assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertEquals(true, fact(r, "tunnel.origin_tls_error"), r.alsoSaid().toString());
    }

    @Test
    void aCertificateErrorOutsideACloudflaredQuestionSaysNothingOfTheTunnelsLeg() {
        assertEquals(null, fact(read("no, the browser shows a certificate error", "tunnel.used", Set.of()), "tunnel.origin_tls_error"));
        assertEquals(null, fact(read("yes, with a tls error about the certificate name", "cloudflare.proxied", Set.of()), "tunnel.origin_tls_error"));
        assertEquals(null, fact(read("yes, and a certificate name error", "tunnel.used", Set.of()), "tunnel.origin_tls_error"));
        assertEquals(null, fact(read("yes, but no tls error, connection refused", "tunnel.origin_unreachable", Set.of()), "tunnel.origin_tls_error"));
    }

    @Test
    void aNoToldAsAStatementTheCatalogReadsIsTheAnswer() {   // user11b S36
        for (String line : new String[] {"I don't use cloudflare", "we don't use cloudflare", "I'm not using cloudflare"}) {
            assertEquals(false, assertInstanceOf(Reply.Value.class, read(line, "cloudflare.proxied", Set.of()).reply(), line).value(), line);
        }
    }

    @Test
    void aNoWithItsReasonIsANo() {   // user11b X2
        for (String line : new String[] {"no, one app", "no, it's one app", "no, it is one app behind ESP"}) {
            assertEquals(false, assertInstanceOf(Reply.Value.class, read(line, "service.has_dependencies", Set.of()).reply(), line).value(), line);
        }
    }
    @Test
    void aStatementWithAClauseThatCannotTellIsADontKnow() {   // user15 C1: read as traefik.on_dokploy_network = false, 0.89
        assertInstanceOf(Reply.Unknown.class,
                read("it's not running at all, so I can't tell", "traefik.on_dokploy_network", Set.of()).reply());
        // an answer that opens with its own no keeps it
        assertEquals(false, assertInstanceOf(Reply.Value.class,
                read("no, I can't tell why it dropped off", "traefik.on_dokploy_network", Set.of()).reply()).value());
    }

    @Test
    void aValueTheAnswerOpensWithIsTheAnswerWhateverTheRemarkReads() {   // user15 C2
        AnswerReading r = read("8080, NPM forwards to 192.168.1.10:8080, the host port I published", "domain.port", Set.of());
        assertEquals(8080L, assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertEquals(8080L, fact(r, "upstream.host_port"), r.alsoSaid().toString());
        // a number inside a pasted line still is not
        assertInstanceOf(Reply.Invalid.class, read("connect ECONNREFUSED 127.0.0.1:3000", "app.listen_port", Set.of()).reply());
    }

    @Test
    void anX509ErrorTypedAtACloudflaredOriginQuestionIsTheCertificateFailure() {   // user15 H3: asked again two questions later
        AnswerReading r = read("yes, it ends with x509: certificate signed by unknown authority", "tunnel.origin_unreachable", Set.of());
        assertEquals(true, assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertEquals("certificate", fact(r, "tunnel.origin_tls_failure"), r.alsoSaid().toString());
    }

    /** The answer to {@code key} of a session that holds {@code held}. */
    static AnswerReading readHolding(String line, String key, List<Fact> held) {
        FactSpec spec = ENGINE.knowledge().vocabulary().get(key);
        return AnswerReading.read(line, spec, ENGINE.extraction(), k -> held.stream().anyMatch(f -> f.getKey().equals(k)), false, k -> null, held);
    }

    @Test
    void noCloudflaredAtAllReplacesATunnelReadFromTheUsersOwnWords() {   // user15b ud8: "does not apply", the misread kept
        List<Fact> prose = ENGINE.extraction().extract("my site behind the tunnel gives 502, the tunnel service is http://localhost:80");
        assertEquals(true, prose.stream().filter(f -> f.getKey().equals("tunnel.used")).findFirst().orElseThrow().getValue());
        for (String key : new String[] {"tunnel.origin_unreachable", "cloudflare.error"}) {
            AnswerReading r = readHolding("no, there is no cloudflared at all", key, prose);
            assertInstanceOf(Reply.Unknown.class, r.reply(), key);
            Fact corrected = r.corrected().stream().filter(f -> f.getKey().equals("tunnel.used")).findFirst().orElseThrow();
            assertEquals(false, corrected.getValue(), key);
            assertEquals(Fact.USER, corrected.getSource(), "the user's word");
        }
        // cloudflared's own log line shows a tunnel: the denial is asked to confirm, nothing replaced
        List<Fact> logged = ENGINE.extraction().extract(
                "ERR error=\"Unable to reach the origin service. The service may be down\" originService=http://localhost:80");
        AnswerReading r = readHolding("no, there is no cloudflared at all", "tunnel.origin_unreachable", logged);
        assertInstanceOf(Reply.Invalid.class, r.reply());
        assertTrue(r.corrected().isEmpty(), r.corrected().toString());
        // nothing held: the denial is noted as usual, nothing to replace
        assertTrue(readHolding("no, there is no cloudflared at all", "tunnel.origin_unreachable", List.of()).corrected().isEmpty());
    }
    /** user16's refused or misread answers, read wherever they are typed (the catalog and the reply's shape, not per question). */
    @Test
    void user16sAnswersAreReadAsTheySay() {
        for (String line : List.of("they are separate apps, all of them time out through NPM", "it's the only app here"))
            assertEquals(false, assertInstanceOf(Reply.Value.class, read(line, "service.has_dependencies", Set.of()).reply()).value(), line);
        AnswerReading neither = read("neither traefik nor cloudflared", "tunnel.used", Set.of());
        assertEquals(false, assertInstanceOf(Reply.Value.class, neither.reply()).value());
        assertEquals(false, fact(neither, "traefik.used"), neither.alsoSaid().toString());
        // a leading "neither", closed, is no choice, whatever the rest names ("the compose file" is no domain type)
        AnswerReading noDokploy = read("neither, there is no dokploy, just nginx in the compose file", "domain.type", Set.of());
        assertInstanceOf(Reply.Unknown.class, noDokploy.reply());
        assertEquals(false, fact(noDokploy, "dokploy.used"), noDokploy.alsoSaid().toString());
        // "nothing changed" after a yes is a statement of its own; "yes, nothing" alone takes the yes back
        assertEquals(true, assertInstanceOf(Reply.Value.class, read("yes, nothing changed on traefik", "traefik.on_dokploy_network", Set.of()).reply()).value());
        assertInstanceOf(Reply.Invalid.class, read("yes, nothing", "traefik.on_dokploy_network", Set.of()).reply());
        // the same address twice backs it; another address leaves it open
        assertEquals("127.0.0.1", assertInstanceOf(Reply.Value.class, read("127.0.0.1, netstat shows 127.0.0.1:3000", "app.listen_address", Set.of()).reply()).value());
        assertInstanceOf(Reply.Invalid.class, read("127.0.0.1, netstat shows 0.0.0.0:3000", "app.listen_address", Set.of()).reply());
        assertEquals(120L, assertInstanceOf(Reply.Value.class, read("it fails after a couple of minutes", "http.cut_after_seconds", Set.of()).reply()).value());
    }

    /**
     * netstat's LISTEN row pasted to the listen-address question, run as a user who does not own the socket: its
     * PID/Program column is "-" (net-tools netstat.c). It was "I could not read that either" and the address stayed
     * unknown (user21's left item); the question asks for this very look inside the container, so the row is the app's.
     */
    @Test
    void aNetstatRowWithoutItsProgramAnswersTheListenAddress() {
        String row = "tcp        0      0 127.0.0.1:3000          0.0.0.0:*               LISTEN      -";
        for (String key : List.of("app.listen_address", "app.listen_bound"))
            assertEquals("127.0.0.1", assertInstanceOf(Reply.Value.class, read(row, key, Set.of()).reply()).value(), key);
        assertEquals("::", assertInstanceOf(Reply.Value.class,
                read("tcp6       0      0 :::8080                 :::*                    LISTEN      -", "app.listen_address", Set.of()).reply()).value());
        assertEquals("0.0.0.0", assertInstanceOf(Reply.Value.class,
                read("LISTEN 0      511          *:5000          *:*", "app.listen_address", Set.of()).reply()).value());
        // Docker's DNS listener beside the app's row is not the app
        assertEquals("0.0.0.0", assertInstanceOf(Reply.Value.class, read(
                "tcp 0 0 127.0.0.11:37231 0.0.0.0:* LISTEN -\ntcp 0 0 0.0.0.0:3000 0.0.0.0:* LISTEN -", "app.listen_address", Set.of()).reply()).value());
        // rows of two ports and no port known: which one is the app's is asked, not guessed
        assertInstanceOf(Reply.Invalid.class, read(
                "tcp 0 0 127.0.0.1:3000 0.0.0.0:* LISTEN -\ntcp 0 0 0.0.0.0:9229 0.0.0.0:* LISTEN -", "app.listen_address", Set.of()).reply());
    }

    /**
     * user25: the port on the pasted row is noted beside the address (the fix's APP_LISTEN_PORT= was left blank after
     * "tcp 0 0 127.0.0.1:3000 0.0.0.0:* LISTEN"). Look-alikes: a port already told is not overwritten; rows of two
     * ports (the address asked again) and a plain address give no port.
     */
    @Test
    void aPastedListenRowAlsoGivesTheListenPort() {
        String row = "tcp        0      0 127.0.0.1:3000          0.0.0.0:*               LISTEN";
        AnswerReading r = read(row, "app.listen_address", Set.of());
        assertEquals("127.0.0.1", assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertEquals(3000L, fact(r, "app.listen_port"));
        assertEquals(null, fact(read(row, "app.listen_address", Set.of("app.listen_port")), "app.listen_port"), "told before: kept");
        assertEquals(null, fact(read("tcp 0 0 127.0.0.1:3000 0.0.0.0:* LISTEN -\ntcp 0 0 0.0.0.0:9229 0.0.0.0:* LISTEN -",
                "app.listen_address", Set.of()), "app.listen_port"));
        assertEquals(null, fact(read("127.0.0.1", "app.listen_address", Set.of()), "app.listen_port"));
    }

    /**
     * A menu entry pointed at by its place or a word of it at "What do you see?": "the cert one", "2nd" were refused
     * as no choice (user21's left item). Words that open two entries, or none, are still asked again.
     */
    @Test
    void aMenuEntryPointedAtByPlaceOrWord() {
        String[][] said = {{"the cert one", "certificate-error"}, {"the certificate one", "certificate-error"}, {"2nd", "certificate-error"},
                {"the second one", "certificate-error"}, {"the database one", "database-unreachable"}, {"the redirect one.", "redirect-loop"},
                {"the one about the deploy", "deploy-fails"}, {"its the loop one", "redirect-loop"}, {"the cert one i guess", "certificate-error"}};
        for (String[] c : said)
            assertEquals(c[1], assertInstanceOf(Reply.Value.class, read(c[0], "symptom.kind", Set.of()).reply()).value(), c[0]);
        for (String line : List.of("the same one", "the 9th one", "the other one"))
            assertInstanceOf(Reply.Invalid.class, read(line, "symptom.kind", Set.of()).reply(), line);
        // at a menu with an entry named other, "the other one" points back at something, not at that entry (user22's left item)
        for (String line : List.of("the other one", "the same one", "another one", "its the other one"))
            assertFalse(read(line, "database.kind", Set.of()).reply() instanceof Reply.Value, line);
        assertEquals("other", assertInstanceOf(Reply.Value.class, read("other", "database.kind", Set.of()).reply()).value());
        assertEquals(3, Reply.ordinal("3rd"));
        assertEquals(null, Reply.ordinal("3rd time it failed"));
    }

    /**
     * The label said not to be there, with where it was looked for: "there is no such label in my compose" to
     * "What is the value of the service's traefik.docker.network label (empty if none)?" was refused as "say what
     * it is, not what it is not" and the session ended inconclusive (user22 s4, goauthentik/authentik#8934).
     */
    @Test
    void aLabelSaidNotToBeInTheComposeIsNone() {
        for (String line : List.of("there is no such label in my compose", "i dont have that label in my compose file",
                "no label on the service", "never set it in the compose"))
            assertEquals("", assertInstanceOf(Reply.Value.class, read(line, "traefik.docker_network_label", Set.of()).reply()).value(), line);
        // a network named after the none is no empty label
        assertFalse(read("there is no such label in my compose, it is traefik_proxy", "traefik.docker_network_label", Set.of()).reply() instanceof Reply.Value);
    }

    /**
     * A URL's query in a pasted line is no question back: "yes. ... Get http://domain:9222/probe?target=watchub.pw: ... no such
     * host" to "Is that dependency's container running?" was "that reads as a question" (user22 s9, caarlos0/domain_exporter#6).
     */
    @Test
    void aUrlQueryIsNoQuestionBack() {
        String line = "yes. the exporter in compose says: Get http://domain:9222/probe?target=watchub.pw: dial tcp: lookup domain on 127.0.0.11:53: no such host";
        assertEquals(true, assertInstanceOf(Reply.Value.class, read(line, "dependency.running", Set.of()).reply()).value());
        assertTrue(ProseAnswer.asksBack("3000?"));
        assertTrue(ProseAnswer.asksBack("what do you mean? it's up"));
        assertFalse(ProseAnswer.asksBack("curl http://app:3000/health?full=1 answers 200"));
    }
}
