package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Interview;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.repl.Opening;

import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The one place where the simulated interview meets the REPL: how the REPL reads the first thing
 * the user types, and what it does next. Both are the REPL's own: {@link Opening} and the engine's
 * {@link Interview} (planner, look-alike check, stopping rules).
 */
final class InterviewPlanner {
    /**
     * What the REPL does next: ask {@code key} for {@code why}, or (key null) stop with {@code outcome},
     * {@code why} then saying how it ended (concluded, or the {@link Interview.Stop}).
     */
    record Next(String key, Outcome outcome, String why) {}

    /** The question limit of eval, reached while the interview still had a question. */
    static final String QUESTION_LIMIT = label(Interview.Stop.QUESTION_LIMIT.name());
    static final String CONCLUDED = "concluded";

    private final Engine engine;
    private final Interview interview;

    InterviewPlanner(Engine engine, double threshold) {
        this.engine = engine;
        this.interview = new Interview(engine, threshold);
    }

    /**
     * The facts the REPL's first prompt reads from {@code text}. Text without a symptom is, as in
     * the REPL, a reported fault the interview asks about; never null.
     */
    List<Fact> opening(String text) {
        Opening.Parsed parsed = Opening.parse(text, engine.knowledge().vocabulary(), engine.extraction());
        if (!Opening.reportsSomething(parsed, engine.knowledge().vocabulary())) {
            parsed = Opening.withReportedFault(parsed, text, engine.knowledge().vocabulary());
        }
        return parsed.facts();
    }

    /** What the simulated user would answer: the report's truth with what it implies ({@link FieldPriors#answers}). */
    Map<String, Object> answers(Map<String, Object> truth) { return FieldPriors.answers(engine.knowledge(), truth); }

    /** As the REPL does: ask while the interview has a question, within the evaluator's limit too. */
    Next next(Collection<Fact> facts, Set<String> unknown, int asked) {
        Interview.Step step = interview.next(facts, unknown, asked);
        if (step instanceof Interview.Ask ask) {
            return asked < Evaluator.MAX_QUESTIONS ? new Next(ask.plan().question().key(), step.outcome(), label(ask.purpose().name()))
                    : new Next(null, step.outcome(), QUESTION_LIMIT);
        }
        return new Next(null, step.outcome(), step instanceof Interview.End end ? label(end.stop().name()) : CONCLUDED);
    }

    /** An enum constant as the JSON and -v show it: {@code NONE_FITS} as none-fits. */
    static String label(String constant) { return constant.toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
}
