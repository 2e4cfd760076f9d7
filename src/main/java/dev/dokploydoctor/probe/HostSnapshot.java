package dev.dokploydoctor.probe;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One look at the Docker host, shared by the probes of a run: the engine's API version, every
 * container, the routed container (with its compose siblings) and dokploy-traefik.
 *
 * @param routed     the container the target names, or null
 * @param routedNote how the routed container was found, or why not
 * @param projectHasContainers false when --project was given and no container carries that project
 */
record HostSnapshot(String apiVersion, List<Container> containers, Routed routed, String routedNote,
                    boolean projectHasContainers, InspectContainerResponse traefik) {

    /** The routed container: its listing, its full inspect, and one container per sibling service. */
    record Routed(Container listing, InspectContainerResponse inspect, List<Container> siblings) {
        String name() { return Containers.name(inspect); }
        String project() { return Containers.label(listing, Containers.PROJECT); }
        TraefikLabels traefikLabels() { return new TraefikLabels(Containers.labels(inspect)); }
    }

    /** Version and list in parallel, then the two inspects in parallel: the snapshot gates most probes. */
    static HostSnapshot load(DockerAccess docker, ProbeTarget target, Executor pool) {
        CompletableFuture<String> api = CompletableFuture.supplyAsync(docker::apiVersion, pool);
        // DokPloy's standalone Traefik has a fixed name: inspect it while the list is on its way
        CompletableFuture<InspectContainerResponse> traefikByName = CompletableFuture.supplyAsync(
                () -> docker.inspect(Containers.TRAEFIK).orElse(null), pool);
        List<Container> all = docker.containers();
        List<Container> matches = new ArrayList<>();
        String note = find(all, target, matches);
        boolean projectHasContainers = target.project() == null
                || all.stream().anyMatch(c -> target.project().equals(Containers.label(c, Containers.PROJECT)));
        // else the older Swarm-service variant (dokploy-traefik.1.<task>)
        CompletableFuture<InspectContainerResponse> traefik = traefikByName.thenApplyAsync(byName -> byName != null ? byName
                : all.stream().filter(Containers::isTraefik).min(Comparator.comparingInt(Containers::preference))
                .flatMap(c -> docker.inspect(c.getId())).orElse(null), pool);
        Routed routed = null;
        if (!matches.isEmpty()) {
            Container best = matches.stream().min(Comparator.comparingInt(Containers::preference)).orElseThrow();
            InspectContainerResponse inspect = docker.inspect(best.getId()).orElse(null);
            if (inspect != null) routed = new Routed(best, inspect, siblings(all, best));
            else note = Containers.name(best) + " disappeared while probing";
        }
        return new HostSnapshot(api.join(), List.copyOf(all), routed, note, projectHasContainers, traefik.join());
    }

    /** Fill {@code out} with the containers the target names; return how they were found (or why not). */
    private static String find(List<Container> all, ProbeTarget t, List<Container> out) {
        if (t.service() != null && t.project() != null) {
            for (Container c : all) {
                if (t.project().equals(Containers.label(c, Containers.PROJECT))
                        && (t.service().equals(Containers.label(c, Containers.SERVICE)) || t.service().equals(Containers.name(c)))) {
                    out.add(c);
                }
            }
            if (!out.isEmpty()) return "compose service " + t.service() + " of project " + t.project();
            java.util.Set<String> services = new java.util.TreeSet<>();
            java.util.Set<String> projects = new java.util.TreeSet<>();
            for (Container c : all) {
                String p = Containers.label(c, Containers.PROJECT);
                if (p != null) projects.add(p);
                if (t.project().equals(p) && Containers.label(c, Containers.SERVICE) != null) services.add(Containers.label(c, Containers.SERVICE));
            }
            if (!services.isEmpty()) {
                return "no service " + t.service() + " in project " + t.project() + "; it has " + String.join(", ", services);
            }
            return "no compose project " + t.project() + " on this host" + (projects.isEmpty() ? "" : "; projects: " + String.join(", ", projects));
        }
        if (t.service() != null) {
            for (Container c : all) if (Containers.name(c).equals(t.service())) out.add(c);
            if (!out.isEmpty()) return "container named " + t.service();
            Map<String, List<Container>> byProject = new LinkedHashMap<>();
            for (Container c : all) {
                if (t.service().equals(Containers.label(c, Containers.SERVICE))
                        || t.service().equals(Containers.label(c, Containers.SWARM_SERVICE))) {
                    byProject.computeIfAbsent(String.valueOf(Containers.label(c, Containers.PROJECT)), k -> new ArrayList<>()).add(c);
                }
            }
            if (byProject.size() == 1) {
                out.addAll(byProject.values().iterator().next());
                return "service " + t.service();
            }
            if (byProject.size() > 1) {
                return "service " + t.service() + " exists in several compose projects (" + String.join(", ", byProject.keySet())
                        + "); add --project";
            }
            return "no container or compose service named " + t.service();
        }
        String host = urlHost(t.url());
        if (host != null) {
            for (Container c : all) {
                if (Containers.isTraefik(c)) continue;
                if (new TraefikLabels(Containers.labels(c)).routerFor(host) != null) out.add(c);
            }
            return out.isEmpty() ? "no container has a Traefik Host(`" + host + "`) label"
                    : "container with the Traefik label Host(`" + host + "`)";
        }
        return "no --service or --url given";
    }

    private static List<Container> siblings(List<Container> all, Container routed) {
        String project = Containers.label(routed, Containers.PROJECT);
        if (project == null) return List.of();
        String routedService = Containers.dnsName(routed);
        Map<String, Container> byService = new LinkedHashMap<>();
        all.stream()
                .filter(c -> project.equals(Containers.label(c, Containers.PROJECT)))
                .filter(c -> !"True".equalsIgnoreCase(Containers.label(c, Containers.ONEOFF)))
                .filter(c -> !Objects.equals(Containers.dnsName(c), routedService))
                .sorted(Comparator.comparing(Containers::dnsName).thenComparingInt(Containers::preference))
                .forEach(c -> byService.putIfAbsent(Containers.dnsName(c), c));
        return List.copyOf(byService.values());
    }

    static String urlHost(String url) {
        if (url == null || url.isBlank()) return null;
        String u = url.contains("://") ? url : "http://" + url;
        try {
            String h = URI.create(u).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
