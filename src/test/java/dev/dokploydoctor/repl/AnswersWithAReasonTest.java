package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers user11 gave at the real terminal, each to the bundled question it answered: a value with a
 * reason reads the value, "can't test that" is not known (never no), a choice said in its own words
 * is that choice, and a value must look like what its key holds.
 */
class AnswersWithAReasonTest {
    static final Knowledge REAL = Knowledge.load(List.of(Layers.checkout(Program.projectDir())));

    static AnswerReading read(String key, String answer) {
        return AnswerReading.read(answer, REAL.vocabulary().get(key), REAL.textExtraction(), k -> false);
    }

    static void reads(String key, String answer, Object expected) {
        Reply r = read(key, answer).reply();
        assertEquals(expected, assertInstanceOf(Reply.Value.class, r, key + " <- " + answer).value(), answer);
    }

    static void unknown(String key, String answer) {
        assertInstanceOf(Reply.Unknown.class, read(key, answer).reply(), key + " <- " + answer);
    }

    @Test
    void aCheckTheUserCouldNotRunIsNotKnownNeverNo() {   // S6: "can't test that" was read as no
        for (String a : List.of("can't test that", "can't test that, it's only reachable through the tunnel", "no way to test",
                "can't check", "I cannot test that from here", "haven't tested it"))
            unknown("http.loop_without_cloudflare", a);
    }

    @Test
    void aValueWithAReferenceBackIsTheValue() {   // S5
        reads("app.listen_port", "9874, as I said", 9874L);
        reads("service.kind", "compose, like I said", "compose");
        // a value after the reference back may answer another question: still asked again
        assertInstanceOf(Reply.Invalid.class, read("app.listen_port", "I said 502").reply());
        assertInstanceOf(Reply.Invalid.class, read("app.listen_port", "as I told you, 502").reply());
    }

    @Test
    void aYesOrNoWithAReasonIsTheYesOrNo() {   // S13, S29
        reads("domain.just_added", "no, it's a CI workflow, no domain", false);
        reads("deploy.timed_out", "no, it's the pull error I pasted", false);
        reads("dependency.running", "yes it's running, but on the runner, not in a container", true);
    }

    @Test
    void noHealthcheckIsTheNoneOfTheHealthChoice() {   // S3
        reads("container.health", "no healthcheck", "none");
        reads("container.health", "there's no healthcheck", "none");
        reads("container.health", "it's up, no healthcheck defined", "none");
        assertInstanceOf(Reply.Invalid.class, read("container.health", "not healthy").reply());
    }

    @Test
    void aLeadingNoneNamesNoSibling() {   // S7: "localhost:2283" was taken as the sibling's name
        unknown("dependency.name", "none, it tries localhost:2283, not a name");
        reads("dependency.name", "postgres", "postgres");
    }

    @Test
    void aChoiceToldInItsOwnWordsIsThatChoiceAndNoName() {   // S14
        AnswerReading r = read("symptom.kind", "the app can't reach its database");
        assertEquals("database-unreachable", assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertTrue(r.alsoSaid().stream().map(Fact::getKey).noneMatch("dependency.name"::equals), r.alsoSaid().toString());
    }

    @Test
    void aValueMustLookLikeWhatItsKeyHolds() {   // S32: a repeated x509 line became app.listen_address = x509
        assertInstanceOf(Reply.Invalid.class, read("app.listen_address", "yes: x509 certificate is valid for my domain, not localhost").reply());
        reads("app.listen_address", "0.0.0.0", "0.0.0.0");
        reads("app.listen_address", "it listens on 127.0.0.1:3000", "127.0.0.1:3000");
        reads("app.listen_address", "::", "::");
        reads("app.listen_address", "4f3c2a1b9d0e", "4f3c2a1b9d0e");
        reads("app.listen_address", "web", "web");   // typed alone: the container's hostname may be what it binds
    }
}
