package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Effort;
import dev.dokploydoctor.knowledge.Fact;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.engine.DontKnowUser.BUNDLED;
import static dev.dokploydoctor.engine.DontKnowUser.read;
import static dev.dokploydoctor.engine.DontKnowUser.told;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, the interview from nothing: "my site is broken" and no fact beyond it. Batch lists the question the
 * REPL asks first (one planner); a user who could tell none of the symptom questions gets one look they can take
 * without a command before the interview ends.
 */
class FromNothingTest {
    final Interview interview = new Interview(BUNDLED, Engine.DEFAULT_THRESHOLD);
    static final List<Fact> BROKEN = List.of(new Fact("fault.reported", true, Fact.USER, "you described a problem: my site is broken"));

    @Test
    void batchListsTheQuestionTheReplAsksFirst() {
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(BROKEN, Set.of(), 0));
        Outcome batch = BUNDLED.evaluate("nothing", BROKEN, Set.of(), Engine.DEFAULT_THRESHOLD);
        assertEquals(Status.INCONCLUSIVE, batch.status());
        // before: batch listed no question at all (no rule names one), the REPL asked the status
        assertFalse(batch.questions().isEmpty(), "batch lists a question from zero facts");
        assertEquals(ask.plan().question().key(), batch.questions().get(0).key());
    }

    @Test
    void aUserWhoToldNothingGetsOneLookBeforeTheEnd() {
        Set<String> unknown = new LinkedHashSet<>(DontKnowUser.asked(interview, BROKEN, 3));
        assertEquals(3, unknown.size(), unknown.toString());
        Interview.Ask look = assertInstanceOf(Interview.Ask.class, interview.next(BROKEN, unknown, 3));
        String key = look.plan().question().key();
        assertEquals(Effort.SEEN, BUNDLED.knowledge().vocabulary().get(key).effort(), key);
        assertFalse(unknown.contains(key), key);
        // one more "don't know" and it ends
        unknown.add(key);
        assertInstanceOf(Interview.End.class, interview.next(BROKEN, unknown, 4));
    }

    @Test
    void aUserWhoSaidSomethingGetsNoExtraLook() {
        // the look-alike: the text said the containers run (a fact beyond the fault); three unknowns: the end as
        // before, no extra look
        List<Fact> said = List.of(BROKEN.get(0), read("containers.running", true));
        Set<String> unknown = new LinkedHashSet<>(DontKnowUser.asked(interview, said, 3));
        assertEquals(3, unknown.size(), unknown.toString());
        Interview.Step step = interview.next(said, unknown, unknown.size());
        assertInstanceOf(Interview.End.class, step, step.toString());
    }
}
