package dev.dokploydoctor.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Docker engine at {@code ssh://[user@]host[:port]}: OpenSSH forwards a private local unix
 * socket to the remote engine's socket ({@code ssh -L LOCAL.sock:/var/run/docker.sock}), and
 * docker-java talks to the local socket as to any other.
 *
 * <p>Why a socket forward and not {@code docker system dial-stdio} (what the docker CLI runs): the
 * zerodep transport of docker-java 3.7.0 opens its own sockets from the URI scheme (unix, tcp,
 * npipe) and has no hook for a connection made of a process's stdin/stdout; and the probes open
 * several connections at once (list, inspects, execs, logs in parallel), while one dial-stdio is
 * one connection, i.e. one ssh process and handshake each. One forward carries them all over one
 * ssh connection and needs no docker CLI on the remote host; sshd must allow local forwarding
 * (AllowTcpForwarding yes or local, and AllowStreamLocalForwarding: both yes by default; with
 * AllowTcpForwarding no, sshd denies socket forwards too). The remote socket is /var/run/docker.sock, or
 * DOKPLOY_DOCTOR_REMOTE_SOCKET. Extra ssh options (an identity file, a config file) come from
 * ~/.ssh/config or DOKPLOY_DOCTOR_SSH_OPTS; ssh runs with BatchMode=yes, so it never prompts.
 */
final class SshTunnel implements AutoCloseable {
    static final String REMOTE_SOCKET = "/var/run/docker.sock";

    /** ssh://[user@]host[:port], as the docker CLI takes it (no path). */
    record Target(String user, String host, int port) {
        static Target parse(String url) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new DockerEndpoint.EndpointError("not an ssh URL: " + url + " (ssh://[user@]host[:port])");
            }
            if (uri.getHost() == null) throw new DockerEndpoint.EndpointError("no host in " + url + " (ssh://[user@]host[:port])");
            if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
                throw new DockerEndpoint.EndpointError("extra path after the host in " + url + " (the docker CLI refuses it too)");
            }
            return new Target(uri.getUserInfo(), uri.getHost(), uri.getPort());
        }

        String destination() { return user == null ? host : user + "@" + host; }
    }

    private final Process ssh;
    private final Path dir;
    private final Path socket;
    private final Thread cleanup;

    private SshTunnel(Process ssh, Path dir, Path socket) {
        this.ssh = ssh;
        this.dir = dir;
        this.socket = socket;
        this.cleanup = new Thread(this::stop, "ssh-tunnel-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** The local end, for docker-java: unix:///tmp/dokploy-doctor-ssh-.../docker.sock */
    String dockerHost() { return "unix://" + socket; }

    static List<String> command(Target t, Path localSocket, Duration timeout, Map<String, String> env) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "ExitOnForwardFailure=yes",
                "-o", "ConnectTimeout=" + Math.max(1, timeout.toSeconds()), "-o", "ServerAliveInterval=15", "-nNT"));
        if (t.port() > 0) cmd.addAll(List.of("-p", String.valueOf(t.port())));
        String extra = env.get("DOKPLOY_DOCTOR_SSH_OPTS");
        if (extra != null && !extra.isBlank()) cmd.addAll(List.of(extra.strip().split("\\s+")));
        String remote = env.getOrDefault("DOKPLOY_DOCTOR_REMOTE_SOCKET", REMOTE_SOCKET);
        cmd.addAll(List.of("-L", localSocket + ":" + remote, "--", t.destination()));
        return cmd;
    }

    /** Start ssh and wait until the local socket is there (or ssh gave up, or the timeout passed). */
    static SshTunnel open(String url, Duration timeout, Map<String, String> env) {
        Target t = Target.parse(url);
        Path dir;
        try {
            dir = Files.createTempDirectory("dokploy-doctor-ssh-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a private folder for the ssh socket: " + e.getMessage(), e);
        }
        Path socket = dir.resolve("docker.sock");
        Process p;
        try {
            p = new ProcessBuilder(command(t, socket, timeout, env)).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            deleteAll(dir);
            throw new Probe.CouldNotCheck("cannot run ssh for " + url + " (" + e.getMessage() + "): install the OpenSSH client", e);
        }
        SshTunnel tunnel = new SshTunnel(p, dir, socket);
        long deadline = System.nanoTime() + Math.max(timeout.toNanos(), Duration.ofSeconds(1).toNanos());
        while (!Files.exists(socket)) {
            if (!p.isAlive()) {
                String err = read(p.getErrorStream());
                tunnel.close();
                throw new Probe.CouldNotCheck("ssh to " + t.destination() + (t.port() > 0 ? " port " + t.port() : "") + " failed"
                        + (err.isBlank() ? " (exit " + p.exitValue() + ")" : ": " + lastLine(err))
                        + " (ssh runs with BatchMode=yes: the key must work without a prompt)");
            }
            if (System.nanoTime() > deadline) {
                tunnel.close();
                throw new Probe.CouldNotCheck("ssh to " + t.destination() + " did not connect within " + Probes.seconds(timeout)
                        + " (raise --probe-timeout)");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tunnel.close();
                throw new Probe.CouldNotCheck("interrupted while connecting over ssh");
            }
        }
        return tunnel;
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private void stop() {
        ssh.destroy();
        try {
            if (!ssh.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) ssh.destroyForcibly();
        } catch (InterruptedException e) {
            ssh.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteAll(dir);
    }

    @Override public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook runs (stop is idempotent)
        }
    }

    private static void deleteAll(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
