package dev.dokploydoctor.probe;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Read-only access to the Docker Engine API: list, inspect, logs, read a file out of a container,
 * and exec of read-only commands (getent, cat, wget to 127.0.0.1). Nothing here changes the host.
 */
final class DockerAccess implements AutoCloseable {
    /** Output of one exec: what was run (for evidence), its exit code and output. */
    record ExecResult(String command, long exitCode, String stdout, String stderr) {
        /** The command does not exist in the image: exit 126/127 from the runtime, or busybox without that applet. */
        boolean commandMissing() {
            String all = (stdout + stderr).toLowerCase();
            return exitCode == 126 || exitCode == 127 || all.contains("executable file not found") || all.contains("applet not found");
        }

        String output() { return (stdout + stderr).strip(); }
    }

    private static final int MAX_FILE_BYTES = 1 << 20;

    private final DockerClient client;
    private final DockerClient execClient;
    private final String host;
    private final Duration timeout;

    private final SshTunnel tunnel;

    private DockerAccess(DockerClient client, DockerClient execClient, String host, Duration timeout, SshTunnel tunnel) {
        this.client = client;
        this.execClient = execClient;
        this.host = host;
        this.timeout = timeout;
        this.tunnel = tunnel;
    }

    static DockerAccess connect(ProbeEnvironment env, Duration timeout) {
        if (env.dockerHost() != null && env.dockerHost().startsWith("npipe:")) {
            // docker-java would load Windows' kernel32 for a named pipe and fail with a native-library error
            throw new Probe.CouldNotCheck(ProbeContext.DOCKER_UNREACHABLE + " at " + env.dockerHost() + ": a Windows named pipe, which this system does not have: "
                    + "unset DOCKER_HOST, or set it to unix:///var/run/docker.sock or tcp://HOST:2375");
        }
        // ssh://: OpenSSH forwards a local socket to the remote engine (SshTunnel says why not dial-stdio)
        SshTunnel tunnel = env.dockerOverSsh() ? SshTunnel.open(env.dockerHost(), timeout, System.getenv()) : null;
        try {
            return connect(env, timeout, tunnel);
        } catch (RuntimeException e) {
            if (tunnel != null) tunnel.close();
            throw e;
        }
    }

    private static DockerAccess connect(ProbeEnvironment env, Duration timeout, SshTunnel tunnel) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (tunnel != null) builder.withDockerHost(tunnel.dockerHost());
        else if (env.dockerHost() != null) builder.withDockerHost(env.dockerHost());
        DefaultDockerClientConfig config = builder.build();
        return new DockerAccess(client(config, timeout, timeout), client(config, max(timeout, EXEC_GRACE), max(timeout, EXEC_GRACE)),
                tunnel != null ? env.dockerHost() : config.getDockerHost().toString(), timeout, tunnel);
    }

    private static DockerClient client(DefaultDockerClientConfig config, Duration connect, Duration response) {
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(connect)
                .responseTimeout(response)
                .maxConnections(32)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static Duration max(Duration a, Duration b) { return a.compareTo(b) >= 0 ? a : b; }

    /**
     * How long an exec's create and start may take to connect and answer, whatever the probe's
     * timeout (the caller stops waiting at that; the exec goes on): a start that could not connect
     * within a short probe timeout on a loaded host left an exec created and never started, which
     * dockerd keeps, and cannot remove, for the container's whole life.
     */
    static final Duration EXEC_GRACE = Duration.ofSeconds(10);

    String host() { return host; }

    String apiVersion() { return client.versionCmd().exec().getApiVersion(); }

    List<Container> containers() { return client.listContainersCmd().withShowAll(true).exec(); }

    Optional<InspectContainerResponse> inspect(String idOrName) {
        try {
            return Optional.of(client.inspectContainerCmd(idOrName).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Run a read-only command in a running container and collect its output. Create and start run on
     * a thread of their own that a probe's timeout does not interrupt: dockerd keeps an exec that was
     * created and never started for as long as the container lives (there is no call to remove one),
     * while one that ran is gone once it exits. The caller may give up waiting; the exec still starts.
     */
    ExecResult exec(String containerId, String containerName, String... command) throws InterruptedException {
        String shown = "docker exec " + containerName + " " + String.join(" ", command);
        java.util.concurrent.Future<ExecResult> run = EXECS.submit(() -> execNow(containerId, shown, command));
        try {
            return run.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("'" + shown + "': " + ProbeContext.rootMessage(e.getCause()), e.getCause());
        }
    }

    /** Daemon threads: an exec still running when the program ends must not keep it alive. */
    private static final java.util.concurrent.ExecutorService EXECS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "docker-exec");
        t.setDaemon(true);
        return t;
    });

    /** Execs created whose start was not sent yet: {@link #close} waits for them. */
    private final java.util.concurrent.atomic.AtomicInteger unstarted = new java.util.concurrent.atomic.AtomicInteger();
    /** close() was called: the last exec still being started closes the exec client. */
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean execClientClosed = new java.util.concurrent.atomic.AtomicBoolean();

    private void closeExecClient() {
        if (execClientClosed.getAndSet(true)) return;
        try {
            execClient.close();
        } catch (IOException ignored) {
            // closing a read-only client: nothing to recover
        }
    }

    private ExecResult execNow(String containerId, String shown, String... command) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        java.util.concurrent.atomic.AtomicBoolean pending = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicBoolean confirmed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
        // counted down only once the exec is known started (dockerd answered) or this thread has done
        // all it can (the detached re-start below): close() must not shut the client before that
        Runnable started = () -> {
            if (pending.getAndSet(false) && unstarted.decrementAndGet() == 0 && closing.get()) closeExecClient();
        };
        unstarted.incrementAndGet();
        String execId = null;
        try {
            execId = execClient.execCreateCmd(containerId).withCmd(command)
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
            try (ResultCallback.Adapter<Frame> callback = execClient.execStartCmd(execId).exec(new ResultCallback.Adapter<>() {
                @Override public void onStart(java.io.Closeable stream) {
                    super.onStart(stream);
                    confirmed.set(true);
                    started.run(); // dockerd answered the start: the exec runs, and goes when it exits
                    answered.countDown();
                }
                @Override public void onError(Throwable t) {
                    answered.countDown(); // not started for sure: the finally block starts it again, detached
                    super.onError(t);
                }
                @Override public void onNext(Frame frame) {
                    String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                    synchronized (out) {
                        (frame.getStreamType() == StreamType.STDERR ? err : out).append(text);
                    }
                }
            })) {
                // closing the stream before dockerd answered the start would cancel the start: wait for it first
                answered.await(EXEC_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("'" + shown + "' did not finish within " + timeout.toMillis() + " ms");
                }
            } catch (IOException e) {
                throw new IllegalStateException("'" + shown + "': " + e.getMessage(), e);
            }
            Long code = execClient.inspectExecCmd(execId).exec().getExitCodeLong();
            synchronized (out) {
                return new ExecResult(shown, code == null ? -1 : code, out.toString(), err.toString());
            }
        } finally {
            if (execId != null && !confirmed.get()) startDetached(execId);
            started.run(); // ended (or failed) one way or another: nothing left to wait for
        }
    }

    /**
     * A start whose answer never came (the request failed on the way, or dockerd's answer was
     * lost) may have left the exec created and unstarted for the container's whole life: start it
     * again, detached, so it runs its read-only command and goes. dockerd refuses the second start
     * of an exec that did start; that refusal is the good case.
     */
    private void startDetached(String execId) {
        try (ResultCallback.Adapter<Frame> again = execClient.execStartCmd(execId).withDetach(true)
                .exec(new ResultCallback.Adapter<>())) {
            again.awaitCompletion(EXEC_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException alreadyStartedOrGone) {
            // started the first time after all, or the container is gone: nothing is left behind
        }
    }

    /** The last {@code tail} lines of a container's log (stdout and stderr, in order). */
    List<String> logs(String containerId, int tail) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        StringBuilder partial = new StringBuilder();
        try (ResultCallback.Adapter<Frame> callback = client.logContainerCmd(containerId)
                .withStdOut(true).withStdErr(true).withTail(tail)
                .exec(new ResultCallback.Adapter<>() {
                    @Override public void onNext(Frame frame) {
                        synchronized (lines) {
                            partial.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                            int nl;
                            while ((nl = partial.indexOf("\n")) >= 0) {
                                lines.add(partial.substring(0, nl));
                                partial.delete(0, nl + 1);
                            }
                        }
                    }
                })) {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("docker logs did not finish within " + timeout.toMillis() + " ms");
            }
        } catch (IOException e) {
            throw new IllegalStateException("docker logs: " + e.getMessage(), e);
        }
        synchronized (lines) {
            if (partial.length() > 0) lines.add(partial.toString());
            return new ArrayList<>(lines);
        }
    }

    /**
     * A file's text from inside a container (GET /containers/{id}/archive, so it works in images
     * without a shell, like cloudflared's), or empty when the file does not exist.
     */
    Optional<String> readFile(String containerId, String path) throws IOException {
        try (InputStream raw = client.copyArchiveFromContainerCmd(containerId, path).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isSymbolicLink()) {
                    String target = entry.getLinkName();
                    String resolved = target.startsWith("/") ? target : parent(path) + "/" + target;
                    return readFile(containerId, resolved);
                }
                if (!entry.isFile()) continue;
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                int n;
                while ((n = tar.read(chunk)) > 0 && buf.size() < MAX_FILE_BYTES) buf.write(chunk, 0, n);
                return Optional.of(buf.toString(StandardCharsets.UTF_8));
            }
            return Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Every regular file under a directory in a container, by path inside the archive; empty when absent. */
    java.util.Map<String, String> readFiles(String containerId, String dir) throws IOException {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        try (InputStream raw = client.copyArchiveFromContainerCmd(containerId, dir).exec();
             TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
            TarArchiveEntry entry;
            long total = 0;
            while ((entry = tar.getNextEntry()) != null && total < MAX_FILE_BYTES * 4L) {
                if (!entry.isFile() || entry.getSize() > MAX_FILE_BYTES) continue;
                byte[] data = tar.readNBytes((int) entry.getSize());
                total += data.length;
                out.put(entry.getName(), new String(data, StandardCharsets.UTF_8));
            }
        } catch (NotFoundException e) {
            return out;
        }
        return out;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    @Override public void close() {
        // an exec created by a probe that timed out is started within moments; do not cut it off between the two
        closing.set(true);
        long until = System.nanoTime() + EXEC_GRACE.toNanos();
        while (unstarted.get() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // on a host slower than the grace, the exec still being started closes the client itself when done
        // (a client closed under it would leave the exec created and never started, for the container's life)
        if (unstarted.get() == 0) closeExecClient();
        try {
            client.close();
        } catch (IOException ignored) {
            // closing a read-only client: nothing to recover
        } finally {
            if (tunnel != null) tunnel.close();
        }
    }
}
