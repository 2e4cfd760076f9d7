package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Node;
import dev.dokploydoctor.knowledge.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.dokploydoctor.engine.PlannerTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question that takes another fact for granted (facts.yaml {@code asked_if}): where the tunnel route
 * points is never asked after "no tunnel", and whether there is a tunnel is asked first (user tests:
 * route.via was asked of a user who had said there was none; the SSL mode before whether the record is proxied).
 */
class AskedIfTest {
    static final Engine ENGINE = PlannerTest.fixture("/dev/dokploydoctor/engine/presumes");
    final Interview interview = new Interview(ENGINE, Engine.DEFAULT_THRESHOLD);
    final Fact symptom = user("sym", true);

    @Test
    void whatTheQuestionTakesForGrantedIsAskedFirst() {
        Interview.Ask ask = assertInstanceOf(Interview.Ask.class, interview.next(List.of(symptom), Set.of(), 0));
        assertEquals("tunnel", ask.plan().question().key());
        assertTrue(ask.plan().reason().contains("route"), ask.plan().reason());
    }

    @Test
    void afterYesOrDontKnowTheQuestionItself() {
        Interview.Ask yes = assertInstanceOf(Interview.Ask.class, interview.next(List.of(symptom, user("tunnel", true)), Set.of(), 1));
        assertEquals("route", yes.plan().question().key());
        Interview.Ask unknown = assertInstanceOf(Interview.Ask.class, interview.next(List.of(symptom), Set.of("tunnel"), 1));
        assertEquals("route", unknown.plan().question().key());
    }

    @Test
    void afterNoNeverTheQuestionItself() {
        Interview.Step step = interview.next(List.of(symptom, user("tunnel", false)), Set.of(), 1);
        Interview.End end = assertInstanceOf(Interview.End.class, step, "no tunnel: where its route points is no question");
        assertEquals(Interview.Stop.NOTHING_MOVES, end.stop());
    }

    @Test
    void theVocabularyReadsItAndRefusesAKeyItDoesNotHave() {
        assertEquals(Map.of("tunnel", true), ENGINE.knowledge().vocabulary().get("route").askedIf());
        Node bad = Node.of(Map.of("facts", Map.of("a", Map.of("type", "bool", "question", "a?", "asked_if", Map.of("nothere", true)))), "facts.yaml");
        assertThrows(KnowledgeError.class, () -> Vocabulary.fromNode(bad));
    }
}
