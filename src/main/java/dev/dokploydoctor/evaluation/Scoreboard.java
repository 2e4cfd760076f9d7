package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.knowledge.FieldRecord;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one evaluation run: for each mode, a tally per cause (our causes by id, the others
 * as other:&lt;family&gt;), for the reports in our list, for the others and for all; and every
 * report's trials, in corpus order.
 */
public final class Scoreboard {
    /**
     * One report and how each mode went; {@code similar}: the cause the nearest other dev reports
     * voted for from its text alone (null: no clear winner, or no vote), to score the vote by itself.
     */
    public record Run(FieldRecord record, Map<Mode, Trial> trials, String similar) {
        public Trial trial(Mode m) { return trials.get(m); }
    }

    /** One mode's tallies. */
    public static final class Board {
        private final Map<String, Tally> byCause = new TreeMap<>();
        private final Tally known = new Tally();
        private final Tally other = new Tally();
        private final Tally all = new Tally();

        void add(Trial t) {
            byCause.computeIfAbsent(t.record().cause(), c -> new Tally()).add(t);
            (t.record().isOther() ? other : known).add(t);
            all.add(t);
        }

        /** Tallies by cause, ours first (alphabetical), then other:&lt;family&gt;. */
        public Map<String, Tally> byCause() {
            Map<String, Tally> out = new java.util.LinkedHashMap<>();
            byCause.forEach((c, t) -> { if (!c.startsWith(FieldRecord.OTHER)) out.put(c, t); });
            byCause.forEach((c, t) -> { if (c.startsWith(FieldRecord.OTHER)) out.put(c, t); });
            return out;
        }
        public Tally known() { return known; }
        public Tally other() { return other; }
        public Tally all() { return all; }
    }

    private final List<Run> runs;
    private final Map<Mode, Board> boards = new EnumMap<>(Mode.class);

    Scoreboard(List<Run> runs) {
        this.runs = List.copyOf(runs);
        for (Mode m : Mode.values()) boards.put(m, new Board());
        for (Run r : runs) r.trials().forEach((m, t) -> boards.get(m).add(t));
    }

    /**
     * The similar reports' vote scored alone, from the text: for the reports in our list, how many
     * it gave their own cause, another cause (or an other: family), or no clear winner; for the
     * other: reports, how many it gave one of our causes (the votes that could mislead).
     */
    public record SimilarAlone(int inList, int right, int wrong, int none, int other, int otherToOurs) {}

    public SimilarAlone similarAlone() {
        int inList = 0, right = 0, wrong = 0, none = 0, other = 0, otherToOurs = 0;
        for (Run r : runs) {
            String vote = r.similar();
            if (r.record().isOther()) {
                other++;
                if (vote != null && !vote.startsWith(FieldRecord.OTHER)) otherToOurs++;
                continue;
            }
            inList++;
            if (vote == null) none++;
            else if (vote.equals(r.record().cause())) right++;
            else wrong++;
        }
        return new SimilarAlone(inList, right, wrong, none, other, otherToOurs);
    }

    public List<Run> runs() { return runs; }
    public Board board(Mode m) { return boards.get(m); }
}
