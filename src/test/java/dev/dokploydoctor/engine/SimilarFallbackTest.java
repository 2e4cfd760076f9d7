package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The similar reports' vote (fact similar.cause) as the engine weighs it: a small support for its
 * cause when the rules barely know, and nothing otherwise; never a diagnosis. Each case first checks
 * what the rules say without the vote, so it tests the condition it names.
 */
class SimilarFallbackTest {
    private static Engine engine;

    @BeforeAll static void load() { engine = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of(""))))); }

    private static Fact fact(String key, Object value) { return new Fact(key, value, Fact.USER, "test"); }
    private static Fact vote(String cause) { return new Fact(SimilarFallback.KEY, cause, Fact.TEXT, "3 of 5 similar field reports: " + cause); }

    private static Outcome judge(double threshold, Fact... facts) {
        return engine.evaluate("t", List.of(facts), Set.of(), threshold);
    }

    private static Fact[] with(Fact[] facts, Fact more) {
        List<Fact> all = new ArrayList<>(List.of(facts));
        all.add(more);
        return all.toArray(new Fact[0]);
    }

    private static double strongest(Outcome o) {
        return o.diagnoses().stream().mapToDouble(Diagnosis::certainty).max().orElse(0);
    }

    private static List<Evidence> fromVote(Outcome o) {
        return o.evidence().stream().filter(e -> e.getRule().equals(SimilarFallback.RULE)).toList();
    }

    @Test
    void theCausesTheFactsRuleOutAreNamedForTheVote() {
        // user24: a log saying the app listens on 0.0.0.0 rules the loopback bind out; the vote leaves its reports out
        Fact wildcard = new Fact("app.listen_address", "0.0.0.0", Fact.TEXT, "Listening on 0.0.0.0:3000");
        assertTrue(engine.refutedBy(List.of(wildcard), 0.7).contains("app-listens-on-localhost"));
        // the look-alike: a loopback bind is evidence for that cause, not against it
        Fact loopback = new Fact("app.listen_address", "127.0.0.1", Fact.TEXT, "Listening on 127.0.0.1:3000");
        assertTrue(!engine.refutedBy(List.of(loopback), 0.7).contains("app-listens-on-localhost"));
        assertEquals(Set.of(), engine.refutedBy(List.of(), 0.7));
    }

    @Test
    void whenTheRulesBarelyKnowTheVotedCauseLeadsButIsNotDiagnosed() {
        Fact[] said = {fact("fault.reported", true)};
        assertTrue(strongest(judge(0.7, said)) < SimilarFallback.RULES_KNOW, "precondition: the rules barely know");
        Outcome o = judge(0.7, with(said, vote("wrong-container-port")));
        assertEquals(Status.INCONCLUSIVE, o.status());
        assertEquals("wrong-container-port", o.top().cause());
        assertEquals(SimilarFallback.SUPPORT, o.top().certainty(), 1e-9);
        assertEquals(1, fromVote(o).size());
        assertEquals(SimilarFallback.KEY, fromVote(o).get(0).getMatched().get(0).getKey());   // the vote (and its links) is the evidence
    }

    @Test
    void aCauseTheRulesSupportIsNeverDisplaced() {
        Fact[] said = {fact("http.status", 502L), fact("app.listen_bound", "127.0.0.1")};
        Outcome without = judge(0.7, said);
        assertTrue(strongest(without) >= SimilarFallback.RULES_KNOW, "precondition: a rule knows: " + without.diagnoses());
        Outcome o = judge(0.7, with(said, vote("wrong-container-port")));
        assertEquals(List.of(), fromVote(o));
        assertEquals(without.top().cause(), o.top().cause());
        assertEquals(without.diagnoses().size(), o.diagnoses().size());
    }

    @Test
    void theVoteNeverDiagnosesWhateverTheThreshold() {
        Fact[] said = {fact("fault.reported", true), vote("wrong-container-port")};
        for (double threshold : new double[] {0.7, 0.3, 0.15, 0.1, 0.01}) {
            Outcome o = judge(threshold, said);
            assertNotEquals(Status.DIAGNOSED, o.status(), "at threshold " + threshold + ": " + o.diagnoses());
        }
        assertEquals(List.of(), fromVote(judge(0.1, said)));   // it would reach the threshold: not given
    }

    @Test
    void anOtherFamilyOrAnUnknownCauseSupportsNothing() {
        assertEquals(List.of(), fromVote(judge(0.7, fact("fault.reported", true), vote("other:platform-bug"))));
        assertEquals(List.of(), fromVote(judge(0.7, fact("fault.reported", true), vote("no-such-cause"))));
    }

    @Test
    void aCauseTheRulesSpeakAgainstIsNotRevived() {
        // a dotted dependency name is the host's resolver, not a sibling apart (shared/lookalikes.drl)
        Fact[] said = {fact("fault.reported", true), fact("dependency.name", "api.stripe.com")};
        Outcome without = judge(0.7, said);
        double isolation = Planner.certainties(without).getOrDefault("multi-container-isolation", 0.0);
        assertTrue(isolation < 0 && strongest(without) < SimilarFallback.RULES_KNOW, "precondition: " + without.evidence());
        Outcome o = judge(0.7, with(said, vote("multi-container-isolation")));
        assertEquals(List.of(), fromVote(o));
    }

    @Test
    void withoutTheFactNothingChanges() {
        Outcome o = judge(0.7, fact("fault.reported", true));
        assertEquals(List.of(), fromVote(o));
        assertEquals(Collections.emptyList(), o.evidence().stream().filter(e -> e.getRule().startsWith("similar")).toList());
    }
}
