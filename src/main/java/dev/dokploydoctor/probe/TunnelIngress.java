package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cloudflared ingress rules (from config.yml, or the remote config it logs) and how cloudflared
 * matches a host to them: first rule whose hostname matches, a leading "*." is a wildcard, a rule
 * without hostname catches all (stack-internals §6).
 */
final class TunnelIngress {
    record Rule(String hostname, String path, String service) {
        boolean catchAll() { return hostname == null || hostname.isBlank() || hostname.equals("*"); }

        boolean matches(String host) {
            if (catchAll()) return true;
            String h = hostname.toLowerCase(Locale.ROOT);
            if (h.startsWith("*.")) return host.endsWith(h.substring(1));
            return h.equals(host);
        }

        @Override public String toString() {
            return (catchAll() ? "(catch-all)" : hostname) + (path == null ? "" : " path " + path) + " -> " + service;
        }
    }

    private static final Pattern LOGGED_CONFIG = Pattern.compile("Updated to new configuration config=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private TunnelIngress() {}

    /** The ingress list of a parsed config (YAML config.yml or the logged JSON). */
    static List<Rule> parse(JsonNode root) {
        List<Rule> out = new ArrayList<>();
        if (root == null) return out;
        for (JsonNode r : root.path("ingress")) {
            out.add(new Rule(text(r, "hostname"), text(r, "path"), text(r, "service")));
        }
        return out;
    }

    /** The JSON text of the last "Updated to new configuration config=..." line, unescaped; null if none. */
    static String lastLoggedConfig(List<String> lines) {
        String found = null;
        for (String line : lines) {
            Matcher m = LOGGED_CONFIG.matcher(line);
            if (m.find()) found = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return found;
    }

    static Rule match(List<Rule> rules, String host) {
        for (Rule r : rules) if (r.matches(host.toLowerCase(Locale.ROOT))) return r;
        return null;
    }

    /** traefik when the origin is dokploy-traefik or port 80/443; direct otherwise; null for http_status:/unix: origins. */
    static String routeVia(String service) {
        if (service == null || !service.contains("://")) return null;
        try {
            URI u = URI.create(service);
            if (u.getHost() == null) return null;
            int port = u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            if (u.getHost().equalsIgnoreCase(Containers.TRAEFIK) || port == 80 || port == 443) return "traefik";
            return "direct";
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
