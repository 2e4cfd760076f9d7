package dev.dokploydoctor.probe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** -H/--context/DOCKER_HOST/DOCKER_CONTEXT/currentContext, decided as the docker CLI decides them. */
class DockerEndpointTest {
    @TempDir Path config;

    void context(String name, String host) throws Exception {
        // the docker CLI stores a context under the SHA-256 of its name
        Path meta = config.resolve("contexts/meta/" + DockerEndpoint.sha256(name));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
    }

    Map<String, String> env(String... kv) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("DOCKER_CONFIG", config.toString()));
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test void precedenceIsTheDockerClis() throws Exception {
        context("prod", "ssh://root@prod.example");
        context("stage", "tcp://10.0.0.2:2376");
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"stage\"}");
        assertEquals("unix:///run/docker.sock", DockerEndpoint.resolve("unix:///run/docker.sock", null, env("DOCKER_HOST", "tcp://x:1")));
        assertEquals("ssh://root@prod.example", DockerEndpoint.resolve(null, "prod", env("DOCKER_HOST", "tcp://x:1")));
        assertNull(DockerEndpoint.resolve(null, null, env("DOCKER_HOST", "tcp://x:1")), "DOCKER_HOST is read by ProbeEnvironment itself");
        assertEquals("ssh://root@prod.example", DockerEndpoint.resolve(null, null, env("DOCKER_CONTEXT", "prod")));
        assertEquals("tcp://10.0.0.2:2376", DockerEndpoint.resolve(null, null, env()));
        assertNull(DockerEndpoint.resolve(null, "default", env()));
        assertEquals("tcp://x:1", DockerEndpoint.resolve(null, "default", env("DOCKER_HOST", "tcp://x:1")));
    }

    @Test void hostFormsAndMistakes() {
        assertEquals("tcp://10.0.0.5:2375", DockerEndpoint.resolve("10.0.0.5:2375", null, env()));
        assertEquals("unix:///var/run/docker.sock", DockerEndpoint.resolve("/var/run/docker.sock", null, env()));
        assertEquals("ssh://deploy@h:2222", DockerEndpoint.resolve("ssh://deploy@h:2222", null, env()));
        for (List<String> bad : List.of(List.of("ssh://h/var/run/docker.sock", "extra path"), List.of("ssh://", "not an ssh URL"), List.of("ssh://user@:22", "host"))) {
            var e = assertThrows(DockerEndpoint.EndpointError.class, () -> DockerEndpoint.resolve(bad.get(0), null, env()));
            assertTrue(e.getMessage().contains(bad.get(1)), e.getMessage());
        }
        var both = assertThrows(DockerEndpoint.EndpointError.class, () -> DockerEndpoint.resolve("tcp://a:1", "prod", env()));
        assertTrue(both.getMessage().contains("cannot be used together"));
        var missing = assertThrows(DockerEndpoint.EndpointError.class, () -> DockerEndpoint.resolve(null, "nope", env()));
        assertTrue(missing.getMessage().contains("docker context \"nope\" not found"), missing.getMessage());
    }

    @Test void sshCommandIsBatchModeWithThePortUserAndExtraOptions() {
        SshTunnel.Target t = SshTunnel.Target.parse("ssh://deploy@h.example:2222");
        List<String> cmd = SshTunnel.command(t, Path.of("/tmp/x/docker.sock"), java.time.Duration.ofSeconds(5),
                Map.of("DOKPLOY_DOCTOR_SSH_OPTS", "-i /k -o IdentitiesOnly=yes"));
        assertEquals(List.of("ssh", "-o", "BatchMode=yes", "-o", "ExitOnForwardFailure=yes", "-o", "ConnectTimeout=5",
                "-o", "ServerAliveInterval=15", "-nNT", "-p", "2222", "-i", "/k", "-o", "IdentitiesOnly=yes",
                "-L", "/tmp/x/docker.sock:/var/run/docker.sock", "--", "deploy@h.example"), cmd);
    }

    @Test void sshIsRemoteEvenOnLoopback() {
        ProbeEnvironment env = ProbeEnvironment.from(Map.of("DOCKER_HOST", "ssh://root@127.0.0.1:2222"));
        assertFalse(env.dockerIsLocal());
        assertFalse(env.seesHostProcesses());
        assertFalse(env.seesHostSockets());
        assertTrue(env.hostViewProblem().startsWith("could not check on a remote host"), env.hostViewProblem());
        assertTrue(ProbeEnvironment.from(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375")).dockerIsLocal());
    }
}
