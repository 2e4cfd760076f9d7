package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The compose file DokPloy deployed (the path in com.docker.compose.project.config_files, or
 * /etc/dokploy/compose/<app>/code/docker-compose.yml): the routed service's networks, the form of
 * its labels (list or map) and its ports.
 */
final class ComposeProbe implements Probe {
    private static final YAMLMapper YAML = new YAMLMapper();

    @Override public String name() { return "compose"; }

    @Override public void run(ProbeContext ctx, Findings f) throws Exception {
        HostSnapshot s = ctx.snapshotIfAvailable();
        Map<String, String> labels = s == null || s.routed() == null ? Map.of() : Containers.labels(s.routed().listing());
        String project = labels.getOrDefault(Containers.PROJECT, ctx.target().project());
        String service = labels.getOrDefault(Containers.SERVICE, ctx.target().service());
        if (project == null) throw new Skip("not a compose service (no --project, and no compose labels on the routed container)");
        if (service == null) throw new Skip("no compose service given (--service)");
        List<Path> candidates = new ArrayList<>();
        String files = labels.get(Containers.CONFIG_FILES);
        if (files != null) for (String p : files.split(",")) if (!p.isBlank()) candidates.add(Path.of(p.trim()));
        candidates.add(ctx.env().composeRoot().resolve(project).resolve("code").resolve("docker-compose.yml"));
        Path file = candidates.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new CouldNotCheck(
                "cannot read the compose file (" + String.join(", ", candidates.stream().map(Path::toString).toList())
                        + (!ctx.env().dockerIsLocal() ? "; the Docker engine is remote, so its files are not here"
                        : ctx.env().placement() != ProbeEnvironment.Placement.HOST ? "; inside a container: mount them with -v /etc/dokploy:/etc/dokploy:ro"
                        : "") + ")"));
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CouldNotCheck(file + " is not valid YAML: " + TraefikProbe.firstLine(String.valueOf(e.getMessage())), e);
        }
        JsonNode services = root == null ? null : root.get("services");
        if (services == null || !services.isObject()) throw new CouldNotCheck(file + " has no services: map");
        JsonNode svc = services.get(service);
        if (svc == null) {
            List<String> names = new ArrayList<>();
            services.fieldNames().forEachRemaining(names::add);
            throw new CouldNotCheck("service " + service + " is not in " + file + " (services: " + String.join(", ", names) + ")");
        }
        String where = file + ": services." + service;
        List<String> nets = names(svc.get("networks"));
        boolean external = root.path("networks").path(DockerProbe.DOKPLOY_NETWORK).path("external").asBoolean(false);
        f.fact("compose.networks_declared", nets.contains(DockerProbe.DOKPLOY_NETWORK), where + ".networks = "
                + (svc.has("networks") ? nets : "(absent: only the project's default network)")
                + "; root networks." + DockerProbe.DOKPLOY_NETWORK + (external ? " is external" : " is not declared external"));
        JsonNode labelNode = svc.has("labels") ? svc.get("labels") : svc.path("deploy").get("labels");
        String labelPath = svc.has("labels") ? ".labels" : ".deploy.labels";
        if (labelNode != null && (labelNode.isArray() || labelNode.isObject())) {
            f.fact("compose.labels_form", labelNode.isArray() ? "list" : "map", where + labelPath + " is a "
                    + (labelNode.isArray() ? "list (- key=value)" : "map (key: value)") + " with " + labelNode.size() + " entries");
        } else {
            f.observe(where + " has no labels");
        }
        if (svc.has("ports")) f.observe(where + ".ports = " + names(svc.get("ports")));
        Iterator<Map.Entry<String, JsonNode>> it = services.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(service)) continue;
            f.observe("services." + e.getKey() + ".networks = " + (e.getValue().has("networks") ? names(e.getValue().get("networks")) : "(absent: default)"));
        }
    }

    /** Network names or port specs of a list or map node. */
    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        if (n.isArray()) n.forEach(x -> out.add(x.isValueNode() ? x.asText() : x.toString()));
        else if (n.isObject()) n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
