package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Knowledge knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        Engine engine = Engine.load(knowledge);
        List<String> lost = new ArrayList<>();
        int right = 0;
        for (var file : knowledge.loadCases()) {
            CaseInput c = file.read(knowledge.vocabulary());
            if (c.expect() == null || c.expect().cause() == null || c.expect().status() != null) continue;
            if (!right(engine.diagnose(c, Engine.DEFAULT_THRESHOLD), c)) continue;
            right++;
            for (String sentence : SENTENCES) {
                String text = c.text() == null || c.text().isBlank() ? sentence : c.text() + "\n" + sentence;
                CaseInput more = new CaseInput(c.id(), text, c.facts(), c.unknown(), c.expect(), c.file(), c.line());
                if (!right(engine.diagnose(more, Engine.DEFAULT_THRESHOLD), c)) lost.add(file.causeFolder() + "/" + c.id() + " + \"" + sentence + "\"");
            }
        }
        assertTrue(right >= 100, "the regression cases diagnosed right: " + right);
        assertTrue(lost.isEmpty(), lost.size() + " lost:\n" + String.join("\n", lost));
    }

    private static boolean right(Outcome o, CaseInput c) {
        return o.top() != null && o.top().cause().equals(c.expect().cause())
                && (o.status() == Status.DIAGNOSED || o.status() == Status.ADVICE);
    }
}
