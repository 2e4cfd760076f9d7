package dev.dokploydoctor.repl;

import java.time.Duration;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/** A running session the test types into and reads: through pipes or through a tmux terminal. */
interface Driver extends AutoCloseable {
    /** Type a line and press Enter. */
    void line(String text);

    /** Everything the session has shown so far (the conversation). */
    String output();

    boolean exited();

    @Override void close();

    /** Wait until the output after {@code from} matches; fails with the output when the deadline passes. */
    default String waitFor(Pattern pattern, int from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String out = output();
            String tail = out.length() > from ? out.substring(from) : "";
            if (pattern.matcher(tail).find()) return out;
            if (System.nanoTime() > deadline) fail("timed out waiting for /" + pattern + "/; the session shows:\n" + out);
            sleep(30);
        }
    }

    default String waitFor(String regex, int from) {
        return waitFor(Pattern.compile(regex, Pattern.MULTILINE), from, Duration.ofSeconds(90));
    }

    /** Wait until the session waits at {@code prompt} with output past {@code from} (before pressing Ctrl-C or Ctrl-D). */
    default void waitForPrompt(String prompt, int from) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!(output().length() > from && atPrompt(prompt))) {
            if (System.nanoTime() > deadline) fail("timed out waiting for the prompt '" + prompt + "'; the session shows:\n" + output());
            sleep(30);
        }
    }

    /** The output ends at an empty prompt ("> " or "doctor> "): the session waits for input. */
    default boolean atPrompt(String prompt) {
        String out = output().stripTrailing();
        int nl = out.lastIndexOf('\n');
        return out.substring(nl + 1).equals(prompt.strip());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
