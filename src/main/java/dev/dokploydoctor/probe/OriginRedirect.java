package dev.dokploydoctor.probe;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * origin.redirects_to_https: does the tunnel's origin answer plain http with a redirect to https?
 * Asked the way cloudflared asks: one GET / to the route's http:// origin with the public host as
 * Host and X-Forwarded-Proto: https (cloudflared sets both), redirects not followed, sent from where
 * cloudflared runs: inside its container (or Traefik's, when that is the origin or shares a network
 * with cloudflared), or from this process when cloudflared sees the host's network. Whenever the
 * request cannot be made that way the fact stays unknown and an observation says why.
 */
final class OriginRedirect {
    static final int MAX_ANSWER = 8192;
    private static final Pattern SAFE_HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d(?:\\.\\d)? (\\d{3})(?: [^\\r\\n]*)?");
    private static final String KEY = "origin.redirects_to_https";

    /** What the origin answered: the status line, its code, and the Location header (or null). */
    record Answer(String statusLine, int status, String location) {
        /** The status line and headers of a raw HTTP response; null when the text is not one. */
        static Answer parse(String raw) {
            if (raw == null) return null;
            String head = raw.split("\r?\n\r?\n", 2)[0];
            String[] lines = head.split("\r?\n");
            Matcher m = STATUS_LINE.matcher(lines[0].strip());
            if (!m.matches()) return null;
            String location = null;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0 && lines[i].substring(0, colon).strip().equalsIgnoreCase("location")) {
                    location = lines[i].substring(colon + 1).strip();
                    break;
                }
            }
            return new Answer(lines[0].strip(), Integer.parseInt(m.group(1)), location);
        }

        /** A 3xx whose Location is https:// on the same host: the browser comes back through the tunnel. */
        boolean redirectsToHttps(String host) {
            if (status < 300 || status > 399 || location == null) return false;
            try {
                URI to = URI.create(location);
                return "https".equalsIgnoreCase(to.getScheme()) && to.getHost() != null && to.getHost().equalsIgnoreCase(host);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override public String toString() { return statusLine + (location == null ? " (no Location)" : ", Location: " + location); }
    }

    private OriginRedirect() {}

    /**
     * Ask the origin of {@code service} for {@code host}, as cloudflared would from {@code cloudflared}
     * (its container), or from the host when {@code cloudflared} is null (a host process).
     */
    static void check(ProbeContext ctx, InspectContainerResponse cloudflared, String service, String host, Findings f)
            throws InterruptedException {
        URI origin = httpOrigin(service);
        if (origin == null) {
            f.observe(KEY + " not asked: the origin " + service + " is not an http:// URL (cloudflared sends no plain http there)");
            return;
        }
        String h = host == null ? null : host.toLowerCase(Locale.ROOT);
        if (h == null || !SAFE_HOST.matcher(h).matches()) {
            f.observe(KEY + " not asked: " + (h == null ? "no host name to send as Host (no --url, no Host() label, no hostname rule)"
                    : "'" + host + "' is not a plain host name"));
            return;
        }
        String target = origin.getHost();
        int port = origin.getPort() != -1 ? origin.getPort() : 80;
        String request = "GET / with Host: " + h + " and X-Forwarded-Proto: https to " + service + " (redirects not followed)";
        if (cloudflared == null || "host".equals(networkMode(cloudflared))) {
            fromThisHost(ctx, cloudflared, target, port, h, request, f);
            return;
        }
        fromContainers(ctx, cloudflared, target, port, h, request, f);
    }

    /** cloudflared sees the host's network (a host process, or network_mode: host): ask from here if this is that host. */
    private static void fromThisHost(ProbeContext ctx, InspectContainerResponse cloudflared, String target, int port, String host,
                                     String request, Findings f) {
        String who = cloudflared == null ? "cloudflared runs on the host" : Containers.name(cloudflared) + " uses the host's network";
        ProbeEnvironment env = ctx.env();
        if (!env.sharesHostNetwork()) {
            f.observe(KEY + " not asked: " + who + ", and this process does not share that network ("
                    + (env.dockerIsLocal() ? "it runs in a container of its own network" : "the Docker engine is " + env.dockerHost()) + ")");
            return;
        }
        String raw;
        try {
            raw = send(target, port, host, (int) Math.min(Integer.MAX_VALUE, ctx.timeout().toMillis()));
        } catch (IOException e) {
            f.observe(KEY + " not asked: " + request + " from this host failed: " + ProbeContext.rootMessage(e));
            return;
        }
        record(Answer.parse(raw), raw, host, request + ", sent from this host (" + who + ")", f);
    }

    /** cloudflared in a container: from inside it, else from Traefik when Traefik is the origin or shares its network. */
    private static void fromContainers(ProbeContext ctx, InspectContainerResponse cloudflared, String target, int port, String host,
                                       String request, Findings f) throws InterruptedException {
        DockerAccess docker = ctx.docker();
        String name = Containers.name(cloudflared);
        List<String> tried = new ArrayList<>();
        if (Containers.running(cloudflared)) {
            DockerAccess.ExecResult x = ask(ctx, docker, cloudflared, target, port, host);
            if (x != null && !toolsMissing(x)) {
                answered(x, host, request + ", sent from inside " + name + " (where cloudflared runs)", f);
                return;
            }
            tried.add(name + " has no sh and nc to send it with" + (x == null ? "" : " (" + TraefikProbe.firstLine(x.output()) + ")"));
        } else {
            tried.add(name + " is not running");
        }
        HostSnapshot s = ctx.snapshotIfAvailable();
        InspectContainerResponse traefik = s == null ? null : s.traefik();
        if (loopback(target)) {
            tried.add("localhost there is " + name + " itself, which no other container can stand in for");
        } else if (traefik == null || !Containers.running(traefik)) {
            tried.add("no running " + Containers.TRAEFIK + " to send it from instead");
        } else if (answersAs(traefik, target)) {
            DockerAccess.ExecResult x = ask(ctx, docker, traefik, "127.0.0.1", port, host);
            if (x != null && !toolsMissing(x)) {
                answered(x, host, request + ", sent from inside " + Containers.name(traefik) + " (the origin itself, 127.0.0.1:" + port + ")", f);
                return;
            }
            tried.add(Containers.name(traefik) + " has no sh and nc either");
        } else {
            List<String> shared = new ArrayList<>(Containers.networks(traefik));
            shared.retainAll(Containers.networks(cloudflared));
            if (shared.isEmpty()) {
                tried.add(Containers.name(traefik) + " shares no network with " + name);
            } else {
                DockerAccess.ExecResult x = ask(ctx, docker, traefik, target, port, host);
                if (x != null && !toolsMissing(x)) {
                    answered(x, host, request + ", sent from inside " + Containers.name(traefik) + " (on " + String.join(", ", shared)
                            + " with " + name + ")", f);
                    return;
                }
                tried.add(Containers.name(traefik) + " has no sh and nc either");
            }
        }
        f.observe(KEY + " not asked: " + String.join("; ", tried));
    }

    private static void answered(DockerAccess.ExecResult x, String host, String how, Findings f) {
        record(Answer.parse(x.stdout()), x.output(), host, how, f);
    }

    /** The fact when the origin answered in HTTP; else only an observation (refused, timed out, not HTTP). */
    private static void record(Answer a, String raw, String host, String how, Findings f) {
        if (a == null) {
            String got = raw == null || raw.isBlank() ? "no answer" : "no HTTP answer (" + TraefikProbe.firstLine(raw) + ")";
            f.observe(KEY + " not known: " + how + ": " + got);
            return;
        }
        f.fact(KEY, a.redirectsToHttps(host), how + ":\n" + a);
    }

    /** One GET through sh, printf and nc in a container (busybox in Traefik's image); null when the exec failed. */
    private static DockerAccess.ExecResult ask(ProbeContext ctx, DockerAccess docker, InspectContainerResponse c, String target, int port,
                                              String host)
            throws InterruptedException {
        String script = "printf 'GET / HTTP/1.1\\r\\nHost: %s\\r\\nUser-Agent: dokploy-doctor probe\\r\\nAccept: */*\\r\\n"
                + "X-Forwarded-Proto: https\\r\\nConnection: close\\r\\n\\r\\n' \"$1\" | nc -w \"$4\" \"$2\" \"$3\" | head -c " + MAX_ANSWER;
        String seconds = String.valueOf(Math.max(1, ctx.timeout().toSeconds()));
        try {
            return docker.exec(c.getId(), Containers.name(c), "sh", "-c", script, "sh", host, target, String.valueOf(port), seconds);
        } catch (RuntimeException e) {
            return new DockerAccess.ExecResult("sh -c", -1, "", ProbeContext.rootMessage(e));
        }
    }

    /** sh or nc is not in the image (a pipeline's exit is head's, so the shell's complaint tells). */
    static boolean toolsMissing(DockerAccess.ExecResult x) {
        if (x.commandMissing()) return true;
        String err = x.stderr().toLowerCase(Locale.ROOT);
        return x.stdout().isBlank() && (err.contains("nc: not found") || err.contains("head: not found"));
    }

    /** The same request from this process: a plain socket, since Java's HTTP client will not set Host. */
    static String send(String target, int port, String host, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            String req = "GET / HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: dokploy-doctor probe\r\nAccept: */*\r\n"
                    + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[1024];
            int n;
            // the headers are all that matter: stop at the blank line that ends them
            while (got.size() < MAX_ANSWER && (n = in.read(buf)) > 0) {
                got.write(buf, 0, n);
                if (got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) break;
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** The origin as an http:// URI with a host, else null (https://, unix:, http_status:404). */
    static URI httpOrigin(String service) {
        if (service == null || !service.toLowerCase(Locale.ROOT).startsWith("http://")) return null;
        try {
            URI u = URI.create(service.strip());
            return u.getHost() == null ? null : u;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1") || h.equals("0.0.0.0");
    }

    /** The origin's name is this container: its name, or an alias it has on one of its networks. */
    private static boolean answersAs(InspectContainerResponse c, String target) {
        if (Containers.name(c).equalsIgnoreCase(target)) return true;
        if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) return false;
        for (ContainerNetwork n : c.getNetworkSettings().getNetworks().values()) {
            List<String> aliases = n.getAliases() == null ? Collections.emptyList() : n.getAliases();
            for (String a : aliases) if (a.equalsIgnoreCase(target)) return true;
        }
        return false;
    }

    private static String networkMode(InspectContainerResponse c) {
        return c.getHostConfig() == null ? null : c.getHostConfig().getNetworkMode();
    }
}
