package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Documents;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The stack rules name a layer, each cause's folder says it needs it (cause.yaml {@code needs:}): a stack without
 * Traefik refutes exactly the causes that need Traefik, each at the rule's certainty or its own weaker tie.
 */
class CausesNeedingTest {
    private static final Knowledge K = RuleBaseFixture.CHECKOUT;
    private static final RuleBase RULES = RuleBase.compile(K);

    /** The refutations the named rule made in this outcome, by cause. */
    private static Map<String, Double> refutedBy(Outcome o, String rule) {
        Map<String, Double> out = new TreeMap<>();
        for (Evidence e : o.evidence()) if (e.getRule().equals(rule)) out.put(e.getCause(), e.getCf());
        return out;
    }

    /** What the causes' own folders say: the causes that need {@code layer}, each at min(cf, its tie). */
    private static Map<String, Double> expected(String layer, double cf) {
        Map<String, Double> out = new TreeMap<>();
        for (Cause c : K.causes().values()) if (c.needs().containsKey(layer)) out.put(c.id(), -Math.min(cf, c.needs().get(layer)));
        return out;
    }

    @Test void aStackWithoutTraefikRefutesWhatNeedsTraefikAtEachCausesOwnTie() {
        Outcome o = RuleBaseFixture.diagnose(K, RULES, Map.of("traefik.used", false, "http.status", 502));
        Map<String, Double> refuted = refutedBy(o, "the proxy is not Traefik: Traefik's own faults cannot be");
        assertEquals(expected("traefik", 0.9), refuted);
        assertTrue(refuted.keySet().containsAll(Set.of("traefik-not-running", "traefik-network-label-missing", "compose-labels-map-ignored")), refuted.toString());
        assertEquals(-0.8, refuted.get("external-compose-without-network"), 1e-9, "its own tie (0.8) is weaker than the rule's 0.9");
        assertFalse(refuted.containsKey("letsencrypt-rate-limited"), "Caddy, NPM and acme-companion hit the rate limit too");
    }

    @Test void aStackWithoutDokployRefutesWhatNeedsDokploy() {
        Outcome o = RuleBaseFixture.diagnose(K, RULES, Map.of("dokploy.used", false, "http.status", 404));
        Map<String, Double> refuted = refutedBy(o, "the app is not on DokPloy: DokPloy's own faults cannot be");
        assertEquals(expected("dokploy", 0.9), refuted);
        assertTrue(refuted.containsKey("wrong-domain-type"), refuted.toString());
        assertEquals(-0.8, refuted.get("deploy-error-but-containers-created"), 1e-9);
    }

    @Test void theQuestionsKnowWhichCausesAStackAnswerMoves() {
        // the planner reads the rules' text: a layer's refutation must reach the causes that need it
        AnswerSpace space = AnswerSpace.of(K);
        assertTrue(space.causesOf("traefik.used").containsAll(expected("traefik", 0.9).keySet()), space.causesOf("traefik.used").toString());
    }

    @Test void theDirectFormRefutesTheSameCausesAsTheRule() {
        CausesNeeding needing = new CausesNeeding(K.causes().values());
        Map<String, Double> direct = new TreeMap<>();
        for (DirectConsequences.Call c : DirectConsequences.calls("a stack rule", "causesNeeding.refute(drools, \"traefik\", 0.6);", needing)) {
            assertEquals("refute", c.verb());
            direct.put(c.cause(), -c.cf());
        }
        assertEquals(expected("traefik", 0.6), direct);
        assertNull(DirectConsequences.calls("a stack rule", "causesNeeding.of(drools, \"traefik\");", needing), "only refute is read");
    }

    @Test void theTextSayingNoTraefikHoldsWhatNeedsTraefikBelowADiagnosis() {
        // "every site times out, there is no traefik, we run nginx" (left19): read from the text, the missing layer
        // refutes (0.6) and holds each cause that needs it at 0.69, however much its support adds up to
        String rule = "the text says the proxy is not Traefik: Traefik's own faults held below a diagnosis";
        String text = "text#5e1f@";
        java.util.List<dev.dokploydoctor.knowledge.Fact> facts = java.util.List.of(
                new dev.dokploydoctor.knowledge.Fact("traefik.used", false, dev.dokploydoctor.knowledge.Fact.TEXT, "no traefik", text + "22-37"),
                new dev.dokploydoctor.knowledge.Fact("fault.all_domains", true, dev.dokploydoctor.knowledge.Fact.TEXT, "every site times out", text + "0-20"));
        Outcome o = Engine.load(K).evaluate("t", facts, Set.of(), Engine.DEFAULT_THRESHOLD);
        Set<String> held = new java.util.TreeSet<>();
        Map<String, Double> refuted = new TreeMap<>();
        for (Evidence e : o.evidence()) {
            if (!e.getRule().equals(rule)) continue;
            if (e.isHold()) held.add(e.getCause());
            else refuted.put(e.getCause(), e.getCf());
        }
        assertEquals(expected("traefik", 0.6).keySet(), held);
        assertEquals(expected("traefik", 0.6), refuted);
        for (Diagnosis d : o.diagnoses())
            if (held.contains(d.cause())) assertTrue(d.certainty() <= Certainty.WEAK_SIGNS_CEILING, d.toString());
        // the direct form holds the same causes
        CausesNeeding needing = new CausesNeeding(K.causes().values());
        Set<String> direct = new java.util.TreeSet<>();
        for (DirectConsequences.Call c : DirectConsequences.calls("a stack rule", "causesNeeding.hold(drools, \"traefik\");", needing)) {
            assertEquals("hold", c.verb());
            direct.add(c.cause());
        }
        assertEquals(expected("traefik", 0.6).keySet(), direct);
    }

    @Test void aNeedOfAnUnknownLayerOrCertaintyIsAnErrorWithItsLine(@TempDir Path dir) throws Exception {
        String head = "title: t\nlayer: traefik\nwhy: w\nfixes:\n  - title: f\n    commands: [echo]\nverify: v\n";
        Path bad = Files.writeString(dir.resolve("cause.yaml"), head + "needs: {trafik: 0.9}\n");
        KnowledgeError e = assertThrows(KnowledgeError.class, () -> Cause.fromNode("x", Documents.read(bad), Set.of("traefik", "dokploy")));
        assertTrue(e.getMessage().contains("unknown layer 'trafik'"), e.getMessage());
        Path cf = Files.writeString(dir.resolve("cause.yaml"), head + "needs: {traefik: 1.5}\n");
        e = assertThrows(KnowledgeError.class, () -> Cause.fromNode("x", Documents.read(cf), Set.of("traefik")));
        assertTrue(e.getMessage().contains("certainty in (0, 1]"), e.getMessage());
        Path ok = Files.writeString(dir.resolve("cause.yaml"), head + "needs: {traefik: 0.8}\n");
        assertEquals(Map.of("traefik", 0.8), Cause.fromNode("x", Documents.read(ok), Set.of("traefik")).needs());
    }
}
