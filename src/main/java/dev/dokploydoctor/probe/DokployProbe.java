package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DokPloy's own view through its API (only with DOKPLOY_URL and DOKPLOY_API_KEY): the user's role,
 * the compose or application named by the appName, its deploy status and last error, and the
 * settings of its domain (type, serviceName, https, certificate, port).
 */
final class DokployProbe implements Probe {
    private static final int MAX_LOOKUPS = 25;
    private static final Set<String> DEPLOY_STATES = Set.of("done", "error", "running");

    /** A compose or an application: which API procedures describe it. */
    private record Kind(String kind, String listField, String idField, String oneProcedure, String statusField, String domainsProcedure) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("compose", "compose", "composeId", "compose.one", "composeStatus", "domain.byComposeId"),
            new Kind("application", "applications", "applicationId", "application.one", "applicationStatus", "domain.byApplicationId"));

    @Override public String name() { return "dokploy"; }

    /** Runs when either variable is set: half of the pair is a setup to finish, not a probe to skip in silence. */
    @Override public boolean applies(ProbeTarget target, ProbeEnvironment env) { return env.dokployUrl() != null || env.dokployApiKey() != null; }

    @Override public void run(ProbeContext ctx, Findings f) throws Exception {
        if (!applies(ctx.target(), ctx.env())) throw new Skip("set DOKPLOY_URL and DOKPLOY_API_KEY to check DokPloy's settings");
        if (ctx.env().dokployApiKey() == null) {
            throw new CouldNotCheck("DOKPLOY_URL is set but DOKPLOY_API_KEY is not: create a key in DokPloy (Settings, Profile, API/CLI) and export DOKPLOY_API_KEY");
        }
        if (ctx.env().dokployUrl() == null) {
            throw new CouldNotCheck("DOKPLOY_API_KEY is set but DOKPLOY_URL is not: export DOKPLOY_URL=https://<your DokPloy dashboard>");
        }
        DokployApi api = new DokployApi(ctx.env().dokployUrl(), ctx.env().dokployApiKey(), ctx.timeout());
        role(api, f);
        String appName = appName(ctx);
        if (appName == null) {
            f.observe("no appName to look up (give --project, or --service of a compose container)");
            return;
        }
        JsonNode projects = api.get("project.all", null, null);
        for (Kind kind : KINDS) {
            JsonNode one = find(api, projects, kind, appName);
            if (one != null) {
                service(ctx, api, kind, one, appName, f);
                return;
            }
        }
        f.observe("no compose or application with appName " + appName + " in " + api.describe("project.all"));
        f.notChecked("DokPloy has no compose or application with appName " + appName + ": its DokPloy settings were not checked;"
                + " give --project the appName DokPloy shows for the service");
    }

    private static void role(DokployApi api, Findings f) throws InterruptedException {
        JsonNode member = api.get("user.get", null, null);
        String role = member == null ? null : member.path("role").asText(null);
        if (role == null || !Set.of("owner", "admin", "member").contains(role)) {
            f.observe(api.describe("user.get") + " gave no role");
            return;
        }
        List<String> flags = new ArrayList<>();
        member.fieldNames().forEachRemaining(n -> {
            if (n.startsWith("can") && member.get(n).isBoolean()) flags.add(n + "=" + member.get(n).asBoolean());
        });
        f.fact("user.role", role, api.describe("user.get") + ": role " + role + (flags.isEmpty() ? "" : "; " + String.join(", ", flags)));
    }

    private static String appName(ProbeContext ctx) throws InterruptedException {
        if (ctx.target().project() != null) return ctx.target().project();
        HostSnapshot s = ctx.snapshotIfAvailable();
        if (s != null && s.routed() != null) {
            String project = s.routed().project();
            if (project != null) return project;
            String swarm = Containers.label(s.routed().listing(), Containers.SWARM_SERVICE);
            if (swarm != null) return swarm;
        }
        return null;
    }

    /** The full row (X.one) whose appName matches, looked up from project.all. */
    private static JsonNode find(DokployApi api, JsonNode projects, Kind kind, String appName) throws InterruptedException {
        List<JsonNode> entries = new ArrayList<>();
        collect(projects, kind, entries);
        for (JsonNode e : entries) {
            if (appName.equals(e.path("appName").asText(null))) return api.get(kind.oneProcedure(), kind.idField(), e.get(kind.idField()).asText());
        }
        int looked = 0;
        for (JsonNode e : entries) {
            if (e.has("appName") || looked++ >= MAX_LOOKUPS) continue;   // project.all without appName (older builds): ask each
            JsonNode one = api.get(kind.oneProcedure(), kind.idField(), e.get(kind.idField()).asText());
            if (one != null && appName.equals(one.path("appName").asText(null))) return one;
        }
        return null;
    }

    /** Entries of {@code kind} anywhere in project.all: under environments (>= v0.25) or on the project (older). */
    private static void collect(JsonNode node, Kind kind, List<JsonNode> out) {
        if (node == null) return;
        if (node.isArray()) {
            for (JsonNode n : node) collect(n, kind, out);
            return;
        }
        if (!node.isObject()) return;
        JsonNode list = node.get(kind.listField());
        if (list != null && list.isArray()) for (JsonNode e : list) if (e.hasNonNull(kind.idField())) out.add(e);
        JsonNode envs = node.get("environments");
        if (envs != null) collect(envs, kind, out);
    }

    private static void service(ProbeContext ctx, DokployApi api, Kind kind, JsonNode one, String appName, Findings f) throws InterruptedException {
        String id = one.path(kind.idField()).asText();
        String source = api.describe(kind.oneProcedure() + "?" + kind.idField() + "=" + id);
        f.fact("service.kind", kind.kind(), source + ": a DokPloy " + kind.kind() + " with appName " + appName);
        String status = one.path(kind.statusField()).asText("");
        if (DEPLOY_STATES.contains(status)) f.fact("deploy.status", status, source + ": " + kind.statusField() + "=" + status);
        else f.observe(source + ": " + kind.statusField() + "=" + (status.isEmpty() ? "(none)" : status));
        lastDeployError(one, source, f);
        JsonNode domains = one.has("domains") && one.get("domains").isArray() ? one.get("domains") : api.get(kind.domainsProcedure(), kind.idField(), id);
        domain(ctx, domains, source, f);
    }

    private static void lastDeployError(JsonNode one, String source, Findings f) {
        JsonNode latest = null;
        for (JsonNode d : one.path("deployments")) {
            if (latest == null || d.path("createdAt").asText("").compareTo(latest.path("createdAt").asText("")) > 0) latest = d;
        }
        if (latest == null || !"error".equals(latest.path("status").asText())) return;
        String message = latest.path("errorMessage").asText("");
        if (!message.isBlank()) {
            f.fact("deploy.error", message.strip(), source + ": last deployment (" + latest.path("createdAt").asText() + ") errorMessage");
        }
    }

    private static void domain(ProbeContext ctx, JsonNode domains, String source, Findings f) throws InterruptedException {
        if (domains == null || !domains.isArray() || domains.isEmpty()) {
            f.observe(source + ": no domains");
            return;
        }
        String host = ctx.host();
        JsonNode chosen = null;
        for (JsonNode d : domains) if (host != null && host.equalsIgnoreCase(d.path("host").asText())) chosen = d;
        if (chosen == null) {
            chosen = domains.get(0);
            if (domains.size() > 1) f.observe(domains.size() + " domains; looking at the first, " + chosen.path("host").asText()
                    + (host == null ? "" : " (none is " + host + ")"));
        }
        String ev = source + ": domain " + chosen.path("host").asText() + " (" + chosen.path("domainId").asText() + ")";
        String type = chosen.path("domainType").asText("");
        if (type.equals("compose") || type.equals("application")) f.fact("domain.type", type, ev + " domainType=" + type);
        else f.observe(ev + " domainType=" + type);
        if (chosen.has("serviceName")) {
            f.fact("domain.service_name", chosen.get("serviceName").isNull() ? "" : chosen.get("serviceName").asText(), ev + " serviceName=" + chosen.get("serviceName"));
        }
        if (chosen.has("https")) f.fact("domain.https", chosen.get("https").asBoolean(), ev + " https=" + chosen.get("https"));
        String cert = chosen.path("certificateType").asText("");
        if (Set.of("none", "letsencrypt", "custom").contains(cert)) f.fact("domain.certificate", cert, ev + " certificateType=" + cert);
        if (chosen.path("port").isNumber()) f.fact("domain.port", chosen.get("port").asLong(), ev + " port=" + chosen.get("port"));
        deployedLabels(ctx, chosen, type, f);
    }

    /** A compose domain only reaches Traefik as container labels at deploy time: compare with the running labels. */
    private static void deployedLabels(ProbeContext ctx, JsonNode domain, String type, Findings f) throws InterruptedException {
        if (!type.equals("compose")) return;
        HostSnapshot s = ctx.snapshotIfAvailable();
        if (s == null || s.routed() == null) return;
        String host = domain.path("host").asText();
        TraefikLabels.Router r = s.routed().traefikLabels().routerFor(host);
        String name = s.routed().name();
        if (r == null) {
            f.fact("domain.changed_since_deploy", true, "DokPloy has domain " + host + ", but " + name + " has no router label with Host(`" + host + "`)");
        } else if (domain.path("port").isNumber() && r.port() != null && r.port() != domain.get("port").asInt()) {
            f.fact("domain.changed_since_deploy", true, "DokPloy's domain " + host + " targets port " + domain.get("port")
                    + ", the label on " + name + " says " + r.port());
        } else {
            f.fact("domain.changed_since_deploy", false, name + " carries router " + r.name() + " for " + host + " as DokPloy has it");
        }
    }
}
