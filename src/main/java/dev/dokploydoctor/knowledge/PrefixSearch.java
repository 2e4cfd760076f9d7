package dev.dokploydoctor.knowledge;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An entry's leftmost match in one text, found by trying its pattern anchored only where a match may
 * start ({@link SearchPlan}: after a prefix literal of one of the alternatives that may match here),
 * in order. Every match starts at such a place, so the first place where the anchored pattern
 * matches is where RE2/J's unanchored search would find it, with the same groups (leftmost, then
 * first by priority).
 *
 * <p>Why: RE2/J has no DFA and skips ahead only for case-sensitive literal prefixes, so its
 * unanchored search runs the NFA on every character of the text (about 80 ns per character for a
 * case-insensitive pattern). An anchored attempt that begins with {@code \A} stops as soon as the
 * pattern cannot match any more, usually after a few characters.
 *
 * <p>Context: an attempt at {@code p > 0} runs {@code \A(?s:.)(?:pattern)} on the text from
 * {@code p - 1}, so {@code \b}, {@code ^} and {@code \A} see the character before {@code p} as in the
 * whole text. Linear: once the attempts have read more than {@link #BUDGET} times the text (each
 * also counting {@link #ATTEMPT} characters for its set-up), the rest is one unanchored RE2/J search
 * from the next place.
 *
 * <p>At each place the pattern's {@link FirstMatchDfa} (RE2/J's own program, determinized) says first whether a
 * match starts there and where it ends, at a table load per character; RE2/J's attempt runs only for the groups of
 * a match an entry reads, and at the places that DFA cannot tell (no room for a state, a text with surrogate pairs).
 */
final class PrefixSearch implements Extractor.Search {
    /** Attempts may read this many times the text (plus a little) before the plain search takes over. */
    static final int BUDGET = 4;
    /** What an attempt costs besides the characters it reads (a matcher, RE2/J's set-up), in characters. */
    static final int ATTEMPT = 16;
    /** The text from an offset on, noting the furthest character an attempt read. */
    private static final class View implements CharSequence {
        final String text;
        int offset;
        int furthest;
        View(String text) { this.text = text; }
        @Override public int length() { return text.length() - offset; }
        @Override public char charAt(int i) {
            int k = offset + i;
            if (k > furthest) furthest = k;
            return text.charAt(k);
        }
        @Override public CharSequence subSequence(int start, int end) { return text.substring(offset + start, offset + end); }
        @Override public String toString() { return text.substring(offset); }
    }

    private final SearchPlan plan;
    private final String text;
    private final String lower;
    private final int[] next;           // per prefix: its next place, -1 none left, -2 not looked up yet
    private final View view;
    private final long budget;
    private long read;                  // characters read by the attempts so far
    private Matcher plain;              // once the budget is spent
    private boolean plainOnly;          // an alternative with no known start may match (or RE2/J disagreed with the DFA): the plain search
    private final boolean none;         // no alternative may match
    private final int[] spans;          // the current match: start and end of each group, -1 when absent
    private static final int UNREAD = -2;
    private Matcher atStart, afterOne;  // on the view, made at the first attempt of each kind
    private Matcher matcher;            // the current match's (null: found by the FirstMatchDfa), and the offset of its text in ours
    private int shift;
    private int place;                  // the current match's start, when the FirstMatchDfa found it

    private final boolean wide;         // the text has characters outside the BMP: a code point may take two chars
    private final int[] windowAt;       // per window string: its first place at or after the last asked, -1 none, UNREAD

    PrefixSearch(SearchPlan plan, String text, String lower) {
        this(plan, text, lower, a -> plan.possible(a, lower), text.chars().anyMatch(c -> Character.isSurrogate((char) c)));
    }

    /**
     * @param possible which of the plan's alternatives may match the text (the prefilter's scan tells)
     * @param wide whether the text has a surrogate pair (a code point of two chars)
     */
    PrefixSearch(SearchPlan plan, String text, String lower, java.util.function.IntPredicate possible, boolean wide) {
        this.plan = plan;
        this.wide = wide;
        this.windowAt = new int[plan.windowStrings.length];
        java.util.Arrays.fill(windowAt, UNREAD);
        this.text = text;
        this.lower = lower;
        this.next = new int[plan.literals.length];
        this.view = new View(text);
        this.budget = (long) BUDGET * text.length() + 256;
        this.spans = new int[2 * (plan.pattern.groupCount() + 1)];
        boolean[] may = new boolean[plan.guards.length];
        boolean anyPossible = false;
        for (int a = 0; a < may.length; a++) {
            may[a] = possible.test(a);
            anyPossible |= may[a];
            if (may[a] && !plan.placed[a]) plainOnly = true;
        }
        this.none = !anyPossible;
        for (int j = 0; j < next.length; j++) next[j] = may[plan.owner[j]] ? -2 : -1;
    }

    @Override public boolean find(int from) {
        if (none) return false;
        if (plain != null || plainOnly) return plain(from);
        for (int p = place(from); p >= 0; p = place(p + 1)) {
            if (read > budget) return plain(p);
            if (reachable(p) && matchAt(p)) return true;
        }
        return false;
    }

    /**
     * Whether one of the alternatives that may start at {@code p} (a literal of theirs gives the place)
     * has each of its window clauses inside the span a match from {@code p} can reach. Each window
     * string's next place only moves forward, so the look-ups of one text stay linear.
     */
    private boolean reachable(int p) {
        for (int j = 0; j < next.length; j++) {
            if (next[j] != p) continue;
            int a = plan.owner[j];
            int most = plan.maxLength[a];
            if (most == RegexLiterals.UNBOUNDED) return true;
            long end = p + (wide ? 2L : 1L) * most;
            boolean inside = true;
            for (int[] clause : plan.window[a]) {
                boolean any = false;
                for (int k : clause) {
                    int at = windowAt(k, p);
                    if (at >= 0 && at + plan.windowStrings[k].length() <= end) { any = true; break; }
                }
                if (!any) { inside = false; break; }
            }
            if (inside) return true;
        }
        return false;
    }

    /** Where window string {@code k} first occurs at or after {@code p}, or -1. */
    private int windowAt(int k, int p) {
        int at = windowAt[k];
        if (at == -1 || at >= p) return at;
        return windowAt[k] = lower.indexOf(plan.windowStrings[k], p);
    }

    @Override public int start(int group) { return span(2 * group); }
    @Override public int end(int group) { return span(2 * group + 1); }

    /**
     * Group spans are read from the matcher when asked: RE2/J runs the match again to find them. Should RE2/J find
     * no match where the {@link FirstMatchDfa} found one (they are equivalent by construction, and the tests hold
     * them so), the groups are read as absent, so a fact filled from one is not read (no guess), and the rest of
     * this text is searched by RE2/J alone: one entry's reading degrades, not the whole report's extraction.
     */
    private int span(int k) {
        if (k >= 2 && spans[2] == UNREAD) {
            if (matcher == null && !attempt(place)) {
                java.util.Arrays.fill(spans, 2, spans.length, -1);
                plainOnly = true;
                return spans[k];
            }
            for (int g = 1; 2 * g < spans.length; g++) {
                int s = matcher.start(g);
                spans[2 * g] = s < 0 ? -1 : s + shift;
                spans[2 * g + 1] = s < 0 ? -1 : matcher.end(g) + shift;
            }
        }
        return spans[k];
    }

    /** The first place at or after {@code from} where a match may start, or -1. */
    private int place(int from) {
        int best = -1;
        for (int j = 0; j < next.length; j++) {
            int at = next[j];
            if (at == -1) continue;
            if (at < from) next[j] = at = next(j, from);
            if (at >= 0 && (best < 0 || at < best)) best = at;
        }
        return best;
    }

    /** The first place at or after {@code from} that literal {@code j} gives, or -1. */
    private int next(int j, int from) {
        String literal = plan.literals[j];
        if (plan.back[j] < 0) return from == 0 ? 0 : -1; // the text's start
        if (literal.isEmpty()) { // a line start
            if (from == 0) return 0;
            int nl = text.indexOf('\n', from - 1);
            return nl < 0 ? -1 : nl + 1;
        }
        int k = plan.back[j];
        for (int search = from + k; search <= lower.length(); ) {
            int at = lower.indexOf(literal, search);
            if (at < 0) return -1;
            int p = at;
            for (int c = 0; c < k && p > 0; c++) p -= p >= 2 && Character.isLowSurrogate(text.charAt(p - 1)) && Character.isHighSurrogate(text.charAt(p - 2)) ? 2 : 1;
            if (p >= from && at - p >= k) return p;
            search = at + 1;
        }
        return -1;
    }

    /**
     * Whether a match starts at {@code p}: the pattern's {@link FirstMatchDfa} tells, and where the match
     * ends; where it cannot (none, full, a text with surrogate pairs), the {@link AnchoredDfa} rules the place
     * out or RE2/J's anchored attempt decides.
     */
    private boolean matchAt(int p) {
        FirstMatchDfa first = wide ? null : plan.firstMatch();
        if (first != null) {
            long r = first.run(text, p, text.length());
            if (r != FirstMatchDfa.CANNOT_TELL) {
                read += (r >>> 32) + 1;
                int end = (int) r - 1;
                if (end < 0) return false;
                matcher = null; // the groups, when asked, from RE2/J's attempt at the place
                place = p;
                spans[0] = p;
                spans[1] = end;
                if (spans.length > 2) spans[2] = UNREAD;
                return true;
            }
        }
        return mayMatchAt(p) && attempt(p);
    }

    /** Whether the pattern's DFA lets a match start at {@code p} (true when it has none, or the text has surrogate pairs). */
    private boolean mayMatchAt(int p) {
        if (wide) return true;
        AnchoredDfa dfa = plan.dfa();
        if (dfa == null) return true;
        int read = dfa.scan(lower, p);
        if (read == Integer.MIN_VALUE) return true; // its cache is full: RE2/J decides
        this.read += read >= 0 ? read : -read - 1;
        return read >= 0;
    }

    /** The anchored pattern at {@code p}, with the character before it as context. */
    private boolean attempt(int p) {
        int from = p == 0 ? 0 : p - 1;
        view.offset = from;
        view.furthest = from;
        Matcher m;
        if (p == 0) m = atStart == null ? atStart = plan.atStart().matcher(view) : atStart.reset();
        else m = afterOne == null ? afterOne = plan.afterOne().matcher(view) : afterOne.reset(); // reset() reads the view's new length
        boolean found = m.lookingAt();
        read += view.furthest - from + 1 + ATTEMPT;
        if (!found) return false;
        found(m, from);
        spans[0] = p; // not the character of context
        return true;
    }

    /** RE2/J's own unanchored search from {@code from} (no match starts between the last place tried and it). */
    private boolean plain(int from) {
        if (plain == null) plain = plan.pattern.matcher(text);
        if (!plain.find(from)) return false;
        found(plain, 0);
        return true;
    }

    private void found(Matcher m, int offset) {
        matcher = m;
        shift = offset;
        spans[0] = m.start() + offset;
        spans[1] = m.end() + offset;
        if (spans.length > 2) spans[2] = UNREAD;
    }
}
