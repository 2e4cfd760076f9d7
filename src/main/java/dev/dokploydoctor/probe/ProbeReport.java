package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results of all probes of one run, and the facts they found (first probe to report a key wins). */
public record ProbeReport(List<ProbeResult> results, long millis) {
    /**
     * One plain line per thing that applied and could not be checked, each with what to do: a probe
     * that could not look, or the part of one it could not (the app not found). A Docker engine that
     * cannot be reached is one line, however many probes needed it. Skipped probes did not apply.
     */
    public List<String> gaps() {
        // probes that failed for the same reason (a run-out deadline) share one line
        Map<String, List<String>> probesByReason = new LinkedHashMap<>();
        boolean dockerDown = false;
        for (ProbeResult r : results) {
            if (r.reason() == null || r.state() == ProbeResult.State.SKIPPED) continue;
            boolean docker = r.reason().startsWith(ProbeContext.DOCKER_UNREACHABLE);
            if (docker && dockerDown) continue;
            dockerDown |= docker;
            List<String> probes = probesByReason.computeIfAbsent(r.reason(), k -> new ArrayList<>());
            if (!docker && r.state() != ProbeResult.State.OK) probes.add(r.probe());
        }
        List<String> out = new ArrayList<>();
        probesByReason.forEach((reason, probes) ->
                out.add(probes.isEmpty() ? reason : "could not check " + String.join(", ", probes) + ": " + reason));
        return out;
    }

    public List<Fact> facts() {
        Map<String, Fact> byKey = new LinkedHashMap<>();
        for (ProbeResult r : results) for (Fact f : r.facts()) byKey.putIfAbsent(f.getKey(), f);
        return new ArrayList<>(byKey.values());
    }
}
