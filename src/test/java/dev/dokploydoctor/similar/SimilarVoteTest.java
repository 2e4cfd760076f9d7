package dev.dokploydoctor.similar;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.knowledge.Vocabulary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vote of the nearest field reports: a clear winner of at least 2 of 5, from text only, never the excluded report. */
class SimilarVoteTest {
    private static final Vocabulary VOCABULARY = Knowledge.load(List.of(Layers.checkout(Path.of("")))).vocabulary();

    private static FieldRecord report(int n, String cause, String text) {
        return new FieldRecord("https://example.org/t/" + n, text, Map.of(), cause, "fixed", "high", Map.of(), "test.jsonl", n);
    }

    /** Three reports about a redis name, two about a port, one unrelated: the redis text has a clear winner. */
    private static final List<FieldRecord> LIBRARY = List.of(
            report(1, "multi-container-isolation", "the app cannot resolve redis by its name: getaddrinfo EAI_AGAIN redis"),
            report(2, "multi-container-isolation", "getaddrinfo EAI_AGAIN redis from the worker container"),
            report(3, "multi-container-isolation", "EAI_AGAIN redis after moving the app to another project"),
            report(4, "wrong-container-port", "502 bad gateway, the app listens on port 3000 and the domain says 80"),
            report(5, "wrong-container-port", "bad gateway: domain port 80 but the container listens on 8080"),
            report(6, "other:platform-bug", "the dashboard shows a blank page after the upgrade"));

    @Test
    void theNearestReportsElectAClearWinnerWithTheirLinks() {
        SimilarVote.Vote v = new SimilarVote(SimilarReports.of(LIBRARY)).vote("EAI_AGAIN redis: the app cannot find redis", Map.of(), null);
        assertNotNull(v);
        assertEquals("multi-container-isolation", v.cause());
        assertEquals(3, v.votes());
        assertTrue(v.describe().startsWith("3 of " + v.of() + " similar field reports: multi-container-isolation (https://example.org/t/"),
                v.describe());
        List<Fact> facts = new SimilarVote(SimilarReports.of(LIBRARY)).collect("EAI_AGAIN redis", Map.of(), VOCABULARY);
        assertEquals(1, facts.size());
        assertEquals(SimilarVote.KEY, facts.get(0).getKey());
        assertEquals("multi-container-isolation", facts.get(0).getText());
        assertEquals(Fact.TEXT, facts.get(0).getSource());   // read from the text: a saved session does not keep it as stated
    }

    @Test
    void aReportWhoseCauseTheFactsRuleOutDoesNotVote() {
        SimilarVote vote = new SimilarVote(SimilarReports.of(LIBRARY));
        String text = "EAI_AGAIN redis: the app cannot find redis";
        assertEquals("multi-container-isolation", vote.collect(text, Map.of(), VOCABULARY).get(0).getText());
        // the case's facts rule that cause out (engine refutedBy): its reports leave the vote, and no other cause has 2
        assertEquals(List.of(), vote.collect(text, Map.of(), VOCABULARY, null, java.util.Set.of("multi-container-isolation")));
        // a text near both: with the redis cause ruled out, the port reports win, counted among the reports left
        String both = "bad gateway: EAI_AGAIN redis, the container listens on 8080 and the domain port says 80";
        List<Fact> left = vote.collect(both, Map.of(), VOCABULARY, null, java.util.Set.of("multi-container-isolation"));
        assertEquals(1, left.size());
        assertEquals("wrong-container-port", left.get(0).getText());
        assertFalse(left.get(0).getEvidence().contains("multi-container-isolation"), left.get(0).getEvidence());
        // a refuted cause that is not among the nearest changes nothing
        assertEquals("multi-container-isolation", vote.collect(text, Map.of(), VOCABULARY, null, java.util.Set.of("host-port-conflict")).get(0).getText());
    }

    @Test
    void noTextNoVoteEvenWithFacts() {
        SimilarVote vote = new SimilarVote(SimilarReports.of(LIBRARY));
        assertNull(vote.vote(null, Map.of("http.status", 502L), null));
        assertNull(vote.vote("  ", Map.of("http.status", 502L), null));
        assertEquals(List.of(), vote.collect(null, Map.of("http.status", 502L), VOCABULARY));
    }

    @Test
    void oneReportOrATieElectsNobody() {
        // one report of each cause: no cause has 2 votes
        List<FieldRecord> spread = new ArrayList<>();
        String[] causes = {"multi-container-isolation", "wrong-container-port", "host-port-conflict", "tunnel-not-connected", "other:dns"};
        for (int i = 0; i < causes.length; i++) spread.add(report(10 + i, causes[i], "bad gateway on my site number " + i));
        assertNull(new SimilarVote(SimilarReports.of(spread)).vote("bad gateway on my site", Map.of(), null));
        // two and two (and one): a tie takes no side
        List<FieldRecord> tie = List.of(
                report(20, "wrong-container-port", "bad gateway on my site"), report(21, "wrong-container-port", "bad gateway on my site again"),
                report(22, "host-port-conflict", "bad gateway on my site today"), report(23, "host-port-conflict", "bad gateway site"),
                report(24, "tunnel-not-connected", "bad gateway"));
        assertNull(new SimilarVote(SimilarReports.of(tie)).vote("bad gateway on my site", Map.of(), null));
    }

    @Test
    void theExcludedReportNeverVotes() {
        SimilarVote vote = new SimilarVote(SimilarReports.of(LIBRARY));
        // report 1 excluded: the other two redis reports still win, and report 1 is not among them
        SimilarVote.Vote v = vote.vote(LIBRARY.get(0).text(), Map.of(), LIBRARY.get(0).source());
        assertEquals(2, v.votes());
        assertTrue(v.voters().stream().noneMatch(m -> m.link().equals(LIBRARY.get(0).source())), v.describe());
        // with two of the three excluded in turn, one redis report is left: no winner from one vote
        List<FieldRecord> two = List.of(LIBRARY.get(0), LIBRARY.get(1), LIBRARY.get(3), LIBRARY.get(5));
        assertNull(new SimilarVote(SimilarReports.of(two)).vote(LIBRARY.get(0).text(), Map.of(), LIBRARY.get(0).source()));
    }

    @Test
    void anOtherFamilyWinsAsItselfAndTheKeyMustBeDeclared() {
        List<FieldRecord> others = List.of(report(30, "other:platform-bug", "blank dashboard after the upgrade"),
                report(31, "other:platform-bug", "dashboard blank since upgrade"), report(32, "wrong-container-port", "dashboard port"));
        SimilarVote vote = new SimilarVote(SimilarReports.of(others));
        assertEquals("other:platform-bug", vote.vote("the dashboard is blank after the upgrade", Map.of(), null).cause());
        Vocabulary without = new Vocabulary(Map.of());   // a rule base whose facts.yaml has no similar.cause
        assertEquals(List.of(), vote.collect("the dashboard is blank after the upgrade", Map.of(), without));
    }

    private static SimilarReports.Match near(int n, String cause, double score) {
        return new SimilarReports.Match(report(n, cause, "text " + n), score);
    }

    @Test
    void theLookalikeSignNeedsTwoOfTheThreeNearestOutsideOurListAndClearlySimilar() {
        double floor = SimilarVote.LOOKALIKE_FLOOR;
        String sign = SimilarVote.lookalikes(List.of(near(1, "other:platform-bug", floor + 3), near(2, "app-listens-on-localhost", floor + 2),
                near(3, "other:app-bug", floor + 1)));
        assertNotNull(sign);
        assertTrue(sign.startsWith("2 of the 3 nearest field reports were causes outside our list: other:platform-bug (https://example.org/t/1)"), sign);
        // one of them barely similar: no sign
        assertNull(SimilarVote.lookalikes(List.of(near(1, "other:platform-bug", floor + 3), near(2, "app-listens-on-localhost", floor + 2),
                near(3, "other:app-bug", floor - 0.5))));
        // the 4th and 5th nearest do not count
        assertNull(SimilarVote.lookalikes(List.of(near(1, "other:platform-bug", floor + 5), near(2, "wrong-container-port", floor + 4),
                near(3, "wrong-container-port", floor + 3), near(4, "other:app-bug", floor + 2), near(5, "other:app-bug", floor + 1))));
        assertNull(SimilarVote.lookalikes(List.of()));
    }

    /**
     * Two look-alike reports (causes outside our list) that share a long, rare wording, among 300 reports
     * of our causes on other topics: the rare words weigh enough (BM25 idf) for a text that repeats them to
     * pass {@link SimilarVote#LOOKALIKE_FLOOR}; a short text on the same topic stays below it.
     */
    private static List<FieldRecord> lookalikeLibrary() {
        List<FieldRecord> library = new ArrayList<>(List.of(
                report(1, "other:platform-bug", "after the upgrade to 0.22 the dashboard shows a blank white page, the browser console says chunk load "
                        + "failed for main.js, clearing the cache did not help, incognito mode and another browser show the same blank white page, "
                        + "rolling back the dashboard image fixes it, portainer shows the container healthy"),
                report(2, "other:platform-bug", "blank white dashboard page after the upgrade to 0.22, chunk load failed for main.js in the browser "
                        + "console, cache cleared without help, incognito mode and another browser give the same blank page, rolling back the image "
                        + "fixes it, portainer shows the container healthy"),
                report(3, "wrong-container-port", "502 bad gateway, the app listens on port 3000 and the domain says 80")));
        String[] topics = {"redis name does not resolve getaddrinfo EAI_AGAIN", "certificate is the traefik default cert",
                "504 gateway timeout on uploads", "postgres connection refused on localhost", "cloudflared error 1033 tunnel down",
                "deploy fails with exit code 137 out of memory", "404 page not found after adding a domain",
                "websocket disconnects every minute", "sqlite database is locked with workers"};
        for (int i = 0; i < 300; i++) library.add(report(10 + i, "wrong-container-port", topics[i % topics.length]));
        return library;
    }

    @Test
    void theLookalikeSignIsCollectedFromTheTextBesideTheVote() {
        List<FieldRecord> library = lookalikeLibrary();
        SimilarVote vote = new SimilarVote(SimilarReports.of(library));
        String text = "since the upgrade to 0.22 the dashboard is a blank white page; the browser console shows chunk load failed for main.js, "
                + "clearing the cache did not help, incognito mode and another browser show the same blank white page, rolling back the "
                + "dashboard image fixes it, portainer shows the container healthy";
        List<SimilarReports.Match> nearest = SimilarReports.of(library).similar(text, Map.of(), SimilarVote.K);
        assertTrue(nearest.size() >= 2 && nearest.get(1).score() >= SimilarVote.LOOKALIKE_FLOOR, "the library reaches the floor: " + nearest);
        List<Fact> facts = vote.collect(text, Map.of(), VOCABULARY);
        List<String> keys = facts.stream().map(Fact::getKey).toList();
        assertTrue(keys.contains(SimilarVote.KEY), keys.toString());
        assertTrue(keys.contains(SimilarVote.LOOKALIKE_KEY), nearest + " " + keys);
        for (Fact f : facts) assertEquals(Fact.TEXT, f.getSource());
    }

    @Test
    void aTextBarelySimilarToTheLookalikesGetsNoSign() {
        List<FieldRecord> library = lookalikeLibrary();
        String text = "a blank page after the upgrade";
        List<SimilarReports.Match> nearest = SimilarReports.of(library).similar(text, Map.of(), SimilarVote.K);
        assertTrue(nearest.size() >= 2 && nearest.get(0).record().isOther() && nearest.get(1).record().isOther()
                && nearest.get(1).score() < SimilarVote.LOOKALIKE_FLOOR, "the two look-alikes are nearest, below the floor: " + nearest);
        List<String> keys = new SimilarVote(SimilarReports.of(library)).collect(text, Map.of(), VOCABULARY).stream().map(Fact::getKey).toList();
        assertFalse(keys.contains(SimilarVote.LOOKALIKE_KEY), nearest + " " + keys);
    }
}
