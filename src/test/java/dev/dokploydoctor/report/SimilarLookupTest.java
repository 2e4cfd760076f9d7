package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Planner;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theReportsTheVoteNamedComeFirst() {
        // the vote read the whole text and named a report the facts' words alone do not find first
        // (user13 O8: the banner named dns-alias-collision threads, 'similar' listed none of them)
        Fact compose = new Fact("service.kind", "compose", Fact.USER, "getaddrinfo EAI_AGAIN postgres");
        Fact vote = new Fact("similar.cause", "other:platform-bug", Fact.TEXT,
                "2 of 5 similar field reports: other:platform-bug (https://example.org/t/5-platform, https://example.org/t/7-config)");
        Outcome o = ENGINE.diagnose(new CaseInput("t", null, Map.of(), Set.of(), null, null, 0), 0.7, List.of(compose, vote));
        List<OutcomeView.SimilarView> found = new SimilarLookup(KNOWLEDGE).find(o);
        assertEquals(List.of("https://example.org/t/5-platform", "https://example.org/t/7-config"),
                found.stream().map(OutcomeView.SimilarView::link).limit(2).toList());
        assertEquals(SimilarLookup.MAX, found.size());
    }

    @Test
    void aReportOfACauseTheCaseRuledOutIsNotListed() {   // user19: Traefik's Docker API reports after "there's no traefik"
        Knowledge bundled = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        Engine engine = Engine.load(bundled);
        String said = "Error response from daemon: client version 1.24 is too old. Minimum supported API version is 1.44";
        Fact api = new Fact("docker.api_version", "1.52", Fact.TEXT, said);
        Fact fault = new Fact("fault.reported", true, Fact.TEXT, said);
        Outcome open = engine.diagnose(new CaseInput("t", null, Map.of(), Set.of(), null, null, 0), 0.7, List.of(api, fault));
        String cause = "docker-api-too-new-for-traefik";
        assertTrue(new SimilarLookup(bundled).find(open).stream().anyMatch(v -> v.cause().equals(cause)), "its reports are like this text");
        Fact noTraefik = new Fact("traefik.used", false, Fact.USER, "no, there is no traefik here");
        Outcome ruled = engine.diagnose(new CaseInput("t", null, Map.of(), Set.of(), null, null, 0), 0.7, List.of(api, fault, noTraefik));
        assertTrue(Planner.certainties(ruled).getOrDefault(cause, 0.0) <= Engine.RULED_OUT, "the answer rules it out");
        List<OutcomeView.SimilarView> found = new SimilarLookup(bundled).find(ruled);
        assertEquals(SimilarLookup.MAX, found.size());
        assertTrue(found.stream().noneMatch(v -> v.cause().equals(cause)), found.toString());
    }
}
