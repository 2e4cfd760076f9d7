package dev.dokploydoctor.probe;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the probes look: the Docker engine, the optional DokPloy API, and the host paths DokPloy
 * uses. Read from the process environment; tests build their own.
 *
 * @param dockerHost    Docker Engine address (DOCKER_HOST), or null for docker-java's default
 *                      (the local socket)
 * @param dokployUrl    DokPloy base URL (DOKPLOY_URL), or null: the dokploy probe is then skipped
 * @param dokployApiKey DokPloy API key (DOKPLOY_API_KEY), never shown
 * @param composeRoot   where DokPloy writes compose projects (/etc/dokploy/compose)
 * @param hostProc      the host's /proc, for listening sockets and cloudflared processes
 */
public record ProbeEnvironment(String dockerHost, String dokployUrl, String dokployApiKey, Path composeRoot, Path hostProc) {

    public static ProbeEnvironment fromSystem() {
        return from(System.getenv());
    }

    public static ProbeEnvironment from(Map<String, String> env) {
        return new ProbeEnvironment(blankToNull(env.get("DOCKER_HOST")), blankToNull(env.get("DOKPLOY_URL")),
                blankToNull(env.get("DOKPLOY_API_KEY")), Path.of("/etc/dokploy/compose"), Path.of("/proc"));
    }

    /**
     * Host files (/proc, compose files) describe the Docker host only when the engine is local:
     * a unix socket, or tcp to this machine.
     */
    public boolean dockerIsLocal() {
        if (dockerHost == null || dockerHost.startsWith("unix://")) return true;
        try {
            String host = URI.create(dockerHost).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean dokployConfigured() { return dokployUrl != null && dokployApiKey != null; }

    public ProbeEnvironment withDokploy(String url, String apiKey) {
        return new ProbeEnvironment(dockerHost, url, apiKey, composeRoot, hostProc);
    }

    public ProbeEnvironment withComposeRoot(Path root) {
        return new ProbeEnvironment(dockerHost, dokployUrl, dokployApiKey, root, hostProc);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }
}
