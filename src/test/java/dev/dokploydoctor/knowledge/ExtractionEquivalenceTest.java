package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TextExtraction#extract} skips the entries that cannot add a fact; it must give exactly what
 * every matching entry in catalog order, first match per key winning, gives: the same keys, values,
 * order and evidence (the matched excerpt), on every regression case, field report, sample and
 * not_sample, and on variants of them (upper case, two pastes in one).
 */
class ExtractionEquivalenceTest {
    private static final Knowledge K = Knowledge.load(List.of(Layers.checkout(Path.of(""))));

    @Test void extractGivesWhatEveryMatchingEntryFirstWinsGives() {
        TextExtraction x = K.textExtraction();
        List<String> texts = CatalogTexts.of(K);
        List<String> differ = new ArrayList<>();
        int facts = 0;
        for (String t : texts) {
            if (t == null || t.isBlank()) continue;
            for (String text : List.of(t, t.toUpperCase(java.util.Locale.ROOT), t + "\n" + t)) {
                Map<String, Fact> reference = new LinkedHashMap<>();
                for (TextExtraction.Recognised r : x.recognise(text)) for (Fact f : r.facts()) reference.putIfAbsent(f.getKey(), f);
                List<String> want = reference.values().stream().map(ExtractionEquivalenceTest::line).toList();
                List<String> got = x.extract(text).stream().map(ExtractionEquivalenceTest::line).toList();
                facts += want.size();
                if (!want.equals(got)) differ.add(text + ": " + want + " vs " + got);
            }
        }
        assertEquals(List.of(), differ.subList(0, Math.min(10, differ.size())));
        assertTrue(facts > 3_000, "facts compared: " + facts);
    }

    private static String line(Fact f) {
        return f.getKey() + "=" + f.getValue() + " [" + f.getSource() + "] " + f.getEvidence();
    }
}
