package dev.dokploydoctor.knowledge;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16.11: texts from outside (an HTTP page, nslookup in a container, anything the redactor masks) built to
 * make a backtracking pattern slow: runs of its own literals, spaces and line ends, and runs of short words
 * joined by name characters (a word boundary at every other character, as a long hyphenated id). A pattern's work on them is
 * counted in characters read ({@link Counting}), not timed: tests assert no timing (bench/ measures time).
 */
public final class AdversarialText {
    private AdversarialText() {}

    public static final int N = 100_000;

    public static final List<String> INPUTS = List.of(" ".repeat(N), "\n".repeat(N), "<title".repeat(N / 6), "<title>" + "x".repeat(N),
            "Name: x" + "\n".repeat(N), "Name: x\n".repeat(N / 8), "Name:" + " ".repeat(N), "password ".repeat(N / 9),
            "password=" + "a".repeat(N), "token: " + "\"".repeat(N), "Authorization: Basic " + " ".repeat(N), "bearer ".repeat(N / 7),
            "eyJ" + "a".repeat(N), "$2y$" + "a".repeat(N), "https://" + "a:".repeat(N / 2), "-----BEGIN PRIVATE KEY-----" + "A".repeat(N),
            "secret_" + "a".repeat(N) + "=", "--password" + " ".repeat(N), "-u " + "a".repeat(N), "a-".repeat(N / 2), "a.b_".repeat(N / 4));

    /** A text that counts how many characters a matcher reads from it ({@code charAt} calls). */
    public static final class Counting implements CharSequence {
        private final CharSequence text;
        private long reads;

        public Counting(CharSequence text) { this.text = text; }

        public long reads() { return reads; }

        @Override public char charAt(int index) { reads++; return text.charAt(index); }
        @Override public int length() { return text.length(); }
        @Override public CharSequence subSequence(int start, int end) { return text.subSequence(start, end); }
        @Override public String toString() { return text.toString(); }
    }

    /** Characters read per character of {@code text} by finding every match of {@code p} in it, as replaceAll does. */
    public static double readsPerChar(Pattern p, String text) {
        Counting c = new Counting(text);
        Matcher m = p.matcher(c);
        while (m.find()) { /* every match, as replaceAll finds them */ }
        return (double) c.reads() / text.length();
    }
}
