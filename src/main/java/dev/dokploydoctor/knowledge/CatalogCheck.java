package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every catalog entry proves itself on its own sample lines: each sample matches the entry's
 * pattern (read as a paste is read) and gives every fact of the entry, with the values a sample
 * states; each not_sample gives none of them (a plain line: the entry does not match it; a map with
 * {@code not_facts}: the whole catalog reads none of those keys from it). Run by {@code rules check}
 * (check {@code catalog-sample}) and by the tests.
 */
public final class CatalogCheck {
    private CatalogCheck() {}

    public record Problem(String file, int line, String id, String message) {}

    public static List<Problem> check(TextExtraction extraction) {
        List<Problem> out = new ArrayList<>();
        List<Extractor> entries = extraction.extractors();
        for (int i = 0; i < entries.size(); i++) {
            Extractor ex = entries.get(i);
            for (Extractor.Sample s : ex.samples()) {
                List<Fact> facts = extraction.sample(ex, s.text());
                if (facts == null) {
                    out.add(new Problem(ex.file(), s.line(), ex.id(), "sample does not match the entry's pattern: " + quote(s.text())));
                    continue;
                }
                if (!extraction.candidate(i, s.text())) {
                    out.add(new Problem(ex.file(), s.line(), ex.id(), "the literal prefilter skips this entry on its own sample: " + quote(s.text())));
                }
                for (String key : ex.facts().keySet()) {
                    if (facts.stream().noneMatch(f -> f.getKey().equals(key))) {
                        out.add(new Problem(ex.file(), s.line(), ex.id(), "sample gives no value for '" + key + "' (a group empty or of the wrong type): " + quote(s.text())));
                    }
                }
                for (Map.Entry<String, Object> want : s.facts().entrySet()) {
                    Object got = facts.stream().filter(f -> f.getKey().equals(want.getKey())).map(Fact::getValue).findFirst().orElse(null);
                    if (!Objects.equals(String.valueOf(got), String.valueOf(want.getValue()))) {
                        out.add(new Problem(ex.file(), s.line(), ex.id(), "sample gives " + want.getKey() + "=" + got + ", expected " + want.getValue()));
                    }
                }
            }
            for (Extractor.Sample s : ex.notSamples()) {
                if (s.notFacts().isEmpty()) {
                    if (extraction.sample(ex, s.text()) != null) {
                        out.add(new Problem(ex.file(), s.line(), ex.id(), "not_sample matches the entry's pattern: " + quote(s.text())));
                    }
                } else {
                    for (Fact f : extraction.extract(s.text())) {
                        if (s.notFacts().contains(f.getKey())) {
                            out.add(new Problem(ex.file(), s.line(), ex.id(), "not_sample gives " + f.getKey() + "=" + f.getValue()
                                    + " (" + f.getEvidence() + "): " + quote(s.text())));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String quote(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return "\"" + (one.length() > 100 ? one.substring(0, 97) + "..." : one) + "\"";
    }
}
