package dev.dokploydoctor.repl;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration said in words, in seconds: "after a couple of minutes" (120), "after a minute" (60),
 * "about two minutes" (120), "after 100 seconds or so" (100), "90s". People say how long a request ran
 * that way rather than as a bare number of seconds; an approximation ("or so", "about") is still that
 * duration, two durations ("60 or 100 seconds") are two values and no answer.
 */
final class ProseDuration {
    private ProseDuration() {}

    private static final Map<String, Long> COUNTS = Map.ofEntries(
            Map.entry("a", 1L), Map.entry("an", 1L), Map.entry("one", 1L), Map.entry("a couple of", 2L), Map.entry("a couple", 2L),
            Map.entry("couple of", 2L), Map.entry("two", 2L), Map.entry("three", 3L), Map.entry("a few", 3L), Map.entry("four", 4L),
            Map.entry("five", 5L), Map.entry("ten", 10L), Map.entry("fifteen", 15L), Map.entry("twenty", 20L), Map.entry("thirty", 30L),
            Map.entry("forty", 40L), Map.entry("fifty", 50L), Map.entry("sixty", 60L), Map.entry("ninety", 90L),
            Map.entry("a hundred", 100L), Map.entry("one hundred", 100L), Map.entry("hundred", 100L));

    private static final String COUNT = "a couple of|a couple|couple of|a few|a hundred|one hundred|hundred|an?|one|two|three|four|five"
            + "|ten|fifteen|twenty|thirty|forty|fifty|sixty|ninety";
    // a count in words needs a unit in words after a space ("a couple of minutes"); digits may carry a glued one ("90s")
    private static final Pattern DURATION = Pattern.compile(
            "(?<![\\w.])(half an? (?:minute|min)\\b|(?:a|one) (?:minute|min) and a half\\b"
            + "|(\\d{1,5})\\s*-?\\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)\\b"
            + "|(" + COUNT + ")\\s+(seconds?|secs?|minutes?|mins?|hours?|hrs?)\\b)");
    /** An approximation after the duration: "100 seconds or so", "a minute-ish". */
    private static final Pattern APPROXIMATELY = Pattern.compile("(?i)\\bor so\\b|-?\\bish\\b");

    /** The answer names a duration ("after a minute", "90s"), one or more. */
    static boolean says(String answer) { return DURATION.matcher(answer.toLowerCase(Locale.ROOT)).find(); }

    /**
     * The one duration the answer says, in seconds; null when it says none, says two, holds another
     * number beside it, or leaves it open ("a minute, maybe two").
     */
    static Long seconds(String answer) {
        String a = answer.toLowerCase(Locale.ROOT);
        Set<Long> found = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = DURATION.matcher(a);
        int end = 0;
        while (m.find()) {
            found.add(seconds(m));
            rest.append(a, end, m.start()).append(' ');
            end = m.end();
        }
        rest.append(a.substring(end));
        if (found.size() != 1) return null;
        String besides = APPROXIMATELY.matcher(rest).replaceAll(" ");
        if (besides.matches("(?s).*\\d.*") || ProseAnswer.wavers(besides)) return null;
        return found.iterator().next();
    }

    private static long seconds(Matcher m) {
        String whole = m.group(1);
        if (whole.startsWith("half")) return 30;
        if (whole.contains("and a half")) return 90;
        boolean digits = m.group(2) != null;
        long n = digits ? Long.parseLong(m.group(2)) : COUNTS.get(m.group(4));
        String unit = digits ? m.group(3) : m.group(5);
        if (unit.startsWith("h")) return n * 3600;
        if (unit.startsWith("m")) return n * 60;
        return n;
    }
}
