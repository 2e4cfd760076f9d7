package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Effort;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interview on the bundled knowledge asks what the user can read in a UI or with one command before
 * what needs a {@code docker exec}, asks the other half of a comparison whichever half came first, does not
 * give up while an easy question could settle the case, and says "none of the causes fits" only when an
 * answer weighed them (user13 V3, F2, F5, X1, P1).
 */
class EasyQuestionsTest {
    static final Engine BUNDLED = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));
    final Interview interview = new Interview(BUNDLED, Engine.DEFAULT_THRESHOLD);

    static Fact read(String key, Object value) { return new Fact(key, value, Fact.TEXT, "the user's text"); }
    static Fact told(String key, Object value) { return new Fact(key, value, Fact.USER, "answered"); }

    /** "dokploy compose app: 502 bad gateway", as the REPL reads it. */
    static final List<Fact> COMPOSE_502 = List.of(read("http.status", 502L), read("http.body", "Bad Gateway"), read("service.kind", "compose"));

    @Test
    void aDokPloy502OpensWithTheDomainsPortFieldNotTheInContainerAddress() {
        Interview.Ask first = assertInstanceOf(Interview.Ask.class, interview.next(COMPOSE_502, Set.of(), 0));
        // before: "Which address does the app listen on inside its container?" (a docker exec) came first
        assertEquals("domain.port", first.plan().question().key(), first.plan().toString());
        assertEquals(Effort.SEEN, BUNDLED.knowledge().vocabulary().get("domain.port").effort());
        assertEquals(Effort.INSIDE, BUNDLED.knowledge().vocabulary().get("app.listen_address").effort());
    }

    @Test
    void threeDontKnowsStillLeaveTheEasyQuestionThatCouldSettleIt() {
        Set<String> unknown = Set.of("domain.port", "app.listen_address", "http.intermittent");
        // before: "3 questions without an answer I could use: I stop here"
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(COMPOSE_502, unknown, 3));
        String key = ask.plan().question().key();
        assertTrue(BUNDLED.knowledge().vocabulary().get(key).effort().cheap(), key);
        assertTrue(ask.plan().previews().stream().anyMatch(p -> p.status() == Status.DIAGNOSED), ask.plan().toString());
        // one more "don't know" than the limit, and it ends
        Set<String> more = new LinkedHashSet<>(unknown);
        more.add(key);
        assertInstanceOf(Interview.End.class, interview.next(COMPOSE_502, more, 4));
    }

    @Test
    void theAppsPortFollowsTheDomainsPortAsItWouldTheOtherWayRound() {
        // the containers run, no status known; the domain's port told first (the UI's Port field)
        List<Fact> facts = List.of(read("fault.reported", true), told("symptom.kind", "error-page"),
                told("containers.running", true), told("domain.port", 3000L));
        // before: "none of the 28 causes I know fits" here, the app's port never asked
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(facts, Set.of("http.status", "app.listen_bound"), 5, 2));
        assertEquals("app.listen_port", ask.plan().question().key(), ask.plan().toString());
    }

    @Test
    void theAppsPortFollowsTheDomainsPortAtTheDontKnowLimitWhenNoCauseFits() {
        // the same comparison once three questions went unanswered and the similar reports lean elsewhere: the
        // rule that read the domain's port asks the app's, its answer diagnoses; that is no fishing
        List<Fact> facts = List.of(read("fault.reported", true), read("similar.cause", "app-listens-on-localhost"),
                told("containers.running", true), told("domain.port", 3100L));
        Set<String> unknown = Set.of("http.status", "app.listen_address", "symptom.kind");
        // before: "none of the causes I know fits" (dev: two reports whose truth held the app's port)
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(facts, unknown, 5, 3));
        assertEquals("app.listen_port", ask.plan().question().key(), ask.plan().toString());
    }

    @Test
    void aLeaderReadFromADaemonLineIsNotAskedBackWhenTheUsersYesWouldChangeNothing() {
        // a swarm deploy: "Error response from daemon: network public not found" leaves external-network-missing at 0.67
        List<Fact> facts = List.of(read("deploy.network_missing", true), read("deploy.status", "error"),
                read("fault.reported", true), told("containers.running", false));
        Interview.Step step = interview.next(facts, Set.of("host.port_conflict", "container.health"), 3, 2);
        // before (user14b F5): "Does the deploy stop because a network it names does not exist?" right after the
        // user pasted it; their yes turned the text's reading into theirs, one observation still, 0.67 still
        if (step instanceof Interview.Ask ask) {
            assertNotEquals("deploy.network_missing", ask.plan().question().key(), ask.plan().toString());
        } else {
            // the user's own "nothing runs" beside the missing network diagnoses it (round 23: 19 of 19 dev truths
            // with both facts are this cause); the daemon line's reading alone would have stayed at 0.67
            assertEquals("external-network-missing", step.outcome().top().cause());
            assertEquals(0.84, step.outcome().top().certainty(), 1e-9);
        }
    }

    @Test
    void causesNeverRaisedAreNotSaidToFitNone() {
        // a vague start, the stack named, every question answered "don't know": nothing was weighed
        List<Fact> facts = List.of(read("fault.reported", true), told("symptom.kind", "error-page"),
                told("service.kind", "compose"));
        Set<String> unknown = new LinkedHashSet<>();
        Interview.Step step = interview.next(facts, unknown, 2, 0);
        for (int asked = 2; step instanceof Interview.Ask ask && asked < Interview.QUESTION_LIMIT; asked++) {
            unknown.add(ask.plan().question().key());
            step = interview.next(facts, unknown, asked + 1, unknown.size());
        }
        Interview.End end = assertInstanceOf(Interview.End.class, step);
        // before: "none of the 23 causes I know fits"; a symptom answered absent would say so (InterviewTest)
        assertNotEquals(Interview.Stop.NONE_FITS, end.stop(), "asked " + unknown);
    }
}
