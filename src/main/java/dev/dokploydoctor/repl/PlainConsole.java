package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Redactor;
import dev.dokploydoctor.report.Style;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Line by line, for piped stdin or a stdout that is not a terminal: no colours unless the style
 * says so, no cursor movement. When input does not come from a terminal, each answer is echoed
 * after its prompt so the output reads like the session.
 */
public final class PlainConsole implements Console {
    private final BufferedReader in;
    private final PrintStream out;
    private final Style style;
    private final boolean echo;

    public PlainConsole(InputStream in, PrintStream out, Style style, boolean echo) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
        this.style = style;
        this.echo = echo;
    }

    @Override public String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        String line;
        try {
            line = in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (echo) out.println(line == null ? "" : Redactor.SHAPES.redact(line));   // the echo may go to a log
        return line;
    }

    @Override public void println(String text) {
        out.println(text);
        out.flush();
    }

    /** Whether standard input is a terminal (then the terminal already shows what is typed: no echo). */
    public static boolean stdinIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not Linux: echo, a doubled line is better than a missing one
        }
    }

    @Override public Style style() { return style; }
    @Override public boolean interactive() { return false; }
    @Override public void setCompletion(Completion completion) { /* no completion without a terminal */ }
    @Override public void wake() { /* a plain read cannot be cut short; the caller waits instead */ }
    @Override public void close() { out.flush(); }
}
