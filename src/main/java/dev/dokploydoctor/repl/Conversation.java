package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Interview;
import dev.dokploydoctor.engine.Planner;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.AnswersFile;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.TextExtraction;
import dev.dokploydoctor.report.FactMarks;
import dev.dokploydoctor.report.SimilarLookup;
import dev.dokploydoctor.report.Style;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The guided diagnosis: asks what the user sees, then the questions the rules still need (one at a
 * time, best separator first, never one already answered or probed), shows the leading causes after
 * each answer, and ends with a diagnosis, advice, or an honest "inconclusive". Every change
 * re-evaluates the whole fact list, so undo and change are exact.
 * <p>
 * This class starts the session (rules compiling and probes running in the background), runs the
 * loop and takes the interview's next step. The rest is split by concern: {@link Prompter} reads a
 * line or a {@code """} block (Ctrl-C, wake-ups), {@link Prompts} does what each of the three
 * prompts does with it, {@link Commands} is the table of command handlers, {@link ReplState} holds
 * where the session stands (one reset), and {@link ReplView} and {@link Explanations} are the view.
 */
public final class Conversation {
    private final ReplOptions options;
    private final PrintStream resultOut;
    private volatile Console console; // read by the loader thread to wake a read on failure
    private ReplView view;
    private Prompter prompter;
    private Prompts prompts;
    private EngineLoader loader;
    private Engine engine;
    private Explanations words;
    private Interview interview;
    private SimilarLookup similar;
    /** Probe runs: one at start, one more when the user names the site's URL. */
    private final ProbeIntake probes = new ProbeIntake();
    private Map<String, CaseInput> examples;
    private final ReplState state = new ReplState();

    /** @param resultOut where the final result goes for --format json|markdown (null: text only) */
    public Conversation(ReplOptions options, PrintStream resultOut) {
        this.options = options;
        this.resultOut = resultOut;
    }

    /**
     * Run the session on the console {@code consoles} opens; returns the final status (the command
     * line maps it to an exit code).
     * The rules compile in the background while the user reads and answers the first question.
     */
    public Status run(Supplier<Console> consoles) {
        AnswersFile answers = null;
        if (options.answers() != null) {
            startLoader(); // the answers are checked against the vocabulary before anything is shown
            answers = AnswersFile.read(options.answers(), loader.knowledge().vocabulary());
        }
        // Setting up the terminal first: on two cores, compiling rules at the same time doubles the
        // wait for the prompt. (Printing the question before the terminal is ready is no way out:
        // what the user types before JLine owns the terminal is lost.)
        console = consoles.get();
        Timing.mark("terminal ready");
        if (loader == null) startLoader();
        if (options.probe()) startProbes();
        try {
            view = new ReplView(console);
            prompter = new Prompter(console, new IdleWarmUp(loader::warmUp));
            prompts = new Prompts(this, state, view, prompter, new Commands(this, state, view), options);
            if (!console.interactive()) useEngine(); // nothing to type ahead on a pipe: a broken rule base fails before any output
            if (answers != null) applyAnswers(answers);
            console.setCompletion(new Completions(prompter::asking, () -> engine, () -> state.outcome, state.session, () -> examples().keySet()));
            return loop();
        } finally {
            console.close();
        }
    }

    /** The probes start as soon as the vocabulary is loaded, in the background, and report when asked. */
    private void startProbes() {
        Thread t = new Thread(() -> {
            try {
                watch(ProbeRunner.start(options.target(), options.probeTimeout(), loader.knowledge().vocabulary()));
            } catch (RuntimeException e) {
                // a knowledge error is reported by the engine loader; without a vocabulary there is nothing to probe
            }
        }, "probe-starter");
        t.setDaemon(true);
        t.start();
    }

    private void startLoader() {
        loader = EngineLoader.start(options.layers(), () -> {
            Console c = console;
            if (c != null) c.wake();
        });
    }

    private void applyAnswers(AnswersFile answers) {
        Knowledge k = loader.knowledge();
        Session session = state.session;
        if (!answers.facts().isEmpty()) session.add(Session.Kind.ANSWERS_FILE, "answers file", answers.facts(), null, true);
        if (!answers.unknown().isEmpty()) session.markUnknown(Session.Kind.ANSWERS_FILE, "answers file", answers.unknown());
        // a symptom (or the routing goal) in the answers makes the opening question moot
        for (Fact f : answers.facts()) {
            FactSpec spec = k.vocabulary().get(f.getKey());
            if (f.getKey().equals("user.goal") || (spec != null && spec.isSymptom(f.getValue()))) state.mode = ReplState.Mode.QUESTIONS;
        }
    }

    private Status loop() {
        if (state.mode == ReplState.Mode.QUESTIONS) {
            useEngine();
            advance();
        }
        while (true) {
            try {
                boolean goOn = switch (state.mode) {
                    case OPENING -> prompts.opening();
                    case QUESTIONS -> prompts.question();
                    case COMMANDS -> prompts.commandPrompt();
                };
                if (!goOn) return leave();
            } catch (Console.Woken woken) {
                if (loader.failed()) useEngine(); // the background load failed: this rethrows its error (file:line, exit 2)
                else probesArrived();
            }
        }
    }

    // ---- reasoning ----

    /**
     * Re-evaluate everything known, show how the causes moved and what the answer ruled out, then
     * take the interview's next step: a question (a look-alike check first), a conclusion, or an
     * honest inconclusive once no question can move the diagnosis (or after the question limit).
     */
    void advance() {
        absorbProbes(false);
        Outcome before = state.outcome;
        Session session = state.session;
        Interview.Step step = interview().next(session.facts(), session.unknown(), session.questionsAnswered(),
                session.questionsAnsweredUnknown());
        Outcome outcome = state.outcome = step.outcome();
        state.plan = null;
        state.ending = step instanceof Interview.Ask ? null : step;
        if (!session.isEmpty()) {
            view.println(words.leading(outcome, before));
            if (before != null) view.dim("  " + Progress.line(before, outcome));
        }
        if (step instanceof Interview.Ask ask) {
            state.plan = ask.plan();
            state.mode = ReplState.Mode.QUESTIONS;
            Timing.mark("first question chosen");
            switch (ask.purpose()) {
                case LOOKALIKE -> {
                    // once per cause: the check may take several questions, and saying "one question" before each misleads
                    String cause = outcome.top().cause();
                    if (state.lookalikeChecksSaid.add(cause)) view.dim("  " + cause + " fits; checking what would tell it from a look-alike");
                }
                case LEADER -> view.dim(String.format("  %s leads at %.2f, short of a diagnosis: one question could confirm or rule it out",
                        outcome.top().cause(), outcome.top().certainty()));
                case FIRST -> view.dim("  that does not settle a cause and no single answer would: first the question that tells them apart best");
                case CONFIRM -> {
                    // what was read, and from which words: the user confirms their paste, not a question they already answered
                    Fact read = state.session.fact(ask.plan().question().key());
                    String words = read == null ? null : TextExtraction.matchedWords(read);
                    view.dim("  I read " + ask.plan().question().key() + " = " + (read == null ? "?" : read.getText())
                            + (words == null ? " from your text" : (TextExtraction.fromProse(read) ? " from your words (\"" : " from your paste (\"") + words + "\")")
                            + "; your own look at it would settle " + outcome.top().cause());
                }
                case FIX -> view.dim("  " + outcome.top().cause() + " fits; its fix depends on this");
                case NEXT -> { }
            }
        } else if (step instanceof Interview.Conclude conclude) {
            view.println("");
            view.println(words.conclusion(outcome));
            String unsettled = words.unsettled(conclude);
            if (unsettled != null) view.dim(unsettled);
            view.dim("  next: 'how' shows the reasoning, 'undo' or 'change <key>' revisits an answer, 'report' or 'save <file>' keeps it, 'quit' leaves");
            state.mode = ReplState.Mode.COMMANDS;
        } else if (session.isEmpty()) {
            state.mode = ReplState.Mode.OPENING;
        } else {
            state.mode = ReplState.Mode.COMMANDS;
            if (outcome.status() == Status.NO_FAULT) {
                sayNoFault();
            } else {
                view.println("");
                switch (((Interview.End) step).stop()) {
                    case QUESTION_LIMIT -> view.dim("  (" + Interview.QUESTION_LIMIT + " questions asked: I stop here)");
                    case UNANSWERED_LIMIT -> view.dim("  (" + state.session.questionsAnsweredUnknown()
                            + " questions without an answer I could use: I stop here; below, what would settle it)");
                    case NOTHING_MOVES, NONE_FITS -> { }
                }
                Interview.Stop stop = ((Interview.End) step).stop();
                view.println(stop == Interview.Stop.NONE_FITS ? words.noneFits(outcome, similarReports().find(outcome))
                        : words.inconclusive(outcome, ignoringUnknown(), stop, session.unread(), similarReports().find(outcome)));
            }
        }
    }

    /** "No fault", said as what it rests on: everything that applied was checked, or what was not. */
    private void sayNoFault() {
        if (gaps().isEmpty()) {
            view.println(style().ok() + " No fault follows from what I know. Describe what you see (or 'restart').");
        } else if (state.session.facts().isEmpty()) {
            // words alone ("everything works fine"): nothing wrong by the user's account, nothing checked by us
            view.println(style().warn() + " Nothing is wrong by your own account, but I checked nothing, so I cannot call it healthy.");
            for (String g : probes.gaps()) view.println("    " + style().warn() + " " + g);
            view.println("  Describe a symptom if you see one, or let the probes look: " + (options.probe() ? LOOK_AGAIN : LOOK));
        } else {
            view.println(style().warn() + " No fault follows from what I know, but not everything was checked:");
            for (String g : gaps()) view.println("    " + style().warn() + " " + g);
            view.println("  Describe what you see (or 'restart').");
        }
    }

    /**
     * The opening said all is well ("everything works fine, no problem"). No question is asked to
     * find a fault the user does not report: what the probes see (waited for) decides. When they show
     * none, "no fault", said with what was not checked (exit 4 unless everything that applied was);
     * when they show a symptom, the interview goes on from it.
     */
    void allWell() {
        if (probes.pending()) view.dim("  checking the host...");
        absorbProbes(true);
        Outcome outcome = state.session.evaluate(engine, options.threshold());
        if (outcome.status() != Status.NO_FAULT) {
            advance();
            return;
        }
        state.outcome = outcome;
        state.plan = null;
        state.ending = null;
        state.mode = ReplState.Mode.COMMANDS;
        sayNoFault();
    }

    /** Choose the next question for the current facts (null when none can move the diagnosis). */
    void plan() {
        Interview.Step step = interview().next(state.session.facts(), state.session.unknown(), 0);
        state.plan = step instanceof Interview.Ask ask ? ask.plan() : null;
    }

    /** The outcome as if nothing had been answered unknown: shows which of those answers would decide. */
    Outcome ignoringUnknown() {
        Outcome o = engine.evaluate(state.session.id(), state.session.facts(), Set.of(), options.threshold());
        // the questions answered unknown, ranked by the planner as if they were open again
        List<Question> settle = new ArrayList<>();
        for (Planner.Plan p : interview().planner().rank(state.session.facts(), Set.of(), state.session.unknown())) settle.add(p.question());
        return new Outcome(o.id(), o.status(), o.diagnoses(), settle, o.facts(), o.evidence(), o.fired(), o.unknown(), o.error(),
                o.threshold(), o.unchecked());
    }

    /** The last outcome, or the session evaluated now (before anything was said); no "no fault" while a gap is left. */
    Outcome current() {
        Outcome o = state.outcome != null ? state.outcome : state.session.evaluate(engine, options.threshold());
        return o.status() == Status.NO_FAULT ? o.notChecked(gaps()) : o;
    }

    /** How to have the host looked at, said when nothing was because the user passed --no-probe. */
    static final String LOOK = "run it again without --no-probe, with --service NAME (and --url URL), or 'dokploy-doctor probe'";

    /**
     * The same when the probes ran and could not look (no Docker engine, no service named): "without
     * --no-probe" is advice for a flag the user never passed (user15b).
     */
    static final String LOOK_AGAIN = "run it again where the Docker engine is reachable, with --service NAME (and --url URL), or 'dokploy-doctor probe'";

    /** Said when the session knows no fact at all (the user's words told none, no probe looked): "no fault" is unearned. */
    static final String NOTHING_CHECKED = "nothing was checked, only your words were heard (no probe looked, no fact was given): " + LOOK;

    /** As above, when the probes ran but could not look (their gaps say why). */
    static final String NOTHING_LOOKED = "nothing was checked, only your words were heard: the probes could not look";

    /** What kept a "no fault" from being an all-clear: the probes' gaps, or no fact known at all. */
    private List<String> gaps() {
        if (!state.session.facts().isEmpty() || !state.session.userToldAnything()) return probes.gaps();
        List<String> out = new ArrayList<>(probes.gaps());
        out.add(options.probe() ? NOTHING_LOOKED : NOTHING_CHECKED);
        return out;
    }

    /**
     * Probe facts came in while the user was at a prompt: take them and plan again, so a question
     * a probe has just answered is withdrawn instead of waiting for the next input.
     */
    private void probesArrived() {
        if (state.mode != ReplState.Mode.QUESTIONS) return;
        useEngine();
        String asked = state.mode == ReplState.Mode.QUESTIONS && state.plan != null ? state.plan.question().key() : null;
        Fact had = asked == null ? null : state.session.fact(asked);   // a question may check what the text said
        if (!absorbProbes(false)) return;
        Fact now = asked == null ? null : state.session.fact(asked);
        if (asked != null && state.session.knows(asked) && now != had) view.dim("  (withdrawn: the probes answered " + asked + ")");
        advance();
    }

    /** A probe run whose arrival wakes a waiting prompt (a real terminal only; a pipe is read line by line). */
    void watch(ProbeRunner runner) {
        probes.add(runner);
        runner.whenDone(() -> {
            Console c = console;
            // only a question is re-planned; at the opening the facts wait for what the user sees
            if (c != null && prompter != null && prompter.reading() && state.mode == ReplState.Mode.QUESTIONS) c.wake();
        });
    }

    /** At the first prompt: say now that no Docker engine could be reached, if the probes already know (nothing is taken). */
    void dockerNoticeAtOpening() {
        probes.earlyNotice(style(), () -> !examples().isEmpty()).forEach(view::println);
    }

    /** Take the probe facts when they are in (or wait for them); true when a fact was added. */
    boolean absorbProbes(boolean wait) {
        // marked by what the rules make of the session with them (symptoms alone while the rules compile)
        ProbeIntake.Intake in = probes.take(state.session, wait, style(), !examples().isEmpty(),
                s -> FactMarks.of(engine == null ? null : s.evaluate(engine, options.threshold()), knowledge().vocabulary()));
        in.lines().forEach(view::println);
        return in.added();
    }

    /** The engine, waiting for the background compile if needed; a load error is rethrown. */
    void useEngine() {
        if (engine != null) return;
        if (!loader.engineReady() && console != null && console.interactive()) view.dim("loading rules...");
        setEngine(loader.engine());
        for (String note : engine.knowledge().notices()) view.dim("note: " + note);
    }

    void setEngine(Engine e) {
        engine = e;
        words = new Explanations(e.knowledge(), style(), options.threshold());
        interview = new Interview(e, options.threshold(), probes.stillAnswerable());
        examples = null;
    }

    boolean probesPending() { return probes.pending(); }

    /** The interview, told which facts the probes may still answer (fewer once a run has reported). */
    private Interview interview() {
        interview.probesCanAnswer(probes.stillAnswerable());
        return interview;
    }

    Engine engine() { return engine; }
    /** The knowledge: the engine's once it is set ('reload' replaces it), else the one loaded before the rules compile (the opening reads text with it). */
    Knowledge knowledge() { return engine != null ? engine.knowledge() : loader.knowledge(); }
    Explanations words() { return words; }
    Prompter prompter() { return prompter; }
    double threshold() { return options.threshold(); }
    List<Knowledge.Layer> layers() { return options.layers().get(); }
    private Style style() { return view.style(); }

    /** The field reports like a session, shown when none of our causes fits (indexed on first use). */
    private SimilarLookup similarReports() {
        if (similar == null || similar.knowledge() != engine.knowledge()) similar = new SimilarLookup(engine.knowledge());
        return similar;
    }

    Map<String, CaseInput> examples() {
        if (examples == null) {
            try {
                examples = Examples.load(engine != null ? engine.knowledge() : loader.knowledge());
            } catch (KnowledgeError e) {
                view.println(style().warn() + " the bundled examples do not load: " + e.describe());
                examples = Map.of();
            }
        }
        return examples;
    }

    // ---- leaving ----

    private Status leave() {
        useEngine();
        absorbProbes(false);   // a report that came in at the last prompt: its lines are shown, its gaps count
        return new Farewell(view, resultOut, options).leave(current(), state.session, engine);
    }
}
