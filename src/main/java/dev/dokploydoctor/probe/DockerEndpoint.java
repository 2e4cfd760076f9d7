package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Which Docker engine to talk to, decided as the docker CLI decides it: {@code -H/--host}, else
 * {@code --context}, else DOCKER_HOST, else DOCKER_CONTEXT, else {@code currentContext} of
 * ~/.docker/config.json (DOCKER_CONFIG moves ~/.docker), else the local socket. A context's
 * endpoint is read from ~/.docker/contexts/meta/&lt;sha256 of its name&gt;/meta.json.
 */
public final class DockerEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerEndpoint() {}

    /** A problem with -H/--context or a context's files: the user's to fix. */
    public static final class EndpointError extends RuntimeException {
        public EndpointError(String message) { super(message); }
    }

    /**
     * The engine address, or null for the default (DOCKER_HOST or the local socket, which
     * {@link ProbeEnvironment#from} then reads).
     */
    public static String resolve(String hostFlag, String contextFlag, Map<String, String> env) {
        if (hostFlag != null && contextFlag != null) {
            throw new EndpointError("--host and --context cannot be used together (as with the docker CLI)");
        }
        if (hostFlag != null) return normalise(hostFlag);
        if (contextFlag != null) return contextHost(contextFlag, env);
        if (blank(env.get("DOCKER_HOST"))) {
            String name = env.get("DOCKER_CONTEXT");
            if (blank(name)) name = currentContext(env);
            if (!blank(name)) return contextHost(name, env);
        }
        return null;
    }

    /** -H takes what the docker CLI takes: unix://, tcp://, ssh://, or a bare host:port (tcp). */
    static String normalise(String host) {
        String h = host.strip();
        if (h.isEmpty()) throw new EndpointError("--host is empty");
        if (h.startsWith("/")) return "unix://" + h;
        if (!h.contains("://")) return "tcp://" + h;
        if (h.startsWith("ssh://")) SshTunnel.Target.parse(h);   // fail early on a bad ssh URL
        return h;
    }

    /** The docker endpoint of context {@code name}; "default" is DOCKER_HOST or the local socket (null). */
    static String contextHost(String name, Map<String, String> env) {
        if (name.equals("default")) return blank(env.get("DOCKER_HOST")) ? null : env.get("DOCKER_HOST").strip();
        Path meta = configDir(env).resolve("contexts").resolve("meta").resolve(sha256(name)).resolve("meta.json");
        if (!Files.isReadable(meta)) {
            throw new EndpointError("docker context \"" + name + "\" not found (no " + meta + "); 'docker context ls' lists them");
        }
        try {
            JsonNode host = JSON.readTree(Files.readString(meta, StandardCharsets.UTF_8)).path("Endpoints").path("docker").path("Host");
            if (!host.isTextual() || host.asText().isBlank()) throw new EndpointError("docker context \"" + name + "\" has no docker endpoint (" + meta + ")");
            return normalise(host.asText());
        } catch (IOException e) {
            throw new EndpointError("cannot read docker context \"" + name + "\" (" + meta + "): " + e.getMessage());
        }
    }

    static String currentContext(Map<String, String> env) {
        Path config = configDir(env).resolve("config.json");
        if (!Files.isReadable(config)) return null;
        try {
            JsonNode current = JSON.readTree(Files.readString(config, StandardCharsets.UTF_8)).path("currentContext");
            return current.isTextual() ? current.asText() : null;
        } catch (IOException e) {
            return null;   // the docker CLI would complain; the default engine is the honest fallback
        }
    }

    static Path configDir(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        if (!blank(dir)) return Path.of(dir);
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".docker");
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
