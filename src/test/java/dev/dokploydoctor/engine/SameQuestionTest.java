package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.knowledge.Node;
import dev.dokploydoctor.knowledge.Vocabulary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.dokploydoctor.engine.PlannerTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Two questions about one thing (facts.yaml {@code same_question_as}) and a question that presumes a
 * dependency ({@code asked_if}), on the bundled knowledge (user11 S8, S10, S12: where the app listens
 * asked twice in a row; "Is that dependency's container running" when no dependency was mentioned).
 */
class SameQuestionTest {
    static final Engine BUNDLED = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));
    final Interview interview = new Interview(BUNDLED, Engine.DEFAULT_THRESHOLD);

    /** The keys asked, in order, answering "don't know" to each, until the interview ends or asks {@code stopAt}. */
    private List<String> askedWithUnknowns(List<Fact> facts, String stopAt) {
        Set<String> unknown = new java.util.LinkedHashSet<>();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < Interview.QUESTION_LIMIT; i++) {
            Interview.Step step = interview.next(facts, unknown, asked.size());
            if (!(step instanceof Interview.Ask ask)) break;
            String key = ask.plan().question().key();
            asked.add(key);
            if (key.equals(stopAt)) break;
            unknown.add(key);
        }
        return asked;
    }

    @Test
    void whereTheAppListensIsAskedOnceWhateverTheAnswer() {
        // a refused 502: where the app listens is what the rules need
        List<Fact> refused = List.of(user("http.status", 502L), user("upstream.connection_refused", true));
        List<String> asked = askedWithUnknowns(refused, null);
        assertEquals(1, asked.stream().filter(k -> k.equals("app.listen_address") || k.equals("app.listen_bound")).count(), asked.toString());
        // an answer that implies nothing of the other (no loopback or wildcard address) settles it too
        String first = asked.stream().filter(k -> k.startsWith("app.listen_")).findFirst().orElseThrow();
        List<Fact> told = new ArrayList<>(refused);
        told.add(user(first, "172.18.0.5"));
        String other = first.equals("app.listen_address") ? "app.listen_bound" : "app.listen_address";
        assertEquals(List.of(), askedWithUnknowns(told, null).stream().filter(other::equals).toList());
    }

    @Test
    void aValueOnlyReadFromTheTextLeavesTheSocketQuestionOpen() {
        // "running on localhost:3000" in a log line: whether the socket is bound to loopback is the check
        Fact logLine = new Fact("app.listen_address", "localhost", Fact.TEXT, "Server running on http://localhost:3000");
        List<String> asked = askedWithUnknowns(List.of(user("http.status", 502L), logLine), "app.listen_bound");
        assertEquals("app.listen_bound", asked.get(asked.size() - 1), asked.toString());
    }

    @Test
    void theVocabularyPairsThemBothWaysAndRefusesAnUnknownKey() {
        Vocabulary v = BUNDLED.knowledge().vocabulary();
        assertEquals(Set.of("app.listen_address"), v.get("app.listen_bound").sameQuestionAs());
        assertEquals(Set.of("app.listen_bound"), v.get("app.listen_address").sameQuestionAs());
        Node bad = Node.of(Map.of("facts", Map.of("a", Map.of("type", "bool", "question", "a?", "same_question_as", "nothere"))), "facts.yaml");
        assertThrows(KnowledgeError.class, () -> Vocabulary.fromNode(bad));
    }

    @Test
    void thatDependencyIsAskedAboutOnlyOnceTheAppHasOne() {
        assertEquals(Map.of("service.has_dependencies", true), BUNDLED.knowledge().vocabulary().get("dependency.running").askedIf());
        // an unhealthy container: whether a dependency is down is the look-alike, but first whether there is one
        List<Fact> unhealthy = List.of(user("container.health", "unhealthy"), user("http.status", 404L));
        List<String> asked = askedWithUnknowns(unhealthy, "dependency.running");
        int has = asked.indexOf("service.has_dependencies");
        assertNotEquals(-1, has, asked.toString());
        // "don't know" to that ends this look-alike's path: whether a dependency runs, with none known, overturns
        // nothing by itself (round 16: look-alike questions only where an answer could overturn the diagnosis)
        assertEquals(-1, asked.subList(0, has).indexOf("dependency.running"), asked.toString());
        // an app known to have one is asked whether it runs
        List<Fact> withOne = new ArrayList<>(unhealthy);
        withOne.add(user("service.has_dependencies", true));
        List<String> then = askedWithUnknowns(withOne, "dependency.running");
        assertNotEquals(-1, then.indexOf("dependency.running"), then.toString());
        // no sibling at all: never asked
        List<Fact> alone = new ArrayList<>(unhealthy);
        alone.add(user("service.has_dependencies", false));
        assertEquals(List.of(), askedWithUnknowns(alone, null).stream().filter("dependency.running"::equals).toList());
    }
}
