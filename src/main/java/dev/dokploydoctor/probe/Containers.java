package dev.dokploydoctor.probe;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small readers over docker-java's container models (names without '/', networks, compose labels). */
final class Containers {
    static final String PROJECT = "com.docker.compose.project";
    static final String SERVICE = "com.docker.compose.service";
    static final String ONEOFF = "com.docker.compose.oneoff";
    static final String CONFIG_FILES = "com.docker.compose.project.config_files";
    static final String NUMBER = "com.docker.compose.container-number";
    static final String STACK = "com.docker.stack.namespace";
    static final String SWARM_SERVICE = "com.docker.swarm.service.name";
    static final String TRAEFIK = "dokploy-traefik";

    private Containers() {}

    static String name(Container c) {
        String[] names = c.getNames();
        if (names == null || names.length == 0) return c.getId().substring(0, 12);
        String n = names[0];
        return n.startsWith("/") ? n.substring(1) : n;
    }

    static String name(InspectContainerResponse c) {
        String n = c.getName();
        return n == null ? c.getId().substring(0, 12) : n.startsWith("/") ? n.substring(1) : n;
    }

    static Map<String, String> labels(Container c) { return c.getLabels() == null ? Map.of() : c.getLabels(); }

    static Map<String, String> labels(InspectContainerResponse c) {
        return c.getConfig() == null || c.getConfig().getLabels() == null ? Map.of() : c.getConfig().getLabels();
    }

    static String label(Container c, String key) { return labels(c).get(key); }

    static boolean running(Container c) { return "running".equalsIgnoreCase(c.getState()); }

    static boolean running(InspectContainerResponse c) {
        return c.getState() != null && Boolean.TRUE.equals(c.getState().getRunning());
    }

    static List<String> networks(Container c) {
        if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) return List.of();
        return new ArrayList<>(c.getNetworkSettings().getNetworks().keySet());
    }

    static List<String> networks(InspectContainerResponse c) {
        if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) return List.of();
        return new ArrayList<>(c.getNetworkSettings().getNetworks().keySet());
    }

    /** The name other containers use for it: the compose service name, else the container name. */
    static String dnsName(Container c) {
        String svc = label(c, SERVICE);
        return svc != null ? svc : name(c);
    }

    static boolean isTraefik(Container c) {
        String n = name(c);
        return n.equals(TRAEFIK) || n.startsWith(TRAEFIK + ".");
    }

    /** Running first, then the lowest compose container number: the replica to look at. */
    static int preference(Container c) {
        int number;
        try {
            number = Integer.parseInt(labels(c).getOrDefault(NUMBER, "1"));
        } catch (NumberFormatException e) {
            number = 1;
        }
        return (running(c) ? 0 : 1_000_000) + number;
    }
}
