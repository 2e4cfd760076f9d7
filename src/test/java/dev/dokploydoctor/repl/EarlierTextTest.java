package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "I told you": what the user's earlier text gave for the key asked, or what it did give. */
class EarlierTextTest {
    private static Session typed(Fact... read) {
        Session s = new Session("t");
        s.add(Session.Kind.TEXT, "text", List.of(read), "Bad gateway; the app listens on 0.0.0.0:3000", false);
        return s;
    }

    private static Fact text(String key, Object value) { return new Fact(key, value, Fact.TEXT, "read"); }

    @Test
    void aValueTheTextGaveIsTheAnswer() {
        Session s = typed(text("app.listen_port", 3000L), text("http.status", 502L));
        assertEquals(3000L, EarlierText.answer("app.listen_port", s).value());
        assertNull(EarlierText.answer("domain.port", s), "the text said nothing of the domain's port");
    }

    @Test
    void aValueTheUserAnsweredIsNoTextToGoBackTo() {
        Session s = typed(text("http.status", 502L));
        s.answer("domain.port", "Which port?", "80", new Fact("domain.port", 80L, Fact.USER, "answered"));
        assertNull(EarlierText.answer("domain.port", s));
    }

    @Test
    void nothingThereSaysWhatWasReadWithoutTheVote() {
        Session s = typed(text("http.status", 502L), text("similar.cause", "wrong-container-port"));
        String said = EarlierText.notFound("domain.port", s);
        assertTrue(said.contains("http.status = 502") && said.contains("nothing about domain.port"), said);
        assertFalse(said.contains("similar"), said);
    }

    private static FactSpec spec(String key, FactType type) {
        return new FactSpec(key, type, List.of(), "Which container port does the proxy target?", null, null, null, "f", 1);
    }

    @Test
    void aYesKeepsTheValueTheTextGaveInsteadOfAskingItTypedAgain() {
        Session s = typed(text("domain.port", 8000L));
        FactSpec port = spec("domain.port", FactType.INT);
        assertEquals(8000L, EarlierText.confirmed("yes", port, s).value());
        assertEquals(8000L, EarlierText.confirmed("yes, that's right", port, s).value());
        assertTrue(EarlierText.keepHint(port, s).contains("'yes' keeps 8000"), EarlierText.keepHint(port, s));
        assertNull(EarlierText.confirmed("no", port, s), "a no is no value: the user types the one they see");
        assertNull(EarlierText.confirmed("yes", spec("app.listen_port", FactType.INT), s), "the text gave nothing to keep");
        assertNull(EarlierText.keepHint(spec("app.listen_port", FactType.INT), s));
    }

    @Test
    void aYesNoQuestionsOwnYesIsItsAnswer() {
        Session s = typed(text("traefik.running", false));
        FactSpec running = spec("traefik.running", FactType.BOOL);
        assertNull(EarlierText.confirmed("yes", running, s), "yes to 'is Traefik running?' says true, not the text's false");
        assertNull(EarlierText.keepHint(running, s));
    }

    /** user24 s6: "as I said, localhost:9898" to the tunnel's origin was refused and the user told to type the value they had typed. */
    @Test
    void aValueAfterAReferenceBackAnswersWhenTheTextGaveItToNoOtherKey() {
        Session s = typed(text("tunnel.used", true), text("http.status", 502L));
        FactSpec origin = new FactSpec("tunnel.service", FactType.STRING, List.of(),
                "What origin does the tunnel route send the host to?", null, null, null, "f", 1);
        assertEquals("localhost:9898", EarlierText.restated("as I said, localhost:9898", origin, s, k -> null).value());
        FactSpec port = spec("domain.port", FactType.INT);
        assertEquals(8000L, EarlierText.restated("I told you: 8000", port, s, k -> null).value());
        assertEquals(8000L, EarlierText.restated("like I said before, it's 8000.", port, s, k -> null).value());
        // the near misses: the status said before is no port, a bare reference back gives nothing, nor does a value first
        assertNull(EarlierText.restated("as I told you, 502", port, s, k -> null), "502 is what the text gave http.status");
        assertNull(EarlierText.restated("as I said before", origin, s, k -> null), "no value after it: asked once more");
        assertNull(EarlierText.restated("I said", origin, s, k -> null));
        assertNull(EarlierText.restated("8000 as I said", port, s, k -> null), "the value first is read elsewhere (withoutReferenceBack)");
    }
}
