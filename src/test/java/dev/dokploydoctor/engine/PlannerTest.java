package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner on the tiny rule base of src/test/resources/.../repl/planner: a leader, two outsiders. */
class PlannerTest {
    static final Engine ENGINE = fixture("/dev/dokploydoctor/repl/planner");

    /** A tiny rule base from a test resource folder with rules/ and knowledge/. */
    static Engine fixture(String resource) {
        try {
            Path dir = Path.of(PlannerTest.class.getResource(resource).toURI());
            return Engine.load(Knowledge.load(List.of(new Knowledge.Layer("fixture", dir.resolve("rules"), dir.resolve("knowledge")))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Fact user(String key, Object value) { return new Fact(key, value, Fact.USER, "test"); }

    @Test
    void fromNothingTheFirstQuestionIsASymptom() {
        Planner.Plan p = ENGINE.planner().next(List.of(), Set.of());
        assertNotNull(p, "a first question from zero facts");
        assertTrue(Set.of("sym", "other").contains(p.question().key()), p.question().key());
    }

    @Test
    void confirmingTheLeaderBeatsSeparatingTheOutsiders() {
        Planner.Plan p = ENGINE.planner().next(List.of(user("sym", true)), Set.of());
        assertEquals("b", p.question().key(), "b settles the leader; a only separates two outsiders");
        Planner.Preview yes = p.previews().get(0);
        assertEquals(Boolean.TRUE, yes.value());
        assertEquals(Status.DIAGNOSED, yes.status());
        assertEquals("lead", yes.topCause());
        assertEquals(List.of("lead"), p.previews().get(1).ruledOut(), "no rules the leader out");
    }

    @Test
    void neverAsksWhatIsKnownOrAnsweredUnknownAndStopsWhenNothingCanMove() {
        List<String> ranked = ENGINE.planner().rank(List.of(user("sym", true)), Set.of("b"), null).stream()
                .map(p -> p.question().key()).toList();
        assertEquals(List.of("a"), ranked, "neither sym (known) nor b (unknown)");
        // with b unknown, a only moves the outsiders: no answer takes a cause across the threshold or
        // rules out the leader, so the interview stops instead of asking it (batch still lists it)
        assertNull(ENGINE.planner().next(List.of(user("sym", true)), Set.of("b")));
        assertNull(ENGINE.planner().next(List.of(user("sym", true), user("other", false)), Set.of("a", "b", "c")));
    }

    @Test
    void isDeterministic() {
        List<Fact> facts = List.of(user("other", true));
        Planner.Plan first = ENGINE.planner().next(facts, Set.of());
        for (int i = 0; i < 5; i++) assertEquals(first.question().key(), ENGINE.planner().next(facts, Set.of()).question().key());
    }

    @Test
    void theGainIsTheEntropyDropOfAPerfectSplit() {
        // two equally likely causes, each predicting its own answer: one bit
        double[] belief = {0.5, 0.5};
        double[][] likelihood = {{1, 0}, {0, 1}};
        assertEquals(1.0, Planner.entropy(belief) - Planner.expectedEntropy(belief, likelihood), 1e-9);
    }
}
