package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.knowledge.QuestionText;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.similar.SimilarVote;
import dev.dokploydoctor.probe.ProbeTarget;
import dev.dokploydoctor.report.Style;
import dev.dokploydoctor.similar.FieldLibrary;

import java.util.ArrayList;
import java.util.List;

/**
 * What each of the three prompts does with what the user types: the opening ("What do you see?"),
 * a question, and the command prompt. A command works at all three; text that is not an answer is
 * more of what the user sees. Each returns false when the user leaves.
 */
final class Prompts {
    private final Conversation c;
    private final ReplState state;
    private final ReplView view;
    private final Prompter prompter;
    private final Commands commands;
    private final ReplOptions options;

    Prompts(Conversation conversation, ReplState state, ReplView view, Prompter prompter, Commands commands, ReplOptions options) {
        this.c = conversation;
        this.state = state;
        this.view = view;
        this.prompter = prompter;
        this.commands = commands;
        this.options = options;
    }

    boolean opening() throws Console.Woken {
        if (!state.openingShown) {
            view.opening();
            state.openingShown = true;
        }
        Timing.mark("first prompt");
        c.dockerNoticeAtOpening();
        String line = freeLine("> ");
        if (line == null) return false;
        if (line.isBlank()) return true;
        Command command = Command.parse(line);
        if (command != null) return commands.run(command);
        Knowledge k = c.knowledge();
        Opening.Parsed parsed = Opening.parse(line, k.vocabulary(), k::textExtraction);
        boolean allWell = false;
        String notUnderstood;
        boolean readSomething = Opening.reportsSomething(parsed, k.vocabulary());
        if (!readSomething && AllWell.says(line)) {
            // "everything works fine, no problem": no fault by the user's account, and no all-clear either
            // until the probes have looked (Conversation says which)
            allWell = true;
        } else if (!readSomething
                && (notUnderstood = NotUnderstood.said(line, parsed.facts().isEmpty(), () -> FieldLibrary.of(k))) != null) {
            // a lone command word or gibberish: no fault is noted and nothing asked on it (user24)
            view.println(style().warn() + " " + notUnderstood);
            view.dim(NotUnderstood.HELP);
            return true;
        } else if (!readSomething) {
            // the user came because something is wrong: say what was not understood, and ask
            view.println(style().warn() + " I did not recognise a symptom in that, so I will ask what I need."
                    + style().dim(" (a status code, an error message or a number from the list is quicker)"));
            parsed = Opening.withReportedFault(parsed, line, k.vocabulary());
        }
        // the vote leaves out reports whose cause the text's own facts rule out (a loopback bind beside a log
        // line that says 0.0.0.0, user24): the rules judge the parsed facts once, before the vote is shown
        c.useEngine();
        List<Fact> opened = parsed.text() == null ? parsed.facts()
                : Opening.withSimilarVote(parsed, k, SimilarVote.of(k), c.engine().refutedBy(parsed.facts(), c.threshold()));
        state.session.add(Session.Kind.OPENING, "what you see", opened, parsed.text(), true);
        if (allWell && parsed.facts().isEmpty()) view.dim("  noted: all is well, by your account");
        else view.noted(parsed.facts());
        // the vote of the nearest field reports is no fact the user stated: said apart, so that a
        // cause leading at 0.15 has its reason on screen ('similar' lists the reports)
        for (Fact f : opened) {
            if (parsed.facts().contains(f) || f.getEvidence() == null) continue;
            int links = f.getEvidence().indexOf(" (");
            view.dim("  " + (links > 0 ? f.getEvidence().substring(0, links) : f.getEvidence()) + " (type 'similar' for reports like yours)");
        }
        if (parsed.url() != null && options.probe() && options.target().url() == null) {
            ProbeTarget t = options.target();
            c.watch(ProbeRunner.start(new ProbeTarget(t.service(), t.project(), parsed.url()), options.probeTimeout(), k.vocabulary()));
        }
        c.useEngine();
        if (allWell) c.allWell();
        else c.advance();
        return true;
    }

    boolean question() throws Console.Woken {
        if (c.absorbProbes(false)) {
            c.advance();
            return true;
        }
        if (state.plan == null) {
            state.mode = ReplState.Mode.COMMANDS;
            return true;
        }
        Question q = state.plan.question();
        if (q.spec() != null && q.spec().probe() != null && c.probesPending()) {
            view.dim("  checking (" + q.spec().probe() + ")...");
            c.absorbProbes(true);
            c.advance();
            return true;
        }
        view.question(q.key(), QuestionText.filled(q.text(), state.session::value),
                q.spec(), null);
        String keep = EarlierText.keepHint(q.spec(), state.session);
        if (keep != null) view.dim("  " + keep);
        boolean lookedBack = false;
        while (true) {
            String line;
            try {
                line = prompter.answer(q.spec());
            } catch (Console.Interrupted e) {
                view.dim("(question cancelled; 'next' asks it again, 'help' lists commands)");
                state.mode = ReplState.Mode.COMMANDS;
                return true;
            }
            if (line == null) return false;
            Command command = Command.parse(line);
            if (command != null) return commands.run(command);
            c.useEngine();
            AnswerReading read = AnswerReading.read(line, q.spec(), c.engine().extraction(), k -> state.session.fact(k) != null,
                    c.knowledge().implications().entries().stream().anyMatch(i -> i.answered() && i.when().equals(q.key())),
                    state.session::value, state.session.facts());
            Reply reply = read.reply();
            // "yes" to a value the text gave: the user's look found what was read
            Reply.Value kept = reply instanceof Reply.Value ? null : EarlierText.confirmed(line, q.spec(), state.session);
            if (kept != null) reply = kept;
            if (!(reply instanceof Reply.Value) && ProseAnswer.refersBack(line)) {
                // "I told you": what the earlier text said is the answer; said nothing, it is asked once more
                Reply.Value earlier = EarlierText.answer(q.key(), state.session);
                Reply.Value restated = earlier != null ? null : EarlierText.restated(line, q.spec(), state.session, state.session::value);
                if (earlier != null) {
                    reply = earlier;
                } else if (restated != null) {
                    reply = restated;
                } else if (!lookedBack) {
                    lookedBack = true;
                    view.invalid(EarlierText.notFound(q.key(), state.session), q.spec());
                    continue;
                }
            }
            if (reply instanceof Reply.Invalid) {
                // a sentence whose facts imply one of the choices ("the browser says too many redirects")
                Reply.Value implied = AnswerReading.impliedChoice(q.spec(), read.alsoSaid(), c.knowledge().implications(), c.knowledge().vocabulary());
                if (implied != null) reply = implied;
            }
            if (reply instanceof Reply.Invalid invalid) {
                // counted across re-plans: the same question asked again after the rest was noted goes on counting
                int unread = state.unreadAnswers.merge(q.key(), 1, Integer::sum);
                // an error message pasted instead of an answer is more of what the user sees
                correct(read, q.key(), line);
                if (!read.alsoSaid().isEmpty()) {
                    boolean last = unread >= AnswerReading.UNREAD_LIMIT;
                    // never a silent repeat: say why the answer was not taken before what else it told
                    view.invalid(invalid.message() + "; " + q.key() + (last ? " counts as not known" : " stays open") + ", the rest is noted", q.spec());
                    view.noted(state.session.add(Session.Kind.TEXT, "more text", read.alsoSaid(), line, false));
                    if (last) state.session.answer(q.key(), q.text(), Session.NOT_READ + line, null);
                    c.advance();
                    return true;
                }
                if (unread < AnswerReading.UNREAD_LIMIT) {
                    view.invalid(invalid.message(), q.spec());
                    continue;
                }
                // never loop: a question answered twice in a way we cannot read is not known
                view.dim("  I could not read that either, so " + q.key() + " counts as not known ('change "
                        + q.key() + "' sets it later).");
                state.session.answer(q.key(), q.text(), Session.NOT_READ + line, null);
                c.advance();
                return true;
            }
            Fact fact = reply instanceof Reply.Value v ? new Fact(q.key(), v.value(), Fact.USER, "answered") : null;
            state.session.answer(q.key(), q.text(), fact == null ? "unknown" : fact.getText(), fact);
            state.unreadAnswers.remove(q.key());
            if (fact != null && ((Reply.Value) reply).inSentence()) view.dim("  read as: " + q.key() + " = " + fact.getText());
            if (reply instanceof Reply.Unknown u && u.because() != null) view.dim("  read as: " + u.because() + "; " + q.key() + " stays unknown");
            correct(read, q.key(), line);
            if (!read.alsoSaid().isEmpty()) {
                view.noted(state.session.add(Session.Kind.TEXT, Session.MORE_IN_ANSWER + q.key(), read.alsoSaid(), line, false));
            }
            c.advance();
            return true;
        }
    }

    /** The user's word over what was read from their text ("no, there is no cloudflared at all"): recorded over it, undone with the answer. */
    private void correct(AnswerReading read, String key, String line) {
        if (read.corrected().isEmpty()) return;
        view.noted(state.session.add(Session.Kind.TEXT, Session.CORRECTED_IN_ANSWER + key, read.corrected(), line, true));
    }

    boolean commandPrompt() throws Console.Woken {
        String line = freeLine("doctor> ");
        if (line == null) return false;
        if (line.isBlank()) return true;
        Command command = Command.parse(line);
        if (command != null) return commands.run(command);
        // anything else is more of what the user sees: run it through the extractors
        if (!takeAsText(line)) view.dim("Nothing new in that (not a command, no known error text). 'help' lists commands.");
        return true;
    }

    /** A line at the opening or the command prompt (null: the user left); Ctrl-C says how to leave and reads as nothing. */
    private String freeLine(String prompt) throws Console.Woken {
        try {
            return prompter.line(prompt);
        } catch (Console.Interrupted e) {
            view.dim("(Ctrl-D or 'quit' leaves)");
            return "";
        }
    }

    /** Text with something new in it (an error line): noted, then the interview goes on; false when nothing new. */
    private boolean takeAsText(String line) {
        c.useEngine();
        List<Fact> found = new ArrayList<>();
        for (Fact f : c.engine().extraction().extract(line)) if (state.session.fact(f.getKey()) == null) found.add(f);
        if (found.isEmpty()) return false;
        view.noted(state.session.add(Session.Kind.TEXT, "more text", found, line, false));
        c.advance();
        return true;
    }

    private Style style() { return view.style(); }
}
