package dev.dokploydoctor.knowledge;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The leftmost match of an entry with no known places ({@link SearchPlan} has none for it: a match may start
 * anywhere, e.g. after an optional prefix), found by asking the pattern's {@link FirstMatchDfa} at every position
 * in order: the first position where a match starts is where RE2/J's unanchored search finds it, with the same end.
 * RE2/J's own search runs only for the groups of a match an entry reads, and where the DFA cannot tell (no room
 * for a state, a text with surrogate pairs, or the positions tried have read more than {@link PrefixSearch#BUDGET}
 * times the text: the rest is RE2/J's, so the work stays linear).
 *
 * <p>Why: RE2/J's unanchored search runs its NFA on every character; for a pattern of many alternatives that is
 * over a microsecond a character, while most positions die at the DFA's first or second table load.
 */
final class EveryPlace implements Extractor.Search {
    private final Pattern pattern;
    private final FirstMatchDfa dfa;    // null: RE2/J alone
    private final String text;
    private final long budget;
    private long read;
    private Matcher plain;              // RE2/J's search, once it decides
    private boolean plainOnly;
    private int start = -1, end = -1;   // the current match, when the DFA found it
    private boolean viaDfa;             // the current match is the DFA's (else the matcher's)
    private int groupsRead;             // of the DFA's match: 0 not yet, 1 the matcher holds them, 2 absent

    /** @param dfa the pattern's anchored {@link FirstMatchDfa}, or null; {@code wide}: the text has a surrogate pair */
    EveryPlace(Pattern pattern, FirstMatchDfa dfa, String text, boolean wide) {
        this.pattern = pattern;
        this.dfa = wide ? null : dfa;
        this.text = text;
        this.budget = (long) PrefixSearch.BUDGET * text.length() + 256;
        this.plainOnly = this.dfa == null;
    }

    @Override public boolean find(int from) {
        if (plainOnly) return plain(from);
        for (int p = from, n = text.length(); p <= n; p++) {
            if (read > budget) { plainOnly = true; return plain(p); }
            long r = dfa.run(text, p, n);
            if (r == FirstMatchDfa.CANNOT_TELL) { plainOnly = true; return plain(p); }
            read += (r >>> 32) + 1;
            int e = (int) r - 1;
            if (e >= 0) {
                start = p;
                end = e;
                viaDfa = true;
                groupsRead = 0;
                return true;
            }
        }
        return false;
    }

    @Override public int start(int group) {
        if (!viaDfa) return plain.start(group);
        return group == 0 ? start : groups() ? plain.start(group) : -1;
    }

    @Override public int end(int group) {
        if (!viaDfa) return plain.end(group);
        return group == 0 ? end : groups() ? plain.end(group) : -1;
    }

    /**
     * Whether RE2/J's matcher holds the groups of the match the DFA found: its search from the match's start finds
     * the same match. Should it not (the two are equivalent by construction), the groups read as absent (no guess)
     * and the rest of the text is RE2/J's alone, as {@link PrefixSearch} does.
     */
    private boolean groups() {
        if (groupsRead == 0) {
            if (plain == null) plain = pattern.matcher(text);
            boolean same = plain.find(start) && plain.start() == start && plain.end() == end;
            groupsRead = same ? 1 : 2;
            if (!same) plainOnly = true;
        }
        return groupsRead == 1;
    }

    private boolean plain(int from) {
        viaDfa = false;
        if (plain == null) plain = pattern.matcher(text);
        return plain.find(from);
    }

    /** An entry's anchored {@link FirstMatchDfa}, made at its first search (shared between threads); null when none. */
    static final class Dfa {
        private final Pattern pattern;
        private final LazyDfa.Budget budget;
        private FirstMatchDfa dfa;          // published by built
        private volatile boolean built;

        Dfa(Pattern pattern, LazyDfa.Budget budget) {
            this.pattern = pattern;
            this.budget = budget;
        }

        FirstMatchDfa get() {
            if (built) return dfa;
            synchronized (this) {
                if (!built) {
                    dfa = FirstMatchDfa.of(pattern, budget);
                    built = true;
                }
                return dfa;
            }
        }
    }
}
