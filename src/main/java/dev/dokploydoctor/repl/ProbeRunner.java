package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Vocabulary;
import dev.dokploydoctor.probe.ProbeEnvironment;
import dev.dokploydoctor.probe.ProbeReport;
import dev.dokploydoctor.probe.ProbeResult;
import dev.dokploydoctor.probe.ProbeTarget;
import dev.dokploydoctor.probe.Probes;

import java.time.Duration;
import java.util.List;
import java.util.Set;
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
    private final Set<String> answerable;
    private final ProbeTarget target;
    private volatile boolean taken;

    private ProbeRunner(CompletableFuture<ProbeReport> report, Duration timeout, Set<String> answerable, ProbeTarget target) {
        this.report = report;
        this.timeout = timeout;
        this.answerable = answerable;
        this.target = target;
    }

    public static ProbeRunner start(ProbeTarget target, Duration timeout, Vocabulary vocabulary) {
        return start(target, timeout, vocabulary, ProbeEnvironment.fromSystem());
    }

    public static ProbeRunner start(ProbeTarget target, Duration timeout, Vocabulary vocabulary, ProbeEnvironment env) {
        CompletableFuture<ProbeReport> f = CompletableFuture.supplyAsync(() -> {
            try {
                return Probes.run(target, timeout, vocabulary, env);
            } catch (RuntimeException e) {
                return new ProbeReport(List.of(ProbeResult.couldNotCheck("probes", String.valueOf(e.getMessage()), 0)), 0);
            }
        });
        return new ProbeRunner(f, timeout, Probes.answerable(target, vocabulary, env), target == null ? ProbeTarget.NONE : target);
    }

    /** A run already done with this report (tests: what a host shows, without that host). */
    static ProbeRunner done(ProbeTarget target, ProbeReport report) {
        return new ProbeRunner(CompletableFuture.completedFuture(report), Duration.ofSeconds(1), Set.of(), target);
    }

    /** What this run looks at (a run without an app named leaves the app unchecked). */
    public ProbeTarget target() { return target; }

    public boolean pending() { return !taken && !report.isDone(); }

    /** Its report has been taken into the session (its facts, and its gaps, count). */
    public boolean taken() { return taken; }

    /**
     * The facts this run may still answer: those of the probes that run for its target, until its
     * report is taken. After that it answers nothing more: what it found is in the session, and a
     * fact it could not check (no Docker engine) is one the user is asked like any other.
     */
    public Set<String> stillAnswerable() { return taken ? Set.of() : answerable; }

    /** Run {@code action} (on the probe thread) once the report is in. */
    public void whenDone(Runnable action) { report.whenComplete((r, e) -> action.run()); }

    /** The report if it is in and not yet taken, without taking it (what the first prompt may say before any symptom); else null. */
    public ProbeReport peek() { return taken ? null : report.getNow(null); }

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
