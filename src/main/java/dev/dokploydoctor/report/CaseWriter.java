package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Outcome;

import java.io.IOException;

/** Writes outcomes as they come (streamed), then a summary. One per output format. */
public interface CaseWriter extends AutoCloseable {
    void write(Outcome outcome) throws IOException;

    /** After the last case: the summary (if the format has one), then flush. */
    void finish(Summary summary) throws IOException;

    @Override default void close() throws IOException {}
}
