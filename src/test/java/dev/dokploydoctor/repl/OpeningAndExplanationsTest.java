package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.report.Style;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpeningAndExplanationsTest {
    static final Knowledge REAL = Knowledge.load(List.of(Layers.checkout(Program.projectDir())));

    static Map<String, Object> facts(String input) {
        Opening.Parsed p = Opening.parse(input, REAL.vocabulary(), REAL.textExtraction());
        return p.facts().stream().collect(Collectors.toMap(Fact::getKey, Fact::getValue));
    }

    @Test
    void theOpeningTakesAMenuChoiceACodeOrAURL() {
        assertEquals(Map.of("http.status", 502L), facts("1"));
        assertEquals(Map.of("user.goal", "route-advice"), facts("8"));
        assertEquals(Map.of("http.status", 504L), facts(" 504 "));
        assertEquals(Map.of("cloudflare.error", 1033L), facts("1033"));
        assertEquals("app.example.com", facts("https://app.example.com/login is down").get("domain.host"));
        assertNull(facts("tunnel route to https://localhost:443 gives 404").get("domain.host"), "a loopback origin is not the site");
        assertNull(facts("cloudflared: x509: cannot validate certificate for 172.16.42.29 because it doesn't contain any IP SANs"
                + " originService=https://172.16.42.29:28117").get("domain.host"), "an origin's address is not the site (nor a probe target)");
        assertNull(facts("http://[2001:db8::1]:8080/ refuses").get("domain.host"), "an IPv6 address is no domain either");
        assertEquals(Opening.MENU.size(), Opening.menuLines().stream().mapToInt(l -> l.split("\\d\\) ").length - 1).sum());
    }

    @Test
    void aQuotedDocsOrForumLinkIsNeitherTheSiteNorAProbeTarget() {   // user11 S27: the docs page was fetched
        String docs = "The Health-checks page (https://coolify.io/docs/knowledge-base/health-checks) says to add a"
                + " healthcheck. I spent 2 hours debugging why my healthchecks were not working.";
        Opening.Parsed p = Opening.parse(docs, REAL.vocabulary(), REAL.textExtraction());
        assertNull(p.url(), "a docs page is no probe target");
        assertNull(facts(docs).get("domain.host"));
        assertNull(facts("same as https://github.com/Dokploy/dokploy/issues/3161: every domain gives 404").get("domain.host"));
        assertNull(facts("I followed https://blog.example.org/docs/traefik-behind-tunnel and still get a 502").get("domain.host"));
        // the user's own site, told as theirs, stays the site and the target
        Opening.Parsed own = Opening.parse("see https://github.com/x/y/issues/1, my site https://shop.example.com gives 502",
                REAL.vocabulary(), REAL.textExtraction());
        assertEquals("https://shop.example.com", own.url());
        assertEquals("shop.example.com", facts("on https://shop.example.com/cart I get a 502").get("domain.host"));
    }

    @Test
    void whyNotNamesTheFactThatRuledACauseOutOrTheOnesMissing() {
        Engine e = Fixture.engine();
        Explanations words = new Explanations(e.knowledge(), Style.PLAIN, 0.7);
        Outcome open = e.evaluate("t", List.of(Fixture.user("sym", true)), Set.of(), 0.7);
        String missing = words.whyNot("lead", open, open);
        assertTrue(missing.contains("only 0.50 certain"), missing);
        assertTrue(missing.contains("b: Is b true?"), missing);

        Outcome refuted = e.evaluate("t", List.of(Fixture.user("sym", true), Fixture.user("b", false)), Set.of(), 0.7);
        String out = words.whyNot("lead", refuted, refuted);
        assertTrue(out.contains("lead is ruled out"), out);
        assertTrue(out.contains("rule 'b false: lead ruled out'") && out.contains("b = false"), out);

        String how = words.how("lead", refuted);
        assertTrue(how.contains("+0.50 rule 'symptom: three candidates'") && how.contains("-0.80 rule 'b false: lead ruled out'"), how);
        assertThrows(IllegalArgumentException.class, () -> words.resolveCause("nonsense", refuted));
    }

    @Test
    void theLeadingLineShowsHowCausesMoved() {
        Engine e = Fixture.engine();
        Explanations words = new Explanations(e.knowledge(), Style.PLAIN, 0.7);
        Outcome before = e.evaluate("t", List.of(Fixture.user("sym", true)), Set.of(), 0.7);
        Outcome after = e.evaluate("t", List.of(Fixture.user("sym", true), Fixture.user("b", false)), Set.of(), 0.7);
        String line = words.leading(after, before);
        assertTrue(line.contains("lead ruled out"), line);
        assertFalse(line.contains("lead 0."), line);
        String up = words.leading(e.evaluate("t", List.of(Fixture.user("sym", true), Fixture.user("a", true)), Set.of(), 0.7), before);
        assertTrue(up.contains("out1 0.37 ↑"), up);
    }

    @Test
    void aCauseOnlyTheSimilarReportsHintedAtIsSetAsideNotRuledOut() {   // user20 n3
        Explanations words = new Explanations(Fixture.engine().knowledge(), Style.PLAIN, 0.7);
        String vote = "similar field reports: the cause most of the nearest reports had, when no rule knows better";
        Diagnosis hinted = new Diagnosis("tls", 0.15, null, List.of(new Evidence("tls", 0.15, vote, List.of())));
        Diagnosis ruled = new Diagnosis("tls", 0.3, null, List.of(new Evidence("tls", 0.3, "a rule", List.of())));
        Diagnosis other = new Diagnosis("unreachable", 0.5, null, List.of(new Evidence("unreachable", 0.5, "b rule", List.of())));
        Outcome after = outcome(List.of(other));
        String line = words.leading(after, outcome(List.of(hinted)));
        assertTrue(line.contains("tls (only the similar reports' hint) set aside") && !line.contains("ruled out"), line);
        assertTrue(words.leading(after, outcome(List.of(ruled))).contains("tls ruled out"));
    }

    private static Outcome outcome(List<Diagnosis> ds) {
        return new Outcome("t", dev.dokploydoctor.engine.Status.INCONCLUSIVE, ds, List.of(), List.of(),
                ds.stream().flatMap(d -> d.evidence().stream()).toList(), List.of(), Set.of(), null);
    }
}
