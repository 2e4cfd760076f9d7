package dev.dokploydoctor.knowledge;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Runs the extractors of knowledge/extractors.yaml over free text and returns the facts they imply. */
public final class TextExtraction {
    /** Longer pastes are cut: a regex over megabytes of logs would stall the session. */
    public static final int MAX_TEXT = 256 * 1024;

    private final List<Extractor> extractors;
    private final Vocabulary vocabulary;

    public TextExtraction(List<Extractor> extractors, Vocabulary vocabulary) {
        this.extractors = extractors;
        this.vocabulary = vocabulary;
    }

    /**
     * Facts found in {@code text}, first match per key winning (extractors are ordered from most to
     * least specific in the file). Each fact's evidence names the extractor and the matched excerpt.
     */
    public List<Fact> extract(String text) {
        if (text == null || text.isBlank()) return List.of();
        String input = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        Map<String, Fact> found = new LinkedHashMap<>();
        for (Extractor ex : extractors) {
            Matcher m = ex.pattern().matcher(input);
            if (!m.find()) continue;
            String excerpt = excerpt(m.group());
            for (Map.Entry<String, Object> e : ex.facts().entrySet()) {
                if (found.containsKey(e.getKey())) continue;
                Object value = e.getValue();
                if (value instanceof String s && s.contains("$")) {
                    String expanded = Extractor.expand(s, m).trim();
                    if (expanded.isEmpty()) continue;
                    try {
                        value = vocabulary.get(e.getKey()).coerce(expanded);
                    } catch (IllegalArgumentException bad) {
                        continue; // the group did not hold a value of the right type; skip, do not guess
                    }
                }
                found.put(e.getKey(), new Fact(e.getKey(), value, Fact.TEXT,
                        "extractor '" + ex.id() + "' matched \"" + excerpt + "\""));
            }
        }
        return new ArrayList<>(found.values());
    }

    public List<Extractor> extractors() { return extractors; }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    static String excerpt(String s) {
        String one = WHITESPACE.matcher(s).replaceAll(" ").trim();
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }
}
