package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One entry of knowledge/facts.yaml: a fact key, its type, allowed values, the question that asks
 * for it, why it matters, which probe can answer it, which values count as a symptom, and (for
 * text) what shape a typed answer has.
 */
public record FactSpec(String key, FactType type, List<String> values, String question, String help,
                       String probe, String symptom, String file, int line, Shape answer,
                       Map<String, Object> askedIf, Set<String> sameQuestionAs, Effort effort) {

    /**
     * {@code askedIf}: what the question takes for granted (facts.yaml {@code asked_if}), by key: "does the
     * tunnel route point at Traefik?" only when a tunnel is used. Never null. {@code sameQuestionAs}: the
     * facts whose questions ask the same thing in other words (facts.yaml {@code same_question_as}, both
     * ways): where the app listens and where its socket is bound. Never null. {@code effort}: what
     * answering the question costs (facts.yaml {@code effort}); null means {@link Effort#COMMAND}.
     */
    public FactSpec {
        askedIf = askedIf == null ? Map.of() : Map.copyOf(askedIf);
        sameQuestionAs = sameQuestionAs == null ? Set.of() : Set.copyOf(sameQuestionAs);
        effort = effort == null ? Effort.COMMAND : effort;
    }

    /** A spec of the default effort ({@link Effort#COMMAND}). */
    public FactSpec(String key, FactType type, List<String> values, String question, String help,
                    String probe, String symptom, String file, int line, Shape answer,
                    Map<String, Object> askedIf, Set<String> sameQuestionAs) {
        this(key, type, values, question, help, probe, symptom, file, line, answer, askedIf, sameQuestionAs, Effort.COMMAND);
    }

    /** A spec whose question takes {@code askedIf} for granted and asks nothing another question asks. */
    public FactSpec(String key, FactType type, List<String> values, String question, String help,
                    String probe, String symptom, String file, int line, Shape answer,
                    Map<String, Object> askedIf) {
        this(key, type, values, question, help, probe, symptom, file, line, answer, askedIf, Set.of());
    }

    /** This spec with its question taking {@code wanted} for granted (facts.yaml {@code asked_if}). */
    public FactSpec withAskedIf(Map<String, Object> wanted) {
        return new FactSpec(key, type, values, question, help, probe, symptom, file, line, answer, wanted, sameQuestionAs, effort);
    }

    /** This spec with {@code other}'s question asking the same thing (facts.yaml {@code same_question_as}). */
    public FactSpec withSameQuestionAs(String other) {
        Set<String> same = new LinkedHashSet<>(sameQuestionAs);
        same.add(other);
        return new FactSpec(key, type, values, question, help, probe, symptom, file, line, answer, askedIf, same, effort);
    }

    /** This spec asking {@code shown} (its question with the known values filled in: {@link QuestionText}). */
    public FactSpec withQuestion(String shown) {
        return new FactSpec(key, type, values, shown, help, probe, symptom, file, line, answer, askedIf, sameQuestionAs, effort);
    }

    /** This spec with its question costing {@code cost} (facts.yaml {@code effort}). */
    public FactSpec withEffort(Effort cost) {
        return new FactSpec(key, type, values, question, help, probe, symptom, file, line, answer, askedIf, sameQuestionAs, cost);
    }

    /** A spec whose question takes nothing for granted. */
    public FactSpec(String key, FactType type, List<String> values, String question, String help,
                    String probe, String symptom, String file, int line, Shape answer) {
        this(key, type, values, question, help, probe, symptom, file, line, answer, Map.of());
    }

    /**
     * What a text answer is: free text kept as typed, or one word (a name, an address, a version, a
     * URL) that the words around it ("it's called postgres") may be dropped from; {@code WORD_OR_NONE}
     * also reads "none" as the empty value the question allows ("empty if none").
     */
    public enum Shape {
        TEXT, WORD, WORD_OR_NONE;

        public static Shape parse(String s) {
            if (s == null) return TEXT;
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "text" -> TEXT;
                case "word" -> WORD;
                case "word-or-none" -> WORD_OR_NONE;
                default -> null;
            };
        }
    }

    /** A spec whose text answers are kept as typed. */
    public FactSpec(String key, FactType type, List<String> values, String question, String help,
                    String probe, String symptom, String file, int line) {
        this(key, type, values, question, help, probe, symptom, file, line, Shape.TEXT);
    }

    /** yes/no, choice, number or text: how the REPL presents the question. */
    public String kindLabel() {
        return switch (type) {
            case BOOL -> "yes/no";
            case ENUM -> "choice";
            case INT -> "number";
            case LIST -> "list, comma-separated";
            case STRING -> "text";
        };
    }

    /**
     * Convert a raw value (YAML scalar, list, or a typed answer) to this key's type.
     * @throws IllegalArgumentException with a message fit for the user
     */
    public Object coerce(Object raw) {
        if (raw == null) throw new IllegalArgumentException("a value is required");
        switch (type) {
            case INT: {
                if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
                String s = raw.toString().trim();
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a whole number, got '" + abbreviate(s) + "'");
                }
            }
            case BOOL: {
                if (raw instanceof Boolean b) return b;
                String s = raw.toString().trim().toLowerCase(Locale.ROOT);
                return switch (s) {
                    case "true", "yes", "y", "1", "on" -> Boolean.TRUE;
                    case "false", "no", "n", "0", "off" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("expected yes or no (true/false), got '" + abbreviate(s) + "'");
                };
            }
            case ENUM: {
                if (raw instanceof List<?> || raw instanceof Map<?, ?>) {
                    throw new IllegalArgumentException("expected one of " + values + ", got a " + (raw instanceof List<?> ? "list" : "map"));
                }
                String s = raw.toString().trim();
                for (String v : values) if (v.equalsIgnoreCase(s)) return v;
                throw new IllegalArgumentException("'" + abbreviate(s) + "' is not one of " + values);
            }
            case LIST: {
                List<String> out = new ArrayList<>();
                if (raw instanceof List<?> l) {
                    for (Object o : l) {
                        if (o instanceof List<?> || o instanceof Map<?, ?>) throw new IllegalArgumentException("expected a list of names");
                        if (o != null) out.add(o.toString().trim());
                    }
                } else {
                    for (String part : raw.toString().split("[,\\s]+")) if (!part.isBlank()) out.add(part.trim());
                }
                return List.copyOf(out);
            }
            case STRING:
            default: {
                if (raw instanceof List<?> || raw instanceof Map<?, ?>) throw new IllegalArgumentException("expected text");
                return raw.toString();
            }
        }
    }

    /** Whether this value of this key is, by itself, a sign that something is wrong. */
    public boolean isSymptom(Object value) {
        if (symptom == null || symptom.isBlank() || value == null) return false;
        String s = symptom.trim();
        if (s.equals("any")) return true;
        if (type == FactType.INT && value instanceof Number n) {
            if (s.startsWith(">=")) return n.longValue() >= Long.parseLong(s.substring(2).trim());
            if (s.startsWith(">")) return n.longValue() > Long.parseLong(s.substring(1).trim());
            return String.valueOf(n.longValue()).equals(s);
        }
        for (String option : s.replace("[", "").replace("]", "").split(",")) {
            if (option.trim().equalsIgnoreCase(String.valueOf(value))) return true;
        }
        return false;
    }

    static String abbreviate(String s) { return s.length() > 40 ? s.substring(0, 40) + "..." : s; }
}
