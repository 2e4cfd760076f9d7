package dev.dokploydoctor.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * GETs the public URL without following redirects, following the Location chain itself for up to
 * 10 hops: the status, a body excerpt, the chain, and whether it loops.
 */
final class HttpProbe implements Probe {
    static final int MAX_HOPS = 10;
    private static final int EXCERPT = 300;

    @Override public String name() { return "http"; }

    @Override public boolean applies(ProbeTarget target, ProbeEnvironment env) {
        return target.url() != null && !target.url().isBlank();
    }

    @Override public void run(ProbeContext ctx, Findings f) throws Exception {
        if (!applies(ctx.target(), ctx.env())) throw new Skip("no --url given");
        String url = ctx.target().url();
        URI start = URI.create(url.contains("://") ? url : "http://" + url);
        if (start.getHost() == null) throw new CouldNotCheck("'" + url + "' has no host name");
        f.fact("domain.host", start.getHost().toLowerCase(Locale.ROOT), "from --url " + url);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(ctx.timeout()).build();
        List<String> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        URI current = start;
        HttpResponse<byte[]> last = null;
        boolean loop = false;
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            if (!seen.add(current.toString())) {
                loop = true;
                break;
            }
            if (hop == MAX_HOPS) {
                loop = true;   // the browser gives up here too (ERR_TOO_MANY_REDIRECTS)
                break;
            }
            last = get(client, current, ctx);
            chain.add(last.statusCode() + " " + current);
            String location = last.headers().firstValue("location").orElse(null);
            if (last.statusCode() < 300 || last.statusCode() >= 400 || location == null) break;
            current = current.resolve(location.trim());
        }
        int status = last.statusCode();
        String full = new String(last.body(), 0, Math.min(last.body().length, 64 * 1024), StandardCharsets.UTF_8);
        String body = excerpt(full);
        String chainText = String.join(" -> ", chain);
        f.fact("http.status", status, "GET " + start + " (redirects not followed): " + chainText);
        if (!body.isBlank()) f.fact("http.body", body, "body of " + last.uri() + (body.equals(full) ? "" : " (excerpt)"));
        f.fact("http.redirect_loop", loop, loop ? "Location chain returns to " + current + ": " + chainText
                : chain.size() > 1 ? "Location chain ends: " + chainText : "no redirect");
        Map<String, List<String>> headers = lowerCase(last.headers().map());
        String traefik = ErrorPages.traefik(body);
        if (traefik != null) f.observe(traefik + " (body '" + body.strip() + "')");
        if (ErrorPages.viteHostBlocked(status, full)) {
            String page = "Vite's host check answered " + last.uri() + " with 403 'Blocked request. This host (...) is not allowed'";
            f.fact("app.host_not_allowed", true, page);
            f.fact("http.from_app", true, page + ": the request reached the app");
        }
        Long cf = ErrorPages.cloudflareCode(full, status, headers);
        if (cf != null) f.fact("cloudflare.error", cf, "Cloudflare error page from " + last.uri() + " (status " + status + ")");
        if (headers.containsKey("cf-cloudflared-response-meta")) {
            f.observe("cloudflared itself answered (cf-cloudflared-response-meta): it could not reach the origin");
        }
    }

    private static HttpResponse<byte[]> get(HttpClient client, URI uri, ProbeContext ctx) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(ctx.timeout()).header("User-Agent", "dokploy-doctor probe").GET().build();
        try {
            return client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CouldNotCheck("GET " + uri + " failed: " + ProbeContext.rootMessage(e), e);
        }
    }

    /** An HTML page's title (Cloudflare: "example.com | 502: Bad gateway"), else the first characters. */
    static String excerpt(String body) {
        // found with indexOf, not a lazy pattern: a page of many "<title" and no "</title>" would be scanned once per "<title"
        String lower = body.toLowerCase(Locale.ROOT);
        int open = lower.indexOf("<title");
        int start = open < 0 ? -1 : lower.indexOf('>', open);
        int end = start < 0 ? -1 : lower.indexOf("</title>", start);
        if (end >= 0) return body.substring(start + 1, end).replaceAll("\\s+", " ").strip();
        return body.length() > EXCERPT ? body.substring(0, EXCERPT) : body;
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new TreeMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }
}
