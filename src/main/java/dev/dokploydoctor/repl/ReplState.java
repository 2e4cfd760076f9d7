package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Interview;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Planner;

/**
 * Where the conversation stands: what the user said (the {@link Session}), the last outcome, the
 * question being asked and which prompt comes next. One {@link #reset()} for every way of starting over.
 */
final class ReplState {
    /** Which prompt comes next: "What do you see?", a question, or the command prompt. */
    enum Mode { OPENING, QUESTIONS, COMMANDS }

    final Session session = new Session("session");
    Outcome outcome;
    Planner.Plan plan;
    /** How the last interview ended: a Conclude or an End step; null while it asks (or before it starts). */
    Interview.Step ending;
    Mode mode = Mode.OPENING;
    boolean openingShown;
    /** Causes whose look-alike check was announced: said once per cause, not before every question of it. */
    final java.util.Set<String> lookalikeChecksSaid = new java.util.HashSet<>();
    /**
     * Answers not read, by question key, across re-plans: an answer whose other facts are noted re-plans,
     * and the same question coming back must not start its count again (user12b U29: asked four times).
     */
    final java.util.Map<String, Integer> unreadAnswers = new java.util.HashMap<>();

    /** Back to the opening question; the session's facts are left to the caller (restart keeps probes). */
    void reset() {
        outcome = null;
        plan = null;
        ending = null;
        mode = Mode.OPENING;
        openingShown = false;
        lookalikeChecksSaid.clear();
        unreadAnswers.clear();
    }

    /** Forget everything the user said (probe observations stay) and start from the opening question. */
    void startOver() {
        session.restart();
        reset();
    }
}
