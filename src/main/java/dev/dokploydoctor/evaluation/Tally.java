package dev.dokploydoctor.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts over a group of trials. Right, leading and top-3 are counted over reports whose cause is
 * in our list ({@code known}); confident-wrong and the endings over all of them.
 */
public final class Tally {
    private int records, known, right, leading, top3, confidentWrong, nearWrong, inconclusive;
    private int questions, questionsToRight, zeroQuestionEndings, noFaultEndings;
    /** Interview: the reports in our list not ended right, by how the interview ended (where to look first). */
    private final Map<String, Integer> notRightByStop = new TreeMap<>();

    void add(Trial t) {
        records++;
        if (!t.record().isOther()) {
            known++;
            if (t.right()) {
                right++;
                questionsToRight += t.questions();
            }
            if (t.leading()) leading++;
            if (t.inTop3()) top3++;
            if (!t.right() && t.stop() != null) notRightByStop.merge(t.stop(), 1, Integer::sum);
        }
        if (t.confidentWrong()) confidentWrong++;
        if (t.nearWrong()) nearWrong++;
        if (t.inconclusive()) inconclusive++;
        questions += t.questions();
        if (t.zeroQuestionEnding()) zeroQuestionEndings++;
        if (t.noFaultEnding()) noFaultEndings++;
    }

    public int records() { return records; }
    public int known() { return known; }
    public int right() { return right; }
    public int leading() { return leading; }
    public int top3() { return top3; }
    public int confidentWrong() { return confidentWrong; }
    /** Reports a wrong cause leads undiagnosed at {@link Trial#NEAR_WRONG} or more. */
    public int nearWrong() { return nearWrong; }
    public int inconclusive() { return inconclusive; }
    public int zeroQuestionEndings() { return zeroQuestionEndings; }
    public int noFaultEndings() { return noFaultEndings; }
    public Map<String, Integer> notRightByStop() { return Map.copyOf(notRightByStop); }

    /** Mean questions asked per report (NaN with no reports). */
    public double meanQuestions() { return records == 0 ? Double.NaN : (double) questions / records; }

    /** Mean questions asked on the way to a right diagnosis (NaN with none). */
    public double meanQuestionsToRight() { return right == 0 ? Double.NaN : (double) questionsToRight / right; }

    Map<String, Object> toMap(boolean interview) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", records);
        m.put("in_list", known);
        m.put("right", right);
        m.put("leading", leading);
        m.put("top3", top3);
        m.put("confident_wrong", confidentWrong);
        m.put("near_wrong", nearWrong);
        m.put("inconclusive", inconclusive);
        if (interview) {
            m.put("questions_mean", round(meanQuestions()));
            m.put("questions_to_right_mean", round(meanQuestionsToRight()));
            m.put("zero_question_endings", zeroQuestionEndings);
            m.put("no_fault_endings", noFaultEndings);
            m.put("not_right_by_stop", new TreeMap<>(notRightByStop));
        }
        return m;
    }

    static Double round(double d) { return Double.isNaN(d) ? null : Math.round(d * 100) / 100.0; }
}
