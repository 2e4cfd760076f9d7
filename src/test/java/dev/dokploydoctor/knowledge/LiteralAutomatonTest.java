package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The automaton finds exactly the strings that occur in a text, each once, whether a state is a table
 * row or a deeper state that follows its failure links: compared with {@code indexOf} on random
 * strings and texts over a small alphabet (so strings overlap, share prefixes and suffixes).
 */
class LiteralAutomatonTest {
    @Test void findsWhatIndexOfFindsWithEveryTableSize() {
        Random random = new Random(12);
        for (int round = 0; round < 200; round++) {
            Map<String, Integer> strings = new LinkedHashMap<>();
            int n = 1 + random.nextInt(60);
            while (strings.size() < n) strings.putIfAbsent(word(random, 1 + random.nextInt(7)), strings.size());
            // the whole automaton a table, a few rows, the root alone (every other state deeper)
            List<LiteralAutomaton> automata = List.of(new LiteralAutomaton(strings),
                    new LiteralAutomaton(strings, 64), new LiteralAutomaton(strings, 1));
            for (int t = 0; t < 20; t++) {
                String text = word(random, random.nextInt(80));
                Set<Integer> want = new LinkedHashSet<>();
                strings.forEach((s, id) -> { if (text.contains(s)) want.add(id); });
                for (LiteralAutomaton a : automata) {
                    LiteralAutomaton.Found found = a.scan(text);
                    List<Integer> ids = new ArrayList<>();
                    for (int k = 0; k < found.count; k++) ids.add(found.ids[k]);
                    assertEquals(want, new LinkedHashSet<>(ids), strings + " in " + text);
                    assertEquals(want.size(), ids.size(), "each once: " + ids);
                    for (int id = 0; id < strings.size(); id++) assertEquals(want.contains(id), found.has(id));
                }
            }
        }
    }

    /** Letters of a small alphabet, and now and then a character no string has. */
    private static String word(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append(random.nextInt(12) == 0 ? ' ' : "abcab".charAt(random.nextInt(5)));
        return s.toString();
    }
}
