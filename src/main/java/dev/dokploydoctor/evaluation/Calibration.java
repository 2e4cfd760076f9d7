package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Evidence;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each rule's certainty would be if it were earned on the corpus: for every rule that judged a
 * cause on some report (batch with text and facts, or the interview answered from truth), the
 * reports it fired on and the share whose cause it is. The suggestion shrinks that share towards
 * the rule's current certainty: (hits + cf * K) / (n + K), so a handful of reports moves it little.
 * A refuting rule (cf &lt; 0) is not calibrated; it shows how often it refuted the report's own cause.
 * This suggests; the rules are changed by hand.
 */
public final class Calibration {
    /** Weight of the current certainty, in reports. */
    public static final int K = 4;
    private static final Mode[] MODES = {Mode.TEXT_AND_FACTS, Mode.INTERVIEW};

    /** One rule's judgement of one cause, counted over reports. */
    public static final class Line {
        private final String rule, cause;
        private final double cf;
        private boolean cfVaries;
        private int fired, hits, firedBatch, hitsBatch, firedInterview, hitsInterview;

        Line(String rule, String cause, double cf) {
            this.rule = rule;
            this.cause = cause;
            this.cf = cf;
        }

        public String rule() { return rule; }
        public String cause() { return cause; }
        public double cf() { return cf; }
        public boolean cfVaries() { return cfVaries; }
        /** Reports it fired on (in either mode), and how many of them have its cause. */
        public int fired() { return fired; }
        public int hits() { return hits; }
        public boolean refutes() { return cf < 0; }
        public double share() { return fired == 0 ? Double.NaN : (double) hits / fired; }

        /** The shrunk share, or NaN for a refuting rule. */
        public double suggested() { return refutes() ? Double.NaN : (hits + cf * K) / (fired + K); }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", rule);
            m.put("cause", cause);
            m.put("cf", cf);
            if (cfVaries) m.put("cf_varies", true);
            m.put("fired", fired);
            m.put("hits", hits);
            m.put("fired_text_facts", firedBatch);
            m.put("hits_text_facts", hitsBatch);
            m.put("fired_interview", firedInterview);
            m.put("hits_interview", hitsInterview);
            if (!refutes()) m.put("suggested_cf", Tally.round(suggested()));
            return m;
        }
    }

    private final Map<String, Line> lines = new TreeMap<>();
    private final int reports;

    public Calibration(Scoreboard s) {
        this.reports = s.runs().size();
        for (Scoreboard.Run run : s.runs()) {
            Set<String> firedHere = new HashSet<>();
            for (Mode m : MODES) {
                Set<String> firedInMode = new HashSet<>();
                for (Evidence e : run.trial(m).evidence()) {
                    String id = e.getRule() + "\u0000" + e.getCause();
                    Line line = lines.computeIfAbsent(id, k -> new Line(e.getRule(), e.getCause(), e.getCf()));
                    if (line.cf != e.getCf()) line.cfVaries = true;
                    if (!firedInMode.add(id)) continue;
                    boolean hit = run.record().cause().equals(e.getCause());
                    if (m == Mode.TEXT_AND_FACTS) {
                        line.firedBatch++;
                        if (hit) line.hitsBatch++;
                    } else {
                        line.firedInterview++;
                        if (hit) line.hitsInterview++;
                    }
                    if (firedHere.add(id)) {
                        line.fired++;
                        if (hit) line.hits++;
                    }
                }
            }
        }
    }

    public List<Line> lines() { return List.copyOf(lines.values()); }

    public Line line(String rule, String cause) { return lines.get(rule + "\u0000" + cause); }

    public void print(PrintStream out, String corpus) {
        out.println("calibration on " + corpus + " (" + reports + " reports; text+facts and interview pooled, K = " + K + ")");
        int ruleWidth = Math.max(4, lines.values().stream().mapToInt(l -> l.rule().length()).max().orElse(0));
        int causeWidth = Math.max(5, lines.values().stream().mapToInt(l -> l.cause().length()).max().orElse(0));
        String fmt = "%-" + ruleWidth + "s %-" + causeWidth + "s %6s %5s %5s %6s %9s  %s";
        out.println(String.format(fmt, "rule", "cause", "cf", "n", "hits", "share", "suggested", "(text+facts n/hits, interview n/hits)"));
        for (Line l : lines.values()) {
            String suggested = l.refutes() ? (l.hits() > 0 ? "refuted own " + l.hits() : "refutes") : String.format("%.2f", l.suggested());
            out.println(String.format(fmt, l.rule(), l.cause(), String.format("%+.2f", l.cf()) + (l.cfVaries() ? "~" : ""),
                    l.fired(), l.hits(), Double.isNaN(l.share()) ? "-" : String.format("%.2f", l.share()), suggested,
                    "(" + l.firedBatch + "/" + l.hitsBatch + ", " + l.firedInterview + "/" + l.hitsInterview + ")"));
        }
        out.println("suggested = (hits + cf x " + K + ") / (n + " + K + "); '~' marks a rule whose certainty varies with its facts"
                + " (the first seen is shown). Rules that judged no report are not listed: their certainty stays a prior.");
    }

    public Map<String, Object> toMap(String corpus) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("corpus", corpus);
        m.put("reports", reports);
        m.put("k", K);
        m.put("rules", lines.values().stream().map(Line::toMap).toList());
        return m;
    }
}
