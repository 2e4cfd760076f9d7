package dev.dokploydoctor.knowledge;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DFA that rules out places before an RE2/J attempt: it may say "maybe" where the pattern does
 * not match, never "no" where it does (PrefixSearchTest compares whole searches on the catalog's
 * texts with and without it).
 */
class AnchoredDfaTest {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

    /** What the DFA's ASCII literals rest on: every character RE2/J lets one stand for, case-insensitively, folds to ASCII. */
    @Test void everyCharacterAnAsciiLiteralMatchesFoldsToAscii() {
        StringBuilder all = new StringBuilder("[");
        for (char c = 0; c < 128; c++) all.append(String.format("\\x{%x}", (int) c));
        com.google.re2j.Matcher m = Pattern.compile("(?i)" + all.append(']')).matcher("");
        List<String> wrong = new ArrayList<>();
        for (int x = 128; x <= Character.MAX_VALUE; x++) {
            if (Character.isSurrogate((char) x)) continue;
            if (m.reset(String.valueOf((char) x)).matches() && TextReader.fold((char) x) >= 128) wrong.add(Integer.toHexString(x));
        }
        assertEquals(List.of(), wrong);
    }

    @Test void rulesOutPlacesWherenoMatchCanStart() {
        AnchoredDfa dfa = AnchoredDfa.of(Pattern.compile("\\btraefik\\b[^.\\n]{0,45}\\b(?:vanished|disappeared|is gone)\\b", FLAGS));
        assertNotNull(dfa);
        assertTrue(dfa.scan("traefik has vanished", 0) >= 0);
        assertTrue(dfa.scan("TRAEFIK HAS VANISHED".toLowerCase(), 0) >= 0);
        assertTrue(dfa.scan("traefik is fine. it vanished", 0) < 0, "a full stop ends the gap");
        assertTrue(dfa.scan("traefik is fine\nit vanished", 0) < 0, "so does a line end");
        assertTrue(dfa.scan("x traefik \u00e9 vanished", 2) >= 0, "a character outside ASCII stands in the gap");
        assertTrue(dfa.scan("traefikvanished", 0) >= 0, "word boundaries are not read: maybe");
        assertTrue(dfa.scan("traefix", 0) < 0);
        assertEquals(-"traefix".length() - 1, dfa.scan("traefix", 0), "how far it read, negated less one");
    }

    @Test void classesEscapesAndCountsReadAsRe2ReadsThem() {
        AnchoredDfa dfa = AnchoredDfa.of(Pattern.compile("(?:^|[^\\w.])(40[0-9]|50[0-9])\\s*\\p{L}{2}", FLAGS));
        assertNotNull(dfa);
        assertTrue(dfa.scan(" 502 ab", 0) >= 0);
        assertTrue(dfa.scan(" 502 \u00e9\u00e9", 0) >= 0);
        assertTrue(dfa.scan(".502 ab", 0) < 0);
        assertTrue(dfa.scan(" 512 ab", 0) < 0);
        AnchoredDfa counted = AnchoredDfa.of(Pattern.compile("a{2,3}b", FLAGS));
        assertTrue(counted.scan("aab", 0) >= 0);
        assertTrue(counted.scan("ab", 0) < 0);
        AnchoredDfa literalBrace = AnchoredDfa.of(Pattern.compile("a{x}", FLAGS));
        assertTrue(literalBrace.scan("a{x}", 0) >= 0);
        assertTrue(literalBrace.scan("ax", 0) < 0);
        assertTrue(AnchoredDfa.of(Pattern.compile("k", FLAGS)).scan(TextReader.read("\u212A").lower(), 0) >= 0, "the Kelvin sign folds to k");
    }

    @Test void aPatternItCannotReadHasNone() {
        assertNull(AnchoredDfa.of(Pattern.compile("\\Qa.b\\E", FLAGS)));
        assertNull(AnchoredDfa.of(Pattern.compile("a{200}", FLAGS)));
    }

    @Test void unanchoredSaysWhetherAMatchMayLieAnywhereInASpan() {
        AnchoredDfa dfa = AnchoredDfa.unanchored(Pattern.compile("\\b(?:every|all)\\s+(?:requests?|the time)\\b", FLAGS), new LazyDfa.Budget(LazyDfa.Budget.DEFAULT));
        assertNotNull(dfa);
        String text = "it fails on all requests, not some";
        assertTrue(dfa.scan(text, 0, text.length()) >= 0);
        assertTrue(dfa.scan(text, 12, text.length()) >= 0, "from the match's start");
        assertTrue(dfa.scan(text, 0, 20) < 0, "the span ends inside the match");
        assertTrue(dfa.scan(text, 13, text.length()) < 0, "the span starts after the match's start");
        assertTrue(dfa.scan("half the requests fail", 0, 22) < 0);
    }

    /** A pattern whose DFA would need more states than it may keep says "cannot tell", from then on at once. */
    @Test void aFullCacheCannotTellAndStaysBounded() {
        AnchoredDfa dfa = AnchoredDfa.of(Pattern.compile("[ab]*a[ab]{8}[ab]{8}x", FLAGS));
        assertNotNull(dfa);
        java.util.Random random = new java.util.Random(7);
        StringBuilder ab = new StringBuilder();
        for (int i = 0; i < 5_000; i++) ab.append(random.nextBoolean() ? 'a' : 'b');
        assertEquals(Integer.MIN_VALUE, dfa.scan(ab.toString(), 0));
        assertEquals(LazyDfa.MAX_STATES, dfa.states());
        assertEquals(Integer.MIN_VALUE, dfa.scan("ax", 0), "retired: RE2/J decides");
        AnchoredDfa small = AnchoredDfa.of(Pattern.compile("[ab]*a[ab]x", FLAGS));
        assertTrue(small.scan(ab + "x", 0) >= 0);
        assertTrue(small.scan(ab.toString(), 0) < 0);
        assertTrue(small.states() < 10, "states are made as the text visits them: " + small.states());
    }

    /** A catalog's DFAs together keep no more than their budget: past it, a DFA that needs a new state cannot tell. */
    @Test void aSpentBudgetCannotTell() {
        LazyDfa.Budget budget = new LazyDfa.Budget(200);
        AnchoredDfa dfa = AnchoredDfa.of(Pattern.compile("[ab]*a[ab]{8}x", FLAGS), budget);
        assertEquals(Integer.MIN_VALUE, dfa.scan("abbabababbbabaaabababbbabbbabababa", 0));
        assertEquals(Integer.MIN_VALUE, AnchoredDfa.of(Pattern.compile("traefik", FLAGS), budget).scan("traefik", 0), "the budget is shared");
    }
}
