package dev.dokploydoctor.probe;

import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A broken DokPloy host laid out on the real dockerd with the docker CLI: networks and containers
 * with the labels DokPloy writes. Everything it creates carries the label {@value #LABEL} and is
 * removed by {@link #close()}; leftovers of an earlier, killed run are removed at the start.
 *
 * <p>A test class takes one per test with {@code @RegisterExtension final TestHost h = TestHost.perTest();}:
 * opened before each test (and its {@code @BeforeEach} methods) and closed after it, whether the test
 * passed or failed; {@link #open()} is for a try-with-resources block.
 *
 * <p>Real DokPloy makes dokploy-network a Swarm overlay; here it is a plain bridge named
 * dokploy-network (no Swarm in CI). The probes only look at network names, which is what Traefik
 * matches too.
 */
final class TestHost implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    static final String IMAGE = "dokploy-doctor/busybox:test";
    static final String LABEL = "dev.dokploydoctor.test";
    static final String DOKPLOY_NETWORK = "dokploy-network";
    static final String TRAEFIK = "dokploy-traefik";
    static final Vocabulary VOCABULARY = Knowledge.load(List.of(Layers.checkout(Path.of("")))).vocabulary();

    /** Facts each probe answered, per scenario, printed at the end of the run for the report. */
    static final Map<String, String> ANSWERED = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * dokploy-traefik and dokploy-network have fixed names, so two test JVMs on one dockerd (two
     * worktrees testing at once) would trip over each other: a host-wide lock makes them take turns.
     */
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "dokploy-doctor-docker-tests.lock");

    final String run = "dd" + UUID.randomUUID().toString().substring(0, 6);
    /** The app's compose project, this run's own: no other run (or worktree) names a container after it. */
    final String app = "shop-" + run;
    /** The domain the app is routed under. */
    final String domain = app + ".example.test";
    private FileChannel lockChannel;
    private FileLock lock;
    private final List<String> containers = new ArrayList<>();
    private final List<String> networks = new ArrayList<>();

    /** A host for each test of a class, as a JUnit extension: opened before the test, closed after it. */
    static TestHost perTest() { return new TestHost(); }

    /** A host opened now, for try-with-resources. */
    static TestHost open() {
        TestHost h = new TestHost();
        h.begin();
        return h;
    }

    private TestHost() {}

    @Override public void beforeEach(ExtensionContext context) { begin(); }

    @Override public void afterEach(ExtensionContext context) { close(); }

    /** Docker must be there; without it the test fails in CI (DOKPLOY_DOCTOR_REQUIRE_DOCKER=1) and is skipped elsewhere. */
    private void begin() {
        String why = dockerProblem();
        if (why != null) {
            if ("1".equals(System.getenv("DOKPLOY_DOCTOR_REQUIRE_DOCKER"))) {
                fail("Docker engine required (DOKPLOY_DOCTOR_REQUIRE_DOCKER=1) but " + why + "; start one with: bash .ci/dockerd.sh start");
            }
            assumeTrue(false, "no Docker engine (" + why + "); set DOKPLOY_DOCTOR_REQUIRE_DOCKER=1 to make this a failure");
        }
        try {
            lockChannel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.lock();
        } catch (IOException e) {
            throw new IllegalStateException("cannot take " + LOCK + ": " + e.getMessage(), e);
        }
        try {
            removeLeftovers();   // under the lock, anything labelled is from a run that died
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private static String dockerProblem() {
        try {
            Result v = exec(List.of("docker", "version", "--format", "{{.Server.APIVersion}}"), 20);
            if (v.code != 0) return "docker version failed: " + v.output.strip();
            Result img = exec(List.of("docker", "image", "inspect", IMAGE), 20);
            if (img.code != 0) return "image " + IMAGE + " is missing (built by .ci/dockerd.sh)";
            Result foreign = exec(List.of("docker", "ps", "-a", "--filter", "name=^/" + TRAEFIK + "$", "--format", "{{.Label \"" + LABEL + "\"}}"), 20);
            if (foreign.code == 0 && foreign.output.lines().anyMatch(String::isBlank)) {
                return "a container named " + TRAEFIK + " exists that these tests did not create (a real DokPloy?); use a private dockerd";
            }
            return null;
        } catch (IOException e) {
            return "no docker CLI (" + e.getMessage() + ")";
        }
    }

    private void removeLeftovers() {
        String ids = docker("ps", "-aq", "--filter", "label=" + LABEL).strip();
        if (!ids.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("rm", "-f"));
            cmd.addAll(List.of(ids.split("\\s+")));
            docker(cmd.toArray(String[]::new));
        }
        for (String net : docker("network", "ls", "-q", "--filter", "label=" + LABEL).strip().split("\\s+")) {
            if (!net.isBlank()) dockerMayFail("network", "rm", net);
        }
    }

    String network(String name) {
        docker("network", "create", "--label", LABEL + "=" + run, name);
        networks.add(name);
        return name;
    }

    /** The shared dokploy-network (a bridge here; an overlay in real DokPloy). */
    String dokployNetwork() { return network(DOKPLOY_NETWORK); }

    /**
     * The app's web service as DokPloy runs it behind Traefik: compose labels, Traefik labels for
     * {@code <app>.example.test} on port 3000, on dokploy-network only (alias web), httpd on 3000.
     */
    String routedWeb(String app) {
        return container(app + "-web-1", routedWebOptions(app, 3000), "httpd", "-f", "-p", "3000");
    }

    /** The docker run options of {@link #routedWeb}, with Traefik told the app listens on {@code port}. */
    static List<String> routedWebOptions(String app, int port) {
        return concat(compose(app, "web", null), traefikLabels(app, app + ".example.test", port, DOKPLOY_NETWORK), on(DOKPLOY_NETWORK, "web"));
    }

    /**
     * This run's app routed on dokploy-network (created here): its web service as {@link #routedWeb}
     * lays it out, listening. Returns web's container.
     */
    String routedApp() {
        dokployNetwork();
        String web = routedWeb(app);
        awaitListening(web, 3000);
        return web;
    }

    /**
     * The isolation behind multi-container-isolation: web routed on dokploy-network only, and
     * {@code dependency} on the app's default network ({@code <app>_default}) only. Returns web's
     * container once it listens.
     */
    String isolatedApp(String app, String dependency) {
        dokployNetwork();
        String appDefault = network(app + "_default");
        String web = routedWeb(app);
        container(app + "-" + dependency + "-1", concat(compose(app, dependency, null), on(appDefault, dependency)), "httpd", "-f", "-p", "5432");
        awaitListening(web, 3000);
        return web;
    }

    /** Start a detached container; {@code options} are docker run options, {@code command} what it runs. */
    String container(String name, List<String> options, String... command) {
        Result r = containerMayFail(name, options, command);
        if (r.code != 0) fail("docker run of " + name + " failed (" + r.code + "): " + r.output);
        return name;
    }

    /** Like {@link #container}, but the container may fail to start (a port conflict): it then stays Created. */
    Result containerMayFail(String name, List<String> options, String... command) {
        List<String> cmd = new ArrayList<>(List.of("run", "-d", "--name", name, "--label", LABEL + "=" + run));
        cmd.addAll(options);
        cmd.add(IMAGE);
        cmd.addAll(List.of(command));
        containers.add(name);
        return dockerMayFail(cmd.toArray(String[]::new));
    }

    /** Compose labels as `docker compose -p <project>` sets them, and the network alias of the service. */
    static List<String> compose(String project, String service, String configFile) {
        List<String> o = new ArrayList<>(List.of("--label", "com.docker.compose.project=" + project,
                "--label", "com.docker.compose.service=" + service,
                "--label", "com.docker.compose.container-number=1",
                "--label", "com.docker.compose.oneoff=False",
                "--label", "com.docker.compose.project.working_dir=/etc/dokploy/compose/" + project + "/code"));
        if (configFile != null) o.addAll(List.of("--label", "com.docker.compose.project.config_files=" + configFile));
        return o;
    }

    /** The labels DokPloy writes for a compose domain (http, no https), router {@code <app>-1-web}. */
    static List<String> traefikLabels(String project, String host, int port, String dockerNetwork) {
        String r = project + "-1-web";
        List<String> o = new ArrayList<>(List.of("--label", "traefik.enable=true",
                "--label", "traefik.http.routers." + r + ".rule=Host(`" + host + "`)",
                "--label", "traefik.http.routers." + r + ".entrypoints=web",
                "--label", "traefik.http.services." + r + ".loadbalancer.server.port=" + port,
                "--label", "traefik.http.routers." + r + ".service=" + r));
        if (dockerNetwork != null) o.addAll(List.of("--label", "traefik.docker.network=" + dockerNetwork));
        return o;
    }

    /** A container on a network under its compose service name (the alias compose gives it). */
    static List<String> on(String network, String alias) {
        return List.of("--network", network, "--network-alias", alias);
    }

    static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) out.addAll(p);
        return out;
    }

    ProbeReport probe(ProbeTarget target) { return probe(target, ProbeEnvironment.fromSystem()); }

    ProbeReport probe(ProbeTarget target, ProbeEnvironment env) {
        return Probes.run(target, Duration.ofSeconds(10), VOCABULARY, env);
    }

    /**
     * The probes on this run's app's {@code service}, as scenario {@code scenario}: every fact they
     * report is declared, and what each answered is recorded for the run's summary.
     */
    ProbeReport probeScenario(String scenario, String service) { return probeScenario(scenario, service, ProbeEnvironment.fromSystem()); }

    ProbeReport probeScenario(String scenario, String service, ProbeEnvironment env) {
        ProbeReport r = probe(new ProbeTarget(service, app, null), env);
        Reports.assertDeclared(r);
        record(scenario, r);
        return r;
    }

    /** Poll until the container's health is {@code status} (health checks run every second). */
    void awaitHealth(String container, String status) {
        long end = System.currentTimeMillis() + 30_000;
        String now = "";
        while (System.currentTimeMillis() < end) {
            now = docker("inspect", "-f", "{{.State.Health.Status}}", container).strip();
            if (now.equals(status)) return;
            sleep(250);
        }
        fail(container + " did not become " + status + " within 30 s (is " + now + ")");
    }

    /** Wait until something listens on {@code port} inside the container (the app has started). */
    void awaitListening(String container, int port) {
        long end = System.currentTimeMillis() + 15_000;
        String hex = String.format(":%04X ", port);
        while (System.currentTimeMillis() < end) {
            String tcp = dockerMayFail("exec", container, "cat", "/proc/net/tcp", "/proc/net/tcp6").output;
            if (tcp.lines().anyMatch(l -> l.contains(hex) && l.contains(" 0A "))) return;
            sleep(100);
        }
        fail("nothing listens on " + port + " in " + container);
    }

    /** Wait until the container's log (stdout and stderr) holds {@code text}. */
    void awaitLog(String container, String text) {
        long end = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < end) {
            if (dockerMayFail("logs", container).output.contains(text)) return;
            sleep(100);
        }
        fail(container + " never logged '" + text + "'");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The rule base of this checkout, compiled once: scenarios check which cause their facts lead to. */
    static final Engine ENGINE = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));

    /** What the rules conclude from the probes' facts alone (no answers, no text). */
    static Outcome diagnose(String scenario, ProbeReport report) {
        return ENGINE.evaluate(scenario, report.facts(), Set.of(), Engine.DEFAULT_THRESHOLD);
    }

    static String describe(Outcome o) {
        StringBuilder sb = new StringBuilder(o.status().name().toLowerCase().replace('_', '-'));
        for (Diagnosis d : o.diagnoses().subList(0, Math.min(3, o.diagnoses().size()))) {
            sb.append(String.format(" %s(%.2f)", d.cause(), d.certainty()));
        }
        if (!o.questions().isEmpty()) sb.append(" asks ").append(o.questions().get(0).key());
        return sb.toString();
    }

    /** Record which facts each probe answered in a scenario, and what the rules made of them. */
    static void record(String scenario, ProbeReport report) {
        StringBuilder sb = new StringBuilder();
        for (ProbeResult r : report.results()) {
            sb.append("  ").append(r.probe()).append(" [").append(r.state()).append("] ");
            sb.append(String.join(", ", r.facts().stream().map(Fact::toString).toList()));
            if (r.reason() != null) sb.append(" (").append(r.reason()).append(')');
            sb.append('\n');
        }
        sb.append("  => ").append(describe(diagnose(scenario, report))).append('\n');
        ANSWERED.put(scenario, sb.toString());
        System.out.println("== " + scenario + "\n" + sb);
    }

    String docker(String... args) {
        Result r = dockerMayFail(args);
        if (r.code != 0) fail("docker " + String.join(" ", args) + " failed (" + r.code + "): " + r.output);
        return r.output;
    }

    Result dockerMayFail(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        try {
            return exec(cmd, 60);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Result(int code, String output) {}

    /** A command line as a user pastes it, run by sh on this host (stdout and stderr). */
    Result shell(String script) {
        try {
            return exec(List.of("sh", "-c", script), 60);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Result exec(List<String> cmd, int seconds) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, String.join(" ", cmd) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Override public void close() {
        if (lock == null) return;   // never opened (no Docker): nothing was made
        try {
            for (int i = containers.size() - 1; i >= 0; i--) dockerMayFail("rm", "-f", containers.get(i));
            for (int i = networks.size() - 1; i >= 0; i--) dockerMayFail("network", "rm", networks.get(i));
        } finally {
            try {
                lock.release();
                lockChannel.close();
                lock = null;
            } catch (IOException ignored) {
                // the lock goes with the channel; nothing else to undo
            }
        }
    }
}
