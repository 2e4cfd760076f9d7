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
    private final String host;
    private final Duration timeout;

    private final SshTunnel tunnel;

    private DockerAccess(DockerClient client, String host, Duration timeout, SshTunnel tunnel) {
        this.client = client;
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
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(timeout)
                .responseTimeout(timeout)
                .maxConnections(32)
                .build();
        return new DockerAccess(DockerClientImpl.getInstance(config, http), tunnel != null ? env.dockerHost() : config.getDockerHost().toString(),
                timeout, tunnel);
    }

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

    /** Run a read-only command in a running container and collect its output. */
    ExecResult exec(String containerId, String containerName, String... command) throws InterruptedException {
        String shown = "docker exec " + containerName + " " + String.join(" ", command);
        String execId = client.execCreateCmd(containerId).withCmd(command)
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        try (ResultCallback.Adapter<Frame> callback = client.execStartCmd(execId).exec(new ResultCallback.Adapter<>() {
            @Override public void onNext(Frame frame) {
                String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                (frame.getStreamType() == StreamType.STDERR ? err : out).append(text);
            }
        })) {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("'" + shown + "' did not finish within " + timeout.toMillis() + " ms");
            }
        } catch (IOException e) {
            throw new IllegalStateException("'" + shown + "': " + e.getMessage(), e);
        }
        Long code = client.inspectExecCmd(execId).exec().getExitCodeLong();
        return new ExecResult(shown, code == null ? -1 : code, out.toString(), err.toString());
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
        try {
            client.close();
        } catch (IOException ignored) {
            // closing a read-only client: nothing to recover
        } finally {
            if (tunnel != null) tunnel.close();
        }
    }
}
