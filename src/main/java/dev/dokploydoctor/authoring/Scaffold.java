package dev.dokploydoctor.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dokploydoctor.knowledge.Cause;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text {@code rules new} and {@code learn} write: a cause file with sentences that say what to
 * put there, a rule, and regression cases. The cause's sentences are recognised by
 * {@code rules check}, which warns until they are replaced.
 */
public final class Scaffold {
    static final String WHY = "Explain in two to four sentences why this happens: what breaks, where, and what the user sees.";
    static final String FIX_TITLE = "Say in one line what the fix does";
    static final String VERIFY = "Say how to see that it is fixed: the probe, command or question that now gives the healthy answer.";
    /** The head of every rules file, bundled ones included (CauseFilesTest holds them to it). */
    public static final String DRL_HEADER = """
            package dokploy.rules;

            // MVEL consequences: no Java compiler run at start-up (about a second less), same results.
            dialect "mvel"

            import dev.dokploydoctor.knowledge.Fact;
            import dev.dokploydoctor.engine.RuleFunctions;
            import function dev.dokploydoctor.engine.Conclude.support;
            import function dev.dokploydoctor.engine.Conclude.refute;
            import function dev.dokploydoctor.engine.Conclude.need;
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Scaffold() {}

    /** "letsencrypt-rate-limited" -> "Letsencrypt rate limited". */
    static String titleOf(String id) {
        String words = id.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    static String causeYaml(String id, String layer, String title) {
        return "# Cause " + id + ", scaffolded by dokploy-doctor: replace the sentences below with the real lesson.\n"
                + "# Every field is described in knowledge/README.md. `rules check` warns while they are unchanged.\n"
                + "title: " + yamlString(title) + "\n"
                + "layer: " + layer + "\n"
                + "why: " + yamlString(WHY) + "\n"
                + "fixes:\n"
                + "  - title: " + yamlString(FIX_TITLE) + "\n"
                + "    commands:\n"
                + "      - " + yamlString("docker ps") + "\n"
                + "    risk: low\n"
                + "verify: " + yamlString(VERIFY) + "\n"
                + "references: []\n";
    }

    /**
     * A rule supporting its cause by {@code cf} when all conditions hold; its name starts with the
     * cause ({@code "cause-id: what it sees"}), which is how {@code support} knows the cause.
     */
    static String rule(String name, Collection<Condition> conditions, double cf, String comment) {
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n")) sb.append("// ").append(line).append('\n');
        sb.append("rule ").append(Condition.quote(name)).append('\n').append("when\n");
        for (Condition c : conditions) sb.append("    ").append(c.pattern()).append('\n');
        sb.append("then\n    support(drools, ").append(cf).append(");\nend\n");
        return sb.toString();
    }

    /** A regression case file; {@code expect} is {@code cause: id} or {@code not: id}. */
    static String caseYaml(String comment, String id, String text, Map<String, Object> facts, Collection<String> unknown,
                           String expectField, String cause) {
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n")) sb.append("# ").append(line).append('\n');
        sb.append("id: ").append(yamlString(id)).append('\n');
        if (text != null && !text.isBlank()) sb.append("text: ").append(yamlString(text)).append('\n');
        if (!facts.isEmpty()) {
            sb.append("facts:\n");
            facts.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(yamlValue(v)).append('\n'));
        }
        if (unknown != null && !unknown.isEmpty()) sb.append("unknown: ").append(yamlValue(List.copyOf(unknown))).append('\n');
        sb.append("expect:\n  ").append(expectField).append(": ").append(cause).append('\n');
        return sb.toString();
    }

    /** Warn while a cause still carries the scaffold's sentences. */
    static void checkEdited(Cause cause, List<Finding> out) {
        boolean unedited = WHY.equals(cause.why()) || VERIFY.equals(cause.verify())
                || cause.fixes().stream().anyMatch(f -> FIX_TITLE.equals(f.title()));
        if (unedited) {
            out.add(Finding.warning("scaffold", Display.path(cause.file()), 0, "cause '" + cause.id()
                    + "' still has the sentences 'rules new' wrote; replace why, fixes and verify with the real lesson"));
        }
    }

    /** A YAML scalar: JSON's double-quoted string is valid YAML and escapes everything that matters. */
    static String yamlString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String yamlValue(Object v) {
        if (v instanceof String s) return yamlString(s);
        if (v instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(o -> yamlString(String.valueOf(o))).toList()) + "]";
        }
        return String.valueOf(v);
    }
}
