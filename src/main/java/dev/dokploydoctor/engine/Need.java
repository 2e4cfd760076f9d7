package dev.dokploydoctor.engine;

import org.kie.api.runtime.rule.RuleContext;

import java.util.Objects;

/**
 * A fact a rule still lacks to judge a cause: {@code insertLogical(new Need(drools, "key", "cause",
 * "why it matters"))}. The engine drops needs whose fact is already known or was answered unknown.
 */
public final class Need {
    private final String key;
    private final String cause;
    private final String why;
    private final String rule;

    public Need(RuleContext drools, String key, String cause, String why) {
        this(key, cause, why, drools.getRule().getName());
    }

    public Need(String key, String cause, String why, String rule) {
        this.key = Objects.requireNonNull(key);
        this.cause = Objects.requireNonNull(cause);
        this.why = why == null ? "" : why;
        this.rule = rule;
    }

    public String getKey() { return key; }
    public String getCause() { return cause; }
    public String getWhy() { return why; }
    public String getRule() { return rule; }

    @Override public boolean equals(Object o) {
        return o instanceof Need n && n.key.equals(key) && n.cause.equals(cause);
    }
    @Override public int hashCode() { return key.hashCode() * 31 + cause.hashCode(); }
    @Override public String toString() { return "need " + key + " for " + cause; }
}
