package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Docker engine behind ssh:// (and behind a docker context with an ssh endpoint): a private
 * sshd on 127.0.0.1 and a free port, with generated host and user keys, in front of the test
 * dockerd. The probes over ssh must report the same facts as over the local socket.
 */
@Tag("e2e")
class SshRemoteProbeTest {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static Path dir;
    static Process sshd;
    static int port;
    static String sshOpts;

    @RegisterExtension final TestHost h = TestHost.perTest();

    @BeforeAll static void startSshd() throws Exception {
        boolean required = "1".equals(System.getenv("DOKPLOY_DOCTOR_REQUIRE_DOCKER"));
        if (!Files.isExecutable(SSHD)) {
            if (required) fail("sshd required in CI (apt-get install openssh-server; .ci/run does)");
            assumeTrue(false, "no " + SSHD);
        }
        dir = Files.createTempDirectory("dd-sshd");
        Path privsep = Path.of("/run/sshd");   // sshd refuses to start without its privilege-separation folder
        if (!Files.isDirectory(privsep)) Files.createDirectories(privsep);
        for (String key : List.of("host_key", "user_key")) {
            Dist.Run gen = Dist.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve(key).toString()), Map.of(), 30);
            assertEquals(0, gen.code(), gen::toString);
        }
        Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",   // loopback only, never another address
                "HostKey " + dir.resolve("host_key"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PermitRootLogin prohibit-password",
                "StrictModes no", "UsePAM no", "AllowStreamLocalForwarding yes", "AllowTcpForwarding local",
                "X11Forwarding no", "PermitTTY no", "LogLevel ERROR", ""), StandardCharsets.UTF_8);
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long end = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException e) {
                if (!sshd.isAlive() || System.currentTimeMillis() > end) fail("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
                Thread.sleep(50);
            }
        }
        sshOpts = "-F /dev/null -i " + dir.resolve("user_key") + " -o IdentitiesOnly=yes -o UserKnownHostsFile=" + dir.resolve("known_hosts")
                + " -o StrictHostKeyChecking=accept-new";
    }

    @AfterAll static void stopSshd() {
        if (sshd != null) {
            sshd.destroy();
            try {
                sshd.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dir != null) Dist.deleteAll(dir);
    }

    /** probe --format json by the Maven-built jar, as a separate process with its own environment. */
    Dist.Run probe(Map<String, String> env, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", Path.of("target/dokploy-doctor.jar").toAbsolutePath().toString(),
                "dev.dokploydoctor.cli.Main", "probe", "--service", "web", "--project", h.app, "--format", "json", "--probe-timeout", "20"));
        cmd.addAll(List.of(extra));
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("DOKPLOY_DOCTOR_SSH_OPTS", sshOpts);
        Dist.Run r = Dist.run(cmd, e, 120);
        // the probes ran: healthy (0), a fault seen (3) or something unchecked (4); never a usage or internal error
        assertTrue(java.util.Set.of(0, 3, 4).contains(r.code()), r::toString);
        return r;
    }

    static Map<String, String> facts(JsonNode probe) {
        Map<String, String> m = new java.util.TreeMap<>();
        probe.path("facts").fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().toString()));
        return m;
    }

    @Test void probeOverSshGivesTheFactsOfTheLocalSocket() throws IOException {
        h.dokployNetwork();
        h.container(TRAEFIK, List.of(), "sh", "-c",
                "mkdir -p /etc/traefik && printf 'providers:\\n  docker:\\n    network: dokploy-network\\n' > /etc/traefik/traefik.yml && exec sleep 3600");
        String appDefault = h.network(h.app + "_default");
        String web = h.routedWeb(h.app);
        h.container(h.app + "-postgres-1", concat(compose(h.app, "postgres", null), on(appDefault, "postgres")), "httpd", "-f", "-p", "5432");
        h.awaitListening(web, 3000);

        JsonNode local = probe(Map.of("DOCKER_HOST", "unix:///var/run/docker.sock")).json();
        String user = System.getProperty("user.name");
        String url = "ssh://" + user + "@127.0.0.1:" + port;

        Dist.Run viaFlag = probe(Map.of(), "-H", url);
        JsonNode remote = viaFlag.json();
        assertEquals("false", Dist.fact(remote, "traefik.on_dokploy_network").asText(), viaFlag::toString);
        assertEquals(facts(local), facts(remote), "the same facts over ssh:// as over the local socket\n" + viaFlag);
        // the remote machine's own processes are not this machine's: said, not reported
        assertTrue(Dist.observations(remote, "tunnel").contains("could not check on a remote host"), viaFlag::toString);

        Dist.Run viaEnv = probe(Map.of("DOCKER_HOST", url));
        assertEquals(facts(local), facts(viaEnv.json()), viaEnv::toString);

        // a docker context with that ssh endpoint, the way `docker context create` stores it
        Path config = dir.resolve("docker-config-" + h.run);
        Path meta = config.resolve("contexts/meta/" + DockerEndpoint.sha256("dd-remote"));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"dd-remote\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
                + url + "\",\"SkipTLSVerify\":false}}}");
        Dist.Run viaContext = probe(Map.of("DOCKER_CONFIG", config.toString()), "--context", "dd-remote");
        assertEquals(facts(local), facts(viaContext.json()), viaContext::toString);
        // and as the current context of config.json
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"dd-remote\"}");
        Dist.Run viaCurrent = probe(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_HOST", ""));
        assertEquals(facts(local), facts(viaCurrent.json()), viaCurrent::toString);
        assertTrue(Dist.observations(viaCurrent.json(), "tunnel").contains("could not check on a remote host"), viaCurrent::toString);
    }

    @Test void aRefusedKeyIsOneClearLine() {
        Dist.Run r = probe(Map.of("DOKPLOY_DOCTOR_SSH_OPTS", "-F /dev/null -o UserKnownHostsFile=" + dir.resolve("known_hosts")
                + " -o StrictHostKeyChecking=accept-new"), "-H", "ssh://nobody-here@127.0.0.1:" + port);
        JsonNode docker = null;
        for (JsonNode p : r.json().path("probes")) if (p.path("probe").asText().equals("docker")) docker = p;
        assertNotNull(docker, r::toString);
        assertEquals("could-not-check", docker.path("state").asText(), r::toString);
        assertTrue(docker.path("reason").asText().contains("ssh to nobody-here@127.0.0.1 port " + port + " failed"), r::toString);
    }
}
