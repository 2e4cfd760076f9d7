package dev.dokploydoctor.repl;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a warm-up once, on its own thread, when a prompt has waited for the user for a while: what
 * only a later text needs (the catalog's prefilter, the similar reports' index) is built while the
 * user reads or types, not before the first question. A line that is already there (typed at
 * once, piped, --text) is read before the wait counts; once started, the warm-up runs to its end
 * even if the user types meanwhile (a text that needs it then waits for the same build).
 */
final class IdleWarmUp {
    /** How long a prompt waits before the user counts as idle. */
    static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    private final Runnable work;
    private final AtomicBoolean watching = new AtomicBoolean();
    private volatile boolean waiting;
    private volatile long since;

    IdleWarmUp(Runnable work) { this.work = work; }

    /** A prompt starts waiting for a line. */
    void waiting() {
        since = System.nanoTime();
        waiting = true;
        if (watching.compareAndSet(false, true)) {
            Thread t = new Thread(this::watch, "warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The line arrived (or the read ended). */
    void answered() { waiting = false; }

    private void watch() {
        while (!(waiting && System.nanoTime() - since >= IDLE_NANOS)) LockSupport.parkNanos(IDLE_NANOS / 4);
        work.run();
    }
}
