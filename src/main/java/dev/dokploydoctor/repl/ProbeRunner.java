package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Vocabulary;
import dev.dokploydoctor.probe.ProbeReport;
import dev.dokploydoctor.probe.ProbeResult;
import dev.dokploydoctor.probe.ProbeTarget;
import dev.dokploydoctor.probe.Probes;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the host probes once in the background; the conversation takes their facts when they are
 * in, and waits for them only before a question a probe could answer. A probe that crashes is
 * reported as "could not check", never as a failed session.
 */
public final class ProbeRunner {
    private final CompletableFuture<ProbeReport> report;
    private final Duration timeout;
    private boolean taken;

    private ProbeRunner(CompletableFuture<ProbeReport> report, Duration timeout) {
        this.report = report;
        this.timeout = timeout;
    }

    public static ProbeRunner start(ProbeTarget target, Duration timeout, Vocabulary vocabulary) {
        CompletableFuture<ProbeReport> f = CompletableFuture.supplyAsync(() -> {
            try {
                return Probes.run(target, timeout, vocabulary);
            } catch (RuntimeException e) {
                return new ProbeReport(List.of(ProbeResult.couldNotCheck("probes", String.valueOf(e.getMessage()), 0)), 0);
            }
        });
        return new ProbeRunner(f, timeout);
    }

    public boolean pending() { return !taken && !report.isDone(); }

    /** Run {@code action} (on the probe thread) once the report is in. */
    public void whenDone(Runnable action) { report.whenComplete((r, e) -> action.run()); }

    /** The report once, when it is in (or after waiting up to the probe timeout plus a margin); else null. */
    public ProbeReport take(boolean wait) {
        if (taken) return null;
        try {
            ProbeReport r = wait ? report.get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS) : report.getNow(null);
            if (r != null) taken = true;
            return r;
        } catch (TimeoutException e) {
            taken = true;
            return new ProbeReport(List.of(ProbeResult.couldNotCheck("probes", "no answer within " + timeout.toSeconds() + " s", timeout.toMillis())), timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            taken = true;
            return new ProbeReport(List.of(ProbeResult.couldNotCheck("probes", String.valueOf(e.getMessage()), 0)), 0);
        }
    }
}
