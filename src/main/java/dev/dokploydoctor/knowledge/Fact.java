package dev.dokploydoctor.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One observed or stated fact: {@code key} from knowledge/facts.yaml, a typed value, where it came
 * from ({@link #USER}, {@link #PROBE}, {@link #TEXT}, {@link #DERIVED}) and the evidence behind it.
 *
 * <p>Values are already typed by the vocabulary: Long for int, Boolean for bool, String for
 * string and enum, List&lt;String&gt; for list. Rules read them as properties:
 * {@code flag == true}, {@code num >= 500}, {@code text == "compose"}, {@code lower matches ".*x.*"},
 * {@code list contains "dokploy-network"}, {@code size >= 2}.
 * Equality is key + value, so a logically inserted derived fact does not duplicate a stated one.
 */
public final class Fact {
    public static final String USER = "user";
    public static final String PROBE = "probe";
    public static final String TEXT = "text";
    public static final String DERIVED = "derived";

    private final String key;
    private final Object value;
    private final String source;
    private final String evidence;
    private final String origin;
    /** The origin of a fact that is its own observation, made on first use: certainty reads it for every answer tried. */
    private String ownOrigin;

    public Fact(String key, Object value, String source, String evidence) {
        this(key, value, source, evidence, null);
    }

    /**
     * {@code origin}: the observation the fact was read from, shared by every fact read from it (the
     * span of text one catalog entry matched, {@code text#<hash of the text>@12-40}; the fact an implied one follows
     * from). Null: the fact is its own observation (a stated fact, an answer, a probe's finding).
     */
    public Fact(String key, Object value, String source, String evidence, String origin) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value of " + key);
        this.source = source == null ? USER : source;
        this.evidence = evidence == null ? "" : evidence;
        this.origin = origin;
    }

    public String getKey() { return key; }
    public Object getValue() { return value; }
    public String getSource() { return source; }
    public String getEvidence() { return evidence; }

    /**
     * The observation this fact comes from: facts with the same origin (or text origins whose spans
     * overlap) are one observation, however many keys it gave. Certainty counts an observation once.
     */
    public String getOrigin() {
        if (origin != null) return origin;
        String own = ownOrigin; // a race only makes it twice: a String is safely published
        if (own == null) ownOrigin = own = source + ":" + key;
        return own;
    }

    /** Numeric value, or -1 when the value is not a number (so {@code num == 502} is simply false). */
    public long getNum() { return value instanceof Number n ? n.longValue() : -1; }

    /** The boolean value, or null when the value is not a boolean. */
    public Boolean getFlag() { return value instanceof Boolean b ? b : null; }

    /** Number of items of a list value (1 for any other value). */
    public int getSize() { return value instanceof List<?> l ? l.size() : 1; }

    public boolean isTrue() { return Boolean.TRUE.equals(value); }
    public boolean isFalse() { return Boolean.FALSE.equals(value); }

    /** The value as text; a list is joined with ", ". */
    public String getText() {
        if (value instanceof List<?> l) {
            return String.join(", ", l.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** Lower-cased text, for case-insensitive {@code matches} and {@code contains} in rules. */
    public String getLower() { return getText().toLowerCase(java.util.Locale.ROOT); }

    @SuppressWarnings("unchecked")
    public List<String> getList() {
        return value instanceof List<?> l ? (List<String>) l : List.of(getText());
    }

    /** True for a list value containing {@code item}. */
    public boolean has(String item) { return value instanceof List<?> l && l.contains(item); }

    /** The same fact from another source, e.g. a value overridden by the user. */
    public Fact withSource(String newSource, String newEvidence) {
        return new Fact(key, value, newSource, newEvidence);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Fact f && f.key.equals(key) && f.value.equals(value);
    }
    @Override public int hashCode() { return key.hashCode() * 31 + value.hashCode(); }
    @Override public String toString() { return key + "=" + getText(); }
}
