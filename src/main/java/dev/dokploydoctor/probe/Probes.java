package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Vocabulary;

import java.time.Duration;
import java.util.List;

/**
 * Entry point of the probe package: run every probe in parallel, each with its own timeout.
 * PLACEHOLDER until the probe work item lands: reports that nothing was checked.
 */
public final class Probes {
    private Probes() {}

    public static ProbeReport run(ProbeTarget target, Duration timeout, Vocabulary vocabulary) {
        return new ProbeReport(List.of(ProbeResult.skipped("docker", "probes not built yet")), 0);
    }
}
