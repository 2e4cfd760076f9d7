package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Similar reports are found for what the user told, never for a host's probe facts alone. */
class SimilarLookupTest {
    private static final Path FIXTURE = Path.of("src/test/resources/eval");
    private static final Knowledge KNOWLEDGE = Knowledge.load(List.of(
            new Knowledge.Layer("fixture", FIXTURE.resolve("rules"), FIXTURE.resolve("knowledge"))));
    private static final Engine ENGINE = Engine.load(KNOWLEDGE);

    private static Outcome judged(String source) {
        Fact compose = new Fact("service.kind", "compose", source, "getaddrinfo EAI_AGAIN postgres");
        return ENGINE.diagnose(new CaseInput("t", null, Map.of(), Set.of(), null, null, 0), 0.7, List.of(compose));
    }

    @Test
    void whatTheUserToldFindsReports() {
        assertFalse(new SimilarLookup(KNOWLEDGE).find(judged(Fact.USER)).isEmpty());
        assertFalse(new SimilarLookup(KNOWLEDGE).find(judged(Fact.TEXT)).isEmpty());
    }

    @Test
    void probeFactsAloneFindNothing() {
        // the same fact and words, seen by a probe on a host where nobody reported anything
        assertEquals(List.of(), new SimilarLookup(KNOWLEDGE).find(judged(Fact.PROBE)));
    }
}
