package dev.dokploydoctor.repl;

import dev.dokploydoctor.report.Style;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;

/** A real terminal through JLine: line editing, Tab completion, persistent history, Ctrl-C and Ctrl-D. */
public final class TerminalConsole implements Console {
    private final Terminal terminal;
    private final LineReader reader;
    private final Style style;
    private volatile Completion completion;
    private volatile boolean woken;

    public TerminalConsole(Style style, Path historyFile) {
        this.style = style;
        this.terminal = openTerminal();
        // pasted logs are full of quotes, backslashes and '!': none of them may start a continuation or an expansion
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        FileNameCompleter files = new FileNameCompleter();
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("dokploy-doctor").parser(parser)
                .completer((r, line, candidates) -> {
                    Completion c = completion;
                    if (c == null) return;
                    if (c.wantsFile(line.words(), line.wordIndex())) {
                        files.complete(r, line, candidates);
                        return;
                    }
                    for (String s : c.complete(new ArrayList<>(line.words()), line.wordIndex())) candidates.add(new Candidate(s));
                })
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "... ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        if (historyFile != null) builder.variable(LineReader.HISTORY_FILE, historyFile);
        this.reader = builder.build();
    }

    /**
     * The native (JNI) terminal first, without the providers that spawn processes ({@code test -t},
     * {@code stty}) or need Java 22; tmux's terminal types are read as screen's, which JLine knows,
     * instead of asking {@code infocmp}. Each spawn costs a noticeable part of the start-up. If
     * that fails, JLine's usual search (which may fall back to a dumb terminal). Never the grapheme-
     * cluster probe: it queries the terminal and drains the input, which threw away whatever the
     * user typed before the first prompt (a "502" typed while the program starts).
     */
    static Terminal openTerminal() {
        NativeTerminalLibrary.prepare();
        String term = System.getenv("TERM");
        try {
            TerminalBuilder fast = TerminalBuilder.builder().system(true).name("dokploy-doctor").exec(false).ffm(false).dumb(false)
                    .graphemeCluster(false);
            if (term != null && term.startsWith("tmux")) fast.type(term.contains("256color") ? "screen-256color" : "screen");
            return fast.build();
        } catch (IOException | RuntimeException e) {
            try {
                return TerminalBuilder.builder().system(true).name("dokploy-doctor").graphemeCluster(false).build();
            } catch (IOException again) {
                throw new UncheckedIOException("cannot open the terminal", again);
            }
        }
    }

    @Override public String readLine(String prompt) throws Interrupted, Woken {
        woken = false;
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            if (woken) throw new Woken();
            throw new Interrupted();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override public void println(String text) {
        terminal.writer().println(text);
        terminal.writer().flush();
    }

    @Override public Style style() { return style; }
    @Override public boolean interactive() { return true; }
    @Override public void setCompletion(Completion completion) { this.completion = completion; }

    @Override public void wake() {
        woken = true;
        terminal.raise(Terminal.Signal.INT);
    }

    @Override public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            // history is a convenience: a read-only home must not break leaving the session
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // nothing left to restore
        }
    }
}
