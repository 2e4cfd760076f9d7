package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Traefik as it runs in dokploy-traefik: its routers (from its API on 127.0.0.1:8080, or derived
 * from container labels and the file provider when the API cannot be reached), the docker
 * provider's default network, and known error lines in its log.
 */
final class TraefikProbe implements Probe {
    static final String API = "http://127.0.0.1:8080/api/http/routers?per_page=1000";
    static final List<String> STATIC_CONFIGS = List.of("/etc/traefik/traefik.yml", "/etc/traefik/traefik.yaml");
    static final String DYNAMIC_DIR = "/etc/dokploy/traefik/dynamic";
    static final int LOG_LINES = 1000;

    /** A log pattern and the fact it answers (stack-internals §5). */
    record LogSign(String key, Pattern pattern, String describe) {}

    static final List<LogSign> LOG_SIGNS = List.of(
            new LogSign("traefik.network_not_found", Pattern.compile("Could not find network named"), "Could not find network named"),
            new LogSign("traefik.docker_api_error", Pattern.compile("(?i)client version [0-9.]+ is too old"), "client version ... is too old"),
            new LogSign("letsencrypt.failing", Pattern.compile("(?i)(unable to obtain acme certificate|acme: error|error renewing certificate"
                    + "|cannot retrieve the acme challenge|unable to generate a certificate)"), "ACME certificate errors"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @Override public String name() { return "traefik"; }

    @Override public void run(ProbeContext ctx, Findings f) throws Exception {
        HostSnapshot s = ctx.snapshot();
        InspectContainerResponse t = s.traefik();
        if (t == null) throw new CouldNotCheck("no container named " + Containers.TRAEFIK + " on this host");
        DockerAccess docker = ctx.docker();
        String host = ctx.host();
        String name = Containers.name(t);
        boolean running = Containers.running(t);
        if (!running) f.observe(name + " is not running (" + t.getState().getStatus() + "): its API is unreachable");
        // the four reads are independent: start them together, then judge in order
        CompletableFuture<DockerAccess.ExecResult> api = running ? ctx.async(() -> docker.exec(t.getId(), name, "wget", "-qO-", API)) : null;
        CompletableFuture<Map<String, String>> dynamic = ctx.async(() -> docker.readFiles(t.getId(), DYNAMIC_DIR));
        CompletableFuture<Map.Entry<String, String>> config = ctx.async(() -> staticConfig(docker, t));
        CompletableFuture<List<String>> logs = ctx.async(() -> docker.logs(t.getId(), LOG_LINES));
        boolean fromApi = api != null && routersFromApi(ctx.join(api), host, f);
        if (!fromApi) routersFromLabels(s, ctx.join(dynamic), host, f);
        providerNetwork(t, ctx.join(config), f);
        logs(t, ctx.join(logs), f);
    }

    /** Routers from Traefik's API, via wget inside the container; false when the API is not reachable. */
    private static boolean routersFromApi(DockerAccess.ExecResult x, String host, Findings f) {
        if (x.exitCode() != 0 || x.stdout().isBlank()) {
            f.observe("Traefik API not reachable (" + x.command() + ": exit " + x.exitCode()
                    + (x.output().isBlank() ? "" : ", " + firstLine(x.output())) + "); routers derived from labels instead");
            return false;
        }
        JsonNode routers;
        try {
            routers = JSON.readTree(x.stdout());
        } catch (Exception e) {
            f.observe("Traefik API answered, but not with JSON (" + firstLine(x.stdout()) + "); routers derived from labels instead");
            return false;
        }
        if (!routers.isArray()) {
            f.observe("Traefik API answered with " + routers.getNodeType() + ", not a list of routers; routers derived from labels instead");
            return false;
        }
        int withErrors = 0;
        List<String> matching = new ArrayList<>();
        for (JsonNode r : routers) {
            String rName = r.path("name").asText();
            String rule = r.path("rule").asText();
            String status = r.path("status").asText();
            List<String> errors = new ArrayList<>();
            r.path("error").forEach(e -> errors.add(e.asText()));
            if (!errors.isEmpty()) withErrors++;
            if (host != null && TraefikLabels.hosts(rule).contains(host)) {
                matching.add(rName + " rule " + rule + " status " + status + (errors.isEmpty() ? "" : " error " + errors));
                if (!errors.isEmpty() || !"enabled".equals(status)) f.observe("router " + rName + " is " + status + ": " + String.join("; ", errors));
            }
        }
        f.observe("Traefik API lists " + routers.size() + " routers" + (withErrors == 0 ? "" : ", " + withErrors + " with errors"));
        if (host != null) {
            f.fact("traefik.router_present", !matching.isEmpty(), x.command() + ": "
                    + (matching.isEmpty() ? "no router rule names Host(`" + host + "`) among " + routers.size() + " routers" : String.join("; ", matching)));
        }
        return true;
    }

    /**
     * Without the API: which routers Traefik would build. The docker provider keeps containers that
     * run, are not unhealthy or starting, and carry traefik.enable=true; the file provider reads
     * the dynamic directory.
     */
    private static void routersFromLabels(HostSnapshot s, Map<String, String> dynamicFiles, String host, Findings f) {
        if (host == null) {
            f.observe("no host to look for (no --url, and the routed container has no Host() label)");
            return;
        }
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Container c : s.containers()) {
            if (Containers.isTraefik(c)) continue;
            TraefikLabels labels = new TraefikLabels(Containers.labels(c));
            TraefikLabels.Router r = labels.routerFor(host);
            if (r == null) continue;
            String why = dropReason(c, labels);
            String line = Containers.name(c) + " label traefik.http.routers." + r.name() + ".rule=" + r.rule();
            if (why == null) kept.add(line);
            else dropped.add(line + " (dropped: " + why + ")");
        }
        for (Map.Entry<String, String> file : dynamicFiles.entrySet()) {
            if (!file.getKey().endsWith(".yml") && !file.getKey().endsWith(".yaml")) continue;
            for (String rule : fileRules(file.getValue())) {
                if (TraefikLabels.hosts(rule).contains(host)) kept.add("file provider " + file.getKey() + ": rule " + rule);
            }
        }
        List<String> all = new ArrayList<>(kept);
        all.addAll(dropped);
        f.fact("traefik.router_present", !kept.isEmpty(), "derived from container labels and " + DYNAMIC_DIR + " (Traefik API not reachable): "
                + (all.isEmpty() ? "no container label or dynamic file names Host(`" + host + "`)" : String.join("; ", all)));
    }

    /** Why Traefik's docker provider would skip this container, or null when it keeps it. */
    static String dropReason(Container c, TraefikLabels labels) {
        if (!labels.enabled()) return "no traefik.enable=true (DokPloy sets exposedByDefault: false)";
        if (!Containers.running(c)) return "container " + c.getState();
        String status = c.getStatus() == null ? "" : c.getStatus();
        if (status.contains("(unhealthy)")) return "unhealthy";
        if (status.contains("(health: starting)")) return "health check still starting";
        return null;
    }

    private static List<String> fileRules(String yaml) {
        List<String> rules = new ArrayList<>();
        try {
            JsonNode routers = YAML.readTree(yaml).path("http").path("routers");
            routers.forEach(r -> {
                if (r.hasNonNull("rule")) rules.add(r.get("rule").asText());
            });
        } catch (Exception e) {
            // an unreadable dynamic file is Traefik's own error to report; it adds no router
        }
        return rules;
    }

    /** The first static config file that exists, as (path, text), or null. */
    private static Map.Entry<String, String> staticConfig(DockerAccess docker, InspectContainerResponse t) throws Exception {
        for (String path : STATIC_CONFIGS) {
            Optional<String> text = docker.readFile(t.getId(), path);
            if (text.isPresent()) return Map.entry(path, text.get());
        }
        return null;
    }

    /** providers.docker.network: from a --providers.docker.network flag, else the static config file. */
    private static void providerNetwork(InspectContainerResponse t, Map.Entry<String, String> config, Findings f) {
        String[] args = t.getArgs() == null ? new String[0] : t.getArgs();
        for (String a : args) {
            if (a.startsWith("--providers.docker.network=")) {
                f.fact("traefik.provider_network", a.substring(a.indexOf('=') + 1), "command-line flag " + a + " of " + Containers.name(t));
                return;
            }
        }
        if (config == null) {
            f.observe("no static config at " + String.join(" or ", STATIC_CONFIGS) + " in " + Containers.name(t));
            return;
        }
        String path = config.getKey();
        JsonNode root;
        try {
            root = YAML.readTree(config.getValue());
        } catch (Exception e) {
            f.observe(path + " in " + Containers.name(t) + " is not valid YAML: " + firstLine(String.valueOf(e.getMessage())));
            return;
        }
        JsonNode net = root == null ? null : root.path("providers").path("docker").get("network");
        String value = net == null || net.isNull() ? "" : net.asText();
        f.fact("traefik.provider_network", value, path + " in " + Containers.name(t) + ": providers.docker.network "
                + (value.isEmpty() ? "not set" : "= " + value));
    }

    private static void logs(InspectContainerResponse t, List<String> lines, Findings f) {
        for (LogSign sign : LOG_SIGNS) {
            List<String> hits = lines.stream().filter(l -> sign.pattern().matcher(l).find()).toList();
            String source = "docker logs --tail " + LOG_LINES + " " + Containers.name(t);
            if (hits.isEmpty()) {
                f.fact(sign.key(), false, source + ": no line matches '" + sign.describe() + "' (" + lines.size() + " lines read)");
            } else {
                f.fact(sign.key(), true, source + ", " + hits.size() + " matching lines, last:\n" + String.join("\n", hits.subList(Math.max(0, hits.size() - 3), hits.size())));
            }
        }
    }

    static String firstLine(String s) {
        String line = s.strip().split("\n", 2)[0];
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
