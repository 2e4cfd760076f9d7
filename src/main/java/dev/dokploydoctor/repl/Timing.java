package dev.dokploydoctor.repl;

import java.lang.management.ManagementFactory;

/**
 * Start-up milestones (each once) on stderr when DOKPLOY_DOCTOR_TIMING is set, for the launch-time
 * harness. The value may be the launch time in epoch milliseconds (the harness sets it just before
 * starting the program); otherwise times count from the start of the JVM. Silent when unset.
 */
public final class Timing {
    private static final String SETTING = System.getenv("DOKPLOY_DOCTOR_TIMING");
    private static final java.util.Set<String> MARKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Timing() {}

    public static void mark(String what) {
        if (SETTING == null || !MARKED.add(what)) return;
        long start = launched(SETTING);
        if (start == 0) start = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.err.printf("timing: %s after %d ms%n", what, System.currentTimeMillis() - start);
        System.err.flush();
    }

    /** An epoch time in milliseconds (not just "1"), or 0. */
    private static long launched(String setting) {
        try {
            long t = Long.parseLong(setting.strip());
            return t > 1_000_000_000_000L ? t : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
