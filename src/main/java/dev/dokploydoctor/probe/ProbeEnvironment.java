package dev.dokploydoctor.probe;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the probes look: the Docker engine, the optional DokPloy API, and the host paths DokPloy
 * uses. Read from the process environment; tests build their own.
 *
 * @param dockerHost    Docker Engine address (DOCKER_HOST, -H/--host or a docker context), or null
 *                      for docker-java's default (the local socket); ssh:// goes through OpenSSH
 * @param dokployUrl    DokPloy base URL (DOKPLOY_URL), or null: the dokploy probe is then skipped
 * @param dokployApiKey DokPloy API key (DOKPLOY_API_KEY), never shown
 * @param composeRoot   where DokPloy writes compose projects (/etc/dokploy/compose)
 * @param hostProc      the host's /proc, for listening sockets and cloudflared processes
 * @param placement     whether this process runs on the host or in a container (and then whether
 *                      the host's processes are visible: docker run --pid host)
 * @param hostNet       the folder with tcp and tcp6 of the Docker host's network namespace, or
 *                      null when this process cannot see it
 */
public record ProbeEnvironment(String dockerHost, String dokployUrl, String dokployApiKey, Path composeRoot, Path hostProc,
                               Placement placement, Path hostNet) {

    /** Where this process runs, as far as the host's own view (processes, ports) is concerned. */
    public enum Placement { HOST, CONTAINER, CONTAINER_WITH_HOST_PIDS }

    /** -H/--host or --context of the command line, which win over DOCKER_HOST (set once, before probing). */
    private static volatile String dockerHostOverride;

    public static void overrideDockerHost(String host) { dockerHostOverride = host; }

    public static ProbeEnvironment fromSystem() {
        ProbeEnvironment env = from(System.getenv());
        String override = dockerHostOverride;
        return override == null ? env : env.withDockerHost(override);
    }

    public static ProbeEnvironment from(Map<String, String> env) {
        Path proc = Path.of("/proc");
        boolean container = env.containsKey("DOKPLOY_DOCTOR_CONTAINER") || Files.exists(Path.of("/.dockerenv"))
                || Files.exists(Path.of("/run/.containerenv"));
        Placement placement = Placement.HOST;
        Path net = proc.resolve("net");
        if (container) {
            // with --pid host the host's dockerd is among our processes, and its network namespace is the host's
            Long dockerd = hostDaemonPid(proc);
            placement = dockerd == null ? Placement.CONTAINER : Placement.CONTAINER_WITH_HOST_PIDS;
            net = dockerd == null ? null : proc.resolve(dockerd + "/net");
        }
        return new ProbeEnvironment(blankToNull(env.get("DOCKER_HOST")), blankToNull(env.get("DOKPLOY_URL")),
                blankToNull(env.get("DOKPLOY_API_KEY")), Path.of("/etc/dokploy/compose"), proc, placement, net);
    }

    /** The pid of a dockerd (or containerd) this process can see, or null. */
    static Long hostDaemonPid(Path proc) {
        try (Stream<Path> dirs = Files.list(proc)) {
            return dirs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        try {
                            String comm = Files.readString(p.resolve("comm"), StandardCharsets.UTF_8).strip();
                            return comm.equals("dockerd") || comm.equals("containerd");
                        } catch (IOException | SecurityException e) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString())).min(Long::compare).orElse(null);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** An ssh:// engine: reached through OpenSSH, and on another machine whatever its address. */
    public boolean dockerOverSsh() { return dockerHost != null && dockerHost.startsWith("ssh://"); }

    /**
     * Host files (/proc, compose files) describe the Docker host only when the engine is local:
     * a unix socket, or tcp to this machine.
     */
    public boolean dockerIsLocal() {
        if (dockerHost == null || dockerHost.startsWith("unix://")) return true;
        if (dockerOverSsh()) return false;
        try {
            String host = URI.create(dockerHost).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Can this process read the Docker host's processes (/proc of its PID namespace)? */
    public boolean seesHostProcesses() { return dockerIsLocal() && placement != Placement.CONTAINER; }

    /** Can this process read the Docker host's listening sockets? */
    public boolean seesHostSockets() { return dockerIsLocal() && hostNet != null; }

    /**
     * Does this process share the Docker host's network, so that localhost here is the host's? On
     * the host, or in a container in dockerd's own network namespace (--network host, or dockerd
     * running in this very container).
     */
    public boolean sharesHostNetwork() {
        if (!dockerIsLocal() || placement == Placement.CONTAINER) return false;
        if (placement == Placement.HOST) return true;
        try {
            return hostNet != null && Files.readSymbolicLink(hostProc.resolve("self/ns/net"))
                    .equals(Files.readSymbolicLink(hostNet.getParent().resolve("ns/net")));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Why the host's own view (processes, listening ports) is out of reach, or null when it is not. */
    public String hostViewProblem() {
        if (!dockerIsLocal()) return "could not check on a remote host (the Docker engine is " + dockerHost + ")";
        if (placement == Placement.CONTAINER) {
            return "could not check from inside a container (docker run --pid host lets it see the host's processes and ports)";
        }
        return null;
    }

    public ProbeEnvironment withDokploy(String url, String apiKey) {
        return new ProbeEnvironment(dockerHost, url, apiKey, composeRoot, hostProc, placement, hostNet);
    }

    public ProbeEnvironment withComposeRoot(Path root) {
        return new ProbeEnvironment(dockerHost, dokployUrl, dokployApiKey, root, hostProc, placement, hostNet);
    }

    public ProbeEnvironment withDockerHost(String host) {
        return new ProbeEnvironment(blankToNull(host), dokployUrl, dokployApiKey, composeRoot, hostProc, placement, hostNet);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }
}
