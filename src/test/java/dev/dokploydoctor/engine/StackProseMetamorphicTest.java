package dev.dokploydoctor.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * One sentence about the stack that is not a statement of this app's stack (a test around a component,
 * the proxy of other sites, a proxy in front of DokPloy's Traefik) must not undo a diagnosis: added to
 * every regression case diagnosed right, none is lost (review11 F2: up to 48 of 137 were).
 */
class StackProseMetamorphicTest {
    private static final List<String> SENTENCES = List.of(
            "I tried it without traefik, it works.",
            "We use caddy for the other sites on this box.",
            "Nginx Proxy Manager sits in front of the dokploy server and forwards to it.",
            "The compose runs fine locally without dokploy.",
            "It works with just docker, no dokploy.",
            "I use nginx as reverse proxy for my other apps.");

    @Test
    void aSentenceAboutTheStackInPassingLosesNoRightDiagnosis() {
        new Metamorphic().run((c, before) -> c.expect().cause() != null && c.expect().status() == null && Metamorphic.right(before, c),
                        Metamorphic.Transform.appended(SENTENCES),
                        (c, before, after) -> Metamorphic.right(after, c) ? null : "lost")
                .assertHolds(100, "right diagnoses lost");
    }
}
