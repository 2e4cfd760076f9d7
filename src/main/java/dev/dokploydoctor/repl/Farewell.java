package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.report.Format;

import java.io.PrintStream;

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

    Status leave(Outcome o, Session session, Engine engine) {
        String last = o.status().isConclusive() ? o.status().label() + ": " + o.top().cause()
                : o.status() == Status.INCONCLUSIVE ? "inconclusive" + (o.top() == null ? "" : ", leading " + o.top().cause())
                : o.status().label();
        view.dim("bye (" + last + ")");
        if (resultOut != null && options.format() != Format.TEXT) {
            resultOut.println(SessionFiles.result(options.format(), session, o, engine.knowledge(), options.threshold(),
                    options.verbose(), view.style()));
            resultOut.flush();
        }
        return o.status();
    }
}
