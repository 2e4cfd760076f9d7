package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FieldRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scoreboard as plain data for JSON: the figures of every mode and each report's outcome in each mode. */
public final class ScoreboardJson {
    private ScoreboardJson() {}

    public static Map<String, Object> toMap(Scoreboard s, Map<String, Object> corpus, boolean verbose) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("corpus", corpus);
        Map<String, Object> modes = new LinkedHashMap<>();
        for (Mode m : Mode.values()) {
            Scoreboard.Board b = s.board(m);
            boolean interview = m == Mode.INTERVIEW;
            Map<String, Object> mode = new LinkedHashMap<>();
            mode.put("title", m.title());
            mode.put("in_list", b.known().toMap(interview));
            mode.put("other", b.other().toMap(interview));
            mode.put("all", b.all().toMap(interview));
            Map<String, Object> causes = new LinkedHashMap<>();
            b.byCause().forEach((c, t) -> causes.put(c, t.toMap(interview)));
            mode.put("causes", causes);
            modes.put(m.label(), mode);
        }
        root.put("modes", modes);
        Scoreboard.SimilarAlone v = s.similarAlone();
        Map<String, Object> alone = new LinkedHashMap<>();
        alone.put("in_list", v.inList());
        alone.put("right", v.right());
        alone.put("wrong", v.wrong());
        alone.put("no_winner", v.none());
        alone.put("other", v.other());
        alone.put("other_to_our_cause", v.otherToOurs());
        root.put("similar_alone", alone);
        List<Object> records = new ArrayList<>();
        for (Scoreboard.Run run : s.runs()) records.add(record(run, verbose));
        root.put("records", records);
        return root;
    }

    private static Map<String, Object> record(Scoreboard.Run run, boolean verbose) {
        FieldRecord r = run.record();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.source());
        m.put("where", r.where());
        m.put("cause", r.cause());
        m.put("label", r.label());
        m.put("split", r.split().label());
        m.put("similar", run.similar());
        for (Mode mode : Mode.values()) m.put(mode.label(), trial(run.trial(mode), verbose));
        if (verbose) {
            List<String> read = new ArrayList<>();
            for (Fact f : run.trial(Mode.TEXT).textFacts()) read.add(f + "  (" + f.getEvidence() + ")");
            m.put("read_from_text", read);
        }
        return m;
    }

    private static Map<String, Object> trial(Trial t, boolean verbose) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ending", t.ending());
        List<Object> ranked = new ArrayList<>();
        for (Trial.Ranked r : t.ranked()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("cause", r.cause());
            c.put("certainty", Math.round(r.certainty() * 1000) / 1000.0);
            ranked.add(c);
        }
        m.put("ranked", ranked);
        m.put("right", t.right());
        m.put("leading", t.leading());
        m.put("top3", t.inTop3());
        m.put("confident_wrong", t.confidentWrong());
        if (t.mode() == Mode.INTERVIEW) {
            m.put("asked", t.asked());
            m.put("asked_why", t.purposes());
            m.put("stop", t.stop());
        }
        if (verbose) m.put("rests_on", RestsOn.of(t));
        return m;
    }
}
