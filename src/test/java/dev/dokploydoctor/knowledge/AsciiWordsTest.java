package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A stretch of text is looked up as its lower-cased word would be, whatever its case, and only whole. */
class AsciiWordsTest {
    private static int marks(AsciiWords words, String text, String word) {
        int at = text.indexOf(word);
        return words.marks(text, at, at + word.length());
    }

    @Test void aWordInAnyCaseHasItsMarksAndOtherStretchesNone() {
        AsciiWords words = new AsciiWords(Map.of("not", 1, "says", 2, "don't", 3));
        assertEquals(1, marks(words, "it does NOT bind", "NOT"));
        assertEquals(2, marks(words, "the docs Says so", "Says"));
        assertEquals(3, marks(words, "I Don't think so", "Don't"));
        assertEquals(0, marks(words, "a note here", "note"));
        assertEquals(0, marks(words, "a note here", "no"));
        assertEquals(0, marks(words, "nothing", "nothing"));
    }

    /** "c!" and "b@" have one hash as strings: both kept, each found as itself. */
    @Test void wordsOfOneHashAreToldApart() {
        assertEquals("c!".hashCode(), "b@".hashCode());
        Map<String, Integer> m = new HashMap<>();
        m.put("c!", 1);
        m.put("b@", 2);
        AsciiWords words = new AsciiWords(m);
        assertEquals(1, words.marks("C!", 0, 2));
        assertEquals(2, words.marks("B@", 0, 2));
        assertEquals(0, words.marks("a_", 0, 2));
    }
}
