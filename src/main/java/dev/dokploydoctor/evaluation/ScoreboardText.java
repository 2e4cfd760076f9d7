package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.similar.SimilarVote;

import java.io.PrintStream;
import java.util.Map;

/**
 * The scoreboard as three compact tables (one per mode) and totals. Rows are our causes; the other
 * causes are one row ("other:*") unless verbose. With verbose, every report that was not right
 * follows, with the facts read from its text.
 */
public final class ScoreboardText {
    private static final String ROW = "%-36s %4s %6s %6s %6s %6s %7s";
    private static final String INTERVIEW_ROW = " %5s %7s %4s %5s";

    private ScoreboardText() {}

    public static void print(Scoreboard s, String corpus, PrintStream out, boolean verbose) {
        out.println(corpus);
        for (Mode m : Mode.values()) {
            out.println();
            printBoard(m, s.board(m), out, verbose);
        }
        out.println();
        Scoreboard.SimilarAlone v = s.similarAlone();
        if (s.runs().stream().anyMatch(r -> r.similar() != null)) out.println(String.format("similar reports alone (the %d nearest other dev reports vote from the text; at least %d and a clear"
                        + " winner): the report's cause wins for %s of %d in our list, another cause for %d, no winner for %d;"
                        + " one of our causes wins for %d of %d other: reports",
                SimilarVote.K, SimilarVote.MIN_VOTES, pct(v.right(), v.inList()), v.inList(), v.wrong(), v.none(), v.otherToOurs(), v.other()));
        else out.println("similar reports alone: no vote (--no-similar-evidence, or no corpus to vote with)");
        out.println();
        out.println("right = diagnosed with the report's cause first; lead = that cause first, any status; wrong = diagnosed"
                + " but not the report's cause (any diagnosis of an other: report). Percentages of the reports in our list,"
                + " wrong of all reports.");
        if (verbose) printMisses(s, out);
    }

    private static void printBoard(Mode m, Scoreboard.Board b, PrintStream out, boolean verbose) {
        boolean interview = m == Mode.INTERVIEW;
        out.println(m.title() + " [" + m.label() + "]");
        out.println(header(interview));
        Tally other = new Tally();
        int families = 0;
        for (Map.Entry<String, Tally> e : b.byCause().entrySet()) {
            if (e.getKey().startsWith(FieldRecord.OTHER) && !verbose) {
                families++;
                continue;
            }
            out.println(row(e.getKey(), e.getValue(), interview));
        }
        if (families > 0) out.println(row("other:* (" + families + " families)", b.other(), interview));
        out.println("-".repeat(header(interview).length()));
        out.println(row("in our list", b.known(), interview));
        out.println(row("other causes", b.other(), interview));
        out.println(row("all", b.all(), interview));
        out.println(totals(b, interview));
    }

    private static String header(boolean interview) {
        String h = String.format(ROW, "cause", "n", "right", "lead", "top3", "wrong", "inconcl");
        return interview ? h + String.format(INTERVIEW_ROW, "q", "q>right", "0q", "nofault") : h;
    }

    private static String row(String name, Tally t, boolean interview) {
        boolean known = t.known() > 0;
        String r = String.format(ROW, name, t.records(), known ? t.right() : "-", known ? t.leading() : "-",
                known ? t.top3() : "-", t.confidentWrong(), t.inconclusive());
        if (!interview) return r;
        return r + String.format(INTERVIEW_ROW, fixed(t.meanQuestions()), fixed(t.meanQuestionsToRight()),
                t.zeroQuestionEndings(), t.noFaultEndings());
    }

    private static String totals(Scoreboard.Board b, boolean interview) {
        Tally k = b.known();
        Tally a = b.all();
        String s = String.format("right %s, leading %s, top-3 %s of %d in our list; confident-wrong %s of all %d"
                        + " (near misses: %d, a wrong cause leading at %.1f or more)",
                pct(k.right(), k.records()), pct(k.leading(), k.records()), pct(k.top3(), k.records()), k.records(),
                pct(a.confidentWrong(), a.records()), a.records(), a.nearWrong(), Trial.NEAR_WRONG);
        if (interview) {
            s += String.format("; %s questions on average, %s to a right diagnosis; %d ended with no question, %d no-fault",
                    fixed(a.meanQuestions()), fixed(k.meanQuestionsToRight()), a.zeroQuestionEndings(), a.noFaultEndings());
        }
        return s;
    }

    /** Each report that was not right in some mode: how each mode ended, and what was read from its text. */
    private static void printMisses(Scoreboard s, PrintStream out) {
        out.println();
        out.println("reports not right in every mode:");
        for (Scoreboard.Run run : s.runs()) {
            boolean allRight = run.trials().values().stream().allMatch(t -> t.right() || (t.record().isOther() && !t.diagnosed()));
            if (allRight) continue;
            FieldRecord r = run.record();
            out.println("  " + r.cause() + "  " + r.source() + "  (" + r.where() + ")");
            for (Mode m : Mode.values()) {
                Trial t = run.trial(m);
                out.println(String.format("    %-11s %-12s %s%s", m.label(), t.ending(), ranked(t),
                        m == Mode.INTERVIEW ? "  asked " + t.asked() + "  ended: " + t.stop() : ""));
            }
            Trial any = run.trial(Mode.TEXT);
            out.println("    read from text: " + (any.textFacts().isEmpty() ? "nothing"
                    : String.join(", ", any.textFacts().stream().map(Fact::toString).toList())));
        }
    }

    static String ranked(Trial t) {
        if (t.ranked().isEmpty()) return "(no cause)";
        StringBuilder sb = new StringBuilder();
        for (Trial.Ranked r : t.ranked()) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(r.cause()).append(String.format(" %.2f", r.certainty()));
        }
        return sb.toString();
    }

    static String pct(int part, int whole) {
        return whole == 0 ? part + "" : String.format("%d (%.0f%%)", part, 100.0 * part / whole);
    }

    static String fixed(double d) { return Double.isNaN(d) ? "-" : String.format("%.1f", d); }
}
