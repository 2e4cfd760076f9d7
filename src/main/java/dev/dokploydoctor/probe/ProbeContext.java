package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Vocabulary;
import dev.dokploydoctor.probe.Probe.CouldNotCheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * What the probes of one run share: the target, the environment, the timeout, and one look at the
 * Docker host (loaded once, in the background, by whichever probe needs it first).
 */
final class ProbeContext implements AutoCloseable {
    private final ProbeTarget target;
    private final ProbeEnvironment env;
    private final Vocabulary vocabulary;
    private final Duration timeout;
    private final CompletableFuture<DockerAccess> docker;
    private final CompletableFuture<HostSnapshot> snapshot;
    private final Executor pool;

    ProbeContext(ProbeTarget target, ProbeEnvironment env, Vocabulary vocabulary, Duration timeout, Executor pool) {
        this.target = target;
        this.env = env;
        this.vocabulary = vocabulary;
        this.timeout = timeout;
        this.docker = CompletableFuture.supplyAsync(() -> DockerAccess.connect(env, timeout), pool);
        this.snapshot = docker.thenApplyAsync(d -> HostSnapshot.load(d, target, pool), pool);
        this.pool = pool;
    }

    ProbeTarget target() { return target; }
    ProbeEnvironment env() { return env; }
    Vocabulary vocabulary() { return vocabulary; }
    Duration timeout() { return timeout; }

    DockerAccess docker() throws InterruptedException { return await(docker); }

    HostSnapshot snapshot() throws InterruptedException { return await(snapshot); }

    /** The snapshot if Docker answered, else null (for probes that only use it as a hint). */
    HostSnapshot snapshotIfAvailable() throws InterruptedException {
        try {
            return await(snapshot);
        } catch (CouldNotCheck e) {
            return null;
        }
    }

    /** Start a read-only step now, on the run's threads; collect it later with {@link #join}. */
    <T> CompletableFuture<T> async(Callable<T> step) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return step.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, pool);
    }

    /** The result of a step started with {@link #async}; its exception as thrown by the step. */
    <T> T join(CompletableFuture<T> step) throws Exception {
        try {
            return step.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : e.getCause();
            if (cause instanceof Exception ex) throw ex;
            throw e;
        }
    }

    /** Run independent read-only steps (one per sibling, say) at the same time; results in order. */
    <T> List<T> parallel(List<Callable<T>> steps) throws Exception {
        List<CompletableFuture<T>> started = new ArrayList<>();
        for (Callable<T> step : steps) started.add(async(step));
        List<T> out = new ArrayList<>();
        for (CompletableFuture<T> f : started) out.add(join(f));
        return out;
    }

    /** The public host name: from the URL, else from the routed container's Traefik Host() label. */
    String host() throws InterruptedException {
        String fromUrl = HostSnapshot.urlHost(target.url());
        if (fromUrl != null) return fromUrl;
        HostSnapshot s = snapshotIfAvailable();
        if (s == null || s.routed() == null) return null;
        TraefikLabels.Router r = s.routed().traefikLabels().primary(null);
        return r == null || r.hosts().isEmpty() ? null : r.hosts().get(0);
    }

    private <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CouldNotCheck c) throw c;
            throw new CouldNotCheck(dockerUnreachable(env.dockerHost(), cause), cause);
        }
    }

    /**
     * One plain line: where Docker was looked for, what went wrong and what to do. Every probe that
     * needs Docker fails with this same line, so reports can show it once.
     */
    static String dockerUnreachable(String dockerHost, Throwable cause) {
        String where = dockerHost != null ? dockerHost : "unix:///var/run/docker.sock";
        String root = rootMessage(cause);
        String lower = root.toLowerCase(java.util.Locale.ROOT);
        String what;
        if (lower.contains("permission denied") || lower.contains("access denied")) {
            what = "permission denied: run as root or add yourself to the docker group (sudo usermod -aG docker $USER, then log in again)";
        } else if (lower.contains("no such file") || lower.contains("does not exist")) {
            what = "no Docker socket there: is Docker running (systemctl status docker)? Set DOCKER_HOST if it listens elsewhere";
        } else if (lower.contains("connection refused")) {
            what = "connection refused: is Docker running there? Set DOCKER_HOST to the engine's address";
        } else if (lower.contains("timed out") || lower.contains("timeout")) {
            what = "no answer in time (" + root + "): raise --probe-timeout, or check DOCKER_HOST";
        } else {
            what = root + ": check that Docker runs and DOCKER_HOST points at it";
        }
        return DOCKER_UNREACHABLE + " at " + where + ": " + what;
    }

    /** How every "Docker could not be reached" reason starts. */
    static final String DOCKER_UNREACHABLE = "Docker engine not reachable";

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage();
        String top = t.getMessage();
        if (msg == null || msg.isBlank()) msg = root.getClass().getSimpleName();
        if (top != null && !top.isBlank() && root != t && !top.contains(msg)) return top + " (" + msg + ")";
        return msg;
    }

    @Override public void close() {
        docker.thenAccept(DockerAccess::close);
    }
}
