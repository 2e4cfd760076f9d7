package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts per status and the combined exit code (the worst wins: 1, 2, 4, 3, 0). */
public final class Summary {
    private final Map<Status, Integer> counts = new EnumMap<>(Status.class);
    private int total;
    private int exitCode;

    public void add(Outcome o) {
        counts.merge(o.status(), 1, Integer::sum);
        total++;
        exitCode = Status.worstExitCode(exitCode, o.status().exitCode());
    }

    public int total() { return total; }
    /** Exit code 2 (invalid input) for a file with no case at all: nothing was checked. */
    public static final int NO_CASES = 2;

    public int exitCode() { return total == 0 ? NO_CASES : exitCode; }
    public int count(Status s) { return counts.getOrDefault(s, 0); }

    public Map<String, Object> toPlain() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", total);
        for (Status s : Status.values()) m.put(s.label(), count(s));
        m.put("exit_code", exitCode());
        return m;
    }

    public String line() {
        if (total == 0) return "0 cases: the file holds no case, nothing was checked";
        StringBuilder sb = new StringBuilder().append(total).append(total == 1 ? " case: " : " cases: ");
        String sep = "";
        for (Status s : Status.values()) {
            if (count(s) > 0) {
                sb.append(sep).append(count(s)).append(' ').append(s.label());
                sep = ", ";
            }
        }
        return sb.toString();
    }
}
