package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.repl.Reply;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated user's sentences, negatives and hedges included, over every bundled question: each
 * is read as meant or asked again, never read as another value; the plain retry always reads.
 */
class ProseUserTest {
    static final Knowledge KNOWLEDGE = Knowledge.load(List.of(Layers.bundled()));

    static List<Object> truths(FactSpec spec) {
        List<Object> out = new ArrayList<>();
        out.add(null);
        switch (spec.type()) {
            case BOOL -> { out.add(true); out.add(false); }
            case ENUM -> out.addAll(spec.values());
            // an HTTP status is read only from 100 to 599 (Reply): 3000 there is a port, asked again
            case INT -> { out.add(spec.key().equals("http.status") ? 404L : 3000L); out.add(502L); }
            case LIST -> { out.add(List.of("dokploy-network")); out.add(List.of("dokploy-network", "app_default")); }
            case STRING -> {
                if (spec.answer() == FactSpec.Shape.TEXT) return out;
                out.add("postgres");
                out.add("http://localhost:80");
                if (spec.answer() == FactSpec.Shape.WORD_OR_NONE) out.add("");
            }
        }
        return out;
    }

    @Test
    void everySentenceIsReadAsMeantOrAskedAgainNeverAsAnotherValue() {
        Set<String> said = new HashSet<>();
        int asMeant = 0, asked = 0;
        for (FactSpec spec : KNOWLEDGE.vocabulary().all()) {
            for (Object truth : truths(spec)) {
                for (int seed = 0; seed < 40; seed++) {
                    String sentence = ProseUser.say("report-" + seed, spec, truth, 0);
                    said.add(sentence);
                    Reply r = Reply.parse(sentence, spec);
                    Object got = r instanceof Reply.Value v ? v.value() : r instanceof Reply.Unknown ? null : r;
                    if (r instanceof Reply.Invalid) asked++;
                    else {
                        assertEquals(truth, got, spec.key() + " <- '" + sentence + "'");
                        asMeant++;
                    }
                    Reply plain = Reply.parse(ProseUser.say("report-" + seed, spec, truth, 1), spec);
                    Object plainValue = plain instanceof Reply.Value v ? v.value() : plain instanceof Reply.Unknown ? null : plain;
                    assertTrue(Objects.equals(truth, plainValue), spec.key() + " plain retry of " + truth + " read as " + plain);
                }
            }
        }
        for (String negative : List.of("no, it isn't, I checked", "I don't think it is", "never checked",
                "not that I'm aware", "definitely not sure", "yes, but I haven't changed anything"))
            assertTrue(said.contains(negative), "the user says '" + negative + "' somewhere");
        assertTrue(said.stream().anyMatch(s -> s.matches("it's not \\S+, it's \\S+")), "a choice said with what it is not");
        assertTrue(asMeant > 10 * asked, "most sentences are read the first time: " + asMeant + " read, " + asked + " asked again");
    }
}
