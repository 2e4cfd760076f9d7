package dev.dokploydoctor.probe;

import java.time.Duration;
import java.util.List;

import static dev.dokploydoctor.probe.TestHost.*;

/**
 * Not a test: a harness that lays out a host with 50 containers (10 compose projects of 5
 * services, plus dokploy-traefik and a cloudflared) and reports the wall time of full probe runs.
 * Run it by hand against the test dockerd:
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) dev.dokploydoctor.probe.ProbeWallTime [RUNS] [HOLD-SECONDS]</pre>
 */
public final class ProbeWallTime {
    private ProbeWallTime() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int holdSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 0;   // keep the layout up to time the CLI by hand
        try (TestHost h = TestHost.open()) {
            h.dokployNetwork();
            h.container(TRAEFIK, List.of("--network", DOKPLOY_NETWORK), "sleep", "3600");
            h.container("cloudflared-" + h.run, List.of("-e", "LOG=INF Registered tunnel connection connIndex=0"),
                    "sh", "-c", "echo \"$LOG\"; exec sleep 3600");
            String first = null;
            for (int p = 0; p < 10; p++) {
                String app = "bench" + p + "-" + h.run;
                String net = h.network(app + "_default");
                String web = h.routedWeb(app);
                h.docker("network", "connect", "--alias", "web", net, web);
                for (String svc : List.of("postgres", "redis", "worker", "cron")) {
                    h.container(app + "-" + svc + "-1", concat(compose(app, svc, null), on(net, svc)), "sleep", "3600");
                }
                if (first == null) first = app;
            }
            int count = h.docker("ps", "-q").strip().split("\\s+").length;
            System.out.println("containers running: " + count);
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                ProbeReport r = Probes.run(new ProbeTarget("web", first, null), Duration.ofSeconds(3), VOCABULARY);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                StringBuilder per = new StringBuilder();
                for (ProbeResult pr : r.results()) per.append(pr.probe()).append('=').append(pr.millis()).append("ms ");
                System.out.printf("run %d: %d ms wall, %d facts; %s%n", i + 1, ms, r.facts().size(), per);
            }
            if (holdSeconds > 0) {
                System.out.println("holding the layout for " + holdSeconds + " s: probe --service web --project " + first);
                TestHost.sleep(holdSeconds * 1000L);
            }
        }
    }
}
