package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The literal prefilter only saves work, it never changes a result: on every regression case's and
 * field report's text, each catalog entry that matches (run without the filter) is a candidate.
 */
class PrefilterTest {
    private static final Knowledge K = Knowledge.load(List.of(Layers.checkout(Path.of(""))));

    @Test void noEntryThatMatchesIsSkippedOnAnyCaseOrFieldText() {
        TextExtraction x = K.textExtraction();
        List<String> texts = new ArrayList<>();
        for (Knowledge.CaseFile cf : K.loadCases()) texts.add(cf.read(K.vocabulary()).text());
        for (FieldRecord r : FieldCorpus.load(FieldCorpus.files(Path.of("knowledge")), K).records()) texts.add(r.text());
        List<String> skipped = new ArrayList<>();
        int matches = 0;
        for (String text : texts) {
            if (text == null || text.isBlank()) continue;
            TextReader.Reading reading = TextReader.read(text);
            for (int i = 0; i < x.extractors().size(); i++) {
                if (x.apply(x.extractors().get(i), reading) == null) continue;
                matches++;
                if (!x.candidate(i, text)) skipped.add(x.extractors().get(i).id() + " on: " + text);
            }
        }
        assertEquals(List.of(), skipped);
        assertEquals(true, matches > 1000, "matches: " + matches);
    }

    @Test void digitClassesAndShortRareLiteralsFilter() {
        assertEquals(Set.of("*."), Prefilter.requiredLiterals("\\*\\.[a-z0-9-]+"));
        Set<String> codes = Prefilter.requiredLiterals("(40[0-9]|530)");
        assertEquals(11, codes.size());
        assertEquals(true, codes.contains("404") && codes.contains("530"));
        assertNull(Prefilter.requiredLiterals("\\d+:\\d+"), "one character is no filter");
    }
}
