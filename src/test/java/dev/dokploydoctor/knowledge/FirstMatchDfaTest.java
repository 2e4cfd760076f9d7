package dev.dokploydoctor.knowledge;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link FirstMatchDfa} ends a match where RE2/J's anchored attempt does, at every place of a text (the priorities
 * of alternatives and lazy or greedy repeats, the empty-width conditions with the character before the place, case
 * folding, characters outside ASCII), and its search anywhere says what RE2/J's search on the span says. The catalog's
 * own patterns on every catalog text are compared in {@link PrefixSearchTest} and {@link ExtractionEquivalenceTest}.
 */
class FirstMatchDfaTest {
    private static final List<String> PATTERNS = List.of(
            "a|ab", "ab|a", "a+?b?", "a*?", "(?:a|ab)(?:c|bcd)", "x[^.\\n]{0,5}?y", "x[^.\\n]{0,5}y", "\\bfoo\\b", "\\Bar\\b",
            "^\\s*-\\s*(\\d+)", "foo$", "\\Afoo", "bar\\z", "(?:^|[^\\w])(40[0-9]|50[0-9])(?:$|[^\\w])", "stra(?:ss|ß)e", "ſtop|kelvin",
            "error(?: code)?:?\\s*(10\\d\\d)\\b", "(?i)Caf[ée]", "(?s)a.b", "a.b", "(?:\\w+\\s){0,3}done", "x*", "\\b");
    private static final List<String> TEXTS = List.of(
            "ab abc abcd aab a", "xy x y x..y x  y xy\nxy", "foo food _foo foo_ barfoo foo", "a - 1\n - 22\n-333", "foo\nfoo",
            "bar foo bar", "x 404 y 504\n503", "STRASSE straße Straße", "ſTOP stop \u212Aelvin", "ERROR 1033 error code: 1016 error 1020x",
            "café CAFÉ cafe", "a\nb a b", "one two three done", "", "\u00e9\u00e9 ab \u2014 foo \u00e9");

    @Test void endsEachMatchWhereRe2jsAnchoredAttemptDoes() {
        int matches = 0;
        for (String regex : PATTERNS) {
            for (int flags : new int[] {Pattern.MULTILINE, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE}) {
                Pattern p = Pattern.compile(regex, flags);
                Pattern atStart = Pattern.compile("\\A(?:" + regex + ")", flags), afterOne = Pattern.compile("\\A(?s:.)(?:" + regex + ")", flags);
                FirstMatchDfa dfa = FirstMatchDfa.of(p, new LazyDfa.Budget(LazyDfa.Budget.DEFAULT));
                assertNotNull(dfa, regex);
                for (String text : TEXTS) {
                    for (int at = 0; at <= text.length(); at++) {
                        Matcher m = (at == 0 ? atStart : afterOne).matcher(text.substring(Math.max(0, at - 1)));
                        int want = m.lookingAt() ? m.end() + Math.max(0, at - 1) : -1;
                        long got = dfa.run(text, at, text.length());
                        assertTrue(got != FirstMatchDfa.CANNOT_TELL, regex);
                        assertEquals(want, (int) got - 1, regex + " at " + at + " of \"" + text + "\"");
                        if (want >= 0) matches++;
                    }
                }
            }
        }
        assertTrue(matches > 500, "matches compared: " + matches);
    }

    @Test void tellsWhetherASpanHasAMatchAsRe2jsSearchOnItDoes() {
        for (String regex : PATTERNS) {
            Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
            FirstMatchDfa dfa = FirstMatchDfa.anywhere(p, new LazyDfa.Budget(LazyDfa.Budget.DEFAULT));
            for (String text : TEXTS) {
                for (int from = 0; from <= text.length(); from += 3) {
                    for (int to = from; to <= text.length(); to += 2) {
                        int want = p.matcher(text.substring(from, to)).find() ? 1 : 0;
                        assertEquals(want, dfa.matchesIn(text, from, to), regex + " in \"" + text.substring(from, to) + "\"");
                    }
                }
            }
        }
    }

    /**
     * Threads that share one fresh DFA (extraction's pool shares the catalog's) make its states at once, and each
     * answer must be the one a DFA used by one thread gives. This does not make review18's narrow race happen on
     * demand (a step into a state beyond another thread's copy of the rows, guarded in {@code known}): with the guard
     * taken out it still passed three runs of three. It holds the property the pool relies on.
     */
    @Test void threadsSharingAFreshDfaGetTheSameEnds() throws Exception {
        Pattern p = Pattern.compile("x[^.\\n]{0,30}?y|(?:\\w+\\s){0,3}done", Pattern.CASE_INSENSITIVE);
        String text = String.join(" ", TEXTS).repeat(3);
        FirstMatchDfa alone = FirstMatchDfa.of(p, new LazyDfa.Budget(LazyDfa.Budget.DEFAULT));
        long[] want = new long[text.length()];
        for (int at = 0; at < text.length(); at++) want[at] = alone.run(text, at, text.length());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                FirstMatchDfa shared = FirstMatchDfa.of(p, new LazyDfa.Budget(LazyDfa.Budget.DEFAULT));
                List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int first = t * 7; // each thread starts elsewhere, so they make different states at once
                    runs.add(pool.submit(() -> {
                        int differ = 0;
                        for (int k = 0; k < text.length(); k++) {
                            int at = (first + k) % text.length();
                            if (shared.run(text, at, text.length()) != want[at]) differ++;
                        }
                        return differ;
                    }));
                }
                for (java.util.concurrent.Future<Integer> r : runs) assertEquals(0, r.get(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test void withNoRoomForAStateItCannotTell() {
        Pattern p = Pattern.compile("x[^.\\n]{0,40}y", Pattern.CASE_INSENSITIVE);
        FirstMatchDfa none = FirstMatchDfa.of(p, new LazyDfa.Budget(0));
        assertEquals(FirstMatchDfa.CANNOT_TELL, none.run("x and then y", 0, 12));
        assertEquals(-1, FirstMatchDfa.anywhere(p, new LazyDfa.Budget(0)).matchesIn("x and then y", 0, 12));
        // the states made before the budget ran out go on serving the runs that stay among them
        FirstMatchDfa some = FirstMatchDfa.of(p, new LazyDfa.Budget(200));
        assertEquals(2, (int) some.run("xy", 0, 2) - 1);
        assertEquals(FirstMatchDfa.CANNOT_TELL, some.run("x" + " ".repeat(39) + "y", 0, 41));
        assertEquals(2, (int) some.run("xy", 0, 2) - 1);
    }
}
