package dev.dokploydoctor.probe;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the error pages of the stack by their exact text: Traefik's one-line bodies
 * (stack-internals §5), Cloudflare's branded pages with an error code (§6) and Vite's host check.
 */
final class ErrorPages {
    private static final Map<String, String> TRAEFIK = Map.of(
            "404 page not found", "Traefik: no router matches this host/path",
            "Bad Gateway", "Traefik: the backend refused the connection or its name did not resolve",
            "Gateway Timeout", "Traefik: the backend did not answer in time (unreachable network?)",
            "no available server", "Traefik: the service has no healthy server");

    private static final List<Pattern> CLOUDFLARE_CODE = List.of(
            Pattern.compile("cf-error-code[^>]*>\\s*(\\d{3,4})\\s*<"),
            Pattern.compile("(?i)error\\s+code:?\\s*(\\d{3,4})"),
            Pattern.compile("(?i)\\bError\\s+(\\d{3,4})\\b"));

    /** Vite's host check (vitejs/vite server/middlewares/hostCheck.ts, since v6.0.9 / v5.4.12 / v4.5.6): a 403 with this text. */
    private static final String VITE_BLOCKED = "Blocked request. This host (";

    private ErrorPages() {}

    /** Vite refused the request's Host header: its dev or preview server answered 403 with its own text. */
    static boolean viteHostBlocked(int status, String body) {
        return status == 403 && body != null && body.strip().startsWith(VITE_BLOCKED);
    }

    /** What Traefik meant by this body, or null when it is not one of Traefik's own pages. */
    static String traefik(String body) {
        return body == null ? null : TRAEFIK.get(body.strip());
    }

    static boolean isCloudflare(String body, Map<String, List<String>> headers) {
        String b = body == null ? "" : body.toLowerCase();
        boolean branded = b.contains("cloudflare") && (b.contains("cf-error") || b.contains("ray id") || b.contains("cf-wrapper")
                || b.contains("<title>") || b.contains("error code"));
        return branded || headers.containsKey("cf-cloudflared-response-meta");
    }

    /** The Cloudflare error code in a Cloudflare page (1033, 530, 502...), or null. */
    static Long cloudflareCode(String body, int status, Map<String, List<String>> headers) {
        if (!isCloudflare(body, headers)) return null;
        String b = body == null ? "" : body;
        for (Pattern p : CLOUDFLARE_CODE) {
            Matcher m = p.matcher(b);
            if (m.find()) return Long.parseLong(m.group(1));
        }
        return status >= 500 ? (long) status : null;
    }
}
