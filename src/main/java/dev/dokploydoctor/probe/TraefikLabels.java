package dev.dokploydoctor.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The traefik.* labels of one container, as DokPloy writes them: routers with their rule and
 * service, services with their port, traefik.enable and traefik.docker.network.
 */
final class TraefikLabels {
    static final String NETWORK_LABEL = "traefik.docker.network";

    private static final Pattern ROUTER_RULE = Pattern.compile("traefik\\.http\\.routers\\.([^.]+)\\.rule");
    private static final Pattern SERVICE_PORT = Pattern.compile("traefik\\.http\\.services\\.([^.]+)\\.loadbalancer\\.server\\.port");
    private static final Pattern HOST_CALL = Pattern.compile("Host\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("[`\"]([^`\"]+)[`\"]");

    /** One router: its name, rule, the hosts its Host() matchers name, and its service port (or null). */
    record Router(String name, String rule, List<String> hosts, String service, Integer port) {}

    private final Map<String, String> labels;
    private final Map<String, Router> routers = new LinkedHashMap<>();

    TraefikLabels(Map<String, String> labels) {
        this.labels = labels == null ? Map.of() : labels;
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : this.labels.entrySet()) {
            Matcher m = SERVICE_PORT.matcher(e.getKey());
            if (m.matches()) {
                try {
                    ports.put(m.group(1), Integer.parseInt(e.getValue().trim()));
                } catch (NumberFormatException ignored) {
                    // a non-numeric port label: Traefik rejects it too; leave the port unknown
                }
            }
        }
        for (Map.Entry<String, String> e : this.labels.entrySet()) {
            Matcher m = ROUTER_RULE.matcher(e.getKey());
            if (!m.matches()) continue;
            String name = m.group(1);
            String service = this.labels.get("traefik.http.routers." + name + ".service");
            if (service == null) service = ports.containsKey(name) ? name : ports.size() == 1 ? ports.keySet().iterator().next() : null;
            routers.put(name, new Router(name, e.getValue(), hosts(e.getValue()), service, service == null ? null : ports.get(service)));
        }
    }

    static List<String> hosts(String rule) {
        List<String> out = new ArrayList<>();
        Matcher call = HOST_CALL.matcher(rule == null ? "" : rule);
        while (call.find()) {
            Matcher q = QUOTED.matcher(call.group(1));
            while (q.find()) out.add(q.group(1).toLowerCase());
        }
        return out;
    }

    List<Router> routers() { return List.copyOf(routers.values()); }

    boolean hasRouters() { return !routers.isEmpty(); }

    /** The first router whose rule names {@code host}, or null. */
    Router routerFor(String host) {
        if (host == null) return null;
        for (Router r : routers.values()) if (r.hosts().contains(host.toLowerCase())) return r;
        return null;
    }

    /** The router for {@code host} when given and present, else the first router with a Host(). */
    Router primary(String host) {
        Router r = routerFor(host);
        if (r != null) return r;
        for (Router any : routers.values()) if (!any.hosts().isEmpty()) return any;
        return null;
    }

    boolean enabled() { return "true".equalsIgnoreCase(labels.getOrDefault("traefik.enable", "").trim()); }

    /** The traefik.docker.network label, or null when absent. */
    String network() { return labels.get(NETWORK_LABEL); }
}
