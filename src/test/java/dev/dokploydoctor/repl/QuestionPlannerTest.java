package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionPlannerTest {
    final Engine engine = Fixture.engine();
    final QuestionPlanner planner = new QuestionPlanner(Engine.DEFAULT_THRESHOLD);

    private QuestionPlanner.Plan plan(List<Fact> facts, Set<String> unknown) {
        Outcome o = engine.evaluate("t", facts, unknown, Engine.DEFAULT_THRESHOLD);
        return planner.next(engine, facts, unknown, o);
    }

    @Test
    void prefersTheQuestionThatSettlesTheLeaderOverTheEnginesFirst() {
        List<Fact> facts = List.of(Fixture.user("sym", true));
        Outcome o = engine.evaluate("t", facts, Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals("a", o.questions().get(0).key(), "the engine ranks the question two causes need first");

        QuestionPlanner.Plan p = planner.next(engine, facts, Set.of(), o);
        assertEquals("b", p.question().key());
        assertEquals(2, p.engineRank());
        QuestionPlanner.Preview yes = p.previews().get(0);
        assertEquals(Boolean.TRUE, yes.value());
        assertEquals(Status.DIAGNOSED, yes.status());
        assertEquals("lead", yes.topCause());
        assertTrue(p.reason().contains("more than the engine's first choice"), p.reason());
    }

    @Test
    void keepsTheEnginesOrderWhenNothingElseMovesMore() {
        // the leader was ruled out: only "a" is left, and it is asked
        QuestionPlanner.Plan p = plan(List.of(Fixture.user("sym", true), Fixture.user("b", false)), Set.of());
        assertEquals("a", p.question().key());
        assertEquals(1, p.engineRank());
    }

    @Test
    void aNumberQuestionAtTheTopIsAskedAsIs() {
        QuestionPlanner.Plan p = plan(List.of(Fixture.user("other", true)), Set.of());
        assertEquals("c", p.question().key());
        assertTrue(Double.isNaN(p.expected()));
        assertTrue(p.previews().isEmpty());
    }

    @Test
    void neverAsksWhatIsKnownOrAnsweredUnknown() {
        assertEquals("a", plan(List.of(Fixture.user("sym", true)), Set.of("b")).question().key());
        assertNull(plan(List.of(Fixture.user("sym", true)), Set.of("a", "b")));
        assertNull(plan(List.of(Fixture.user("sym", true), Fixture.user("a", true), Fixture.user("b", true)), Set.of()));
    }

    @Test
    void movementWeighsAChangeByHowFarTheCauseLeads() {
        Outcome before = engine.evaluate("t", List.of(Fixture.user("sym", true)), Set.of(), Engine.DEFAULT_THRESHOLD);
        Outcome leaderUp = engine.evaluate("t", List.of(Fixture.user("sym", true), Fixture.user("b", true)), Set.of(), 0.7);
        Outcome outsiderUp = engine.evaluate("t", List.of(Fixture.user("sym", true), Fixture.user("a", true)), Set.of(), 0.7);
        var certainties = QuestionPlanner.certainties(before);
        double lead = QuestionPlanner.movement(before, certainties, leaderUp);
        double outsider = QuestionPlanner.movement(before, certainties, outsiderUp);
        assertEquals(0.5 * (0.8 - 0.5), lead, 1e-9);
        assertEquals(0.1 * (0.37 - 0.1), outsider, 1e-9);
    }
}
