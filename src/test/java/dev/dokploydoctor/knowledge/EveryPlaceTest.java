package dev.dokploydoctor.knowledge;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EveryPlace} (an entry with no known places: its DFA asked at every position) finds what RE2/J's
 * unanchored search finds, match after match, with the same groups; the catalog's own entries are compared
 * on every catalog text by {@link PrefixSearchTest}.
 */
class EveryPlaceTest {
    private static final LazyDfa.Budget BUDGET = new LazyDfa.Budget(LazyDfa.Budget.DEFAULT);

    @Test void sameMatchesAndGroupsAsRe2j() {
        String[] patterns = {
            "(?:[\\d.:a-f]+:53: )?(?:dial tcp ([\\d.:]+): connect: connection refused|ECONNREFUSED)",
            "\\b(?:[a-z0-9-]+\\.){3,}(?:com|net|io)\\b",
            "(\\w*)x?$",
            "(?:^|\\s)(4\\d\\d)\\b",
        };
        String[] texts = {
            "dial tcp 10.0.1.23:3000: connect: connection refused\nconnect ECONNREFUSED 10.0.1.7:3000",
            "lookup a on [::1]:53: dial tcp 1.2.3.4:53: connect: connection refused",
            "see app.eu.one.example.com and a.b.io, then x.y.z.w.net.",
            "status 404 then\n502 and 403x 401",
            "",
            "no match here at all",
        };
        for (String regex : patterns) {
            Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
            for (String text : texts) assertSameAsRe2j(p, FirstMatchDfa.of(p, BUDGET), text);
        }
    }

    /** Positions that read far (each runs to the text's end) spend the budget: RE2/J's search takes over, with its answer. */
    @Test void theBudgetHandsOverToRe2j() {
        Pattern p = Pattern.compile("a[^\\n]*z|(b)");
        assertSameAsRe2j(p, FirstMatchDfa.of(p, BUDGET), "a".repeat(3_000) + "b" + "a".repeat(100) + "z");
    }

    /** Should RE2/J not find the DFA's match (made to disagree: the DFA of another pattern), the groups read as absent, then RE2/J alone. */
    @Test void aDisagreementDegradesToRe2jsAnswer() {
        Pattern p = Pattern.compile("error (\\d+)");
        EveryPlace search = new EveryPlace(p, FirstMatchDfa.of(Pattern.compile("error x"), BUDGET), "error x then error 42", false);
        assertTrue(search.find(0));
        assertEquals(List.of(0, 7, -1, -1), List.of(search.start(0), search.end(0), search.start(1), search.end(1)));
        assertTrue(search.find(1));
        assertEquals(List.of(13, 21, 19, 21), List.of(search.start(0), search.end(0), search.start(1), search.end(1)));
    }

    @Test void noDfaOrAWideTextIsRe2jsSearch() {
        Pattern p = Pattern.compile("(?:x )?(y+)");
        assertSameAsRe2j(p, null, "a x yy b yyy");
        EveryPlace wide = new EveryPlace(p, FirstMatchDfa.of(p, BUDGET), "\uD83D\uDE00 x yy", true);
        assertTrue(wide.find(0));
        assertEquals(List.of(3, 7, 5, 7), List.of(wide.start(0), wide.end(0), wide.start(1), wide.end(1)));
    }

    private static void assertSameAsRe2j(Pattern p, FirstMatchDfa dfa, String text) {
        EveryPlace fast = new EveryPlace(p, dfa, text, false);
        Matcher plain = p.matcher(text);
        int from = 0;
        while (from <= text.length()) {
            boolean a = plain.find(from), b = fast.find(from);
            assertEquals(a, b, p + " on " + text + " from " + from);
            if (!a) break;
            for (int g = 0; g <= p.groupCount(); g++) {
                assertEquals(plain.start(g), fast.start(g), p + " group " + g + " on " + text + " from " + from);
                assertEquals(plain.end(g), fast.end(g), p + " group " + g + " on " + text + " from " + from);
            }
            from = plain.end() > plain.start() ? plain.end() : plain.start() + 1;
        }
    }
}
