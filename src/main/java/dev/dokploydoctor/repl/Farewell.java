package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.report.Format;

import java.io.PrintStream;
import java.util.List;

/** The end of a session: the "bye" line, the result in json or markdown when asked for (as diagnose prints it), the final status. */
final class Farewell {
    private final ReplView view;
    private final PrintStream resultOut;
    private final ReplOptions options;

    Farewell(ReplView view, PrintStream resultOut, ReplOptions options) {
        this.view = view;
        this.resultOut = resultOut;
        this.options = options;
    }

    /** Said when the user leaves before telling anything: "no fault" would be an all-clear nobody earned. */
    static final String NOTHING_TOLD = "nothing was described or answered, so nothing was diagnosed: run it again and say what you see";

    Status leave(Outcome o, Session session, Engine engine) {
        if (o.status() == Status.NO_FAULT && !session.userToldAnything()) o = o.notChecked(List.of(NOTHING_TOLD));
        String last = !session.userToldAnything() && o.status() == Status.INCONCLUSIVE ? "inconclusive: nothing was described"
                : o.status().isConclusive() ? o.status().label() + ": " + o.top().cause()
                : o.status() == Status.INCONCLUSIVE ? "inconclusive" + (o.top() == null ? "" : ", leading " + o.top().cause())
                : o.status().label();
        // what kept it from an all-clear (a probe that could not look), said before leaving
        if (session.userToldAnything() && o.status() == Status.INCONCLUSIVE) {
            for (String g : o.unchecked()) view.println("  " + view.style().warn() + " not checked: " + g);
        }
        view.dim("bye (" + last + ")");
        if (resultOut != null && options.format() != Format.TEXT) {
            resultOut.println(SessionFiles.result(options.format(), session, o, engine.knowledge(), options.threshold(),
                    options.verbose(), view.style()));
            resultOut.flush();
        }
        return o.status();
    }
}
