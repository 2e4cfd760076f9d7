package dev.dokploydoctor.repl;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real program in a real terminal: a detached tmux session (120x40) on a private socket. Keys
 * go in with send-keys, the screen (with its scrollback) comes back with capture-pane. After the
 * program ends the pane shows "[exit N]".
 */
final class TmuxDriver implements Driver {
    private final String socket;

    private TmuxDriver(String socket) { this.socket = socket; }

    /** Skip without tmux on a developer's machine; fail in CI (DOKPLOY_DOCTOR_REQUIRE_DOCKER=1). */
    static void requireTmux() {
        boolean present;
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            present = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (present) return;
        if ("1".equals(System.getenv("DOKPLOY_DOCTOR_REQUIRE_DOCKER"))) fail("tmux is required for the terminal tests (apt-get install -y tmux)");
        Assumptions.abort("tmux is not installed");
    }

    static TmuxDriver start(Path home, Map<String, String> extraEnv, List<String> args) {
        StringBuilder cmd = new StringBuilder("cd ").append(quote(Program.projectDir().toString())).append(" && env -u NO_COLOR -u DOKPLOY_DOCTOR_DEBUG");
        Map<String, String> env = new java.util.TreeMap<>(Program.environment(home));
        env.putAll(extraEnv);
        env.forEach((k, v) -> cmd.append(' ').append(k).append('=').append(quote(v)));
        for (String part : Program.command(args)) cmd.append(' ').append(quote(part));
        cmd.append("; echo \"[exit $?]\"; exec sleep 900");
        TmuxDriver d = new TmuxDriver("dokploy-doctor-test-" + UUID.randomUUID().toString().substring(0, 8));
        d.tmux("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", "s", "sh", "-c", cmd.toString());
        return d;
    }

    /** Type text literally and press Enter. */
    @Override public void line(String text) {
        if (!text.isEmpty()) tmux("send-keys", "-t", "s", "-l", text);
        tmux("send-keys", "-t", "s", "Enter");
    }

    /** Type text literally, without Enter. */
    void type(String text) { tmux("send-keys", "-t", "s", "-l", text); }

    /** Press keys by name: C-c, C-d, Tab, Enter. */
    void keys(String... names) {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "s"));
        cmd.addAll(List.of(names));
        tmux(cmd.toArray(String[]::new));
    }

    /** Paste text as a terminal paste (bracketed, when the program asked for it). */
    void paste(String text) {
        tmux("set-buffer", "-b", "t", text);
        tmux("paste-buffer", "-p", "-d", "-b", "t", "-t", "s");
    }

    /** The whole screen and scrollback, wrapped lines joined, trailing blank rows dropped. */
    @Override public String output() { return tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "s").stripTrailing(); }

    /** The same with colours and attributes as escape sequences. */
    String outputWithEscapes() { return tmux("capture-pane", "-p", "-e", "-J", "-S", "-", "-t", "s"); }

    @Override public boolean exited() { return output().contains("[exit "); }

    @Override public void close() {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the server is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) throw new IllegalStateException("tmux hangs: " + cmd);
            if (p.exitValue() != 0) throw new IllegalStateException("tmux failed (" + p.exitValue() + "): " + cmd + "\n" + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String quote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }
}
