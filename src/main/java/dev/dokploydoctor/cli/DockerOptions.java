package dev.dokploydoctor.cli;

import dev.dokploydoctor.probe.DockerEndpoint;
import dev.dokploydoctor.probe.ProbeEnvironment;
import picocli.CommandLine.Option;

/** -H/--host and --context: which Docker engine the probes look at, as for the docker CLI. */
public class DockerOptions {
    @Option(names = {"-H", "--host"}, paramLabel = "HOST",
            description = "Docker engine to probe: unix:///path, tcp://host:port or ssh://[user@]host[:port] (over OpenSSH). Default: DOCKER_HOST, else the docker context, else the local socket.")
    public String host;

    @Option(names = {"-c", "--context"}, paramLabel = "NAME",
            description = "Docker context to probe (as 'docker --context'; read from ~/.docker/contexts). Default: DOCKER_CONTEXT, else the current context.")
    public String context;

    /** Decide the engine and make it the probes' (before any probe runs). */
    public void apply() {
        try {
            ProbeEnvironment.overrideDockerHost(DockerEndpoint.resolve(host, context, System.getenv()));
        } catch (DockerEndpoint.EndpointError e) {
            throw new Main.UsageError(e.getMessage());
        }
    }
}
