package dev.dokploydoctor.repl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.report.CaseView;
import dev.dokploydoctor.report.Format;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/** The end of a session: the "bye" line, the result in json or markdown when asked for, the final status. */
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
        String last = switch (o.status()) {
            case DIAGNOSED, ADVICE -> o.status().label() + ": " + o.top().cause();
            case INCONCLUSIVE -> "inconclusive" + (o.top() == null ? "" : ", leading " + o.top().cause());
            default -> o.status().label();
        };
        view.dim("bye (" + last + ")");
        if (resultOut != null && options.format() != Format.TEXT) {
            resultOut.println(render(o, session, engine, options.format()));
            resultOut.flush();
        }
        return o.status();
    }

    /** The final result in json (the batch case object) or markdown (the session report). */
    String render(Outcome o, Session session, Engine engine, Format format) {
        if (format == Format.MARKDOWN) return SessionFiles.markdown(session, o, engine.knowledge(), options.threshold());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(CaseView.of(o, engine.knowledge(), options.verbose()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
