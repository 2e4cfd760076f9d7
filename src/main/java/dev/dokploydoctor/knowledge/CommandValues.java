package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which fact values may be filled into a fix the user pastes into a shell. A value comes from a
 * symptom file, an answer or a container label, so it may be hostile ({@code shop; rm -rf ~ #}).
 * Each value is checked against the grammar of its kind (by the key's last part: a Docker name, a
 * hostname, a port, a URL, a version, else a plain word); a value that fails stays a
 * {@code <fact.key>} placeholder and the fix says why.
 *
 * <p>Every grammar here is a subset of the characters a POSIX shell takes literally
 * ({@link #SHELL_LITERAL}), so an accepted value is already its own shell quoting: it can be
 * inlined bare, inside '...' or inside "..." (as the fixes do) and means the same in each.
 * Quoting instead of refusing would break the fixes that put a placeholder inside quotes.
 */
public final class CommandValues {
    /** Characters no shell expands, splits on or treats as syntax, in any position. */
    public static final Pattern SHELL_LITERAL = Pattern.compile("[A-Za-z0-9_.,:/@+%=-]+");

    private CommandValues() {}

    /** A kind of value, its grammar and how the warning names it. */
    enum Kind {
        // container, network and compose project names: Docker's [a-zA-Z0-9][a-zA-Z0-9_.-]*
        DOCKER_NAME("a Docker name (letters, digits, '_', '.', '-')", "[A-Za-z0-9][A-Za-z0-9_.-]{0,254}"),
        HOSTNAME("a hostname", "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"),
        PORT("a port number (1-65535)", "[1-9][0-9]{0,4}"),
        URL("a URL such as http://app:3000", "[a-z][a-z0-9+.-]{0,15}://[A-Za-z0-9._-]{1,253}(?::[0-9]{1,5})?(?:/[A-Za-z0-9._/%-]{0,200})?|http_status:[0-9]{3}"),
        VERSION("a version such as 1.45 or v3.1.2", "v?[0-9][A-Za-z0-9.+-]{0,40}"),
        WORD("a single word without shell characters (and not an option)", "[A-Za-z0-9_.,:/@+%=][A-Za-z0-9_.,:/@+%=-]{0,199}");

        final String description;
        final Pattern grammar;

        Kind(String description, String regex) {
            this.description = description;
            this.grammar = Pattern.compile(regex);
        }
    }

    /** The kind of a fact key, from its last part: service.project and dependency.name are Docker names. */
    static Kind kindOf(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        if (last.equals("name") || last.equals("project") || last.equals("network") || last.endsWith("_network") || last.equals("container")) return Kind.DOCKER_NAME;
        if (last.equals("host")) return Kind.HOSTNAME;
        if (last.equals("port") || last.endsWith("_port")) return Kind.PORT;
        if (last.equals("service") || last.equals("url")) return Kind.URL;
        if (last.equals("version") || last.endsWith("_version")) return Kind.VERSION;
        return Kind.WORD;
    }

    /** Null when {@code value} may be filled in for {@code key}; otherwise why not, in the user's words. */
    public static String problem(String key, String value) {
        Kind kind = kindOf(key);
        if (kind.grammar.matcher(value).matches()
                && (kind != Kind.PORT || Integer.parseInt(value) <= 65535)) {
            return null;
        }
        return "{" + key + "} was not filled in: " + shown(value) + " is not " + kind.description;
    }

    /** The value to fill in, or null when it must stay a placeholder. */
    public static String accepted(String key, String value) {
        if (value == null || value.isBlank()) return null;
        return problem(key, value) == null ? value : null;
    }

    /** One warning per placeholder of {@code keys} whose known value was refused, in key order. */
    public static List<String> warnings(Collection<String> keys, Map<String, String> values) {
        List<String> out = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(keys)) {
            String v = values.get(key);
            if (v == null || v.isBlank()) continue;
            String p = problem(key, v);
            if (p != null) out.add(p + "; check it and type it in yourself");
        }
        return out;
    }

    /** The refused value as a one-line Java-style literal: control characters and quotes made visible. */
    private static String shown(String value) {
        StringBuilder sb = new StringBuilder("\"");
        int max = Math.min(value.length(), 60);
        for (int i = 0; i < max; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        if (value.length() > max) sb.append("...");
        return sb.append('"').toString();
    }
}
