package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bundled rule base and a simulated user who answers every question "don't know", shared by the
 * interview tests that check which questions come first (loaded once for all of them).
 */
final class DontKnowUser {
    private DontKnowUser() {}

    static final Engine BUNDLED = Engine.load(Knowledge.load(List.of(Layers.checkout(Path.of("")))));

    static Fact read(String key, Object value) { return new Fact(key, value, Fact.TEXT, "the user's text"); }
    /** A fact read from the user's text at {@code at} (ten characters long): its span, as the extraction gives it. */
    static Fact read(String key, Object value, int at) {
        return new Fact(key, value, Fact.TEXT, "the user's text", "text#1f3a@" + at + "-" + (at + 10));
    }
    static Fact told(String key, Object value) { return new Fact(key, value, Fact.USER, "answered"); }

    /** The questions {@code interview} asks, in order, of a user who answers every one "don't know", up to {@code limit}. */
    static List<String> asked(Interview interview, List<Fact> facts, int limit) {
        Set<String> unknown = new LinkedHashSet<>();
        List<String> asked = new ArrayList<>();
        Interview.Step step = interview.next(facts, unknown, 0);
        while (step instanceof Interview.Ask ask && asked.size() < limit) {
            asked.add(ask.plan().question().key());
            unknown.add(ask.plan().question().key());
            step = interview.next(facts, unknown, asked.size());
        }
        return asked;
    }
}
