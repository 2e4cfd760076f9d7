package dev.dokploydoctor.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CertaintyTest {
    @Test void mycinCombination() {
        assertEquals(0.76, Certainty.combine(0.6, 0.4), 1e-9);      // a + b(1-a)
        assertEquals(-0.76, Certainty.combine(-0.6, -0.4), 1e-9);   // a + b(1+a)
        assertEquals(0.2 / 0.6, Certainty.combine(0.6, -0.4), 1e-9); // (a+b)/(1-min(|a|,|b|))
        assertEquals(0, Certainty.combine(1, -1), 1e-9);
    }

    @Test void orderDoesNotMatter() {
        double a = Certainty.combineAll(List.of(0.4, -0.5, 0.3, 0.2));
        double b = Certainty.combineAll(List.of(-0.5, 0.2, 0.3, 0.4));
        assertEquals(a, b, 1e-12);
    }

    static Evidence on(double cf, String rule, String... observations) {
        return new Evidence("c", cf, rule, List.of()).on(java.util.Set.of(observations));
    }

    @Test void oneObservationReadByTwoRulesCountsOnce() {
        // "Tunnel server stopped" gives tunnel.connected=false and cloudflared.running=false: one line, two rules
        assertEquals(0.6, Certainty.ofCause(List.of(on(0.45, "not connected", "text@10-31"), on(0.6, "not running", "text@10-31"))), 1e-9);
        // two catalog entries matching overlapping words are one observation too
        assertEquals(0.6, Certainty.ofCause(List.of(on(0.45, "a", "text@10-31"), on(0.6, "b", "text@20-40"))), 1e-9);
        // overlapping spans of texts typed apart (the REPL's opening, then an answer) are two observations
        assertEquals(0.78, Certainty.ofCause(List.of(on(0.45, "a", "text#1f3a@0-25"), on(0.6, "b", "text#77b0@0-31"))), 1e-9);
        assertEquals(0.6, Certainty.ofCause(List.of(on(0.45, "a", "text#1f3a@0-25"), on(0.6, "b", "text#1f3a@10-31"))), 1e-9);
        // two observations: MYCIN as before
        assertEquals(0.78, Certainty.ofCause(List.of(on(0.45, "a", "text@10-31"), on(0.6, "b", "text@40-60"))), 1e-9);
        assertEquals(0.78, Certainty.ofCause(List.of(on(0.45, "a", "user:http.status"), on(0.6, "b", "user:container.health"))), 1e-9);
        // a rule that reads the shared observation and another one combines with the first
        assertEquals(0.76, Certainty.ofCause(List.of(on(0.6, "a", "user:x"), on(0.4, "b", "user:x", "user:y"))), 1e-9);
    }

    @Test void aRulesHoldKeepsTheCauseBelowADiagnosisWhateverItsSupportAddsUpTo() {
        // the text says there is no Traefik (refuted 0.6) beside two supports of a Traefik cause: the refutation
        // alone leaves 0.87, a diagnosis; the stack rule's hold keeps it at 0.69, leading, and the interview asks
        List<Evidence> two = List.of(on(0.87, "a", "text@0-5"), on(0.6, "b", "text@10-15"), on(-0.6, "not traefik", "text@20-30"));
        assertEquals(0.87, Certainty.ofCause(two), 1e-9);
        List<Evidence> held = new java.util.ArrayList<>(two);
        held.add(Evidence.hold("c", "not traefik", List.of()));
        assertEquals(Certainty.WEAK_SIGNS_CEILING, Certainty.ofCause(held), 1e-9);
        assertTrue(Certainty.heldByARule(held));
        // below the ceiling the hold changes nothing: the order among the leads is the support's
        List<Evidence> one = new java.util.ArrayList<>(List.of(on(0.87, "a", "text@0-5"), on(-0.6, "not traefik", "text@20-30")));
        double alone = Certainty.ofCause(one);
        one.add(Evidence.hold("c", "not traefik", List.of()));
        assertEquals(alone, Certainty.ofCause(one), 1e-9);
        // a hold and a refutation of the same rule are two judgements, not one
        assertNotEquals(Evidence.hold("c", "r", List.of()), new Evidence("c", -0.6, "r", List.of()));
    }

    @Test void aHintThatReadsNothingNewAddsNothing() {
        // "redirect loop, which SSL mode?" (0.10) restates the loop that the 0.75 rule read with the SSL mode
        assertEquals(0.75, Certainty.ofCause(List.of(on(0.75, "loop with flexible", "user:loop", "user:ssl"), on(0.1, "loop, which mode?", "user:loop"))), 1e-9);
        // a weak rule on a new observation still adds
        assertEquals(0.775, Certainty.ofCause(List.of(on(0.75, "a", "user:loop", "user:ssl"), on(0.1, "b", "user:tunnel"))), 1e-9);
        // hints alone still rank a cause
        assertEquals(0.1, Certainty.ofCause(List.of(on(0.1, "a", "user:loop"), on(0.05, "b", "user:loop"))), 1e-9);
    }

    @Test void weakSignsAloneStopBelowTheThreshold() {
        // several networks (0.45), an error that comes and goes (0.4), a 504 (0.35): 0.86 by MYCIN, held at 0.69
        List<Evidence> weak = List.of(on(0.45, "a", "user:networks"), on(0.4, "b", "user:intermittent"), on(0.35, "c", "user:status"));
        assertEquals(Certainty.WEAK_SIGNS_CEILING, Certainty.ofCause(weak), 1e-9);
        assertTrue(Certainty.heldAtCeiling(weak));
        // one substantial piece lets the rest add as before
        assertEquals(Certainty.combineAll(List.of(0.5, 0.4, 0.35)),
                Certainty.ofCause(List.of(on(0.5, "a", "user:networks"), on(0.4, "b", "user:intermittent"), on(0.35, "c", "user:status"))), 1e-9);
        // below the ceiling nothing changes, and nothing is said
        List<Evidence> two = List.of(on(0.3, "a", "user:x"), on(0.2, "b", "user:y"));
        assertEquals(0.44, Certainty.ofCause(two), 1e-9);
        assertFalse(Certainty.heldAtCeiling(two));
        // a refutation still takes a held cause down
        List<Evidence> refuted = List.of(on(0.45, "a", "user:x"), on(0.45, "b", "user:y"), on(0.4, "c", "user:z"), new Evidence("c", -0.9, "r", List.of()));
        assertTrue(Certainty.ofCause(refuted) < 0);
    }

    @Test void evidenceWithoutObservationsIsItsOwnAndRefutationsStillCombine() {
        Evidence bare = new Evidence("c", 0.15, "similar", List.of());
        assertEquals(Certainty.combine(0.6, 0.15), Certainty.ofCause(List.of(on(0.6, "a", "user:x"), bare)), 1e-9);
        assertEquals(Certainty.combine(0.6, -0.5),
                Certainty.ofCause(List.of(on(0.6, "a", "user:x"), on(0.3, "b", "user:x"), new Evidence("c", -0.5, "r", List.of()))), 1e-9);
    }

    @Test void ruleFunctions() {
        assertTrue(RuleFunctions.isLoopback("127.0.0.1"));
        assertTrue(RuleFunctions.isLoopback("[::1]"));
        assertFalse(RuleFunctions.isLoopback("0.0.0.0"));
        assertTrue(RuleFunctions.versionAtLeast("1.52", "1.44"));
        assertFalse(RuleFunctions.traefikSupportsDocker29("v3.5.0"));
        assertTrue(RuleFunctions.traefikSupportsDocker29("3.6.7"));
        assertTrue(RuleFunctions.traefikSupportsDocker29("2.11.31"));
        assertFalse(RuleFunctions.traefikSupportsDocker29("2.10.7"));
        // a tunnel origin on the host's own address names a published host port; a container's name or bridge address does not
        assertEquals(28117L, RuleFunctions.hostAddressPort("https://172.16.42.29:28117"));
        assertEquals(8081L, RuleFunctions.hostAddressPort("http://localhost:8081"));
        assertEquals(-1L, RuleFunctions.hostAddressPort("http://dokploy-traefik:80"));
        assertEquals(-1L, RuleFunctions.hostAddressPort("http://172.18.0.5:3000"));
        assertEquals(-1L, RuleFunctions.hostAddressPort("https://192.168.1.10"));
    }
}
