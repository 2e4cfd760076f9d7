package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.RuleBase;
import dev.dokploydoctor.knowledge.QuestionText;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Vocabulary;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Suggest;
import dev.dokploydoctor.report.OutcomeView;
import dev.dokploydoctor.report.SimilarLookup;
import dev.dokploydoctor.report.Style;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands of {@link Command#SPECS}, one handler each, usable at every prompt. Only help and
 * quit answer without the rules; the others wait for them (the first prompt shows while they compile).
 */
final class Commands {
    /** A command's action; false means leave the session. */
    interface Handler {
        boolean run(String arg) throws Console.Woken;
    }

    private final Conversation c;
    private final ReplState state;
    private final ReplView view;
    private final Style style;
    private final Map<String, Handler> handlers = new LinkedHashMap<>();
    private SimilarLookup similar;

    Commands(Conversation conversation, ReplState state, ReplView view) {
        this.c = conversation;
        this.state = state;
        this.view = view;
        this.style = view.style();
        handlers.put("help", a -> say(Command.help()));
        handlers.put("quit", a -> false);
        handlers.put("why", a -> say(state.session.isEmpty() ? "Nothing asked yet: tell me what you see first, and 'why' then explains each question."
                : state.mode != ReplState.Mode.QUESTIONS && state.ending != null
                        ? c.words().whyEnded(state.ending, c.current(), c.ignoringUnknown(), state.session.unread())
                        : c.words().why(state.mode == ReplState.Mode.QUESTIONS ? state.plan : null, c.current(), this::withAnswer)));
        handlers.put("how", a -> say(c.words().how(c.words().resolveCause(a, c.current()), c.current())));
        handlers.put("why-not", a -> a == null ? say("usage: why-not <cause> (Tab lists the causes)")
                : say(c.words().whyNot(c.words().resolveCause(a, c.current()), c.current(), c.ignoringUnknown())));
        handlers.put("explain", a -> say(c.words().explain(c.words().resolveCause(a, c.current()), c.current())));
        handlers.put("facts", a -> say(c.words().facts(c.current())));
        handlers.put("similar", a -> similar());
        handlers.put("undo", a -> undo());
        handlers.put("change", this::change);
        handlers.put("next", a -> next());
        handlers.put("restart", a -> {
            state.startOver();
            return say("Starting over.");
        });
        handlers.put("example", this::example);
        handlers.put("save", this::save);
        handlers.put("report", this::report);
        handlers.put("reload", a -> reload());
        for (Command.Spec s : Command.SPECS) {
            if (!handlers.containsKey(s.name())) throw new IllegalStateException("no handler for command " + s.name());
        }
    }

    /** Run a command; false means leave. */
    boolean run(Command command) throws Console.Woken {
        Handler h = handlers.get(command.name());
        if (!command.name().equals("help") && !command.name().equals("quit")) c.useEngine();
        try {
            return h.run(command.arg());
        } catch (IllegalArgumentException e) {
            view.error(e.getMessage());
            return true;
        }
    }

    private boolean say(String text) {
        view.println(text);
        return true;
    }

    /** Similar field reports beside the session (issue 12): shown, never used as evidence. */
    private boolean similar() {
        if (similar == null || similar.knowledge() != c.engine().knowledge()) similar = new SimilarLookup(c.engine().knowledge());
        List<OutcomeView.SimilarView> found = similar.find(c.current());
        if (found.isEmpty()) return say("No field report is like this session yet: tell me what you see first.");
        StringBuilder sb = new StringBuilder("Field reports like this one (they do not change the diagnosis):\n");
        for (OutcomeView.SimilarView v : found) {
            sb.append("  ").append(v.link()).append("  ").append(style.bold(v.cause())).append('\n');
            if (v.fix() != null && !v.fix().isBlank()) sb.append("      fixed by: ").append(v.fix()).append('\n');
        }
        return say(sb.toString().stripTrailing());
    }

    private boolean undo() {
        Session.Step s = state.session.undoAnswer();
        if (s == null) return say("Nothing to undo.");
        view.dim("undone: " + (s.exchange() != null ? s.exchange().key() + " = " + s.exchange().answer() : s.label()));
        if (state.session.isEmpty()) state.reset();
        else c.advance();
        return true;
    }

    private boolean next() {
        if (state.outcome == null) return say("Tell me first what you see.");
        c.plan();
        if (state.plan == null) return say("No open questions: " + state.outcome.status().label() + ".");
        state.mode = ReplState.Mode.QUESTIONS;
        return true;
    }

    private boolean change(String key) throws Console.Woken {
        if (key == null) return say("usage: change <key> (Tab lists the facts you gave)");
        Engine engine = c.engine();
        FactSpec spec = engine.knowledge().vocabulary().get(key);
        if (spec == null) {
            String hint = Suggest.nearest(key, engine.knowledge().vocabulary().keys());
            throw new IllegalArgumentException("unknown fact key '" + key + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
        if (Vocabulary.collectedFromTextOnly(key)) throw new IllegalArgumentException(Vocabulary.textOnlyRefusal(key));
        Fact now = state.session.fact(key);
        String question = spec.question() != null
                ? QuestionText.filled(spec.question(), state.session::value)
                : "What is " + key + "?";
        view.question(key, question, spec, now != null ? now.getText() + " (" + Explanations.sourceOf(now) + ")"
                : state.session.unknown().contains(key) ? "unknown" : null);
        while (true) {
            String line;
            try {
                line = c.prompter().answer(spec);
            } catch (Console.Interrupted e) {
                view.dim("(change cancelled)");
                return true;
            }
            if (line == null) return true;
            // a command typed instead of the new value ('similar', 'report', 'quit') leaves the change and runs, as
            // it does at any other question (user22 s9: 'similar' after 'change http.status' was "expected a whole number")
            Command command = Command.parse(line);
            if (command != null) {
                view.dim("(change cancelled)");
                return run(command);
            }
            Reply reply = Reply.parse(line, spec);
            if (reply instanceof Reply.Invalid invalid) {
                view.error(invalid.message());
                continue;
            }
            Fact fact = reply instanceof Reply.Value v ? new Fact(key, v.value(), Fact.USER, "changed") : null;
            state.session.change(key, question, fact == null ? "unknown" : fact.getText(), fact);
            c.advance();
            return true;
        }
    }

    private boolean example(String id) {
        Map<String, CaseInput> all = c.examples();
        if (all.isEmpty()) return say("No bundled examples found (knowledge/examples/" + Examples.FILE + ").");
        if (id == null) {
            view.println("Bundled examples ('example <id>' loads one):");
            for (CaseInput e : all.values()) {
                String text = e.text() == null || e.text().isBlank() ? e.facts().toString() : e.text().replaceAll("\\s+", " ");
                view.println("  " + style.bold(e.id()) + "  " + style.dim(text.length() > 90 ? text.substring(0, 87) + "..." : text));
            }
            return true;
        }
        CaseInput e = all.get(id);
        if (e == null) {
            String hint = Suggest.nearest(id, all.keySet());
            throw new IllegalArgumentException("no example '" + id + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        }
        state.startOver();
        state.openingShown = true;
        state.session.add(Session.Kind.EXAMPLE, "example " + id, c.engine().factsOf(e), e.text(), true);
        if (!e.unknown().isEmpty()) state.session.markUnknown(Session.Kind.EXAMPLE, "example " + id, e.unknown());
        view.println("Loaded example " + style.bold(id) + (e.text() == null || e.text().isBlank() ? "" : ": " + e.text().strip()));
        c.advance();
        return true;
    }

    private boolean save(String file) {
        if (file == null) return say("usage: save <file.yaml>");
        Path path = Path.of(file);
        String id = Knowledge.stripExtension(path.getFileName().toString());
        SessionFiles.write(path, SessionFiles.caseYaml(state.session, id, state.outcome));
        return say(style.ok() + " saved the session as case '" + id + "' to " + path);
    }

    private boolean report(String file) {
        // nothing told and nothing probed: the Markdown would read "no fault found ... No problems found" (user20 r1)
        if (state.session.isEmpty()) return say("Nothing to report yet: tell me what you see first, then 'report' writes the whole session.");
        String md = SessionFiles.markdown(state.session, c.current(), c.engine().knowledge(), c.threshold());
        if (file == null) return say(md);
        SessionFiles.write(Path.of(file), md);
        return say(style.ok() + " wrote the report to " + file);
    }

    private boolean reload() {
        view.dim("reloading rules and knowledge...");
        Engine fresh;
        try {
            Knowledge k = Knowledge.load(c.layers());
            fresh = new Engine(k, RuleBase.compile(k));
        } catch (KnowledgeError e) {
            view.error("error: " + e.describe());
            view.dim("kept the previous rules");
            return true;
        }
        c.setEngine(fresh);
        for (String note : state.session.retype(fresh.knowledge().vocabulary())) view.dim("note: " + note);
        view.println(style.ok() + " reloaded: " + fresh.knowledge().ruleSources().size() + " rule file(s), "
                + fresh.knowledge().causes().size() + " cause(s)");
        if (!state.session.isEmpty()) c.advance();
        return true;
    }

    /** The session evaluated with one more answer (what 'why' says an answer would lead to). */
    private Outcome withAnswer(Fact answer) {
        List<Fact> facts = new java.util.ArrayList<>(state.session.facts());
        facts.removeIf(f -> f.getKey().equals(answer.getKey()));
        facts.add(answer);
        java.util.Set<String> unknown = new java.util.HashSet<>(state.session.unknown());
        unknown.remove(answer.getKey());
        return c.engine().evaluate(state.session.id(), facts, unknown, c.threshold());
    }
}
