package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An answer read as the answer and, with the bundled catalog, as text: what it says beyond the question. */
class AnswerReadingTest {
    static final Engine ENGINE = Engine.load(Knowledge.load(List.of(Layers.checkout(Program.projectDir()))));

    static AnswerReading read(String line, String key, Set<String> stated) {
        FactSpec spec = ENGINE.knowledge().vocabulary().get(key);
        return AnswerReading.read(line, spec, ENGINE.extraction(), stated::contains);
    }

    static Object fact(AnswerReading r, String key) {
        return r.alsoSaid().stream().filter(f -> f.getKey().equals(key)).map(Fact::getValue).findFirst().orElse(null);
    }

    @Test
    void aNoThatSaysMoreGivesTheNoAndTheLogLinesFacts() {
        AnswerReading r = read("no, but the logs say connect ECONNREFUSED 127.0.0.1:3000", "tunnel.used", Set.of());
        assertEquals(false, assertInstanceOf(Reply.Value.class, r.reply()).value());
        assertEquals(true, fact(r, "upstream.connection_refused"), r.alsoSaid().toString());
        assertTrue(r.alsoSaid().stream().allMatch(f -> f.getEvidence().contains("in your answer to tunnel.used")), r.alsoSaid().toString());
    }

    @Test
    void aPlainAnswerSaysNothingMore() {
        for (String line : new String[] {"yes", "nope, never touched it", "I think so", "no idea"}) {
            assertTrue(read(line, "tunnel.used", Set.of()).alsoSaid().isEmpty(), line);
        }
        assertTrue(read("it listens on port 3000", "app.listen_port", Set.of()).alsoSaid().isEmpty());
    }

    @Test
    void aNumberInAPastedLogLineIsNotTheAnswer() {
        AnswerReading r = read("connect ECONNREFUSED 127.0.0.1:3000", "app.listen_port", Set.of());
        assertInstanceOf(Reply.Invalid.class, r.reply(), "the port someone dialled is not the port the app listens on");
        assertEquals(true, fact(r, "upstream.connection_refused"));
    }

    @Test
    void whatIsAlreadyStatedIsNotOverridden() {
        AnswerReading r = read("no, but the logs say connect ECONNREFUSED 127.0.0.1:3000", "tunnel.used",
                Set.of("upstream.connection_refused"));
        assertEquals(null, fact(r, "upstream.connection_refused"));
    }
}
