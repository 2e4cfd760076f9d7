package dev.dokploydoctor.knowledge;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search extraction uses (anchored attempts where a match may start) finds exactly what RE2/J's
 * plain search finds: the same span and the same groups, for every catalog entry the prefilter lets
 * run, on every regression case, field report, sample and not_sample, and on variants of them
 * (upper case, a character before, two pastes in one, a character outside the BMP in front).
 */
class PrefixSearchTest {
    private static final Knowledge K = Knowledge.load(List.of(Layers.checkout(Path.of(""))));

    @Test void sameMatchesAsThePlainSearchOnEveryCatalogText() {
        sameMatchesAsThePlainSearch(K.textExtraction());
    }

    /**
     * The same without the {@link FirstMatchDfa}s (as where one is full), with every entry's {@link AnchoredDfa}
     * made before any text (otherwise each is made at its entry's first place).
     */
    @Test void sameMatchesWithTheDfasThatRuleOutPlaces() {
        TextExtraction x = new TextExtraction(K.extractors(), K.vocabulary(), false);
        x.buildDfas();
        sameMatchesAsThePlainSearch(x);
    }

    /** The texts and their variants, read once for both tests above. */
    private static List<TextReader.Reading> variants;

    /**
     * RE2/J's plain search of entry i on variant v, done once for both tests above (they search the same
     * entries, {@code K.extractors()}, on the same variants; most of their CPU): absent until searched,
     * {@link #NOT_FOUND} when it found nothing.
     */
    private static final java.util.Map<Long, Extractor.Found> PLAIN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Extractor.Found NOT_FOUND = new Extractor.Found(-1, -1, null, List.of(), java.util.Map.of());

    private static synchronized List<TextReader.Reading> variants() {
        if (variants != null) return variants;
        List<TextReader.Reading> out = new ArrayList<>();
        for (String t : CatalogTexts.of(K)) {
            if (t == null || t.isBlank()) continue;
            for (String v : List.of(t, t.toUpperCase(java.util.Locale.ROOT), "x" + t, "\uD83D\uDE00" + t, t + "\n" + t)) {
                out.add(TextReader.read(v));
            }
        }
        return variants = out;
    }

    private static void sameMatchesAsThePlainSearch(TextExtraction x) {
        assertTrue(x.extractors() == K.extractors(), "the plain searches are shared by entry index: the same entries");
        List<TextReader.Reading> readings = variants();
        List<String> differ = new ArrayList<>();
        int compared = 0, found = 0;
        Prefilter prefilter = new Prefilter(x.extractors().stream().map(e -> e.pattern().pattern()).toList());
        for (int v = 0; v < readings.size(); v++) {
            TextReader.Reading reading = readings.get(v);
            boolean[] candidates = prefilter.candidates(reading.lower());
            for (int i = 0; i < x.extractors().size(); i++) {
                if (!candidates[i]) continue;
                Extractor e = x.extractors().get(i);
                Extractor.Found searched = PLAIN.computeIfAbsent((long) v * x.extractors().size() + i, k -> {
                    Extractor.Found f = e.find(reading.text());
                    return f == null ? NOT_FOUND : f;
                });
                Extractor.Found plain = searched == NOT_FOUND ? null : searched;
                Extractor.Found fast = x.match(i, reading);
                compared++;
                if (plain != null) found++;
                if (!java.util.Objects.equals(plain, fast)) differ.add(e.id() + " on " + reading.original() + ": " + plain + " vs " + fast);
            }
        }
        assertEquals(List.of(), differ.subList(0, Math.min(10, differ.size())));
        assertTrue(compared > 10_000 && found > 3_000, "compared " + compared + ", found " + found);
    }

    @Test void theCharacterBeforeAPlaceIsContext() {
        assertSame("\\bfoo\\b", "xfoo foo", "afoo\nfoo", "foo", "_foo", "\uD83D\uDE00foo");
        assertSame("^\\s*-\\s*(\\d+)", "a - 1\n - 22\n-333", "- 4", "x\n\n  - 5");
        assertSame("\\Afoo", "foo bar", "xfoo", " foo");
        assertSame("(?:^|[^\\w.])(40[0-9]|50[0-9])(?:$|[^\\w])", "x 404 y", "404", "a.404 b 502", "v1.504 and\n503", "\uD83D\uDE00502");
        assertSame("error(?: code)?:?\\s*(10\\d\\d)\\b", "ERROR 1033 here", "error code: 1016", "error error error 1020x");
    }

    @Test void manyPlacesFallBackToOnePlainSearchWithTheSameAnswer() {
        String text = "error ".repeat(20_000) + "error zzz 7";
        assertSame("error[^#]*zzz (\\d)", text);
        assertSame("error[^#]*yyy", text);
    }

    @Test void aPlaceIsNotTriedWhenItsClausesLieBeyondTheLongestMatch() {
        String far = "cloudflared " + "x ".repeat(30) + "running in a container";
        assertSame("\\bcloudflared\\b[^.\\n]{0,25}\\b(?:runs?|running)\\b", far, "cloudflared is running", "cloudflared\nrunning",
                "cloudflared \uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00 12345678901234 running",
                far + " cloudflared then running");
        assertSame("(?:foo|bar)[a-z ]{0,3}baz", "foo   baz", "foo    baz", "bar baz foo baz");
        assertEquals(List.of(27, RegexLiterals.UNBOUNDED, 4),
                RegexLiterals.alternatives("\\ba[^.\\n]{0,25}\\bb|c+d|(?:x|yz)?\\s\\d").stream().map(RegexLiterals.Alternative::maxLength).toList());
    }

    /**
     * Should RE2/J find no match where the FirstMatchDfa found one (here made to disagree: the DFA of another pattern),
     * the match's groups read as absent and the rest of the text is RE2/J's alone, instead of the report's extraction failing.
     */
    @Test void aDisagreementBetweenTheDfaAndRe2jDegradesToRe2jsAnswer() {
        SearchPlan plan = SearchPlan.of(Pattern.compile("error (\\d+)"));
        plan.firstMatchIs(FirstMatchDfa.of(Pattern.compile("error x"), new LazyDfa.Budget(LazyDfa.Budget.DEFAULT)));
        String text = "error x then error 42";
        PrefixSearch search = new PrefixSearch(plan, text, text);
        assertTrue(search.find(0), "the DFA's word: a match at the first place");
        assertEquals(List.of(0, 7, -1, -1), List.of(search.start(0), search.end(0), search.start(1), search.end(1)));
        assertTrue(search.find(1), "RE2/J's own search from then on");
        assertEquals(List.of(13, 21, 19, 21), List.of(search.start(0), search.end(0), search.start(1), search.end(1)));
    }

    @Test void prefixesOfPatterns() {
        assertEquals(Set.of("foo"), RegexLiterals.requiredPrefixes("\\bfoo\\b"));
        assertEquals(Set.of("client api v", "client v"), RegexLiterals.requiredPrefixes("client (?:API )?v"));
        assertNull(RegexLiterals.requiredPrefixes("(?:foo)?\\w+"), "a match may start with any letter");
        assertNull(RegexLiterals.requiredPrefixes("x*"), "a pattern that matches the empty string starts anywhere");
        Set<String> status = RegexLiterals.requiredPrefixes("(?:^|[^\\w])(40[0-9]|530)");
        assertNotNull(status);
        assertTrue(status.contains(RegexLiterals.ANY_CHAR + "530") && status.contains(RegexLiterals.LINE_START + "530"), status.toString());
    }

    /** The same matches as RE2/J's plain search, without the pattern's DFA and with it. */
    private static void assertSame(String regex, String... texts) {
        assertSame(false, regex, texts);
        assertSame(true, regex, texts);
    }

    private static void assertSame(boolean dfa, String regex, String... texts) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
        SearchPlan plan = SearchPlan.of(p);
        assertNotNull(plan, regex);
        if (dfa) assertNotNull(plan.dfaNow(), regex);
        Extractor e = new Extractor("t", null, p, java.util.Map.of(), null, null, null, List.of(), List.of(), "t", 1);
        for (String pasted : texts) {
            TextReader.Reading reading = TextReader.read(pasted);
            String text = reading.text(), lower = reading.lower();
            // all matches, one after the other, as the unless-filters would walk them
            PrefixSearch fast = new PrefixSearch(plan, text, lower);
            com.google.re2j.Matcher plain = p.matcher(text);
            int from = 0;
            while (from <= text.length()) {
                boolean a = plain.find(from), b = fast.find(from);
                assertEquals(a, b, regex + " on " + text + " from " + from);
                if (!a) break;
                for (int g = 0; g <= p.groupCount(); g++) {
                    assertEquals(plain.start(g), fast.start(g), regex + " group " + g + " on " + text);
                    assertEquals(plain.end(g), fast.end(g), regex + " group " + g + " on " + text);
                }
                from = plain.end() > plain.start() ? plain.end() : plain.start() + 1;
            }
            assertEquals(e.find(text), e.find(text, new PrefixSearch(plan, text, lower)), regex + " on " + text);
        }
    }
}
