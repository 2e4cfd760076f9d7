package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.knowledge.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The answers review8 found read as their opposite, each with the bundled question it answered: a
 * sentence is read only when it plainly says one value; a negated value, a question back, an
 * alternative or hedge after the value, a self-correction or two values are asked again.
 */
class MisreadAnswersTest {
    static final Vocabulary VOCABULARY = Knowledge.load(List.of(Layers.checkout(Program.projectDir()))).vocabulary();

    static Reply parse(String key, String answer) {
        FactSpec spec = VOCABULARY.get(key);
        return Reply.parse(answer, spec);
    }

    static void asked(String key, String... answers) {
        for (String a : answers) assertInstanceOf(Reply.Invalid.class, parse(key, a), key + " <- " + a);
    }

    static void reads(String key, String answer, Object expected) {
        assertEquals(expected, assertInstanceOf(Reply.Value.class, parse(key, answer), key + " <- " + answer).value(), answer);
    }

    static void unknown(String key, String... answers) {
        for (String a : answers) assertInstanceOf(Reply.Unknown.class, parse(key, a), key + " <- " + a);
    }

    @Test
    void aYesWhoseDetailDeniesAThingStaysYes() {   // user21 s16: "yes, only restarted, no redeploy" was refused
        reads("domain.changed_since_deploy", "yes, only restarted, no redeploy", true);
        // a no that answers still takes the yes back
        asked("domain.changed_since_deploy", "yes, no", "yes, no it wasn't", "yes, no way");
        // a "no" whose clause goes on to deny in a full sentence is that no, not a thing denied (review21)
        asked("domain.changed_since_deploy", "yes, no the domain wasn't changed", "yes, no the app was not redeployed");
    }

    @Test
    void aNegatedValueIsAskedAgain() {   // 1a
        asked("app.listen_address", "not 127.0.0.1", "it's not 127.0.0.1");
        asked("tunnel.service", "not http://localhost:80", "its not http://localhost:80, its https://localhost:443",
                "not https, http://localhost:80");
        asked("dependency.name", "not redis, postgres");
    }

    @Test
    void aQuestionBackOrAnAlternativeIsAskedAgain() {   // 1b
        asked("app.listen_port", "should it be 3000?", "3000?", "is it 3000?");
        asked("tunnel.service", "http://localhost:80? or https, not sure", "http://localhost:80? or https");
        asked("app.listen_address", "localhost? or 0.0.0.0");
        asked("dependency.name", "postgres? maybe db", "postgres or mysql");
        asked("containers.running", "yes?", "sure?", "right?", "yes or no?", "running?");
        asked("cloudflare.ssl_mode", "flexible? or full");
    }

    @Test
    void aStatementSaysYesOnlyWhenItRepeatsTheQuestionsKeyPhrase() {   // 1c
        asked("app.on_several_networks", "it is on one network", "its attached to one docker network", "it is attached to one");
        asked("containers.running", "correct me if im wrong but no");
        reads("containers.running", "correct", true);
        reads("traefik.on_dokploy_network", "it's on dokploy-network", true);
        asked("traefik.on_dokploy_network", "it is attached to bridge", "it is attached to the network");
    }

    @Test
    void aListKeepsOnlyNamesThatLookLikeNetworks() {   // 1d
        asked("app.networks", "same as traefik", "neither", "bridge maybe", "the usual ones", "Nope!",
                "whatever dokploy created", "it used to be on dokploy-network, now bridge", "on dokploy-network? no",
                "bridge, not sure", "both", "none", "yes");
        reads("app.networks", "it's on dokploy-network and bridge", List.of("dokploy-network", "bridge"));
        reads("app.networks", "dokploy-network (I think) and myapp_default", List.of("dokploy-network", "myapp_default"));
        reads("app.networks", "traefik, myapp", List.of("traefik", "myapp"));   // typed as a list: names as typed
    }

    @Test
    void aNegatedChoiceIsAskedAgainAndNoneIsOnlyABareNo() {   // 1e
        asked("container.health", "not healthy", "isn't healthy", "not unhealthy");
        reads("container.health", "no", "none");
        reads("container.health", "no healthcheck", "none");
        asked("deploy.status", "it says done but it failed", "not error");
        reads("cloudflare.ssl_mode", "full, not flexible", "full");
    }

    @Test
    void aSelfCorrectionOrALaterValueIsAskedAgain() {   // 1f
        asked("app.listen_port", "it was 3000 but I changed it to 8080", "80, no wait, 3000", "3000, or maybe 8080");
        asked("containers.running", "no, yes it is", "no wait, yes", "no, I mean yes", "no? yes", "yes - no wait",
                "yes, not anymore", "yes and no", "yes no");
        reads("containers.running", "yes, but it keeps restarting", true);
        reads("upstream.connection_refused", "no, but the logs say connect ECONNREFUSED 127.0.0.1:3000", false);
    }

    @Test
    void unknownFormsAndPortsOutOfRange() {   // 1g
        unknown("containers.running", "never checked", "never looked", "definitely not sure", "it doesn't matter",
                "not that I'm aware", "none of your business", "not checked yet");
        asked("app.listen_port", "99999999", "port 0", "-3000", "70000");
        reads("app.listen_port", "65535", 65535L);
        asked("app.listen_port", "not 3000");   // says what it is not: asked again, not taken as unknown
        unknown("app.listen_port", "no");
        // user12 U31: the port of the URL the user opens is no HTTP status
        asked("http.status", "there's no public url, I open http://localhost:8080 on my computer and the connection is reset", "8080", "99");
        reads("http.status", "502", 502L);
    }

    @Test
    void everyNegationWordDeniesWhatFollowsIt() {   // one list of negation words (Negation.WORDS) for every reading
        asked("app.networks", "it doesn't have dokploy-network", "it wasn't on dokploy-network", "not really on dokploy-network");
        reads("app.networks", "it's on myapp_default, not on dokploy-network", List.of("myapp_default"));
        asked("app.listen_port", "didn't set 3000", "it doesn't use port 3000");
        asked("container.health", "wasn't healthy", "no longer healthy", "it doesn't show healthy");
        asked("app.listen_address", "didn't bind 127.0.0.1", "never 127.0.0.1");
    }

    @Test
    void notOnlyAndADeniedNumberFurtherOnAreAskedAgain() {   // review9 3a, 3b
        asked("app.networks", "it's not only on bridge, also dokploy-network", "not just bridge");
        asked("app.listen_port", "don't think it's 3000", "I don't believe it is 3000", "it doesn't use 3000 I think");
        reads("app.listen_port", "no, it's 3000", 3000L);
        reads("app.listen_port", "I didn't change it, it's 3000", 3000L);
    }

    @Test
    void aNoFollowedByAStatementOfItsOwnReadsAsNo() {   // user10 finding 3
        reads("tunnel.origin_unreachable", "no, it is stopped", false);   // the hint's own example
        reads("http.redirect_loop", "no, it's a 502 like I said", false);
        reads("containers.running", "no, they're in docker", false);
        reads("dependency.running", "no, it was still starting up", false);
        reads("http.intermittent", "no, always", false);
        reads("http.intermittent", "no, it's there every time", false);
        // the opposite answer after the no stays refused: a yes word, a bare head, the question repeated
        asked("containers.running", "no, yes it is", "no, it is", "no, they are");
        asked("traefik.on_dokploy_network", "no, it's on dokploy-network");   // the networks said the other way
        asked("containers.running", "no, they're running");   // the question repeated
    }

    @Test
    void aNoneWithMoreWordsToAOneNameOrNoneQuestionReadsAsNone() {   // user10 finding 5
        reads("traefik.docker_network_label", "there isn't one, I never set that label", "");
        reads("traefik.docker_network_label", "no, there's no such label", "");
        reads("traefik.docker_network_label", "none, never set it", "");
        reads("traefik.docker_network_label", "there's no such label", "");
        reads("traefik.provider_network", "no network set", "");
        reads("traefik.docker_network_label", "none", "");
        // a value, or something else said after the no, is no none
        asked("traefik.docker_network_label", "no, it's traefik_net", "no, it's web");
        reads("traefik.docker_network_label", "traefik_net, I never changed it", "traefik_net");
    }

    @Test
    void aQuestionBackThatLeadsAnAnswerIsFollowedByTheAnswer() {   // user10 finding 10
        reads("host.port_conflict", "what port? there's no port problem, only the pull error", false);
        asked("app.listen_port", "which app? the api listens on 3000");   // a value after it may answer another question
        reads("containers.running", "which containers? yes, all of them", true);
        Reply r = parse("app.listen_address", "which app? all of them, nothing changed on the apps, I only swapped NPM for NPMplus");
        assertInstanceOf(Reply.Invalid.class, r);
        assertEquals(false, ((Reply.Invalid) r).message().contains("question"), "the answer after the question back is read: " + r);
        // a question about the value itself still asks back
        asked("app.listen_port", "3000?", "is it 3000?", "which port? 3000?");
        asked("app.networks", "bridge? or host");
        // a question back about the question says where it is explained (user20 a1)
        Reply r2 = parse("http.status", "what do you mean?");
        assertTrue(((Reply.Invalid) r2).message().contains("'why' explains"), r2.toString());
    }

    @Test
    void aValueAfterAQuestionBackOrReferringBackIsAskedAgain() {   // fixans 1
        asked("app.listen_port", "what? I said 502", "what? 3000", "I said 502", "as I told you, 502", "which one? 8080");
        asked("app.listen_address", "what? I said 0.0.0.0");
        asked("app.networks", "what? I said bridge");
        // the value typed now, with a reference back after it that only says it was told before, is the
        // answer (user11 S5: "9874, as I said" was refused though it holds the value)
        reads("app.listen_port", "3000, like I said", 3000L);
        reads("app.listen_address", "127.0.0.1 as I said before", "127.0.0.1");
        // the bare "I told you" after the value says the same (user12 U32, user12b X5)
        reads("app.listen_port", "3000, I told you", 3000L);
        reads("app.listen_address", "0.0.0.0, I said", "0.0.0.0");
        reads("http.status", "400, I wrote it", 400L);
        // a port at the address question is asked again, restated or not
        asked("app.listen_address", "3000", "3000, I told you");
        asked("app.listen_bound", "8080");
        reads("http.redirect_loop", "no, it's a 502 like I said", false);   // a yes or no stands
        // the value, the reference back, then words that restate it (user20 e1: refused though it holds the value)
        reads("domain.port", "8080 like i said, http://blog:8080", 8080L);
        reads("app.listen_port", "3000, as I said, the app listens there", 3000L);
        // words after it that give another value: which one is meant is asked
        asked("domain.port", "8080 like i said, but the container is on 80", "as I told you, 502", "what? I said 502, the port is 80");
    }

    @Test
    void aNoFollowedByADetailThatAffirmsTheQuestionIsAskedAgain() {   // fixans 3
        asked("containers.running", "no, it's up", "no, they're up", "no, it is healthy", "no, it's running now",
                "no, it is fine", "no, it does run", "no, it's restarting");
        asked("cloudflared.running", "no, it's up", "no, it's running now", "no, it is fine", "no, it does run");
        asked("dependency.running", "no, it's up", "no, it is healthy");
        // the question counts restarting as a no; a detail of its own tells what the no means
        reads("cloudflared.running", "no, it's restarting", false);
        reads("dependency.running", "no, it's restarting", false);
        reads("containers.running", "no, it is stopped", false);
        reads("dependency.running", "no, it was still starting up", false);
    }

    static final String TRAEFIK_NETWORKS_PASTED =
            "{\"traefik_net\":{\"IPAMConfig\":null,\"Links\":null,\"Aliases\":null,\"NetworkID\":\"4f1c\"}}";

    static Object withAppOn(List<String> appNetworks, String answer) {
        Reply r = Reply.parse(answer, VOCABULARY.get("traefik.on_dokploy_network"), k -> k.equals("app.networks") ? appNetworks : null);
        return r instanceof Reply.Value v ? v.value() : r.getClass().getSimpleName();
    }

    @Test
    void aMenuNumberWithARemarkIsThatChoice() {   // user12 U14, U16, user12b X9, user13 O3, O6, O7, X3: "not a choice"
        reads("symptom.kind", "1, it's nextcloud's own page", "error-page");
        reads("symptom.kind", "1 I guess", "error-page");
        reads("symptom.kind", "1, it's a 413", "error-page");   // a status is a detail, not a second pick
        reads("symptom.kind", "2, the device's certificate is expired", "certificate-error");
        reads("symptom.kind", "4 I guess, it keeps redirecting to https", "redirect-loop");
        reads("symptom.kind", "5, kimai can't reach mysql", "database-unreachable");
        // user12b X2: a number means at the symptom menu what it means at the first menu where the two
        // overlap (1) 502, 4) redirect loop, 5) DNS error, 6) deploy error, 7) permission denied in DokPloy)
        java.util.Map<Integer, String> same = java.util.Map.of(1, "error-page", 4, "redirect-loop", 5, "database-unreachable",
                6, "deploy-fails", 7, "action-refused");
        same.forEach((n, value) -> assertEquals(value, VOCABULARY.get("symptom.kind").values().get(n - 1), n + ") " + Opening.MENU.get(n - 1).label()));
        // the remark leaves it open: another pick, an alternative, a correction, another choice named
        asked("symptom.kind", "1, 2", "1 or 2", "1 maybe", "1, not sure", "1, no wait, it's a redirect loop", "9, it times out");
    }

    @Test
    void traefiksNetworksWithoutDokployNetworkAreComparedWithTheAppsOrAskedAgain() {   // fixans 2
        // the app's networks not known: Traefik's other networks may be the app's too
        asked("traefik.on_dokploy_network", TRAEFIK_NETWORKS_PASTED, "just traefik_net", "only on proxy", "it's only on traefik_net");
        reads("traefik.on_dokploy_network", "{\"dokploy-network\":{\"NetworkID\":\"1\"},\"bridge\":{}}", true);
        reads("traefik.on_dokploy_network", "no, it's only on bridge", false);   // the user's own no
        // known: a shared network says yes, a whole list that shares none says no
        assertEquals(true, withAppOn(List.of("traefik_net", "myapp_default"), TRAEFIK_NETWORKS_PASTED));
        assertEquals(true, withAppOn(List.of("traefik_net"), "just traefik_net"));
        assertEquals(false, withAppOn(List.of("myapp_default"), TRAEFIK_NETWORKS_PASTED));
        assertEquals(false, withAppOn(List.of("myapp_default"), "it's only on traefik_net"));
        assertEquals(true, withAppOn(List.of("bridge"), "it's only on bridge"));
        assertEquals("Invalid", withAppOn(List.of("myapp_default"), "it's on traefik_net"));   // maybe not all of them
        assertEquals("Invalid", withAppOn(List.of("traefik_net"), "no, it's only on traefik_net"));   // the no and the networks disagree
    }

    @Test
    void theTraefikNetworkQuestionMakesSenseWithoutDokployAndADeniedAsideIsNoNo() {   // user10 findings 2c and 4
        assertEquals(false, VOCABULARY.get("traefik.on_dokploy_network").question().startsWith("Is dokploy-traefik"),
                "asked so that a plain-Traefik user can answer");
        // user13 F1: "the same network as the app" is two questions; a DokPloy app off dokploy-network made the no Traefik's
        // user14: "..., whichever networks the app is on" still read as two questions; a no meant the app's side
        assertTrue(VOCABULARY.get("traefik.on_dokploy_network").question().contains("the Traefik container itself (leave the app's networks aside)")
                && !VOCABULARY.get("traefik.on_dokploy_network").question().contains("networks the app is on"),
                "asks Traefik's side only");

        asked("traefik.on_dokploy_network", "no dokploy here, traefik is on the traefik network",
                "no dokploy, plain traefik");
        reads("traefik.on_dokploy_network", "no", false);
        reads("traefik.on_dokploy_network", "no, it's only on bridge", false);
        reads("tunnel.used", "no cloudflared", false);   // a gloss in brackets is what is asked
        reads("tunnel.used", "no tunnel, it's a traefik ingress in kubernetes", false);
        assertEquals(true, VOCABULARY.get("app.listen_address").question().contains("not the host address of a ports: line"));
    }

    @Test
    void aGuessedNetworkIsNoSharedNetworkDenied() {   // user19 uh5: read as sharing no network (both are on bridge)
        unknown("dependency.shares_network", "I didn't create any network, so both are on the default bridge I guess");
    }

    @Test
    void anHttpVersionIsNoStatus() {   // user19 uh9: "curl shows HTTP/2 301" asked "2 or 301?"
        reads("http.status", "curl shows HTTP/2 301", 301L);
        reads("http.status", "HTTP/1.1 502 Bad Gateway", 502L);
    }

    @Test
    void aMenuSettingLeftAtItsDefaultIsNotKnown() {   // user19 uh13: refused at the Cloudflare SSL menu
        unknown("cloudflare.ssl_mode", "I never changed it, whatever the default is", "the default one", "it's on the default");
        reads("cloudflare.ssl_mode", "I never changed it, it says Flexible", "flexible");
    }

    @Test
    void aClosedNoToAYesNoQuestionThatAsksForACodeIsNoCode() {   // user14 F3: "no, just a 502" gave cloudflare.error = 502
        unknown("cloudflare.error", "no, just a 502", "no. only the 502 from my proxy", "no");
        reads("cloudflare.error", "1033", 1033L);
        // a no of the very thing asked, closed by punctuation (user19 uh18): no code, whatever the rest holds
        unknown("cloudflare.error", "no code, just a 502 bad gateway", "there's no error code - only a 502", "no cloudflare error page.");
        reads("cloudflare.error", "yes, error 1033", 1033L);
        reads("http.status", "502", 502L);
    }

    @Test
    void aNotInTheDetailOfAYesDeniesAThingNotTheYes() {   // user11 S32: the x509 message's own "not localhost" made the yes unreadable
        reads("tunnel.origin_tls_error", "yes: x509 certificate is valid for my domain, not localhost", true);
        reads("tunnel.origin_tls_error", "yes, I said so: x509 certificate is valid for my domain, not localhost", true);
        // a not that takes the yes back still leaves it open
        asked("containers.running", "yes, not anymore", "yes, not really", "yes - no", "yes, not running");
    }

    @Test
    void aNoWhoseDetailNamesTheQuestionsWordsLaterIsStillNo() {   // user11b V5, X1: the leading no dropped
        // the detail's first word says what the thing is; a word of the question further on says where or with what
        reads("tunnel.used", "no, it's proxied dns with caddy on the server", false);
        reads("traefik.docker_api_error", "no, it's kubernetes, there's no docker provider", false);
        asked("containers.running", "no, they're running now");   // the first word affirms the question
    }

    @Test
    void aNoneThatGoesOnToNameAThingIsNoNo() {   // user11 S7: "none, it tries localhost:2283" read as no to "domain changed"
        asked("domain.changed_since_deploy", "none, it tries localhost:2283", "nothing, it talks to 127.0.0.1:5432");
        reads("domain.changed_since_deploy", "no, it tries localhost:2283", false);   // a plain no stays no
        reads("letsencrypt.rate_limited", "none", false);
    }

    @Test
    void whatANetworkBelongsToIsNoNetworkName() {   // user11b V9: "the project default network" refused
        reads("dependency.networks", "the project default network", List.of("default"));
        reads("dependency.networks", "just the compose default network", List.of("default"));
    }

    @Test
    void aNoBeforeAThingTheQuestionDoesNotNameIsNoAnswer() {   // iv15 leftover
        // "Is the Traefik container itself running?": a status, an idea are not what it asks about
        asked("traefik.running", "there's no status, the connection is refused", "no status at all, connection refused");
        // the question's own subject or one of its words denied: that is the answer
        reads("traefik.running", "there's no traefik container", false);
        reads("traefik.running", "no traefik here, it exited", false);
        reads("traefik.running", "no, the status is exited", false);
        reads("host.port_conflict", "there's no port problem", false);
    }

    @Test
    void aNoWhoseDetailDescribesAThingIsNo() {   // user15b ud6: refused "expected yes or no"
        // the question's word qualifies a thing the detail names next ("plain nginx"): it describes it, no yes
        reads("upstream.wrong_protocol", "no, it's plain nginx:latest serving http on 80", false);
        // the question's word as the detail's predicate still says yes against the no: asked again
        asked("upstream.wrong_protocol", "no, it's plain http");
        asked("containers.running", "no, they're running now", "no, they're running fine");
    }

    @Test
    void aPortWithTheMappingItComesFromIsTheSideAsked() {   // user15b C2: "which one: 1337 or 3000?" at "inside its container"
        reads("app.listen_port", "1337, the compose file maps 3000:1337", 1337L);
        reads("app.listen_port", "1337, docker ps shows 0.0.0.0:3000->1337/tcp", 1337L);
        reads("domain.port", "80, the compose has ports 8080:80", 80L);
        // the opening number on the host side, or a number outside the mapping: two values, asked again
        asked("app.listen_port", "3000, the compose file maps 3000:1337", "1337, the compose maps 3000:1337 and 8080:80",
                "1337 or 3000", "1337, the compose file maps 3000:1337. The proxy dials 8080");
        asked("domain.port", "8080, the compose has ports 8080:80");
    }

    @Test
    void aPortFirstThenTheCheckThatBacksItIsThePort() {   // user16 ue7: "as I said" sent it to the complaint path
        reads("app.listen_port", "8080, curl from the nginx container to app:8080 gives 200 as I said", 8080L);
        reads("app.listen_port", "8080, curl from the nginx container to app:8080 gives 200", 8080L);
        reads("domain.port", "3000. curl http://app:3000 returns a 200", 3000L);
        // another port, a status said as no result, or a hedge: two values, asked again
        asked("app.listen_port", "8080, curl to app:3000 gives 200", "8080, nginx listens on 443",
                "8080 or maybe 3000, curl gives 200", "200, curl to app:8080 gives 200");
    }

    @Test
    void aDurationInWordsIsItsSeconds() {   // user16: "it fails after a couple of minutes" refused as no number
        reads("http.cut_after_seconds", "it fails after a couple of minutes", 120L);
        reads("http.cut_after_seconds", "after a minute", 60L);
        reads("http.cut_after_seconds", "about two minutes", 120L);
        reads("http.cut_after_seconds", "after 100 seconds or so", 100L);
        reads("http.cut_after_seconds", "90s", 90L);
        reads("http.cut_after_seconds", "half a minute", 30L);
        reads("http.cut_after_seconds", "100", 100L);
        // two durations, another number beside one, a hedge, or no duration at all: asked again
        asked("http.cut_after_seconds", "60 or 100 seconds", "a minute, maybe two minutes", "after a minute, with a 504",
                "a minute or maybe 100 seconds", "it takes a while", "as long as the upload runs");
    }

    @Test
    void noneOfTheChoicesAtAMenuWithoutANoneIsNotKnownNotRefused() {   // user15b ud9: "not a choice"
        unknown("symptom.kind", "none of these", "none of these, the sites work, watchtower just emails that error",
                "neither", "something else", "no", "nope.",
                "none, the page loads but the websocket fails", "none.");   // user20 i3: refused as a hedge
        // a menu with its own none keeps it: "none" there is a value (no health check)
        reads("container.health", "none", "none");
        // a choice named beside it is the choice
        reads("symptom.kind", "neither, it's a redirect loop", "redirect-loop");
    }
}
