package dev.dokploydoctor.repl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.RuleBase;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Suggest;
import dev.dokploydoctor.probe.ProbeTarget;
import dev.dokploydoctor.report.CaseView;
import dev.dokploydoctor.report.Format;
import dev.dokploydoctor.report.Style;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The guided diagnosis: asks what the user sees, then the questions the rules still need (one at a
 * time, best separator first, never one already answered or probed), shows the leading causes after
 * each answer, and ends with a diagnosis, advice, or an honest "inconclusive". Commands work at
 * every prompt. Every change re-evaluates the whole fact list, so undo and change are exact.
 */
public final class Conversation {
    private enum Mode { OPENING, QUESTIONS, COMMANDS }

    private final ReplOptions options;
    private final PrintStream resultOut;
    private volatile Console console; // read by the loader thread to wake a read on failure
    private Style style;
    private EngineLoader loader;
    private Engine engine;
    private Explanations words;
    private QuestionPlanner planner;
    /** Probe runs: one at start, one more when the user names the site's URL. */
    private final ProbeIntake probes = new ProbeIntake();
    private Map<String, CaseInput> examples;

    private final Session session = new Session("session");
    private Outcome outcome;
    private QuestionPlanner.Plan plan;
    private Mode mode = Mode.OPENING;
    private boolean openingShown;
    /** The question being read right now (for Tab completion of its choices); null at other prompts. */
    private volatile FactSpec asking;

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
            style = console.style();
            if (!console.interactive()) useEngine(); // nothing to type ahead on a pipe: a broken rule base fails before any output
            if (answers != null) applyAnswers(answers);
            console.setCompletion(new Completions(() -> asking, () -> engine, () -> outcome, session, () -> examples().keySet()));
            return loop();
        } finally {
            console.close();
        }
    }

    /** The probes start as soon as the vocabulary is loaded, in the background, and report when asked. */
    private void startProbes() {
        Thread t = new Thread(() -> {
            try {
                probes.add(ProbeRunner.start(options.target(), options.probeTimeout(), loader.knowledge().vocabulary()));
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
        if (!answers.facts().isEmpty()) session.add(Session.Kind.ANSWERS_FILE, "answers file", answers.facts(), null, true);
        if (!answers.unknown().isEmpty()) session.markUnknown(Session.Kind.ANSWERS_FILE, "answers file", answers.unknown());
        // a symptom (or the routing goal) in the answers makes the opening question moot
        for (Fact f : answers.facts()) {
            FactSpec spec = k.vocabulary().get(f.getKey());
            if (f.getKey().equals("user.goal") || (spec != null && spec.isSymptom(f.getValue()))) mode = Mode.QUESTIONS;
        }
    }

    private Status loop() {
        if (mode == Mode.QUESTIONS) {
            useEngine();
            advance();
        }
        while (true) {
            try {
                boolean goOn = switch (mode) {
                    case OPENING -> opening();
                    case QUESTIONS -> question();
                    case COMMANDS -> commandPrompt();
                };
                if (!goOn) return leave();
            } catch (Console.Woken woken) {
                useEngine(); // the background load failed: this rethrows its error (file:line, exit 2)
            }
        }
    }

    // ---- the three prompts ----

    private boolean opening() throws Console.Woken {
        if (!openingShown) {
            printOpening(console::println);
            openingShown = true;
        }
        String line;
        try {
            Timing.mark("first prompt");
            line = read("> ");
        } catch (Console.Interrupted e) {
            console.println(style.dim("(Ctrl-D or 'quit' leaves)"));
            return true;
        }
        if (line == null) return false;
        if (line.isBlank()) return true;
        Command c = Command.parse(line);
        if (c != null) return command(c);
        Knowledge k = loader.knowledge();
        Opening.Parsed parsed = Opening.parse(line, k.vocabulary(), k.textExtraction());
        if (parsed.isEmpty()) {
            console.println(style.warn() + " I did not recognise a symptom in that. Pick a number from the list, give the HTTP status, or paste the error message.");
            return true;
        }
        session.add(Session.Kind.OPENING, "what you see", parsed.facts(), parsed.text(), true);
        console.println("  " + style.dim("noted: " + String.join(", ", parsed.facts().stream().map(f -> f.getKey() + " = " + f.getText()).toList())));
        if (parsed.url() != null && options.probe() && options.target().url() == null) {
            ProbeTarget t = options.target();
            probes.add(ProbeRunner.start(new ProbeTarget(t.service(), t.project(), parsed.url()), options.probeTimeout(), k.vocabulary()));
        }
        useEngine();
        advance();
        return true;
    }

    private void printOpening(java.util.function.Consumer<String> out) {
        out.accept(style.bold("What do you see?") + " Paste an error or log lines, type a status code or a URL, or pick a number:");
        for (String line : Opening.menuLines()) out.accept(line);
        out.accept(style.dim("  (multi-line text: paste it, or put it between \"\"\" lines; 'help' lists commands; Ctrl-D leaves)"));
    }

    private boolean question() throws Console.Woken {
        if (absorbProbes(false)) {
            advance();
            return true;
        }
        if (plan == null) {
            mode = Mode.COMMANDS;
            return true;
        }
        Question q = plan.question();
        if (q.spec() != null && q.spec().probe() != null && probes.pending()) {
            console.println(style.dim("  checking (" + q.spec().probe() + ")..."));
            absorbProbes(true);
            advance();
            return true;
        }
        printQuestion(q);
        while (true) {
            String line;
            try {
                line = readAnswer(q.spec());
            } catch (Console.Interrupted e) {
                console.println(style.dim("(question cancelled; 'next' asks it again, 'help' lists commands)"));
                mode = Mode.COMMANDS;
                return true;
            }
            if (line == null) return false;
            Command c = Command.parse(line);
            if (c != null) return command(c);
            Reply reply = Reply.parse(line, q.spec());
            if (reply instanceof Reply.Invalid invalid) {
                console.println("  " + style.bad() + " " + invalid.message());
                console.println("  " + style.dim(kindLine(q.spec())));
                continue;
            }
            Fact fact = reply instanceof Reply.Value v ? new Fact(q.key(), v.value(), Fact.USER, "answered") : null;
            session.answer(q.key(), q.text(), fact == null ? "unknown" : fact.getText(), fact);
            advance();
            return true;
        }
    }

    private boolean commandPrompt() throws Console.Woken {
        String line;
        try {
            line = read("doctor> ");
        } catch (Console.Interrupted e) {
            console.println(style.dim("(Ctrl-D or 'quit' leaves)"));
            return true;
        }
        if (line == null) return false;
        if (line.isBlank()) return true;
        Command c = Command.parse(line);
        if (c != null) return command(c);
        // anything else is more of what the user sees: run it through the extractors
        useEngine();
        List<Fact> found = new ArrayList<>();
        for (Fact f : engine.extraction().extract(line)) if (session.fact(f.getKey()) == null) found.add(f);
        if (found.isEmpty()) {
            console.println(style.dim("Nothing new in that (not a command, no known error text). 'help' lists commands."));
            return true;
        }
        List<Fact> added = session.add(Session.Kind.TEXT, "more text", found, line, false);
        console.println("  " + style.dim("noted: " + String.join(", ", added.stream().map(f -> f.getKey() + " = " + f.getText()).toList())));
        advance();
        return true;
    }

    /** Read the answer to a question about {@code spec}; Tab completes its choices meanwhile. */
    private String readAnswer(FactSpec spec) throws Console.Interrupted, Console.Woken {
        asking = spec;
        try {
            return read("> ");
        } finally {
            asking = null;
        }
    }

    /** Read a line; a line of three quotes starts a block that ends with the next such line. */
    private String read(String prompt) throws Console.Interrupted, Console.Woken {
        String line = console.readLine(prompt);
        if (line == null || !line.strip().equals("\"\"\"")) return line;
        StringBuilder block = new StringBuilder();
        while (true) {
            String more = console.readLine("... ");
            if (more == null || more.strip().equals("\"\"\"")) return block.toString();
            block.append(more).append('\n');
        }
    }

    private void printQuestion(Question q) {
        console.println("");
        console.println(style.cyan("? ") + style.bold(q.text()));
        console.println("  " + style.dim(kindLine(q.spec()) + " · ? if you don't know · [" + q.key() + "]"));
    }

    private static String kindLine(FactSpec spec) {
        if (spec == null) return "text";
        return switch (spec.type()) {
            case BOOL -> "yes/no";
            case ENUM -> Reply.numbered(spec.values()) + " (Tab completes)";
            case INT -> "a number";
            case LIST -> "names, comma-separated";
            case STRING -> "text";
        };
    }

    // ---- reasoning ----

    /** Re-evaluate everything known, show how the causes moved, then conclude or pick the next question. */
    private void advance() {
        absorbProbes(false);
        Outcome before = outcome;
        outcome = session.evaluate(engine, options.threshold());
        plan = null;
        if (!session.isEmpty()) console.println(words.leading(outcome, before));
        if (outcome.status().isConclusive()) {
            console.println("");
            console.println(words.conclusion(outcome));
            console.println(style.dim("  next: 'how' shows the reasoning, 'undo' or 'change <key>' revisits an answer, 'report' or 'save <file>' keeps it, 'quit' leaves"));
            mode = Mode.COMMANDS;
            return;
        }
        plan = planner.next(engine, session.facts(), session.unknown(), outcome);
        if (plan != null) {
            mode = Mode.QUESTIONS;
            return;
        }
        if (session.isEmpty()) {
            mode = Mode.OPENING;
            return;
        }
        mode = Mode.COMMANDS;
        if (outcome.status() == Status.INCONCLUSIVE) {
            console.println("");
            console.println(words.inconclusive(outcome, ignoringUnknown()));
        } else if (outcome.status() == Status.NO_FAULT) {
            console.println(style.ok() + " No fault follows from what I know. Describe what you see (or 'restart').");
        }
    }

    /** The outcome as if nothing had been answered unknown: shows which of those answers would decide. */
    private Outcome ignoringUnknown() {
        return engine.evaluate(session.id(), session.facts(), Set.of(), options.threshold());
    }

    /** Take the probe facts when they are in (or wait for them); true when a fact was added. */
    private boolean absorbProbes(boolean wait) {
        ProbeIntake.Intake in = probes.take(session, wait, style, !examples().isEmpty());
        in.lines().forEach(console::println);
        return in.added();
    }

    /** The engine, waiting for the background compile if needed; a load error is rethrown. */
    private void useEngine() {
        if (engine != null) return;
        if (!loader.engineReady() && console != null && console.interactive()) console.println(style.dim("loading rules..."));
        setEngine(loader.engine());
        for (String note : engine.knowledge().notices()) console.println(style.dim("note: " + note));
    }

    private void setEngine(Engine e) {
        engine = e;
        words = new Explanations(e.knowledge(), style, options.threshold());
        planner = new QuestionPlanner(options.threshold());
        examples = null;
    }

    // ---- commands ----

    /** Run a command; false means leave. */
    private boolean command(Command c) throws Console.Woken {
        if (!c.name().equals("quit") && !c.name().equals("help")) useEngine();
        Outcome o = outcome != null ? outcome : session.evaluate(engine, options.threshold());
        try {
            switch (c.name()) {
                case "help" -> console.println(Command.help());
                case "quit" -> { return false; }
                case "why" -> console.println(words.why(mode == Mode.QUESTIONS ? plan : null, o));
                case "how" -> console.println(words.how(words.resolveCause(c.arg(), o), o));
                case "why-not" -> {
                    if (c.arg() == null) console.println("usage: why-not <cause> (Tab lists the causes)");
                    else console.println(words.whyNot(words.resolveCause(c.arg(), o), o, ignoringUnknown()));
                }
                case "explain" -> console.println(words.explain(words.resolveCause(c.arg(), o), o));
                case "facts" -> console.println(words.facts(o));
                case "undo" -> undo();
                case "change" -> change(c.arg());
                case "next" -> next();
                case "restart" -> {
                    session.restart();
                    outcome = null;
                    plan = null;
                    openingShown = false;
                    mode = Mode.OPENING;
                    console.println("Starting over.");
                }
                case "example" -> example(c.arg());
                case "save" -> save(c.arg());
                case "report" -> report(c.arg());
                case "reload" -> reload();
                default -> console.println("unknown command " + c.name());
            }
        } catch (IllegalArgumentException e) {
            console.println(style.bad() + " " + e.getMessage());
        }
        return true;
    }

    private void undo() {
        Session.Step s = session.undo();
        if (s == null) {
            console.println("Nothing to undo.");
            return;
        }
        String what = s.exchange() != null ? s.exchange().key() + " = " + s.exchange().answer() : s.label();
        console.println(style.dim("undone: " + what));
        if (session.isEmpty()) {
            outcome = null;
            plan = null;
            mode = Mode.OPENING;
            openingShown = false;
            return;
        }
        advance();
    }

    private void next() {
        if (outcome == null) {
            console.println("Tell me first what you see.");
            return;
        }
        Outcome o = outcome;
        plan = planner.next(engine, session.facts(), session.unknown(), o);
        if (plan == null) console.println("No open questions: " + o.status().label() + ".");
        else mode = Mode.QUESTIONS;
    }

    private void change(String key) throws Console.Woken {
        if (key == null) {
            console.println("usage: change <key> (Tab lists the facts you gave)");
            return;
        }
        FactSpec spec = engine.knowledge().vocabulary().get(key);
        if (spec == null) {
            String hint = Suggest.nearest(key, engine.knowledge().vocabulary().keys());
            throw new IllegalArgumentException("unknown fact key '" + key + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
        Fact now = session.fact(key);
        String question = spec.question() != null ? spec.question() : "What is " + key + "?";
        console.println(style.cyan("? ") + style.bold(question));
        console.println("  " + style.dim(kindLine(spec) + " · ? if you don't know · [" + key + "]"
                + (now != null ? " · now: " + now.getText() + " (" + Explanations.sourceOf(now) + ")"
                : session.unknown().contains(key) ? " · now: unknown" : "")));
        while (true) {
            String line;
            try {
                line = readAnswer(spec);
            } catch (Console.Interrupted e) {
                console.println(style.dim("(change cancelled)"));
                return;
            }
            if (line == null) return;
            Reply reply = Reply.parse(line, spec);
            if (reply instanceof Reply.Invalid invalid) {
                console.println("  " + style.bad() + " " + invalid.message());
                continue;
            }
            Fact fact = reply instanceof Reply.Value v ? new Fact(key, v.value(), Fact.USER, "changed") : null;
            session.change(key, question, fact == null ? "unknown" : fact.getText(), fact);
            advance();
            return;
        }
    }

    private Map<String, CaseInput> examples() {
        if (examples == null) {
            try {
                examples = Examples.load(engine != null ? engine.knowledge() : loader.knowledge());
            } catch (KnowledgeError e) {
                console.println(style.warn() + " the bundled examples do not load: " + e.describe());
                examples = Map.of();
            }
        }
        return examples;
    }

    private void example(String id) {
        Map<String, CaseInput> all = examples();
        if (all.isEmpty()) {
            console.println("No bundled examples found (knowledge/examples/" + Examples.FILE + ").");
            return;
        }
        if (id == null) {
            console.println("Bundled examples ('example <id>' loads one):");
            for (CaseInput c : all.values()) {
                String text = c.text() == null || c.text().isBlank() ? c.facts().toString() : c.text().replaceAll("\\s+", " ");
                console.println("  " + style.bold(c.id()) + "  " + style.dim(text.length() > 90 ? text.substring(0, 87) + "..." : text));
            }
            return;
        }
        CaseInput c = all.get(id);
        if (c == null) {
            String hint = Suggest.nearest(id, all.keySet());
            throw new IllegalArgumentException("no example '" + id + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
        session.restart();
        outcome = null;
        session.add(Session.Kind.EXAMPLE, "example " + id, engine.factsOf(c), c.text(), true);
        if (!c.unknown().isEmpty()) session.markUnknown(Session.Kind.EXAMPLE, "example " + id, c.unknown());
        console.println("Loaded example " + style.bold(id) + (c.text() == null || c.text().isBlank() ? "" : ": " + c.text().strip()));
        advance();
    }

    private void save(String file) {
        if (file == null) {
            console.println("usage: save <file.yaml>");
            return;
        }
        Path path = Path.of(file);
        String id = Knowledge.stripExtension(path.getFileName().toString());
        try {
            SessionFiles.write(path, SessionFiles.caseYaml(session, id, outcome));
            console.println(style.ok() + " saved the session as case '" + id + "' to " + path);
        } catch (UncheckedIOException e) {
            console.println(style.bad() + " cannot write " + path + ": " + e.getCause().getMessage());
        }
    }

    private void report(String file) {
        Outcome o = outcome != null ? outcome : session.evaluate(engine, options.threshold());
        String md = SessionFiles.markdown(session, o, engine.knowledge(), options.threshold());
        if (file == null) {
            console.println(md);
            return;
        }
        try {
            SessionFiles.write(Path.of(file), md);
            console.println(style.ok() + " wrote the report to " + file);
        } catch (UncheckedIOException e) {
            console.println(style.bad() + " cannot write " + file + ": " + e.getCause().getMessage());
        }
    }

    private void reload() {
        console.println(style.dim("reloading rules and knowledge..."));
        Engine fresh;
        try {
            Knowledge k = Knowledge.load(options.layers().get());
            fresh = new Engine(k, RuleBase.compile(k));
        } catch (KnowledgeError e) {
            console.println(style.bad() + " error: " + e.describe());
            console.println(style.dim("kept the previous rules"));
            return;
        }
        setEngine(fresh);
        for (String note : session.retype(fresh.knowledge().vocabulary())) console.println(style.dim("note: " + note));
        console.println(style.ok() + " reloaded: " + fresh.knowledge().ruleSources().size() + " rule file(s), "
                + fresh.knowledge().causes().size() + " cause(s)");
        if (!session.isEmpty()) advance();
    }

    // ---- leaving ----

    private Status leave() {
        useEngine();
        Outcome o = outcome != null ? outcome : session.evaluate(engine, options.threshold());
        String last = switch (o.status()) {
            case DIAGNOSED, ADVICE -> o.status().label() + ": " + o.top().cause();
            case INCONCLUSIVE -> "inconclusive" + (o.top() == null ? "" : ", leading " + o.top().cause());
            default -> o.status().label();
        };
        console.println(style.dim("bye (" + last + ")"));
        if (resultOut != null && options.format() != Format.TEXT) {
            resultOut.println(render(o, options.format()));
            resultOut.flush();
        }
        return o.status();
    }

    /** The final result in json (the batch case object) or markdown (the session report). */
    String render(Outcome o, Format format) {
        if (format == Format.MARKDOWN) return SessionFiles.markdown(session, o, engine.knowledge(), options.threshold());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(CaseView.of(o, engine.knowledge(), options.verbose()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
