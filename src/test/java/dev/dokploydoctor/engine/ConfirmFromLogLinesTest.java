package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.knowledge.TextExtraction;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interview confirms a value read from a pasted log line or error string (it may be misread, and
 * the user's own check is news), never one read from the user's own words: they would only say it
 * again (user tests: "the app listens on 3000" was followed by "which port does the app listen on?").
 */
class ConfirmFromLogLinesTest {
    static Fact read(String key, Object value, String source) {
        return new Fact(key, value, Fact.TEXT, "extractor 'x' matched \"...\" (source: " + source + ")", "text#1@0-10");
    }

    @Test
    void aLogLinesValueMayBeConfirmedTheUsersOwnWordsNot() {
        try (Lookahead log = PlannerTest.ENGINE.planner().look(List.of(read("b", true, "traefik/traefik pkg/x.go:1 (v3)")), Set.of());
             Lookahead prose = PlannerTest.ENGINE.planner().look(List.of(read("b", true, "prose: ours")), Set.of())) {
            assertTrue(log.confirming("b"));
            assertFalse(prose.confirming("b"));
        }
    }

    /**
     * A log line typed to answer a question ("it's cloudflare's page: Error 524" at the status question) is what the
     * user just told: never asked back (user16 ud10: "I read cloudflare.error = 524 from your paste ... Which code?").
     */
    @Test
    void whatAnAnswerSaidBesideTheQuestionIsNotAskedBack() {
        Fact typed = read("b", true, "traefik/traefik pkg/x.go:1 (v3)");
        Fact inAnswer = new Fact("b", true, Fact.TEXT, TextExtraction.inAnswerTo(typed, "http.status", ""), typed.getOrigin());
        assertTrue(TextExtraction.fromAnAnswer(inAnswer));
        assertFalse(TextExtraction.fromAnAnswer(typed));
        try (Lookahead look = PlannerTest.ENGINE.planner().look(List.of(inAnswer), Set.of())) {
            assertFalse(look.confirming("b"));
        }
    }

    @Test
    void theCatalogTellsProseFromLogLines() {
        Knowledge k = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        TextExtraction extraction = k.textExtraction();
        List<Fact> log = extraction.extract("WRN Could not find network named \"dokploy-network\" for container \"/shop-web-1\"");
        assertFalse(log.isEmpty());
        log.forEach(f -> assertFalse(TextExtraction.fromProse(f), f.getEvidence()));
        List<Fact> prose = extraction.extract("it only fails sometimes");
        assertFalse(prose.isEmpty());
        prose.forEach(f -> assertTrue(TextExtraction.fromProse(f), f.getEvidence()));
    }
}
