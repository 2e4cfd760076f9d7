package dev.dokploydoctor.authoring;

import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/** One condition a scaffolded or learned rule tests: a fact key and the value it must have. */
public record Condition(FactSpec spec, Object value) {

    public String key() { return spec.key(); }

    /** {@code key=value} from the command line, checked and typed by the vocabulary. */
    public static Condition parse(String assignment, Vocabulary vocabulary) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("expected KEY=VALUE, got '" + assignment + "'");
        String key = assignment.substring(0, eq).trim();
        String raw = assignment.substring(eq + 1).trim();
        return new Condition(vocabulary.require(key, null), vocabulary.coerce(key, raw, null));
    }

    /** The DRL pattern: {@code Fact(key == "http.status", num == 502)}. */
    public String pattern() {
        List<String> parts = new ArrayList<>();
        parts.add("key == " + quote(spec.key()));
        switch (spec.type()) {
            case BOOL -> parts.add("flag == " + value);
            case INT -> parts.add("num == " + value);
            case LIST -> {
                for (Object item : (List<?>) value) parts.add("list contains " + quote(String.valueOf(item)));
            }
            default -> parts.add("text == " + quote(String.valueOf(value)));
        }
        return "Fact(" + String.join(", ", parts) + ")";
    }

    /** "http.status is 502", for rule names and messages. */
    public String describe() {
        return spec.key() + " is " + (value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : value);
    }

    /**
     * A value that does not satisfy this condition, for a near-miss template: the other boolean,
     * another enum value; null when there is no obvious neighbour (the near-miss then leaves it out).
     */
    public Object neighbour() {
        if (spec.type() == FactType.BOOL) return !Boolean.TRUE.equals(value);
        if (spec.type() == FactType.ENUM) {
            for (String v : spec.values()) if (!v.equals(value)) return v;
        }
        return null;
    }

    /** A Java/DRL string literal. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
