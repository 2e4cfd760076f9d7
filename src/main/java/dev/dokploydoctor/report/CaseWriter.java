package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Outcome;

import java.io.IOException;

/** Writes outcomes as they come (streamed), then a summary. One per output format. */
public interface CaseWriter extends AutoCloseable {
    /**
     * Render an outcome ready for writing. Thread-safe and called on the worker threads, so the
     * costly part (views, JSON bytes, text) runs in parallel; {@link #write} only writes it.
     */
    default Object prepare(Outcome outcome) throws IOException { return outcome; }

    /** Write a prepared outcome, in input order. */
    void write(Outcome outcome, Object prepared) throws IOException;

    default void write(Outcome outcome) throws IOException { write(outcome, prepare(outcome)); }

    /** Write a prepared outcome that came from line {@code line} of the input (0: unknown); SARIF points at it. */
    default void write(Outcome outcome, Object prepared, int line) throws IOException { write(outcome, prepared); }

    /** After the last case: the summary (if the format has one), then flush. */
    void finish(Summary summary) throws IOException;

    @Override default void close() throws IOException {}
}
