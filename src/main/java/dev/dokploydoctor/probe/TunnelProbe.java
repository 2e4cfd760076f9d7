package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Cloudflare Tunnel: the cloudflared container (or host process), its ingress rules (config.yml
 * or the remote config it logs), whether it is connected, whether it reaches the origin, and the
 * origin it sends the host to.
 */
final class TunnelProbe implements Probe {
    static final int LOG_LINES = 2000;
    static final List<String> CONFIG_PATHS = List.of("/etc/cloudflared/config.yml", "/etc/cloudflared/config.yaml",
            "/home/nonroot/.cloudflared/config.yml", "/home/nonroot/.cloudflared/config.yaml",
            "/root/.cloudflared/config.yml", "/root/.cloudflared/config.yaml", "/usr/local/etc/cloudflared/config.yml");
    private static final Pattern ORIGIN_TLS = Pattern.compile("x509|tls:|certificate|: EOF");
    private static final Pattern TLS_CERTIFICATE = Pattern.compile("\\bx509: (?:certificate|cannot validate)");
    private static final Pattern TLS_ABORTED = Pattern.compile("remote error: tls: (?:handshake failure|protocol version|internal error|bad certificate)");
    private static final Pattern CONN_INDEX = Pattern.compile("connIndex=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @Override public String name() { return "tunnel"; }

    @Override public void run(ProbeContext ctx, Findings f) throws Exception {
        HostSnapshot s = ctx.snapshotIfAvailable();
        Optional<Container> container = s == null ? Optional.empty()
                : s.containers().stream().filter(TunnelProbe::isCloudflared).min(Comparator.comparingInt(Containers::preference));
        if (container.isPresent()) {
            inContainer(ctx, container.get(), f);
            return;
        }
        if (ctx.env().seesHostProcesses() && onHost(ctx, f)) return;
        if (s == null) {
            throw new CouldNotCheck("Docker engine not reachable, and " + (ctx.env().seesHostProcesses() ? "no cloudflared process on this host"
                    : "cloudflared as a host process: " + ctx.env().hostViewProblem()));
        }
        f.observe("no cloudflared container" + (ctx.env().seesHostProcesses() ? " or process" : "") + " on this host");
        if (!ctx.env().seesHostProcesses()) f.observe("cloudflared as a host process (systemd): " + ctx.env().hostViewProblem());
    }

    static boolean isCloudflared(Container c) {
        return c.getImage() != null && c.getImage().contains("cloudflared")
                || Containers.name(c).contains("cloudflared")
                || c.getCommand() != null && c.getCommand().contains("cloudflared");
    }

    private static void inContainer(ProbeContext ctx, Container listing, Findings f) throws Exception {
        DockerAccess docker = ctx.docker();
        InspectContainerResponse c = docker.inspect(listing.getId())
                .orElseThrow(() -> new CouldNotCheck(Containers.name(listing) + " disappeared while probing"));
        String name = Containers.name(c);
        String image = c.getConfig() == null ? "?" : c.getConfig().getImage();
        f.fact("tunnel.used", true, "container " + name + " (image " + image + ")");
        f.fact("cloudflared.in_docker", true, "cloudflared runs in container " + name + " (localhost there is the container itself)");
        List<String> args = c.getArgs() == null ? List.of() : Arrays.asList(c.getArgs());
        List<String> env = c.getConfig() == null || c.getConfig().getEnv() == null ? List.of() : Arrays.asList(c.getConfig().getEnv());
        String token = tokenSource(args, env);

        // every candidate config path and the log at once; the first existing path wins, as in cloudflared
        List<String> paths = configPaths(args);
        List<CompletableFuture<Optional<String>>> reads = new ArrayList<>();
        for (String path : paths) reads.add(ctx.async(() -> docker.readFile(c.getId(), path)));
        CompletableFuture<List<String>> log = ctx.async(() -> docker.logs(c.getId(), LOG_LINES));
        List<TunnelIngress.Rule> rules = List.of();
        String rulesFrom = null;
        for (int i = 0; i < paths.size(); i++) {
            Optional<String> text = ctx.join(reads.get(i));
            if (text.isEmpty()) continue;
            rules = TunnelIngress.parse(YAML.readTree(text.get()));
            rulesFrom = paths.get(i) + " in " + name;
            break;
        }
        boolean running = Containers.running(c);
        List<String> lines = ctx.join(log);
        String logged = TunnelIngress.lastLoggedConfig(lines);
        if (rules.isEmpty() && logged != null) {
            rules = TunnelIngress.parse(JSON.readTree(logged));
            rulesFrom = "the remote configuration cloudflared logged (docker logs " + name + ": Updated to new configuration)";
        }
        if (rules.isEmpty() && urlArgument(args) != null) {
            rules = List.of(new TunnelIngress.Rule(null, null, urlArgument(args)));
            rulesFrom = "the --url argument of " + name;
        }
        if (token != null || logged != null) {
            f.fact("tunnel.remote_managed", true, token != null ? token + " in " + name : "cloudflared logs 'Updated to new configuration' (pushed from the dashboard)");
        } else if (rulesFrom != null) {
            f.fact("tunnel.remote_managed", false, "ingress read from " + rulesFrom + "; no tunnel token");
        }
        connection(name, running, lines, f);
        ingress(ctx, c, rules, rulesFrom, "no config.yml in " + name + " and no 'Updated to new configuration' in its last " + LOG_LINES + " log lines", f);
    }

    /** Where the tunnel token comes from (never its value), or null when there is none. */
    static String tokenSource(List<String> args, List<String> env) {
        for (String e : env) {
            if (e.startsWith("TUNNEL_TOKEN=") && e.length() > "TUNNEL_TOKEN=".length()) return "TUNNEL_TOKEN set in the environment";
            if (e.startsWith("TUNNEL_TOKEN_FILE=")) return "TUNNEL_TOKEN_FILE set in the environment";
        }
        for (String a : args) if (a.equals("--token") || a.startsWith("--token=")) return "--token argument";
        return null;
    }

    /** The origin of a quick tunnel (cloudflared tunnel --url http://localhost:8080): its only route. */
    static String urlArgument(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--url") && i + 1 < args.size()) return args.get(i + 1);
            if (a.startsWith("--url=")) return a.substring("--url=".length());
        }
        return null;
    }

    static List<String> configPaths(List<String> args) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--config") && i + 1 < args.size()) paths.add(args.get(i + 1));
            else if (a.startsWith("--config=")) paths.add(a.substring("--config=".length()));
        }
        paths.addAll(CONFIG_PATHS);
        return paths;
    }

    /** tunnel.connected from registered/unregistered connections; tunnel.origin_unreachable from proxy errors. */
    static void connection(String name, boolean running, List<String> lines, Findings f) {
        String source = "docker logs --tail " + LOG_LINES + " " + name;
        Map<String, Boolean> up = new HashMap<>();
        String lastRegistered = null;
        for (String line : lines) {
            Matcher idx = CONN_INDEX.matcher(line);
            String conn = idx.find() ? idx.group(1) : "?";
            if (line.contains("Registered tunnel connection")) {
                up.put(conn, true);
                lastRegistered = line;
            } else if (line.contains("Unregistered tunnel connection") || line.contains("Connection terminated")) {
                if (conn.equals("?")) up.replaceAll((k, v) -> false);
                else up.put(conn, false);
            }
        }
        boolean connected = running && up.containsValue(true);
        if (!running) f.fact("tunnel.connected", false, name + " is not running");
        else if (connected) f.fact("tunnel.connected", true, source + ": " + lastRegistered.strip());
        else f.fact("tunnel.connected", false, source + ": no live 'Registered tunnel connection' (" + lines.size() + " lines read)"
                    + lastError(lines));
        List<String> unreachable = lines.stream().filter(l -> l.contains("Unable to reach the origin service")).toList();
        f.fact("tunnel.origin_unreachable", !unreachable.isEmpty(), unreachable.isEmpty()
                ? source + ": no 'Unable to reach the origin service' line"
                : source + ", " + unreachable.size() + " lines, last:\n" + unreachable.get(unreachable.size() - 1).strip());
        if (!unreachable.isEmpty()) {
            List<String> tls = unreachable.stream().filter(l -> ORIGIN_TLS.matcher(l).find()).toList();
            f.fact("tunnel.origin_tls_error", !tls.isEmpty(), tls.isEmpty()
                    ? "none of the " + unreachable.size() + " 'Unable to reach the origin service' lines is a TLS error"
                    : source + ": " + tls.get(tls.size() - 1).strip());
            String kind = tls.isEmpty() ? null : originTlsFailure(tls.get(tls.size() - 1));
            if (kind != null) f.fact("tunnel.origin_tls_failure", kind, source + ": " + tls.get(tls.size() - 1).strip());
        }
    }

    /**
     * What failed in cloudflared's TLS handshake with its origin, as the catalog reads the same line
     * (knowledge/catalog/10-cloudflared.yaml, cloudflared-origin-tls-*): an x509 error is cloudflared rejecting the
     * certificate the origin showed (Go crypto/x509 verify.go), "remote error: tls: unrecognized name" the origin
     * refusing the server name, another remote alert the origin aborting (crypto/tls alert.go). Null for a bare
     * EOF or anything else: the line does not say. Read from the host's own log, it is a finding of its own
     * beside a line the user pasted (the calibration gate waits for one).
     */
    static String originTlsFailure(String line) {
        if (TLS_CERTIFICATE.matcher(line).find()) return "certificate";
        if (line.contains("remote error: tls: unrecognized name")) return "server-name";
        if (TLS_ABORTED.matcher(line).find()) return "handshake";
        return null;
    }

    private static String lastError(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(" ERR ")) return "; last error: " + TraefikProbe.firstLine(lines.get(i));
        }
        return "";
    }

    /** The route for the host, and what its origin answers to cloudflared's request; {@code cloudflared} null for a host process. */
    private static void ingress(ProbeContext ctx, InspectContainerResponse cloudflared, List<TunnelIngress.Rule> rules, String from,
                                String whyNone, Findings f) throws InterruptedException {
        if (rules.isEmpty()) {
            // a tunnel whose routes could not be read is a tunnel not checked: no all-clear for it
            String why = from == null ? whyNone : "no ingress rules in " + from;
            f.observe("no ingress rules found (" + why + ")");
            f.notChecked("the tunnel's routes (" + why + "): check its public hostnames in the Cloudflare dashboard (Zero Trust, Networks, Tunnels)");
            return;
        }
        f.observe("ingress from " + from + ": " + String.join("; ", rules.stream().map(TunnelIngress.Rule::toString).toList()));
        String host = ctx.host();
        TunnelIngress.Rule rule;
        String why;
        if (host != null) {
            rule = TunnelIngress.match(rules, host);
            why = rule == null ? null : "rule #" + rules.indexOf(rule) + " (" + rule + ") of " + from + " matches " + host;
        } else {
            List<TunnelIngress.Rule> routes = rules.stream().filter(r -> !r.catchAll()).toList();
            if (routes.isEmpty()) routes = rules;   // a quick tunnel (--url): its one catch-all rule is the route
            List<String> origins = routes.stream().map(TunnelIngress.Rule::service).distinct().toList();
            rule = origins.size() == 1 ? routes.get(0) : null;
            why = rule == null ? null : "every hostname rule of " + from + " goes to " + rule.service() + " (no host given)";
        }
        if (rule == null) {
            f.observe(host == null ? "no host given, and the rules go to several origins" : "no ingress rule matches " + host);
            return;
        }
        f.fact("tunnel.service", rule.service(), why);
        if (rule.catchAll() && host != null) f.observe(host + " is not in the tunnel's ingress: the catch-all rule answers (" + rule.service() + ")");
        String via = TunnelIngress.routeVia(rule.service());
        if (via != null) f.fact("route.via", via, "origin " + rule.service() + (via.equals("traefik") ? " is Traefik (dokploy-traefik or port 80/443)" : " is not Traefik"));
        // the Host cloudflared passes on: the public host, else the rule's own hostname
        String sent = host != null ? host : rule.catchAll() || rule.hostname().startsWith("*") ? null : rule.hostname();
        OriginRedirect.check(ctx, cloudflared, rule.service(), sent, f);
    }

    /** cloudflared as a host process (systemd service): its command line and config file; no logs. */
    private static boolean onHost(ProbeContext ctx, Findings f) throws InterruptedException {
        Path proc = ctx.env().hostProc();
        List<String> cmd = null;
        Path pidDir = null;
        try (Stream<Path> dirs = Files.list(proc)) {
            for (Path d : (Iterable<Path>) dirs.filter(p -> p.getFileName().toString().matches("\\d+"))::iterator) {
                List<String> c = cmdline(d);
                if (!c.isEmpty() && Path.of(c.get(0)).getFileName().toString().equals("cloudflared") && c.contains("tunnel")) {
                    cmd = c;
                    pidDir = d;
                    break;
                }
            }
        } catch (IOException e) {
            return false;
        }
        if (cmd == null) return false;
        f.fact("tunnel.used", true, "host process " + pidDir.getFileName() + ": cloudflared " + String.join(" ", cmd.subList(1, cmd.size())));
        f.fact("cloudflared.in_docker", false, "cloudflared runs as host process " + pidDir.getFileName());
        String token = tokenSource(cmd, environ(pidDir));
        List<TunnelIngress.Rule> rules = List.of();
        String from = null;
        List<String> unreadable = new ArrayList<>();
        for (String path : configPaths(cmd)) {
            Path file = Path.of(path);
            if (!Files.exists(file)) continue;
            try {
                rules = TunnelIngress.parse(YAML.readTree(Files.readString(file, StandardCharsets.UTF_8)));
                from = path;
                break;
            } catch (IOException | SecurityException e) {
                unreadable.add(path + " (" + ProbeContext.rootMessage(e) + ")");
                f.observe("cannot read " + path + ": " + ProbeContext.rootMessage(e));
            }
        }
        if (rules.isEmpty() && urlArgument(cmd) != null) {
            rules = List.of(new TunnelIngress.Rule(null, null, urlArgument(cmd)));
            from = "the --url argument of cloudflared";
        }
        if (token != null) f.fact("tunnel.remote_managed", true, token + " of the cloudflared process");
        else if (from != null) f.fact("tunnel.remote_managed", false, "ingress read from " + from + "; no tunnel token");
        f.observe("cloudflared runs on the host: its log is in journalctl -u cloudflared, which this probe does not read");
        ingress(ctx, null, rules, from, !unreadable.isEmpty() ? "cannot read " + String.join(", ", unreadable) + ": run as root"
                : "no readable config.yml; a remote-managed tunnel logs its routes to journalctl -u cloudflared, which this probe does not read", f);
        return true;
    }

    private static List<String> cmdline(Path pidDir) { return nulSeparated(pidDir.resolve("cmdline")); }

    /** The process's environment with every value replaced by "set": only the names matter (is TUNNEL_TOKEN there?). */
    private static List<String> environ(Path pidDir) {
        List<String> names = new ArrayList<>();
        for (String e : nulSeparated(pidDir.resolve("environ"))) {
            int eq = e.indexOf('=');
            if (eq > 0) names.add(e.substring(0, eq) + (eq + 1 < e.length() ? "=set" : "="));
        }
        return names;
    }

    private static List<String> nulSeparated(Path file) {
        try {
            String raw = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : Arrays.asList(raw.split("\0"));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
