package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.engine.PlannerTest.ENGINE;
import static dev.dokploydoctor.engine.PlannerTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interview's stopping rules on the planner fixture (a leader at 0.5 that b confirms or rules
 * out and d, a fact no rule needs, confirms; a separates two outsiders; the other symptom moves the
 * leader and an outsider): before giving up it checks
 * the leader, and it never ends without a question on a reported fault.
 */
class InterviewTest {
    final Interview interview = new Interview(ENGINE, Engine.DEFAULT_THRESHOLD);
    final List<Fact> symptom = List.of(user("sym", true));

    @Test
    void theBestQuestionFirst() {
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(symptom, Set.of(), 0));
        assertEquals("b", ask.plan().question().key());
        assertEquals(Interview.Purpose.NEXT, ask.purpose());
    }

    @Test
    void aFactAProbeMayAnswerIsWorthMoreUntilTheProbeCouldNotCheck(@TempDir Path tmp) throws IOException, URISyntaxException {
        // one user in ten can tell b; while a probe may still answer it, b is the best question, at its full worth
        Engine rare = PlannerTest.bRarelyTold(tmp);
        Interview probing = new Interview(rare, Engine.DEFAULT_THRESHOLD, Set.of("b"));
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, probing.next(symptom, Set.of(), 0));
        assertEquals("b", ask.plan().question().key());
        Interview.Ask told = assertInstanceOf(Interview.Ask.class, interview.next(symptom, Set.of(), 0));
        assertEquals(told.plan().gain(), ask.plan().gain(), 1e-9);
        // the probe could not check: the same interview now plans as one without probes
        probing.probesCanAnswer(Set.of());
        Interview.Ask after = assertInstanceOf(Interview.Ask.class, probing.next(symptom, Set.of(), 0));
        Interview.Ask noProbes = assertInstanceOf(Interview.Ask.class, new Interview(rare, Engine.DEFAULT_THRESHOLD).next(symptom, Set.of(), 0));
        assertEquals(noProbes.plan().question().key(), after.plan().question().key());
        assertEquals(noProbes.plan().gain(), after.plan().gain(), 1e-12);
        assertTrue(after.plan().gain() < ask.plan().gain(), after.plan() + " vs " + ask.plan());
    }

    @Test
    void aLeaderNothingElseMovesIsCheckedByAFactItsRulesTest() {
        // b (what the leader's rule needs) and a (what the outsiders need) are unknown: d, which the
        // leader's rules only test, would confirm it
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(symptom, Set.of("a", "b"), 2));
        assertEquals("d", ask.plan().question().key());
        assertEquals(Interview.Purpose.LEADER, ask.purpose());
        Interview.Step confirmed = interview.next(List.of(user("sym", true), user("d", true)), Set.of("a", "b"), 3);
        assertInstanceOf(Interview.Conclude.class, confirmed);
        assertEquals("lead", confirmed.outcome().top().cause());
    }

    @Test
    void neverEndsWithoutAQuestionButStopsAfterOne() {
        Set<String> unknown = Set.of("a", "b", "d");
        // nothing can move the leader: with nothing asked yet, still the question that separates best
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(symptom, unknown, 0));
        assertEquals(Interview.Purpose.FIRST, ask.purpose());
        assertEquals("other", ask.plan().question().key(), "the other symptom is all that still moves a cause");
        // once something was asked, the same state ends inconclusive
        Interview.End end = assertInstanceOf(Interview.End.class, interview.next(symptom, unknown, 1));
        assertEquals(Status.INCONCLUSIVE, end.outcome().status());
        assertEquals(Interview.Stop.NOTHING_MOVES, end.stop());
    }

    @Test
    void unknownsThatWereNotAskedDoNotCountTowardsTheLimit() {
        // three keys unknown from an answers file, nothing asked yet: still a question, never an end
        Set<String> fromFile = Set.of("a", "b", "other");
        assertInstanceOf(Interview.Ask.class, interview.next(symptom, fromFile, 0, 0));
        // the same three answered "don't know" to three questions: the limit
        Interview.End end = assertInstanceOf(Interview.End.class, interview.next(symptom, fromFile, 3, 3));
        assertEquals(Interview.Stop.UNANSWERED_LIMIT, end.stop());
    }

    @Test
    void stopsAfterThreeUnknownsWithNothingAnsweredFourWithSomeAnswers() {
        assertEquals(3, Interview.UNANSWERED_LIMIT);
        assertEquals(4, Interview.UNANSWERED_LIMIT_ANSWERING);
        // two asked, both unknown: d can still confirm the leader, so it is asked
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(symptom, Set.of("a", "b"), 2));
        assertEquals("d", ask.plan().question().key());
        // three asked, all answered unknown: the user cannot see what we ask about; it ends with what would settle it
        Interview.End end = assertInstanceOf(Interview.End.class, interview.next(symptom, Set.of("a", "b", "note"), 3));
        assertEquals(Interview.Stop.UNANSWERED_LIMIT, end.stop());
        assertEquals(Status.INCONCLUSIVE, end.outcome().status());
        // the same three unknowns after a fourth question that was answered: the user can tell some, so it goes on
        Interview.Ask goesOn = assertInstanceOf(Interview.Ask.class, interview.next(symptom, Set.of("a", "b", "note"), 4));
        assertEquals("d", goesOn.plan().question().key());
        // four unknowns among five questions: even a user who answers some has been asked enough
        Set<String> four = Set.of("a", "b", "note", "x1");
        Interview.End many = assertInstanceOf(Interview.End.class, interview.next(symptom, four, 5, 4));
        assertEquals(Interview.Stop.UNANSWERED_LIMIT, many.stop());
    }

    @Test
    void whenTheAnswersLeaveNoCauseFittingItSaysSoAfterTheQuestionsWereAsked() {
        // the symptom was asked and is absent: no rule supports any cause
        List<Fact> absent = List.of(user("sym", false));
        // answered one, then did not know two more: none of the causes fits, and no question left
        // diagnoses one (the other symptom would only suggest): it ends, saying none fits
        Interview.End end = assertInstanceOf(Interview.End.class, interview.next(absent, Set.of("a", "b", "c"), 4, 3));
        assertEquals(Interview.Stop.NONE_FITS, end.stop());
        // with fewer questions left unanswered it still asks
        assertInstanceOf(Interview.Ask.class, interview.next(absent, Set.of("a"), 2, 1));
        // and a user who has answered nothing yet is never told that none fits: what they said is not known
        Interview.Step fromFile = interview.next(absent, Set.of("a", "b", "c"), 0, 0);
        assertInstanceOf(Interview.Ask.class, fromFile, "nothing asked yet: a question, never an end");
    }

    @Test
    void theLastQuestionBeforeTheUnknownLimitSettlesTheLeader() {
        // one asked, unknown: b is still the best question by what it tells apart
        Interview.Ask next = assertInstanceOf(Interview.Ask.class, interview.next(symptom, Set.of("a"), 1));
        assertEquals(Interview.Purpose.NEXT, next.purpose());
        // two asked, both unknown: one more "don't know" ends the interview, so the last question is the
        // one that would confirm or rule out the leader at 0.5 (b or d), asked as its check
        Interview.Ask last = assertInstanceOf(Interview.Ask.class, interview.next(symptom, Set.of("a", "note"), 2));
        assertEquals(Interview.Purpose.LEADER, last.purpose());
        assertTrue(Set.of("b", "d").contains(last.plan().question().key()), last.plan().toString());
    }

    @Test
    void aLeaderOnlyTheSimilarReportsVotedForIsCheckedToo() {
        // the text gave a 503 and the nearest field reports were Let's Encrypt's rate limit; the one
        // question the rules needed (is the container healthy?) was answered "don't know"
        Engine bundled = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));
        Interview real = new Interview(bundled, Engine.DEFAULT_THRESHOLD);
        Fact status = new Fact("http.status", 503L, Fact.TEXT, "read");
        Fact vote = new Fact("similar.cause", "letsencrypt-rate-limited", Fact.TEXT, "3 of 5 similar field reports");
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, real.next(List.of(status, vote), Set.of("container.health"), 1));
        assertEquals(Interview.Purpose.LEADER, ask.purpose());
        assertEquals("letsencrypt.rate_limited", ask.plan().question().key());
        // without the vote nothing leads at a check's worth (one generic hint), and the hint's need was
        // answered "don't know": one unknown is no reason to end, what else the user sees is asked
        Interview.Ask on = assertInstanceOf(Interview.Ask.class, real.next(List.of(status), Set.of("container.health"), 1));
        assertEquals(Interview.Purpose.NEXT, on.purpose());
        assertTrue(!on.plan().question().key().equals("container.health"), on.plan().toString());
        // at the unknowns' limit it ends
        assertInstanceOf(Interview.End.class, real.next(List.of(status), Set.of("container.health", "symptom.kind", "containers.running"), 3));
    }

    @Test
    void aLookalikeVoteWithNoCauseOfOursInPlayEndsOnceTheUserAnswered() {
        // large uploads fail through a proxied Cloudflare; the nearest field reports were Cloudflare's upload
        // limit, outside our list; the user answered that an error page shows: no rule supports any cause
        Engine bundled = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));
        Interview real = new Interview(bundled, Engine.DEFAULT_THRESHOLD);
        Fact proxied = new Fact("cloudflare.proxied", true, Fact.TEXT, "read");
        Fact fault = new Fact("fault.reported", true, Fact.TEXT, "read");
        Fact vote = new Fact("similar.cause", "other:cloudflare-upload-limit", Fact.TEXT, "3 of 3 similar field reports");
        Fact sign = new Fact("similar.lookalike", true, Fact.TEXT, "3 of the 3 nearest were outside our list");
        Fact errorPage = user("symptom.kind", "error-page");
        // no sweep through every cause's symptoms (user11: six to nine questions here): it ends, saying none fits
        Interview.End end = assertInstanceOf(Interview.End.class, real.next(List.of(proxied, fault, vote, sign, errorPage), Set.of(), 1, 0));
        assertEquals(Interview.Stop.NONE_FITS, end.stop());
        // before any answer it still asks (a reported fault never ends without a question)
        assertInstanceOf(Interview.Ask.class, real.next(List.of(proxied, fault, vote, sign), Set.of(), 0, 0));
        // without the look-alike sign the same answers go on to a question
        assertInstanceOf(Interview.Ask.class, real.next(List.of(proxied, fault, vote, errorPage), Set.of(), 1, 0));
    }

    @Test
    void theLastQuestionBeforeTheLimitAsksBackThePastedFactMostLikelyToSettleTheHeldLeader() {
        // Traefik's log line pasted: the network its label names was not found, defaulting to the first one; the text alone
        // makes traefik-network-label-missing lead, held on probation; the app's networks were asked and not known
        Engine bundled = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));
        Interview real = new Interview(bundled, Engine.DEFAULT_THRESHOLD);
        String line = "extractor 'traefik-defaulting-first-network' matched \"Could not find network named 'frontend'\"";
        List<Fact> read = List.of(new Fact("traefik.network_not_found", true, Fact.TEXT, line),
                new Fact("traefik.docker_network_label", "frontend", Fact.TEXT, line),
                new Fact("http.intermittent", true, Fact.TEXT, line),
                new Fact("http.status", 504L, Fact.TEXT, "read"),
                new Fact("fault.reported", true, Fact.TEXT, "read"));
        Set<String> unknown = Set.of("app.on_several_networks", "app.networks");
        Interview.Step first = real.next(read, Set.of(), 0);
        assertEquals("traefik-network-label-missing", first.outcome().top().cause());
        assertTrue(CalibrationGate.held(first.outcome().top().evidence()), "held: " + first.outcome().top());
        // one more "don't know" ends it: the pasted fact asked back is the one users with this fault tell most often
        // (priors.yaml: its label's value before whether the errors come and go), not the most informative one
        Interview.Ask last = assertInstanceOf(Interview.Ask.class, real.next(read, unknown, 2));
        String key = last.plan().question().key();
        assertEquals(Interview.Purpose.CONFIRM, last.purpose(), "asked back as what the text said");
        assertEquals("traefik.docker_network_label", key, last.plan().reason());
        assertTrue(last.plan().reason().contains("would confirm traefik-network-label-missing"), last.plan().reason());
        var priors = bundled.knowledge().priors();
        assertTrue(priors.answerable(key, "traefik-network-label-missing") > priors.answerable("http.intermittent", "traefik-network-label-missing"));
        // the user reads their label and says it: the leader is diagnosed (a look-alike may still be asked before concluding)
        List<Fact> told = new java.util.ArrayList<>(read);
        told.set(1, user("traefik.docker_network_label", "frontend"));
        Interview.Step after = real.next(told, unknown, 3);
        assertEquals(Status.DIAGNOSED, after.outcome().status());
        assertEquals("traefik-network-label-missing", after.outcome().top().cause());
    }

    @Test
    void aHeldLeadersPastedFactAskedBackIsTheOneMostLikelyToSettleIt() {
        // a compose mapping 3030:3000 and a Caddyfile proxying to app:3030 pasted: wrong-container-port leads on the text
        // alone, held on probation; only one pasted reading is asked back in vain, so the first asked back matters
        Engine bundled = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));
        Interview real = new Interview(bundled, Engine.DEFAULT_THRESHOLD);
        List<Fact> read = List.of(new Fact("app.listen_port", 3000L, Fact.TEXT, "extractor 'compose-ports' matched \"3030:3000\""),
                new Fact("app.published_port", 3030L, Fact.TEXT, "extractor 'compose-ports' matched \"3030:3000\""),
                new Fact("domain.port", 3030L, Fact.TEXT, "extractor 'proxy-target-container-port' matched \"reverse_proxy app:3030\""),
                new Fact("service.kind", "compose", Fact.TEXT, "read"),
                new Fact("fault.reported", true, Fact.TEXT, "read"));
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, real.next(read, Set.of(), 0));
        assertEquals("wrong-container-port", ask.outcome().top().cause());
        assertTrue(CalibrationGate.held(ask.outcome().top().evidence()), "held: " + ask.outcome().top());
        assertEquals(Interview.Purpose.CONFIRM, ask.purpose());
        // the app's port, which users with this fault tell more often than the domain's (priors.yaml), is asked back first
        String key = ask.plan().question().key();
        assertEquals("app.listen_port", key, ask.plan().reason());
        var priors = bundled.knowledge().priors();
        assertTrue(priors.answerable(key, "wrong-container-port") > priors.answerable("domain.port", "wrong-container-port"));
        // told: diagnosed
        List<Fact> told = new java.util.ArrayList<>(read);
        told.set(0, user("app.listen_port", 3000L));
        Interview.Step after = real.next(told, Set.of(), 1);
        assertEquals(Status.DIAGNOSED, after.outcome().status());
        assertEquals("wrong-container-port", after.outcome().top().cause());
    }
}
