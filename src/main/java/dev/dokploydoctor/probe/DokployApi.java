package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Read-only calls to DokPloy's REST API (stack-internals §3): GET /api/&lt;router&gt;.&lt;procedure&gt;
 * with query-string input and the key in the x-api-key header. Only queries, never mutations.
 */
final class DokployApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient client;

    DokployApi(String url, String apiKey, Duration timeout) {
        String b = url.strip();
        while (b.endsWith("/")) b = b.substring(0, b.length() - 1);
        if (b.endsWith("/api")) b = b.substring(0, b.length() - 4);
        this.base = b;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GET /api/{procedure}[?param=value]; the parsed JSON body, or CouldNotCheck with the reason. */
    JsonNode get(String procedure, String param, String value) throws InterruptedException {
        String query = param == null ? "" : "?" + param + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        URI uri = URI.create(base + "/api/" + procedure + query);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).header("x-api-key", apiKey)
                .header("accept", "application/json").GET().build();
        HttpResponse<String> res;
        try {
            res = client.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Probe.CouldNotCheck("DokPloy API at " + base + " not reachable: " + why(e) + ": check DOKPLOY_URL (the address of DokPloy's dashboard)", e);
        }
        if (res.statusCode() == 401 || res.statusCode() == 403) {
            throw new Probe.CouldNotCheck("DokPloy API refused the key for " + procedure + " (" + res.statusCode() + " " + TraefikProbe.firstLine(res.body()) + ")");
        }
        if (res.statusCode() >= 300 && res.statusCode() < 400) {
            throw new Probe.CouldNotCheck("DokPloy API " + procedure + " redirects (" + res.statusCode() + ") to "
                    + res.headers().firstValue("location").orElse("?") + ": set DOKPLOY_URL to where it leads");
        }
        if (res.statusCode() != 200) {
            throw new Probe.CouldNotCheck("DokPloy API " + procedure + " answered " + res.statusCode() + ": " + TraefikProbe.firstLine(res.body()));
        }
        try {
            return JSON.readTree(res.body().isBlank() ? "null" : res.body());
        } catch (IOException e) {
            throw new Probe.CouldNotCheck("DokPloy API " + procedure + " did not answer JSON: " + TraefikProbe.firstLine(res.body()), e);
        }
    }

    /** A connection failure in words: Java's HTTP client says "ClosedChannelException" for a refused connection. */
    private static String why(IOException e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException || e instanceof java.net.http.HttpTimeoutException) return "no answer in time";
        if (e instanceof java.net.ConnectException) return "connection refused";
        return ProbeContext.rootMessage(e);
    }

    String describe(String procedure) { return "GET " + base + "/api/" + procedure; }
}
