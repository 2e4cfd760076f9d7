package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.repl.Opening;
import dev.dokploydoctor.repl.QuestionPlanner;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The one place where the simulated interview meets the REPL: how the REPL reads the first thing
 * the user types, and what it does next (ask a question, or stop). When the planner and its
 * stopping rule move into the engine, only this class changes.
 */
final class InterviewPlanner {
    /** What the REPL does next: ask {@code key}, or (key null) stop with {@code outcome}. */
    record Next(String key, Outcome outcome) {}

    private final Engine engine;
    private final double threshold;
    private final QuestionPlanner planner;

    InterviewPlanner(Engine engine, double threshold) {
        this.engine = engine;
        this.threshold = threshold;
        this.planner = new QuestionPlanner(threshold);
    }

    /**
     * The facts the REPL's first prompt reads from {@code text}; null when it reads no symptom and
     * asks again (the simulated user has nothing more to say).
     */
    List<Fact> opening(String text) {
        List<Fact> facts = Opening.parse(text, engine.knowledge().vocabulary(), engine.extraction()).facts();
        return facts.isEmpty() ? null : facts;
    }

    /** As the REPL does today: stop at a diagnosis or advice, or when the planner has no question left. */
    Next next(Collection<Fact> facts, Set<String> unknown, int asked) {
        Outcome o = engine.evaluate("interview", facts, unknown, threshold);
        if (o.status() == Status.DIAGNOSED || o.status() == Status.ADVICE || asked >= Evaluator.MAX_QUESTIONS) {
            return new Next(null, o);
        }
        QuestionPlanner.Plan plan = planner.next(engine, facts, unknown, o);
        return new Next(plan == null ? null : plan.question().key(), o);
    }
}
