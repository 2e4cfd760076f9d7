package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FieldRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * One field report run one way, and how it went. {@code status} is null when the interview's first
 * text was not recognised at all (the REPL asks for a symptom again; the simulated user has nothing
 * more to say).
 *
 * @param ranked     the causes shown, best first, at most three
 * @param textFacts  the facts read from the report's text (for -v)
 * @param asked      the keys asked in the interview, in order (empty in batch)
 * @param evidence   every rule's judgement at the end (for calibration)
 * @param purposes   why each question was asked ({@code Interview.Purpose}, lower case), beside {@code asked}
 * @param stop       how the interview ended: a diagnosis concluded, or why it stopped without one
 *                   ({@code Interview.Stop}, lower case, or the question limit); null in batch
 */
public record Trial(FieldRecord record, Mode mode, Status status, List<Ranked> ranked, List<Fact> textFacts,
                    List<String> asked, List<Evidence> evidence, List<String> purposes, String stop) {

    /** A batch trial: nothing asked, no interview's end. */
    public Trial(FieldRecord record, Mode mode, Status status, List<Ranked> ranked, List<Fact> textFacts,
                 List<String> asked, List<Evidence> evidence) {
        this(record, mode, status, ranked, textFacts, asked, evidence, List.of(), null);
    }

    /** A cause as it stood at the end, with its certainty. */
    public record Ranked(String cause, double certainty) {}

    static Trial of(FieldRecord record, Mode mode, Outcome o, List<Fact> textFacts, List<String> asked) {
        return of(record, mode, o, textFacts, asked, List.of(), null);
    }

    /** An interview's trial, with why each question was asked and how it ended. */
    static Trial of(FieldRecord record, Mode mode, Outcome o, List<Fact> textFacts, List<String> asked, List<String> purposes, String stop) {
        List<Ranked> ranked = new ArrayList<>();
        for (Diagnosis d : o.diagnoses()) {
            if (ranked.size() == 3) break;
            ranked.add(new Ranked(d.cause(), d.certainty()));
        }
        return new Trial(record, mode, o.status(), List.copyOf(ranked), List.copyOf(textFacts), List.copyOf(asked),
                List.copyOf(o.evidence()), List.copyOf(purposes), stop);
    }

    static Trial unread(FieldRecord record) {
        return new Trial(record, Mode.INTERVIEW, null, List.of(), List.of(), List.of(), List.of(), List.of(), "unread");
    }

    /** How it ended: a status label, or "unread" when the opening text was not recognised. */
    public String ending() { return status == null ? "unread" : status.label(); }

    public String top() { return ranked.isEmpty() ? null : ranked.get(0).cause(); }

    public boolean diagnosed() { return status == Status.DIAGNOSED; }

    /** Diagnosed with the record's cause first. Never for an {@code other:} record. */
    public boolean right() { return diagnosed() && record.cause().equals(top()); }

    /** The record's cause first, whatever the status. */
    public boolean leading() { return record.cause().equals(top()); }

    public boolean inTop3() { return ranked.stream().anyMatch(r -> r.cause().equals(record.cause())); }

    /** A diagnosis that is not the record's cause: any diagnosis of an {@code other:} record. */
    public boolean confidentWrong() { return diagnosed() && !right(); }

    public boolean inconclusive() { return status == Status.INCONCLUSIVE; }

    /**
     * The floor of a near miss: a wrong cause leading undiagnosed at this certainty is one weak
     * support (0.1 to 0.15) short of the default threshold, so an unseen report told in slightly other
     * words turns it into a confident-wrong. Counted as a margin, a sign of how well the certainties
     * generalise, not as an error.
     */
    public static final double NEAR_WRONG = 0.6;

    /** Not diagnosed, and a cause other than the record's leads at {@link #NEAR_WRONG} or more. */
    public boolean nearWrong() {
        return !diagnosed() && status != Status.ADVICE && !ranked.isEmpty() && !leading()
                && ranked.get(0).certainty() >= NEAR_WRONG;
    }

    public int questions() { return asked.size(); }

    /** The interview ended on a reported fault without a diagnosis and without asking anything. */
    public boolean zeroQuestionEnding() {
        return mode == Mode.INTERVIEW && asked.isEmpty() && !diagnosed() && status != Status.ADVICE;
    }

    /** The interview ended "no fault" although the user came with a broken site. */
    public boolean noFaultEnding() { return mode == Mode.INTERVIEW && status == Status.NO_FAULT; }
}
