package dev.dokploydoctor.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real program with stdin and stdout/stderr on pipes (no terminal): the non-tty mode. With
 * {@code --format json|markdown} the conversation is on stderr and the result on stdout.
 */
final class PipedDriver implements Driver {
    private final Process process;
    private final OutputStream stdin;
    private final StringBuffer talk = new StringBuffer();
    private final ByteArrayOutputStream result = new ByteArrayOutputStream();
    private final Thread talkReader;
    private final Thread resultReader;

    private PipedDriver(Process process, boolean talkOnStderr) {
        this.process = process;
        this.stdin = process.getOutputStream();
        InputStream talkStream = talkOnStderr ? process.getErrorStream() : process.getInputStream();
        InputStream resultStream = talkOnStderr ? process.getInputStream() : process.getErrorStream();
        talkReader = pump(talkStream, bytes -> talk.append(new String(bytes, StandardCharsets.UTF_8)));
        resultReader = pump(resultStream, bytes -> { synchronized (result) { result.writeBytes(bytes); } });
    }

    static PipedDriver start(Path home, Map<String, String> extraEnv, List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(Program.command(args)).directory(Program.projectDir().toFile());
        pb.environment().putAll(Program.environment(home));
        pb.environment().put("TERM", "xterm-256color"); // a colour-capable TERM: piped output must still be plain
        pb.environment().remove("NO_COLOR");
        pb.environment().remove("DOKPLOY_DOCTOR_DEBUG");
        pb.environment().putAll(extraEnv);
        boolean talkOnStderr = args.contains("json") || args.contains("markdown");
        try {
            return new PipedDriver(pb.start(), talkOnStderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Thread pump(InputStream in, java.util.function.Consumer<byte[]> sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) > 0) sink.accept(java.util.Arrays.copyOf(buf, n));
            } catch (IOException e) {
                // the process ended
            }
        }, "pipe-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override public void line(String text) {
        try {
            stdin.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the program no longer reads its input; it showed:\n" + output(), e);
        }
    }

    /** End of input, as Ctrl-D or the end of a piped file. */
    void endInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Wait for the exit (ending the input first); returns the exit code. */
    int exitCode() {
        endInput();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the program did not exit; it showed:\n" + output());
            }
            talkReader.join(5000);
            resultReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    @Override public String output() { return talk.toString(); }

    /** The other stream: the result (json/markdown) or, in text mode, stderr. */
    String result() {
        synchronized (result) { return result.toString(StandardCharsets.UTF_8); }
    }

    @Override public boolean exited() { return !process.isAlive(); }

    @Override public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
