package dev.dokploydoctor.knowledge;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An entry's leftmost match, found by trying its pattern anchored only where one of its required
 * prefixes ({@link Prefilter#requiredPrefixes}) occurs in the lower-cased text, in order. Every
 * match starts at such a place, so the first place where the anchored pattern matches is where
 * RE2/J's unanchored search would find it, with the same groups (leftmost, then first by priority).
 *
 * <p>Why: RE2/J has no DFA and skips ahead only for case-sensitive literal prefixes, so its
 * unanchored search runs the NFA on every character of the text (about 80 ns per character for a
 * case-insensitive pattern). An anchored attempt that begins with {@code \A} stops as soon as the
 * pattern cannot match any more, usually after a few characters.
 *
 * <p>Context: an attempt at {@code p > 0} runs {@code \A(?s:.)(?:pattern)} on the text from
 * {@code p - 1}, so {@code \b}, {@code ^} and {@code \A} see the character before {@code p} as in the
 * whole text. Linear: once the attempts have read more than {@link #BUDGET} times the text, the rest
 * is one unanchored RE2/J search from the next place.
 */
final class PrefixSearch implements Extractor.Search {
    /** Attempts may read this many times the text (plus a little) before the plain search takes over. */
    static final int BUDGET = 4;
    /** Literals are cut to this length: a short one is about as rare, and fewer of them are fewer scans. */
    static final int PREFIX_LENGTH = 6;

    /** Per entry, shared between threads: where its matches may start, and its anchored patterns (compiled on first use). */
    static final class Plan {
        final Pattern pattern;
        final String[] literals;  // per place kind: a lower-case literal ("" for a line start)
        final int[] back;         // characters (code points) the match starts before the literal
        private volatile Pattern atStart;
        private volatile Pattern afterOne;

        private Plan(Pattern pattern, String[] literals, int[] back) {
            this.pattern = pattern;
            this.literals = literals;
            this.back = back;
        }

        /** The plan for a pattern, or null when where its matches start is not known (the plain search runs). */
        static Plan of(Pattern pattern) {
            Set<String> found = RegexLiterals.requiredPrefixes(pattern.pattern());
            if (found == null) return null;
            Set<String> keys = new LinkedHashSet<>();
            for (String s : found) {
                int i = 0, k = 0;
                boolean line = false;
                for (; i < s.length() && (s.charAt(i) == RegexLiterals.ANY_CHAR || s.charAt(i) == RegexLiterals.LINE_START); i++) {
                    if (s.charAt(i) == RegexLiterals.ANY_CHAR) k++;
                    else if (i == 0) line = true;
                }
                int end = i;
                while (end < s.length() && end - i < PREFIX_LENGTH && s.charAt(end) != RegexLiterals.ANY_CHAR && s.charAt(end) != RegexLiterals.LINE_START) end++;
                String literal = s.substring(i, end);
                if (literal.isEmpty() && !line) return null;
                keys.add((literal.isEmpty() ? "" : literal) + '\u0000' + (literal.isEmpty() ? 0 : k));
            }
            // a literal that begins with a shorter one at the same distance adds no place of its own
            List<String> kept = new ArrayList<>();
            for (String key : keys) {
                boolean covered = false;
                for (String other : keys) {
                    if (other.equals(key)) continue;
                    String a = key.substring(0, key.indexOf('\u0000')), b = other.substring(0, other.indexOf('\u0000'));
                    boolean sameBack = key.substring(key.indexOf('\u0000')).equals(other.substring(other.indexOf('\u0000')));
                    if (sameBack && !b.isEmpty() && a.startsWith(b)) { covered = true; break; }
                }
                if (!covered) kept.add(key);
            }
            String[] literals = new String[kept.size()];
            int[] back = new int[kept.size()];
            for (int j = 0; j < kept.size(); j++) {
                String key = kept.get(j);
                int cut = key.indexOf('\u0000');
                literals[j] = key.substring(0, cut);
                back[j] = Integer.parseInt(key.substring(cut + 1));
            }
            return new Plan(pattern, literals, back);
        }

        Pattern atStart() {
            Pattern p = atStart;
            if (p == null) atStart = p = Pattern.compile("\\A(?:" + pattern.pattern() + ")", pattern.flags());
            return p;
        }

        Pattern afterOne() {
            Pattern p = afterOne;
            if (p == null) afterOne = p = Pattern.compile("\\A(?s:.)(?:" + pattern.pattern() + ")", pattern.flags());
            return p;
        }
    }

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

    private final Plan plan;
    private final String text;
    private final String lower;
    private final int[] next;           // per prefix: its next place, -1 none left, -2 not looked up yet
    private final View view;
    private final long budget;
    private long read;                  // characters read by the attempts so far
    private Matcher plain;              // once the budget is spent
    private final int[] spans;          // the current match: start and end of each group, -1 when absent

    PrefixSearch(Plan plan, String text, String lower) {
        this.plan = plan;
        this.text = text;
        this.lower = lower;
        this.next = new int[plan.literals.length];
        java.util.Arrays.fill(next, -2);
        this.view = new View(text);
        this.budget = (long) BUDGET * text.length() + 256;
        this.spans = new int[2 * (plan.pattern.groupCount() + 1)];
    }

    @Override public boolean find(int from) {
        if (plain != null) return plain(from);
        for (int p = place(from); p >= 0; p = place(p + 1)) {
            if (read > budget) return plain(p);
            if (attempt(p)) return true;
        }
        return false;
    }

    @Override public int start(int group) { return spans[2 * group]; }
    @Override public int end(int group) { return spans[2 * group + 1]; }

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

    /** The anchored pattern at {@code p}, with the character before it as context. */
    private boolean attempt(int p) {
        int shift = p == 0 ? 0 : p - 1;
        view.offset = shift;
        view.furthest = shift;
        Matcher m = (p == 0 ? plan.atStart() : plan.afterOne()).matcher(view);
        boolean found = m.lookingAt();
        read += view.furthest - shift + 1;
        if (!found) return false;
        spans[0] = p;
        spans[1] = m.end() + shift;
        for (int g = 1; 2 * g < spans.length; g++) {
            int s = m.start(g);
            spans[2 * g] = s < 0 ? -1 : s + shift;
            spans[2 * g + 1] = s < 0 ? -1 : m.end(g) + shift;
        }
        return true;
    }

    /** RE2/J's own unanchored search from {@code from} (no match starts between the last place tried and it). */
    private boolean plain(int from) {
        if (plain == null) plain = plan.pattern.matcher(text);
        if (!plain.find(from)) return false;
        for (int g = 0; 2 * g < spans.length; g++) {
            int s = plain.start(g);
            spans[2 * g] = s;
            spans[2 * g + 1] = s < 0 ? -1 : plain.end(g);
        }
        return true;
    }
}
