package dev.dokploydoctor.knowledge;

import com.google.re2j.Pattern;

import java.util.Set;

/**
 * Whether a pattern searched anywhere in a span of the folded text may match there, asked before
 * RE2/J's unanchored search, which costs ~60-80 ns per character (its NFA, on every character of
 * the span). No when one of its required literals ({@link RegexLiterals#requiredLiterals}) is
 * missing from the span, or when its unanchored DFA ({@link AnchoredDfa#unanchored}, made at the
 * first question) reads the span without reaching a state where a match may end. Both only ever
 * say no where the pattern cannot match; a text with a surrogate pair is not read by the DFA.
 * Used for the unless-filters (run on the matched line or text) and for entries with no places.
 *
 * <p>{@link #matches} answers exactly, yes or no, from the pattern's {@link FirstMatchDfa#anywhere} DFA (RE2/J's
 * program, determinized), so a filter's RE2/J search runs only where that DFA cannot tell.
 */
final class MayMatch {
    private final Pattern pattern;
    private final Set<String> literals; // null: not known
    private final LazyDfa.Budget budget;
    private volatile AnchoredDfa dfa;
    private volatile boolean built;
    private final LazyDfa.Budget exactBudget; // null: no exact answers (tests of the search they stand in for)
    private volatile FirstMatchDfa exact;
    private volatile boolean exactBuilt;

    MayMatch(Pattern pattern, LazyDfa.Budget budget) { this(pattern, budget, null); }

    /** {@code exactBudget}: what the {@link FirstMatchDfa} of {@link #matches} counts its states against (null: it has none). */
    MayMatch(Pattern pattern, LazyDfa.Budget budget, LazyDfa.Budget exactBudget) {
        this.pattern = pattern;
        this.budget = budget;
        this.exactBudget = exactBudget;
        this.literals = RegexLiterals.requiredLiterals(pattern.pattern());
    }

    /**
     * Whether the pattern matches {@code text[from, to)} searched as a text of its own (what
     * {@code pattern.matcher(text.substring(from, to)).find()} says): 1 yes, 0 no, -1 not known here (RE2/J
     * must tell). {@code lower}: the folded text, whose required literals rule a span out first.
     */
    int matches(String text, String lower, int from, int to, boolean wide) {
        if (literals != null && !anyLiteral(lower, from, to)) return 0;
        if (wide) return -1;
        FirstMatchDfa d = exact();
        return d == null ? -1 : d.matchesIn(text, from, to);
    }

    private FirstMatchDfa exact() {
        if (exactBuilt) return exact;
        synchronized (this) {
            if (!exactBuilt) {
                exact = exactBudget == null ? null : FirstMatchDfa.anywhere(pattern, exactBudget);
                exactBuilt = true;
            }
            return exact;
        }
    }

    /** Whether a match may lie in {@code lower[from, to)} ({@code wide}: the text has a surrogate pair). */
    boolean in(String lower, int from, int to, boolean wide) {
        if (literals != null && !anyLiteral(lower, from, to)) return false;
        if (wide) return true;
        AnchoredDfa d = dfa();
        if (d == null) return true;
        int read = d.scan(lower, from, to);
        return read != Integer.MIN_VALUE ? read >= 0 : true;
    }

    private boolean anyLiteral(String lower, int from, int to) {
        for (String s : literals) {
            int at = lower.indexOf(s, from);
            if (at >= 0 && at + s.length() <= to) return true;
        }
        return false;
    }

    private AnchoredDfa dfa() {
        if (built) return dfa;
        synchronized (this) {
            if (!built) {
                dfa = AnchoredDfa.unanchored(pattern, budget);
                built = true;
            }
            return dfa;
        }
    }
}
