package dev.dokploydoctor.repl;

import dev.dokploydoctor.report.Style;

import java.util.List;

/**
 * Where the conversation reads and writes: a real terminal (JLine: editing, Tab completion,
 * history, colours) or plain lines (piped stdin, dumb output, no cursor tricks).
 */
public interface Console extends AutoCloseable {
    /** Ctrl-C at a prompt: cancel what is being asked. */
    final class Interrupted extends Exception {
        public Interrupted() { super("interrupted", null, false, false); }
    }

    /** The read was cut short from another thread (see {@link #wake()}). */
    final class Woken extends Exception {
        public Woken() { super("woken", null, false, false); }
    }

    /** Tab completion: candidates for the word at {@code wordIndex} of the line typed so far. */
    interface Completion {
        List<String> complete(List<String> words, int wordIndex);
        /** True when the word at {@code wordIndex} is a file name (save, report). */
        default boolean wantsFile(List<String> words, int wordIndex) { return false; }
    }

    /** Read a line after {@code prompt}; null at end of input (Ctrl-D, EOF). */
    String readLine(String prompt) throws Interrupted, Woken;

    void println(String text);

    Style style();

    /** True on a real terminal (prompts are editable, Ctrl-C reaches us). */
    boolean interactive();

    void setCompletion(Completion completion);

    /** Interrupt a read in progress from another thread; the reader gets {@link Woken}. */
    void wake();

    @Override void close();
}
