package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Redactor;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Entry point of the probe package: run every probe in parallel, each within the timeout. A probe
 * that fails or runs out of time is reported as "could not check: reason" and never throws.
 * Secrets are redacted from every result before it leaves this class.
 */
public final class Probes {
    /** The probes, in the order their results (and facts) are reported. */
    static List<Probe> all() {
        return List.of(new DockerProbe(), new DnsProbe(), new HttpProbe(), new TraefikProbe(), new TunnelProbe(),
                new ComposeProbe(), new DokployProbe());
    }

    private Probes() {}

    /**
     * The facts the probes that run for this target may answer (facts.yaml names each fact's probe):
     * the http probe needs a URL, the DokPloy probe its API key. Until their report is in, the
     * planner counts these as facts the user need not be able to tell.
     */
    public static Set<String> answerable(ProbeTarget target, Vocabulary vocabulary, ProbeEnvironment env) {
        ProbeTarget t = target == null ? ProbeTarget.NONE : target;
        Set<String> running = new LinkedHashSet<>();
        for (Probe p : all()) if (p.applies(t, env)) running.add(p.name());
        Set<String> keys = new LinkedHashSet<>();
        for (FactSpec spec : vocabulary.all()) if (spec.probe() != null && running.contains(spec.probe())) keys.add(spec.key());
        return Set.copyOf(keys);
    }

    public static ProbeReport run(ProbeTarget target, Duration timeout, Vocabulary vocabulary) {
        return run(target, timeout, vocabulary, ProbeEnvironment.fromSystem());
    }

    public static ProbeReport run(ProbeTarget target, Duration timeout, Vocabulary vocabulary, ProbeEnvironment env) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Redactor redactor = redactor(env);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "probe");
            t.setDaemon(true);   // a probe stuck past its timeout must not keep the JVM alive
            return t;
        });
        ProbeContext ctx = new ProbeContext(target == null ? ProbeTarget.NONE : target, env, vocabulary, timeout, pool);
        try {
            Map<Probe, Future<ProbeResult>> running = new LinkedHashMap<>();
            for (Probe p : all()) running.put(p, pool.submit(() -> runOne(p, ctx)));
            List<ProbeResult> results = new ArrayList<>();
            for (Map.Entry<Probe, Future<ProbeResult>> e : running.entrySet()) {
                results.add(redact(await(e.getKey(), e.getValue(), deadline, timeout, start), redactor));
            }
            return new ProbeReport(List.copyOf(results), millisSince(start));
        } finally {
            ctx.close();
            pool.shutdownNow();
        }
    }

    private static ProbeResult runOne(Probe p, ProbeContext ctx) {
        long t0 = System.nanoTime();
        Findings f = new Findings(p.name(), ctx.vocabulary());
        try {
            p.run(ctx, f);
            return f.ok(millisSince(t0));
        } catch (Probe.Skip s) {
            return ProbeResult.skipped(p.name(), s.getMessage());
        } catch (Probe.CouldNotCheck c) {
            return f.couldNotCheck(c.getMessage(), millisSince(t0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return f.couldNotCheck("interrupted", millisSince(t0));
        } catch (RuntimeException | Error e) {
            // an unexpected failure is still only this probe's failure
            return f.couldNotCheck(ProbeContext.rootMessage(e), millisSince(t0));
        } catch (Exception e) {
            return f.couldNotCheck(ProbeContext.rootMessage(e), millisSince(t0));
        }
    }

    private static ProbeResult await(Probe p, Future<ProbeResult> future, long deadline, Duration timeout, long start) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            return future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return ProbeResult.couldNotCheck(p.name(), "timed out after " + seconds(timeout) + " (raise --probe-timeout)", millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.couldNotCheck(p.name(), "interrupted", millisSince(start));
        } catch (ExecutionException e) {
            return ProbeResult.couldNotCheck(p.name(), ProbeContext.rootMessage(e.getCause()), millisSince(start));
        }
    }

    /** The secret shapes, and the DokPloy API key this run was given. */
    static Redactor redactor(ProbeEnvironment env) {
        List<String> secrets = new ArrayList<>();
        if (env.dokployApiKey() != null) secrets.add(env.dokployApiKey());
        return new Redactor(secrets);
    }

    private static ProbeResult redact(ProbeResult r, Redactor redactor) {
        List<Fact> facts = new ArrayList<>();
        for (Fact f : r.facts()) facts.add(redactor.redactFact(f));
        List<String> observations = r.observations().stream().map(redactor::redact).toList();
        return new ProbeResult(r.probe(), r.state(), List.copyOf(facts), observations, redactor.redact(r.reason()), r.millis());
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format("%.1f s", ms / 1000.0);
    }

    private static long millisSince(long startNanos) { return (System.nanoTime() - startNanos) / 1_000_000; }
}
