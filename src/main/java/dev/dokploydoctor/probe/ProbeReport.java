package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Fact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The results of all probes of one run, and the facts they found (first probe to report a key wins). */
public record ProbeReport(List<ProbeResult> results, long millis) {
    public List<Fact> facts() {
        Map<String, Fact> byKey = new LinkedHashMap<>();
        for (ProbeResult r : results) for (Fact f : r.facts()) byKey.putIfAbsent(f.getKey(), f);
        return new ArrayList<>(byKey.values());
    }
}
