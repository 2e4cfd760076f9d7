package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the user answered to a question: a typed value, "I don't know", or something invalid (re-ask). */
public sealed interface Reply {
    record Value(Object value) implements Reply {}
    record Unknown() implements Reply {}
    record Invalid(String message) implements Reply {}

    /**
     * Read an answer to the question about {@code spec}: yes/no words for bool, a value or its number
     * for a choice, a whole number, a comma-separated list, or any text.
     */
    static Reply parse(String answer, FactSpec spec) {
        String a = answer.trim();
        if (a.isEmpty()) return new Invalid("an answer is needed (or ? if you don't know)");
        if (Vocabulary.isUnknown(a)) return new Unknown();
        if (spec.type() == FactType.ENUM) {
            List<String> values = spec.values();
            if (a.matches("\\d{1,2}")) {
                int n = Integer.parseInt(a);
                if (n >= 1 && n <= values.size()) return new Value(values.get(n - 1));
                return new Invalid("pick 1 to " + values.size() + ": " + numbered(values));
            }
            String match = uniquePrefix(a, values);
            if (match != null) return new Value(match);
            return new Invalid("'" + a + "' is not a choice; pick one of " + numbered(values));
        }
        if (spec.type() == FactType.BOOL) {
            Boolean b = yesOrNo(a);
            if (b != null) return new Value(b);
        }
        if (spec.type() == FactType.INT) {
            // "502 Bad Gateway" answers a status question well enough: take the leading number
            String digits = a.replaceFirst("^(-?\\d+)\\b.*$", "$1");
            a = digits;
        }
        try {
            return new Value(spec.coerce(a));
        } catch (IllegalArgumentException e) {
            return new Invalid(e.getMessage());
        }
    }

    Set<String> YES = Set.of("yes", "y", "yep", "yeah", "yup", "sure", "true", "correct", "right", "it does", "it is", "yes it does");
    Set<String> NO = Set.of("no", "n", "nope", "nah", "false", "not", "it does not", "it doesn't", "it is not", "no it does not");

    /** The common ways of saying yes or no (trailing punctuation ignored); null for anything else. */
    static Boolean yesOrNo(String answer) {
        String a = answer.trim().toLowerCase(Locale.ROOT).replaceAll("[.!,]+$", "");
        if (YES.contains(a)) return Boolean.TRUE;
        if (NO.contains(a)) return Boolean.FALSE;
        return null;
    }

    /** A value given in full, or a prefix that fits exactly one of them (case-insensitive). */
    static String uniquePrefix(String typed, List<String> values) {
        String t = typed.toLowerCase(Locale.ROOT);
        String found = null;
        for (String v : values) {
            String lv = v.toLowerCase(Locale.ROOT);
            if (lv.equals(t)) return v;
            if (lv.startsWith(t)) {
                if (found != null) return null;
                found = v;
            }
        }
        return found;
    }

    static String numbered(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append("  ");
            sb.append(i + 1).append(") ").append(values.get(i));
        }
        return sb.toString();
    }
}
