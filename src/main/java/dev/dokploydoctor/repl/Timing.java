package dev.dokploydoctor.repl;

import java.time.Duration;
import java.time.Instant;

/**
 * Start-up milestones (each once) on stderr when DOKPLOY_DOCTOR_TIMING is set, measured from the start of the
 * process (as the operating system saw it), for the launch-time harness. Silent otherwise.
 */
final class Timing {
    private static final boolean ON = System.getenv("DOKPLOY_DOCTOR_TIMING") != null;
    private static final java.util.Set<String> MARKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Timing() {}

    static void mark(String what) {
        if (!ON || !MARKED.add(what)) return;
        Instant start = ProcessHandle.current().info().startInstant().orElse(null);
        if (start == null) return;
        System.err.printf("timing: %s after %d ms%n", what, Duration.between(start, Instant.now()).toMillis());
        System.err.flush();
    }
}
