package dev.dokploydoctor.knowledge;

import java.util.Map;

/**
 * Lower-case words, each with marks (bits: which of its owner's sets it is in), asked of a stretch of ASCII text in
 * any case without making a string of it (a string made and lowered per word of a text was most of what indexing
 * its words cost). Open addressing by the hash the lower-cased stretch would have as a string ({@link
 * String#hashCode}), so a stretch and its word meet in one probe.
 */
final class AsciiWords {
    private final int[] hashes;
    private final String[] words; // an empty slot is null
    private final int[] marks;

    AsciiWords(Map<String, Integer> marksByWord) {
        int slots = Integer.highestOneBit(Math.max(1, marksByWord.size()) * 4 - 1) << 1; // at most a quarter full
        hashes = new int[slots];
        words = new String[slots];
        marks = new int[slots];
        marksByWord.forEach((w, m) -> {
            int at = slot(w.hashCode());
            while (words[at] != null) at = (at + 1) & (slots - 1);
            hashes[at] = w.hashCode();
            words[at] = w;
            marks[at] = m;
        });
    }

    private int slot(int hash) { return (hash ^ hash >>> 16) & (hashes.length - 1); }

    /** The marks of {@code s[from, to)} (ASCII only) lower-cased, 0 when it is none of the words. */
    int marks(CharSequence s, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) h = 31 * h + lower(s.charAt(k));
        for (int at = slot(h); words[at] != null; at = (at + 1) & (hashes.length - 1)) {
            if (hashes[at] != h || words[at].length() != to - from) continue;
            String w = words[at];
            boolean same = true;
            for (int k = 0; k < w.length() && same; k++) same = w.charAt(k) == lower(s.charAt(from + k));
            if (same) return marks[at];
        }
        return 0;
    }

    private static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c; }
}
