package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.CaseInput;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionTest {
    final Engine engine = Fixture.engine();

    @Test
    void undoTakesBackTheAnswerAndEverythingThatFollowed() {
        Session s = new Session("t");
        s.add(Session.Kind.OPENING, "opening", List.of(Fixture.user("sym", true)), "it broke", true);
        s.answer("b", "Is b true?", "true", Fixture.user("b", true));
        assertEquals(Status.DIAGNOSED, s.evaluate(engine, 0.7).status());

        Session.Step undone = s.undo();
        assertEquals("b", undone.exchange().key());
        Outcome o = s.evaluate(engine, 0.7);
        assertEquals(Status.INCONCLUSIVE, o.status());
        assertEquals(0.5, o.top().certainty(), 1e-9);
        assertNull(s.fact("b"));
        assertTrue(s.exchanges().isEmpty());
    }

    @Test
    void undoTakesBackAnAnswerWithWhatItSaidBesideItsValue() {   // user20 q1: two undos for one line typed
        Session s = new Session("t");
        s.add(Session.Kind.OPENING, "opening", List.of(Fixture.user("sym", true)), "it broke", true);
        s.answer("a", "Is a true?", "true", Fixture.user("a", true));
        s.answer("b", "Is b true?", "unknown", null);
        s.add(Session.Kind.TEXT, Session.CORRECTED_IN_ANSWER + "b", List.of(Fixture.user("sym", false)), "no, and no sym", true);
        s.add(Session.Kind.TEXT, Session.MORE_IN_ANSWER + "b", List.of(Fixture.user("c", true)), "no, and no sym", false);

        Session.Step undone = s.undoAnswer();
        assertEquals("b", undone.exchange().key());
        assertNull(s.fact("c"));
        assertEquals(true, s.fact("sym").getValue());
        assertTrue(!s.knows("b"));
        assertEquals(true, s.fact("a").getValue(), "the answer before stays");
        assertEquals("a", s.undoAnswer().exchange().key());
    }

    @Test
    void undoOfACorrectionBesideAnUnreadAnswerLeavesTheAnswerBeforeIt() {
        // the answer to b was not read (asked again) but its correction was noted: undo takes back that note only,
        // not the answer to a, another question's
        Session s = new Session("t");
        s.add(Session.Kind.OPENING, "opening", List.of(Fixture.user("sym", true)), "it broke", true);
        s.answer("a", "Is a true?", "true", Fixture.user("a", true));
        s.add(Session.Kind.TEXT, Session.CORRECTED_IN_ANSWER + "b", List.of(Fixture.user("sym", false)), "no sym at all", true);

        Session.Step undone = s.undoAnswer();
        assertEquals(Session.CORRECTED_IN_ANSWER + "b", undone.label());
        assertEquals(true, s.fact("sym").getValue());
        assertEquals(true, s.fact("a").getValue(), "the answer to another question stays");
    }

    @Test
    void reloadKeepsWhereEachFactWasRead() {
        // one pasted line gave two facts: one observation, before and after 'reload' retypes them
        Session s = new Session("t");
        List<Fact> read = List.of(new Fact("sym", true, Fact.TEXT, "matched \"it broke\"", "text#ab12@0-8"),
                new Fact("b", true, Fact.TEXT, "matched \"it broke\"", "text#ab12@0-8"));
        s.add(Session.Kind.OPENING, "opening", read, "it broke", true);
        assertTrue(s.retype(engine.knowledge().vocabulary()).isEmpty());
        assertEquals("text#ab12@0-8", s.fact("sym").getOrigin());
        assertEquals("text#ab12@0-8", s.fact("b").getOrigin());
    }

    @Test
    void changeReplacesAnAnswerAndCanBeUndone() {
        Session s = new Session("t");
        s.add(Session.Kind.OPENING, "opening", List.of(Fixture.user("sym", true)), null, true);
        s.answer("b", "Is b true?", "unknown", null);
        assertEquals(Set.of("b"), s.unknown());
        s.change("b", "Is b true?", "false", Fixture.user("b", false));
        assertEquals(Boolean.FALSE, s.fact("b").getValue());
        assertTrue(s.unknown().isEmpty());
        s.undo();
        assertNull(s.fact("b"));
        assertEquals(Set.of("b"), s.unknown(), "undo restores the unknown answer");
        assertEquals(1, s.questionsAnswered());
    }

    @Test
    void observationsAreNotUndoneAndDoNotOverrideTheUser() {
        Session s = new Session("t");
        s.add(Session.Kind.PROBE, "docker", List.of(new Fact("a", true, Fact.PROBE, "docker inspect")), null, false);
        s.add(Session.Kind.OPENING, "opening", List.of(Fixture.user("sym", true)), "text", true);
        List<Fact> added = s.add(Session.Kind.PROBE, "docker", List.of(new Fact("sym", false, Fact.PROBE, "x")), null, false);
        assertTrue(added.isEmpty(), "a probe fills only what nobody stated");
        s.restart();
        assertNull(s.fact("sym"));
        assertEquals(Fact.PROBE, s.fact("a").getSource(), "restart keeps what the probes saw");
        assertNull(s.undo(), "probe steps are not undone");
    }

    @Test
    void theSavedCaseHoldsTextStatedFactsAndUnknownsNotFactsFromTheText() {
        Session s = new Session("t");
        s.add(Session.Kind.OPENING, "opening", List.of(new Fact("sym", true, Fact.TEXT, "extractor")), "the symptom is there", true);
        s.answer("a", "Is a true?", "true", Fixture.user("a", true));
        s.answer("b", "Is b true?", "unknown", null);
        CaseInput c = s.toCase("my-case");
        assertEquals("my-case", c.id());
        assertEquals("the symptom is there", c.text());
        assertEquals(Map.of("a", true), c.facts());
        assertEquals(Set.of("b"), c.unknown());
        assertFalse(SessionFiles.caseYaml(s, "my-case", null).contains("sym:"), "facts found in the text come back from the text");
    }
}
