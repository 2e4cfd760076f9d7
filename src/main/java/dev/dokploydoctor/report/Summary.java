package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Counts per status, the worst status of all cases (error, invalid, inconclusive, diagnosed, then
 * the rest) and its exit code, which the command line defines.
 */
public final class Summary {
    /** Worst first: the status that decides a batch's exit code. */
    private static final List<Status> WORST_FIRST = List.of(Status.ERROR, Status.INVALID, Status.INCONCLUSIVE,
            Status.DIAGNOSED, Status.ADVICE, Status.NO_FAULT);

    private final Map<Status, Integer> counts = new EnumMap<>(Status.class);
    private final ToIntFunction<Status> exitCodes;
    private int total;
    private Status worst;

    public Summary(ToIntFunction<Status> exitCodes) { this.exitCodes = exitCodes; }

    public void add(Outcome o) {
        counts.merge(o.status(), 1, Integer::sum);
        total++;
        if (worst == null || WORST_FIRST.indexOf(o.status()) < WORST_FIRST.indexOf(worst)) worst = o.status();
    }

    public int total() { return total; }
    /** The worst status of all cases; NO_FAULT when there were none. */
    public Status worst() { return worst == null ? Status.NO_FAULT : worst; }
    /** A file with no case is invalid input: nothing was checked (and the JSON summary must say what the exit says). */
    public int exitCode() { return exitCodes.applyAsInt(total == 0 ? Status.INVALID : worst()); }
    public int count(Status s) { return counts.getOrDefault(s, 0); }

    public Map<String, Object> toPlain() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", total);
        for (Status s : Status.values()) m.put(s.label(), count(s));
        m.put("exit_code", exitCode());
        return m;
    }

    public String line() {
        if (total == 0) return "0 cases";
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
