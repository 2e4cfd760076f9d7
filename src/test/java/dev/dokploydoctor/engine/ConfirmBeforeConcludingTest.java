package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.dokploydoctor.engine.DontKnowUser.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Confirm before concluding (issue 13): a diagnosis that only readings of the user's text carried just over the
 * threshold (below {@link Interview#READINGS_SURE}) asks the fact that tells it from its look-alike before it
 * concludes, whatever that answer's chance.
 * On the checkout's rules: "the database is still starting" and "the app container crashes and restarts" in a compose
 * project's words, dependency-not-running at 0.80 (dev MediaManager#191: concluded after one question of another
 * cause's, no look-alike asked, the chance of an overturning answer under 0.05).
 */
class ConfirmBeforeConcludingTest {
    private static final Engine engine = DontKnowUser.BUNDLED;

    @Test
    void aDiagnosisOnlyTheTextCarriedJustOverTheThresholdAsksItsLookalikeFirst() {
        Interview interview = new Interview(engine, Engine.DEFAULT_THRESHOLD);
        List<Fact> text = List.of(read("dependency.running", false, 0), read("service.kind", "compose", 40),
                read("fault.reported", true, 80), read("containers.running", false, 120));
        Interview.Step step = interview.next(text, Set.of(), 0);
        assertEquals(Status.DIAGNOSED, step.outcome().status(), "precondition: " + step.outcome().diagnoses());
        assertEquals("dependency-not-running", step.outcome().top().cause());
        double cf = step.outcome().top().certainty();
        assertTrue(cf >= Interview.LOOKALIKE_SURE && cf < Interview.READINGS_SURE, "precondition: " + cf);
        assertTrue(Interview.readingsOnly(step.outcome().top()));
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, step, step.toString());
        assertEquals(Interview.Purpose.LOOKALIKE, ask.purpose(), ask.plan().reason());
        // "don't know" to the look-alike questions (two at most) leaves the diagnosis where it is: it concludes
        Set<String> unknown = new java.util.LinkedHashSet<>();
        Interview.Step after = step;
        while (after instanceof Interview.Ask a && unknown.size() < 3) {
            unknown.add(a.plan().question().key());
            after = interview.next(text, unknown, unknown.size());
        }
        assertInstanceOf(Interview.Conclude.class, after, after.toString());
        assertEquals("dependency-not-running", after.outcome().top().cause());
    }
}
