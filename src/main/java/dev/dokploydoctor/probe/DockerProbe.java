package dev.dokploydoctor.probe;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Docker Engine's view: the routed container (state, health, networks, labels, published
 * ports, listening sockets), its compose siblings, dokploy-traefik's state and networks, and the API version.
 * A little over 300 lines on purpose: each fact it gathers is a few lines beside the inspect call
 * that reads it, and the calls share one container lookup; split, a fact's origin would be harder to find.
 */
final class DockerProbe implements Probe {
    static final String DOKPLOY_NETWORK = "dokploy-network";

    @Override public String name() { return "docker"; }

    @Override public void run(ProbeContext ctx, Findings f) throws Exception {
        HostSnapshot s = ctx.snapshot();
        DockerAccess docker = ctx.docker();
        f.fact("docker.api_version", s.apiVersion(), "GET /version on " + docker.host() + ": ApiVersion " + s.apiVersion());
        traefik(s, f);
        HostSnapshot.Routed r = s.routed();
        if (r == null) {
            f.observe(s.routedNote());
            ProbeTarget t = ctx.target();
            if (t.service() == null && t.url() == null) {
                f.notChecked(ProbeTarget.APP_NOT_NAMED);
            } else {
                f.notChecked(s.routedNote() + ": the app was not checked");
            }
            // a project with no container at all is evidence (nothing runs); a misspelt service in it is not
            if (t.project() != null && !s.projectHasContainers()) {
                f.fact("containers.running", false, s.routedNote() + " (" + s.containers().size() + " containers listed, docker ps -a)");
            }
            return;
        }
        f.observe("routed container: " + r.name() + " (" + s.routedNote() + ")");
        InspectContainerResponse c = r.inspect();
        boolean running = state(c, f);
        service(r, f);
        List<String> appNetworks = Containers.networks(c);
        f.fact("app.networks", appNetworks, "docker inspect " + r.name() + ": NetworkSettings.Networks = " + appNetworks);
        dependencies(r, appNetworks, f);
        TraefikLabels.Router router = labels(ctx, r, appNetworks, f);
        ports(ctx, s, r, running, f);
        if (running) listening(ctx, docker, r, router, f);
    }

    private static void traefik(HostSnapshot s, Findings f) {
        InspectContainerResponse t = s.traefik();
        if (t == null) {
            f.observe("no container named " + Containers.TRAEFIK + " on this host");
            return;
        }
        List<String> nets = Containers.networks(t);
        f.fact("traefik.on_dokploy_network", nets.contains(DOKPLOY_NETWORK),
                "docker inspect " + Containers.name(t) + ": networks " + nets);
        String image = t.getConfig() == null ? null : t.getConfig().getImage();
        String version = traefikVersion(image);
        if (version != null) f.fact("traefik.version", version, "docker inspect " + Containers.name(t) + ": image " + image);
        else f.observe(Containers.name(t) + " runs image " + image + " (no Traefik version in its tag)");
        traefikState(t, f);
    }

    /** traefik.running: Traefik's own container up, not exited, dead or in a restart loop (every domain hangs on it). */
    private static void traefikState(InspectContainerResponse t, Findings f) {
        InspectContainerResponse.ContainerState st = t.getState();
        if (st == null) return;
        boolean up = Containers.running(t) && !Boolean.TRUE.equals(st.getRestarting());
        f.fact("traefik.running", up, "docker inspect " + Containers.name(t) + ": State.Status=" + st.getStatus()
                + (up ? "" : ", ExitCode=" + st.getExitCodeLong() + ", RestartCount=" + t.getRestartCount()));
    }

    /** "traefik:v3.6.7" -> "3.6.7"; null when the image is not Traefik's or has no tag. */
    static String traefikVersion(String image) {
        if (image == null) return null;
        String noDigest = image.split("@")[0];
        int slash = noDigest.lastIndexOf('/');
        int colon = noDigest.lastIndexOf(':');
        if (colon <= slash) return null;
        String repo = noDigest.substring(0, colon);
        if (!repo.endsWith("traefik")) return null;
        String tag = noDigest.substring(colon + 1);
        return tag.startsWith("v") && tag.length() > 1 && Character.isDigit(tag.charAt(1)) ? tag.substring(1) : tag;
    }

    /** containers.running and container.health; returns whether the container runs. */
    private static boolean state(InspectContainerResponse c, Findings f) {
        InspectContainerResponse.ContainerState st = c.getState();
        boolean restarting = Boolean.TRUE.equals(st.getRestarting());
        boolean running = Containers.running(c) && !restarting;
        StringBuilder ev = new StringBuilder("docker inspect " + Containers.name(c) + ": State.Status=" + st.getStatus());
        if (!running) ev.append(", ExitCode=").append(st.getExitCodeLong());
        if (st.getError() != null && !st.getError().isBlank()) ev.append(", Error=").append(st.getError());
        ev.append(", RestartCount=").append(c.getRestartCount());
        f.fact("containers.running", running, ev.toString());
        if (c.getRestartCount() != null && c.getRestartCount() > 0) {
            f.observe(Containers.name(c) + " has restarted " + c.getRestartCount() + " times");
        }
        if (running) {
            HealthState h = st.getHealth();
            if (h == null || h.getStatus() == null || h.getStatus().isBlank()) {
                f.fact("container.health", "none", "docker inspect " + Containers.name(c) + ": no healthcheck (State.Health absent)");
            } else {
                f.fact("container.health", h.getStatus(), "docker inspect " + Containers.name(c) + ": State.Health.Status=" + h.getStatus()
                        + ", FailingStreak=" + h.getFailingStreak() + lastHealthLog(h));
            }
        }
        return running;
    }

    private static String lastHealthLog(HealthState h) {
        List<HealthStateLog> log = h.getLog();
        if (log == null || log.isEmpty()) return "";
        HealthStateLog last = log.get(log.size() - 1);
        String out = last.getOutput() == null ? "" : last.getOutput().strip();
        if (out.length() > 200) out = out.substring(0, 200) + "...";
        return "; last check exit " + last.getExitCodeLong() + (out.isEmpty() ? "" : ": " + out);
    }

    private static void service(HostSnapshot.Routed r, Findings f) {
        Map<String, String> labels = Containers.labels(r.listing());
        String project = labels.get(Containers.PROJECT);
        String stack = labels.get(Containers.STACK);
        String swarmService = labels.get(Containers.SWARM_SERVICE);
        if (project != null || stack != null) {
            String key = project != null ? Containers.PROJECT : Containers.STACK;
            f.fact("service.kind", "compose", "label " + key + "=" + labels.get(key) + " on " + r.name());
            f.fact("service.project", project != null ? project : stack, "label " + key + " on " + r.name());
            String svc = labels.get(Containers.SERVICE);
            if (svc == null && swarmService != null) svc = swarmService.startsWith(stack + "_") ? swarmService.substring(stack.length() + 1) : swarmService;
            if (svc != null) f.fact("service.name", svc, "label " + Containers.SERVICE + " on " + r.name());
            f.fact("service.has_dependencies", !r.siblings().isEmpty(), r.siblings().isEmpty()
                    ? "no other container carries " + key + "=" + labels.get(key)
                    : "other services of the project: " + String.join(", ", r.siblings().stream().map(Containers::dnsName).toList()));
        } else if (swarmService != null) {
            f.fact("service.kind", "application", "label " + Containers.SWARM_SERVICE + "=" + swarmService + " (a DokPloy application runs as a Swarm service)");
            f.fact("service.name", swarmService, "label " + Containers.SWARM_SERVICE + " on " + r.name());
        } else {
            f.fact("service.name", r.name(), "container name (no compose or swarm labels)");
        }
    }

    /**
     * The dependency the rules should look at: the first sibling Docker's DNS cannot give the app
     * (stopped, or on no network the app is on), else the first sibling.
     */
    private static void dependencies(HostSnapshot.Routed r, List<String> appNetworks, Findings f) {
        if (r.siblings().isEmpty()) return;
        Set<String> app = new HashSet<>(appNetworks);
        Container chosen = null;
        for (Container sib : r.siblings()) {
            boolean shares = !Collections.disjoint(app, Containers.networks(sib));
            f.observe("sibling " + Containers.dnsName(sib) + " (" + Containers.name(sib) + "): " + sib.getState()
                    + ", networks " + Containers.networks(sib) + (shares ? "" : ", shares no network with " + r.name()));
            if (chosen == null && (!shares || !Containers.running(sib))) chosen = sib;
        }
        if (chosen == null) chosen = r.siblings().get(0);
        String dep = Containers.dnsName(chosen);
        List<String> depNets = Containers.networks(chosen);
        List<String> shared = depNets.stream().filter(app::contains).toList();
        f.fact("dependency.name", dep, "compose service " + dep + " of project " + r.project() + " (container " + Containers.name(chosen) + ")");
        f.fact("dependency.networks", depNets, "docker ps -a: " + Containers.name(chosen) + " networks " + depNets);
        f.fact("dependency.running", Containers.running(chosen), "docker ps -a: " + Containers.name(chosen) + " state " + chosen.getState()
                + " (" + chosen.getStatus() + ")");
        f.fact("dependency.shares_network", !shared.isEmpty(), shared.isEmpty()
                ? r.name() + " is on " + appNetworks + ", " + Containers.name(chosen) + " on " + depNets + ": no network in common"
                : "both on " + shared);
    }

    /** Traefik labels of the routed container: the network label, and the host and port of its router. */
    private static TraefikLabels.Router labels(ProbeContext ctx, HostSnapshot.Routed r, List<String> appNetworks, Findings f) throws InterruptedException {
        TraefikLabels t = r.traefikLabels();
        String net = t.network();
        f.fact("traefik.docker_network_label", net == null ? "" : net, net == null
                ? "no " + TraefikLabels.NETWORK_LABEL + " label on " + r.name()
                : "label " + TraefikLabels.NETWORK_LABEL + "=" + net + " on " + r.name());
        if (net != null && !net.isBlank() && !appNetworks.contains(net)) {
            f.observe(TraefikLabels.NETWORK_LABEL + "=" + net + " names a network " + r.name() + " is not on " + appNetworks);
        }
        if (!t.hasRouters()) {
            f.observe(r.name() + " has no traefik.http.routers.*.rule label");
            return null;
        }
        TraefikLabels.Router router = t.primary(HostSnapshot.urlHost(ctx.target().url()));
        if (router == null) return null;
        if (!router.hosts().isEmpty()) {
            f.fact("domain.host", router.hosts().get(0), "label traefik.http.routers." + router.name() + ".rule=" + router.rule());
        }
        if (router.port() != null) {
            f.fact("domain.port", router.port(), "label traefik.http.services." + router.service() + ".loadbalancer.server.port=" + router.port());
            // a fix rewrites this label's value under the same name (user15 uc18: a second service beside it links to no router)
            f.fact("traefik.service_name", router.service(), "label traefik.http.services." + router.service() + ".loadbalancer.server.port on " + r.name());
        }
        if (!t.enabled()) f.observe(r.name() + " has router labels but not traefik.enable=true");
        return router;
    }

    /** A published host port, and whether another container or a host process holds it. */
    private static void ports(ProbeContext ctx, HostSnapshot s, HostSnapshot.Routed r, boolean running, Findings f) throws Exception {
        record Binding(int hostPort, String proto, String spec) {}
        List<Binding> bindings = new ArrayList<>();
        Ports pb = r.inspect().getHostConfig() == null ? null : r.inspect().getHostConfig().getPortBindings();
        if (pb != null && pb.getBindings() != null) {
            for (Map.Entry<ExposedPort, Ports.Binding[]> e : pb.getBindings().entrySet()) {
                if (e.getValue() == null) continue;
                for (Ports.Binding b : e.getValue()) {
                    Integer port = firstPort(b.getHostPortSpec());
                    if (port == null) continue;
                    String ip = b.getHostIp() == null || b.getHostIp().isBlank() ? "0.0.0.0" : b.getHostIp();
                    bindings.add(new Binding(port, e.getKey().getProtocol().toString(),
                            ip + ":" + port + "->" + e.getKey().getPort() + "/" + e.getKey().getProtocol()));
                }
            }
        }
        if (bindings.isEmpty()) return;
        bindings.sort((a, b) -> Integer.compare(a.hostPort(), b.hostPort()));
        Binding chosen = null;
        String holder = null;
        for (Binding b : bindings) {
            holder = holder(ctx, s, r, running, b.hostPort(), b.proto());
            if (holder != null) {
                chosen = b;
                break;
            }
        }
        if (chosen == null) chosen = bindings.get(0);
        f.fact("host.port", chosen.hostPort(), "docker inspect " + r.name() + ": HostConfig.PortBindings " + chosen.spec());
        if (holder != null) {
            f.fact("host.port_conflict", true, holder);
        } else {
            boolean hostChecked = running || !"tcp".equalsIgnoreCase(chosen.proto()) || ctx.env().seesHostSockets();
            if (hostChecked) {
                f.fact("host.port_conflict", false, "no other container publishes " + chosen.hostPort() + "/" + chosen.proto()
                        + (running ? " (" + r.name() + " holds it)" : " and no host process listens on it"));
            } else {
                // no container holds it, but a host process might: say so instead of a false "no conflict"
                f.observe("whether a host process listens on port " + chosen.hostPort() + ": " + ctx.env().hostViewProblem());
            }
        }
    }

    /** Who else holds {@code port}: another container publishing it, or a host process listening on it. */
    private static String holder(ProbeContext ctx, HostSnapshot s, HostSnapshot.Routed r, boolean running, int port, String proto) throws Exception {
        for (Container c : s.containers()) {
            if (c.getId().equals(r.inspect().getId()) || c.getPorts() == null) continue;
            for (ContainerPort p : c.getPorts()) {
                if (p.getPublicPort() != null && p.getPublicPort() == port && proto.equalsIgnoreCase(p.getType())) {
                    return "container " + Containers.name(c) + " (" + c.getState() + ") publishes " + (p.getIp() == null ? "" : p.getIp() + ":")
                            + port + "->" + p.getPrivatePort() + "/" + p.getType();
                }
            }
        }
        // a running container holds its own published port (docker-proxy listens for it on the host)
        if (running || !"tcp".equalsIgnoreCase(proto) || !ctx.env().seesHostSockets()) return null;
        HostFiles host = new HostFiles(ctx.env());
        List<ListenSockets.Socket> listeners = ListenSockets.parse(host.readNet("tcp") + "\n" + host.readNet("tcp6"));
        for (ListenSockets.Socket l : listeners) {
            if (l.port() == port) {
                return "a host process listens on " + l.address() + ":" + port + " (" + host.netPath("tcp")
                        + ") and no container publishes it";
            }
        }
        return null;
    }

    static Integer firstPort(String spec) {
        if (spec == null || spec.isBlank()) return null;
        try {
            return Integer.parseInt(spec.split("-")[0].trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The LISTEN socket of the app: read /proc/net/tcp{,6} inside the container (or via its PID on the host). */
    private static void listening(ProbeContext ctx, DockerAccess docker, HostSnapshot.Routed r, TraefikLabels.Router router, Findings f) throws Exception {
        String id = r.inspect().getId();
        String source;
        String text;
        DockerAccess.ExecResult cat = docker.exec(id, r.name(), "cat", "/proc/net/tcp", "/proc/net/tcp6");
        if (!cat.commandMissing()) {
            source = cat.command();
            text = cat.stdout();
        } else {
            Long pid = r.inspect().getState().getPidLong();
            if (!ctx.env().seesHostProcesses() || pid == null || pid <= 0) {
                String why = ctx.env().hostViewProblem();
                f.observe("could not read listening sockets: no cat in the image (" + cat.output() + ")"
                        + (why == null ? "" : "; through the host's /proc: " + why));
                return;
            }
            HostFiles host = new HostFiles(ctx.env());
            source = "read " + host.path(pid + "/net/tcp") + " (the container's network namespace; the image has no cat)";
            text = host.read(pid + "/net/tcp") + "\n" + host.read(pid + "/net/tcp6");
        }
        List<ListenSockets.Socket> sockets = ListenSockets.parse(text);
        if (sockets.isEmpty()) {
            f.observe("nothing listens on TCP inside " + r.name() + " (" + source + ")");
            return;
        }
        List<Integer> ports = ListenSockets.ports(sockets);
        Integer wanted = router == null ? null : router.port();
        int port = wanted != null && ports.contains(wanted) ? wanted : ports.get(0);
        String address = ListenSockets.effectiveAddress(sockets, port);
        String all = String.join(", ", sockets.stream().map(x -> x.address() + ":" + x.port()).toList());
        f.fact("app.listen_address", address, source + ": LISTEN " + all);
        f.fact("app.listen_bound", address, source + ": the socket on port " + port + " is bound to " + address
                + (address.equals(ListenSockets.ALL) ? " (every interface)" : ""));
        f.fact("app.listen_port", port, source + ": LISTEN " + all
                + (wanted != null && !ports.contains(wanted) ? "; nothing listens on the domain's port " + wanted : ""));
    }
}
