package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The look-alike guard (fact similar.lookalike): a cause diagnosed on text alone is held below the
 * threshold, still leading; a stated fact lifts the hold; a cause below the threshold is never touched.
 * Each case first checks what the rules say without the sign.
 */
class LookalikeGuardTest {
    private static Engine engine;

    // the look-alike guard alone: app-listens-on-localhost is on probation, and the calibration gate would hold its text-alone diagnosis too
    @BeforeAll static void load() { engine = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of(""))))).ungated(); }

    /** A fact read from one span of a pasted text, as the extraction gives it. */
    private static Fact read(String key, Object value, int at) {
        return new Fact(key, value, Fact.TEXT, "test", "text#1f3a@" + at + "-" + (at + 10));
    }

    private static Fact stated(String key, Object value) { return new Fact(key, value, Fact.USER, "test"); }

    private static final Fact SIGN = new Fact(LookalikeGuard.KEY, true, Fact.TEXT,
            "2 of the 3 nearest field reports were causes outside our list: other:platform-bug (https://example.org/1), other:app-bug (https://example.org/2)");

    private static Outcome judge(List<Fact> facts) { return engine.evaluate("t", facts, Set.of(), 0.7); }

    private static List<Fact> with(List<Fact> facts, Fact more) {
        List<Fact> all = new ArrayList<>(facts);
        all.add(more);
        return all;
    }

    private static List<Evidence> holds(Outcome o) {
        return o.evidence().stream().filter(e -> e.getRule().equals(LookalikeGuard.RULE)).toList();
    }

    @Test
    void aDiagnosisOnTextAloneIsHeldLeadingAndSaysSo() {
        List<Fact> text = List.of(read("http.status", 502L, 0), read("app.listen_bound", "127.0.0.1", 40));
        Outcome without = judge(text);
        assertEquals(Status.DIAGNOSED, without.status(), "precondition: the text alone diagnoses: " + without.diagnoses());
        Outcome o = judge(with(text, SIGN));
        assertEquals(Status.INCONCLUSIVE, o.status());
        assertEquals(without.top().cause(), o.top().cause());   // still leading
        assertEquals(Certainty.WEAK_SIGNS_CEILING, o.top().certainty(), 1e-9);
        assertEquals(1, holds(o).size());
        assertEquals(LookalikeGuard.KEY, holds(o).get(0).getMatched().get(0).getKey());   // the sign (and its links) is the evidence
        assertTrue(Certainty.heldByLookalikes(o.top().evidence()));
        assertFalse(Certainty.heldAtCeiling(o.top().evidence()));   // not weak signs: said as what it is
    }

    @Test
    void aStatedFactLiftsTheHold() {
        List<Fact> facts = List.of(read("http.status", 502L, 0), stated("app.listen_bound", "127.0.0.1"));
        Outcome o = judge(with(facts, SIGN));
        assertEquals(Status.DIAGNOSED, o.status(), o.diagnoses().toString());
        assertEquals(List.of(), holds(o));
    }

    @Test
    void itNeverRaisesNorTouchesACauseBelowTheThreshold() {
        List<Fact> text = List.of(read("http.status", 502L, 0));
        Outcome without = judge(text);
        assertEquals(Status.INCONCLUSIVE, without.status(), "precondition: not diagnosed: " + without.diagnoses());
        Outcome o = judge(with(text, SIGN));
        assertEquals(List.of(), holds(o));
        assertEquals(without.top().cause(), o.top().cause());
        assertEquals(without.top().certainty(), o.top().certainty(), 1e-9);
    }

    @Test
    void withoutTheSignNothingIsHeld() {
        assertEquals(List.of(), holds(judge(List.of(read("http.status", 502L, 0), read("app.listen_bound", "127.0.0.1", 40)))));
    }
}
