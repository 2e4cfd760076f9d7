package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Effort;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import dev.dokploydoctor.knowledge.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers as people type them: one test per form, each with the hedges and negations that must not flip it. */
class ProseAnswersTest {
    static FactSpec spec(FactType type, String question, String... values) {
        return new FactSpec("k.x", type, List.of(values), question, null, null, null, "f", 1);
    }

    static FactSpec text(FactSpec.Shape shape) {
        return new FactSpec("k.x", FactType.STRING, List.of(), "Which name?", null, null, null, "f", 1, shape);
    }

    static final FactSpec BOOL = spec(FactType.BOOL, "Is dokploy-traefik attached to dokploy-network?");
    static final FactSpec RUNNING = spec(FactType.BOOL, "Are the service's containers running (docker ps shows them Up)?");
    static final FactSpec PORT = spec(FactType.INT, "Which port does the app listen on inside its container?");
    static final FactSpec STATUS = spec(FactType.ENUM, "What does DokPloy show for the last deployment?", "done", "error", "running");
    static final FactSpec HEALTH = spec(FactType.ENUM, "What health?", "healthy", "unhealthy", "starting", "none");
    static final FactSpec NETWORKS = spec(FactType.LIST, "Which networks is the routed container on?");

    static Object value(String answer, FactSpec spec) {
        return assertInstanceOf(Reply.Value.class, Reply.parse(answer, spec), answer).value();
    }

    static void unread(String answer, FactSpec spec) {
        assertInstanceOf(Reply.Invalid.class, Reply.parse(answer, spec), answer);
    }

    @Test
    void iDontKnowInItsCommonFormsForEveryKindOfQuestion() {
        List<String> forms = List.of("?", "no idea", "not sure", "I'm not sure", "I haven't checked", "can't tell",
                "don't remember", "n/a", "N/A", "no clue", "unsure", "not that I know", "I don't know.", "Dunno, sorry",
                "um, no idea", "I have no idea", "no idea, I haven't looked at the logs", "not sure which one", "I’m not sure");
        for (FactSpec spec : List.of(BOOL, PORT, STATUS, NETWORKS, text(FactSpec.Shape.TEXT), text(FactSpec.Shape.WORD))) {
            for (String a : forms) assertInstanceOf(Reply.Unknown.class, Reply.parse(a, spec), a + " to " + spec.type());
        }
        // "maybe" alone says nothing; "maybe 3000" is a hedged number (the domain's port, read in the UI; to a port only a
        // look inside the container shows, a guess), and "not sure" inside an answer is no unknown
        assertInstanceOf(Reply.Unknown.class, Reply.parse("maybe", BOOL));
        assertEquals(3000L, value("maybe 3000", PORT.withEffort(Effort.SEEN)));
        assertTrue(Reply.isGuess(Reply.parse("maybe 3000", PORT)));
        assertTrue(Vocabulary.isUnknown("no idea"));
        assertFalse(Vocabulary.isUnknown("no"), "a plain no is an answer");
        assertFalse(Vocabulary.startsUnknown("nope, never touched it"));
        assertFalse(Vocabulary.startsUnknown("notes say 3000"));
    }

    @Test
    void aCheckTheUserCannotRunIsNoNo() {
        // user17b K6: "I can't run that" to the gate's docker check was read as "no", and diagnosed a wrong cause
        for (String a : List.of("I can't run that", "cannot run it", "can't exec into it", "I can't access the server right now",
                "I cannot run it, the image has no shell", "I don't have access to the server", "no shell in that image"))
            assertInstanceOf(Reply.Unknown.class, Reply.parse(a, BOOL), a);
        // what the user saw stays an answer
        assertEquals(false, value("no, I can't see any error", BOOL));
    }

    @Test
    void aLookTheUserCouldNotOrDidNotTakeIsNoNo() {
        // user18 K6: "can't see / can't look / haven't seen" read as "no" gave traefik-not-on-dokploy-network 0.87
        // and dependency-not-running 0.80 to users who had not looked
        FactSpec logLine = spec(FactType.BOOL, "Does Traefik's log say 'client version 1.24 is too old'?");
        for (FactSpec s : List.of(BOOL, RUNNING, logLine, PORT, STATUS))
            for (String a : List.of("I can't see that", "I can't see the network list", "can't see it from here",
                    "I can't look at the server now", "I can't look at the proxy logs", "I haven't seen the proxy logs",
                    "I couldn't see", "I haven't seen the proxy logs, but the app does finish: /api/chat/completed returns the full answer later",
                    "we cannot check the host right now", "I'm not able to view the logs", "I can't get into the server today",
                    "haven't had a chance to look", "I never looked at the traefik dashboard", "I didn't get to check it"))
                assertInstanceOf(Reply.Unknown.class, Reply.parse(a, s), a + " to " + s.question());
        // what a look found stays an answer: nothing of it there, or a no that leads
        for (String a : List.of("I can't see any error", "I haven't seen such a line", "I can't see it in the log",
                "I didn't see anything like that", "no, I can't see that"))
            assertEquals(false, value(a, logLine), a);
        // what fails is no look the user could not take: "I can't reach the site" is the symptom, a no to "does it answer?"
        FactSpec answers = spec(FactType.BOOL, "Does the site answer through the domain?");
        assertEquals(false, value("I can't reach it", answers));
        assertEquals(false, value("I can't open the site", answers));
        // an action not done is a no to the question that asks about it
        FactSpec recreated = spec(FactType.BOOL, "Did you recreate the Traefik container?");
        assertEquals(false, value("I haven't", recreated));
        assertEquals(false, value("I didn't recreate anything", recreated));
        assertFalse(Reply.parse("I never ran docker compose down", recreated) instanceof Reply.Unknown, "an action, not a look");
    }

    @Test
    void neverTriedIsADontKnowAtAnyQuestionEvenAfterANo() {
        // fix18 left, left19: "never tried" says the user did not look; with a no before it, the no answers "have you
        // looked?", not the question ("no, never tried" to "does it come and go?" is no "no, it does not")
        FactSpec address = text(FactSpec.Shape.WORD);
        for (FactSpec s : List.of(BOOL, RUNNING, PORT, STATUS, NETWORKS, address))
            for (String a : List.of("never tried", "haven't tried", "no, never tried", "nope, haven't tried", "no I haven't tried that",
                    "I've never tried that", "not tried yet", "no - didn't check"))
                assertInstanceOf(Reply.Unknown.class, Reply.parse(a, s), a + " to " + s.question());
        // a state after "not" is no look ("not open", "not running"), a no before what a look found stays a no,
        // and a no before an action not done answers the question
        assertEquals(false, value("not running", RUNNING));
        assertEquals(false, value("not open", BOOL));
        assertEquals(false, value("no, I haven't seen such a line", BOOL));
        FactSpec recreated = spec(FactType.BOOL, "Did you recreate the Traefik container?");
        assertEquals(false, value("no, I never ran docker compose down", recreated));
        assertEquals(false, value("no, I haven't", recreated));
    }

    @Test
    void anICantBeforeItsReasonIsNoValue() {
        // user17b: "I can't, the image has no shell" at the in-container socket check was refused as no value
        FactSpec bound = spec(FactType.STRING, "Which address is the app's socket bound to inside the container?");
        for (FactSpec s : List.of(bound, PORT, NETWORKS, BOOL, STATUS))
            for (String a : List.of("I can't, the image has no shell", "I cannot - it's distroless", "I couldn't. No docker access here"))
                assertInstanceOf(Reply.Unknown.class, Reply.parse(a, s), a + " to " + s.type());
        // to a question about what the user can do, the same words answer it
        assertEquals(false, value("I can't, it's a one-click template", spec(FactType.BOOL, "Can you add network config to its docker-compose.yml?")));
        // what the app cannot do is no "I can't"
        assertFalse(Reply.parse("I can't see why, it's 127.0.0.1", bound) instanceof Reply.Unknown);
    }

    @Test
    void yesAndNoLeadingASentence() {
        for (String yes : List.of("yes", "Yes.", "yes, it's on dokploy-network", "yeah", "yep, checked", "it is", "sure",
                "definitely", "it's on dokploy-network", "of course", "I think so, docker inspect lists it"))
            assertEquals(true, value(yes, BOOL), yes);
        for (String no : List.of("no", "No.", "no, it isn't", "nope, never touched it", "it isn't", "it's not on that network",
                "no, it's not on that network", "not really", "nah", "never", "they aren't", "definitely not",
                "I don't think so, I checked"))
            assertEquals(false, value(no, BOOL), no);
        assertEquals(true, value("yes, they're up", RUNNING));
        assertEquals(false, value("no, they keep restarting", RUNNING));
    }

    @Test
    void aYesOrNoSaidAsABeliefAnswersWhatTheUserSawNotWhatNeedsALook() {   // user19 K8
        // to a question that needs a command, a belief is no look: one answer must not carry a cause across
        // the threshold on it ("I don't think so, I never touched traefik's networks" gave a diagnosis at 0.87)
        for (String guess : List.of("I think so", "I believe so", "probably", "yes I think", "I don't think so", "probably not",
                "I think not", "pretty sure it's not", "I guess not", "I'd say no", "I don't think so, I never touched traefik's networks",
                "probably not, I never touched the docker networks")) {
            Reply r = Reply.parse(guess, BOOL);
            assertTrue(Reply.isGuess(r), guess + " read as " + r);
        }
        // a command that shows something is a look, whatever the belief word beside it
        for (String look : List.of("I think so, docker ps lists it", "probably not, docker logs show nothing", "I don't think so, docker network inspect says so"))
            assertFalse(Reply.isGuess(Reply.parse(look, BOOL)), look);
        // what the user saw or did (effort: seen) is their memory: the same words answer it
        FactSpec changed = spec(FactType.BOOL, "Did you change the domain just before it broke?").withEffort(Effort.SEEN);
        for (String yes : List.of("I think so", "I believe so", "probably", "yes I think")) assertEquals(true, value(yes, changed), yes);
        for (String no : List.of("I don't think so", "probably not", "I think not", "pretty sure it's not")) assertEquals(false, value(no, changed), no);
        // a state a command shows, chosen as a belief, is no look either (user19b: 'healthy I believe' decided a cause at 0.80)
        FactSpec health = spec(FactType.ENUM, "What health does docker ps show?", "healthy", "unhealthy", "starting", "none");
        for (String guess : List.of("healthy I believe", "unhealthy I think", "probably starting")) assertTrue(Reply.isGuess(Reply.parse(guess, health)), guess);
        assertEquals("healthy", value("healthy, docker ps says so", health));
        // so is a number that needs a look (round 20: "3000 I think" at the in-container port decided like a checked one)
        for (String guess : List.of("3000 I think", "I think 3000", "80 probably", "probably 8080", "it's 3000 I believe", "I'd say 3000"))
            assertTrue(Reply.isGuess(Reply.parse(guess, PORT)), guess + " read as " + Reply.parse(guess, PORT));
        assertEquals(3000L, value("3000 I think, netstat shows it", PORT), "a look named beside the belief");
        // a number the user sees (the domain's port in DokPloy's UI, the status the browser shows) is their memory
        FactSpec domainPort = spec(FactType.INT, "Which port does the DokPloy domain point at?").withEffort(Effort.SEEN);
        for (String seen : List.of("3000 I think", "I think 3000", "probably 3000", "it's 3000 I believe")) assertEquals(3000L, value(seen, domainPort), seen);
        // a name typed with "I think" is still the name the user knows
        assertEquals("postgres", value("postgres I think", text(FactSpec.Shape.WORD)));
    }

    @Test
    void aStatementWithoutYesOrNoIsNotGuessed() {
        for (String a : List.of("it's stopped", "they keep restarting", "it is restarting every minute", "yes and no",
                "the dashboard is green", "blue"))
            unread(a, RUNNING);
        // an affirmative head that says something other than the question's words is no yes
        unread("it's on bridge", BOOL);
    }

    @Test
    void aNumberInsideASentence() {
        assertEquals(3000L, value("it listens on port 3000", PORT));
        assertEquals(3000L, value("3000 I think", PORT.withEffort(Effort.SEEN)));
        assertEquals(8080L, value("port is 8080", PORT));
        assertEquals(8080L, value("8080", PORT));
        assertEquals(3000L, value("0.0.0.0:3000", PORT), "the port of an address");
        assertEquals(502L, value("502 Bad Gateway", PORT));
        assertEquals(8080L, value("not 3000, it's 8080", PORT), "a negated number is not the answer");
        unread("it's 3000 but the healthcheck uses 8080", PORT);   // another number after 'but': which one is asked
        assertEquals(3000L, value("it's 3000 but the healthcheck fails", PORT), "a 'but' with no other number leaves the value");
        assertTrue(assertInstanceOf(Reply.Value.class, Reply.parse("port 3000", PORT)).inSentence());
        unread("3000 or 8080", PORT);
        unread("yes it is", PORT);
        unread("Next.js v14 on node 20.1", PORT);   // a version is no port, and 14 is glued to v
        unread("lots", PORT);
        assertInstanceOf(Reply.Unknown.class, Reply.parse("no", PORT), "no number to give is nothing known");
    }

    @Test
    void aChoiceNamedInASentence() {
        assertEquals("running", value("it says running", STATUS));
        assertEquals("error", value("the deploy shows Error", STATUS));
        assertEquals("done", value("3", spec(FactType.ENUM, "?", "error", "running", "done")));
        assertEquals("error", value("it's not running, it says error", STATUS), "a negated choice is left out");
        unread("not running", STATUS);
        unread("running or done, I can't tell which", STATUS);
        Reply two = Reply.parse("first running then done", STATUS);
        assertTrue(assertInstanceOf(Reply.Invalid.class, two).message().contains("1) done"), "asks to pick, by the list's numbers");
        assertEquals("unhealthy", value("docker ps says (unhealthy)", HEALTH), "healthy is no part of unhealthy");
        assertEquals("none", value("no, there's no healthcheck", HEALTH));
        // docker ps's status read out without a health in parentheses: no healthcheck (user18 ug12: refused)
        assertEquals("none", value("it says Up 2 days, nothing about health", HEALTH));
        assertEquals("none", value("Up about an hour", HEALTH));
        assertEquals("unhealthy", value("Up 2 days (unhealthy)", HEALTH));
        assertEquals("healthy", value("it says up 5 minutes (healthy)", HEALTH));
        FactSpec kind = spec(FactType.ENUM, "?", "error-page", "redirect-loop", "deploy-fails");
        assertEquals("redirect-loop", value("I get a redirect loop in the browser", kind));
        FactSpec db = spec(FactType.ENUM, "?", "sqlite", "postgres", "mysql", "other");
        assertEquals("postgres", value("it uses PostgreSQL 16", db));
    }

    @Test
    void aListAnsweredInASentence() {
        assertEquals(List.of("dokploy-network", "bridge"), value("it's on dokploy-network and bridge", NETWORKS));
        assertEquals(List.of("dokploy-network", "app_default"), value("dokploy-network, app_default", NETWORKS));
        assertEquals(List.of("app_default"), value("only app_default, not dokploy-network", NETWORKS));
        assertEquals(List.of("app_default"), value("it's on app_default but not on dokploy-network", NETWORKS));
        assertEquals(List.of("bridge"), value("no, it's on bridge", NETWORKS), "'no,' answers something else; the name stays");
        assertEquals(List.of("default"), value("just the default network", NETWORKS));
    }

    @Test
    void oneWordOutOfTheWordsAroundIt() {
        FactSpec word = text(FactSpec.Shape.WORD);
        assertEquals("postgres", value("it's called postgres", word));
        assertEquals("postgres", value("postgres I think", word));
        assertEquals("v3.1", value("I think it's v3.1", word));
        assertEquals("0.0.0.0", value("it listens on 0.0.0.0 inside the container", word));
        assertEquals("http://localhost:80", value("it points to http://localhost:80", word));
        assertEquals("redis", value("redis.", word));
        unread("not postgres", word);
        // free text is kept as typed; a word-or-none question reads "none" as its empty value
        assertEquals("it says Bad Gateway", value("it says Bad Gateway", text(FactSpec.Shape.TEXT)));
        assertEquals("", value("none", text(FactSpec.Shape.WORD_OR_NONE)));
        assertEquals("", value("there isn't one", text(FactSpec.Shape.WORD_OR_NONE)));
        unread("none", word);   // a name question without an empty value: no name given
        unread("no", word);
        unread("the one next to the other one", word);
        assertEquals("proxy", value("it's set to proxy", text(FactSpec.Shape.WORD_OR_NONE)));
        // never set is the empty value (user17 uf11: "I didn't set one" was refused at the label question)
        for (String a : List.of("I didn't set one", "never set it", "we did not define that label"))
            assertEquals("", value(a, text(FactSpec.Shape.WORD_OR_NONE)), a);
        // not there is the empty value too (user19 uh17: "I don't have that label" was refused)
        for (String a : List.of("I don't have that label", "the service doesn't have one", "we don't use any"))
            assertEquals("", value(a, text(FactSpec.Shape.WORD_OR_NONE)), a);
        unread("I don't have that label", word);   // a name question without an empty value: no name given
        Reply later = Reply.parse("I didn't set one at first, now it's traefik_net", text(FactSpec.Shape.WORD_OR_NONE));
        assertFalse(later instanceof Reply.Value v && "".equals(v.value()), "a value named later is no none: " + later);
    }
}
