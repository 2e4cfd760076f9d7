package dev.dokploydoctor.authoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code rules check} found, with the size of what it looked at and where the time went. */
public record CheckReport(List<Finding> findings, int ruleCount, int ruleFiles, int causeCount, int caseCount,
                          Timings timings) {

    /** Milliseconds per phase: compiling the DRL, reading its structure, running the cases, the rest. */
    public record Timings(long compile, long parse, long cases, long verify) {
        public long total() { return compile + parse + cases + verify; }
    }

    public CheckReport {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(Finding::severity)
                .thenComparing(f -> f.file() == null ? "" : f.file())
                .thenComparingInt(Finding::line));
        findings = List.copyOf(sorted);
    }

    public long errors() { return findings.stream().filter(Finding::isError).count(); }
    public long warnings() { return findings.size() - errors(); }

    /** 0 clean (warnings allowed unless strict), 2 when something must be fixed. */
    public int exitCode(boolean strict) { return errors() > 0 || (strict && warnings() > 0) ? 2 : 0; }

    /**
     * The findings about one cause: those naming it, and those in files that belong to it only.
     * {@code rules new} shows these, not every warning of the whole rule base.
     */
    public List<Finding> about(String cause, java.util.Collection<String> ownFiles) {
        return findings.stream().filter(f -> f.message().contains("'" + cause + "'") || f.message().contains("'" + cause + ":")
                || (f.file() != null && ownFiles.contains(f.file()))).toList();
    }

    public List<Finding> byCheck(String check) { return findings.stream().filter(f -> f.check().equals(check)).toList(); }

    public String summary() {
        return "rules check: " + ruleCount + " rules in " + ruleFiles + " files, " + causeCount + " causes, " + caseCount
                + " cases: " + plural(errors(), "error") + ", " + plural(warnings(), "warning");
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) sb.append(f.describe()).append('\n');
        return sb.append(summary()).append('\n').toString();
    }

    public Map<String, Object> toPlain() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rules", ruleCount);
        s.put("rule_files", ruleFiles);
        s.put("causes", causeCount);
        s.put("cases", caseCount);
        s.put("errors", errors());
        s.put("warnings", warnings());
        s.put("millis", timings.total());
        m.put("summary", s);
        m.put("findings", findings.stream().map(Finding::toPlain).toList());
        return m;
    }

    static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }
}
