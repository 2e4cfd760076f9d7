package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.repl.Opening;
import dev.dokploydoctor.repl.QuestionPlanner;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The one place where the simulated interview meets the REPL: how the REPL reads the first thing
 * the user types, and which question it asks next. When the planner moves into the engine, only
 * {@link #next} changes.
 */
final class InterviewPlanner {
    private final Engine engine;
    private final QuestionPlanner planner;

    InterviewPlanner(Engine engine, double threshold) {
        this.engine = engine;
        this.planner = new QuestionPlanner(threshold);
    }

    /** The facts the REPL's opening prompt reads from {@code text} (empty: it did not recognise a symptom). */
    List<Fact> opening(String text) {
        return Opening.parse(text, engine.knowledge().vocabulary(), engine.extraction()).facts();
    }

    /** The key of the question the REPL would ask now, or null when it would stop asking. */
    String next(Collection<Fact> facts, Set<String> unknown, Outcome current) {
        QuestionPlanner.Plan plan = planner.next(engine, facts, unknown, current);
        return plan == null ? null : plan.question().key();
    }
}
