package dev.dokploydoctor.knowledge;

/**
 * Where a catalog entry's {@code unless_line} is judged for one match: the match's sentence, or the
 * whole line when the line is shaped like a log line. Most reports are one physical line of prose, so
 * judged over the line an exception reached the whole report: "The service is named tunnel-api."
 * switched off "the healthcheck keeps failing" at the other end of it. A log line is one message
 * whatever its full stops ("Unable to reach the origin service. The service may be down ...: no such
 * host"), so it stays whole.
 *
 * <p>Work per match is bounded: the sentence is looked for at most {@link #REACH} characters either
 * side of the match, inside its line; the log-line test reads the line, as the filter itself did.
 */
final class UnlessScope {
    private UnlessScope() {}

    static final int REACH = 400;

    /** The start of the window around {@code text[start, end)} on the line {@code [ls, le)}. */
    static int start(String text, int start, int ls) {
        int k = start;
        while (k > ls && start - k < REACH && !sentenceEnd(text, k - 1)) k--;
        return k;
    }

    /** The end (exclusive) of the window: at the sentence's closing mark, or the line's end. */
    static int end(String text, int end, int le) {
        int k = Math.max(end, 0);
        while (k < le && k - end < REACH && !sentenceEnd(text, k)) k++;
        return Math.min(le, k < le ? k + 1 : k);
    }

    /** Whether the line {@code [ls, le)} is a log line, judged whole. */
    static boolean logLine(String text, int ls, int le) { return DeniedClue.logLine(text, ls, le, true); }

    /** A full stop, '!' or '?' before a space or the line's end. */
    private static boolean sentenceEnd(String text, int i) {
        char c = text.charAt(i);
        if (c != '.' && c != '!' && c != '?') return false;
        return i + 1 >= text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\n';
    }
}
