package dev.dokploydoctor.knowledge;

import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {fact.key}} placeholders in the text of a fix. A known value that is safe to paste
 * ({@link CommandValues}) is written as it is; any other placeholder becomes the shell variable
 * the fix's "set these first" block declares ({@code {service.name}} is {@code $SERVICE_NAME}), so
 * an unfilled fix still runs once the variables are set, and every output shows one style.
 *
 * <p>In a command the variable is quoted for where it stands: {@code $X} bare or inside "...",
 * {@code '"$X"'} inside '...' (where the shell expands nothing). Prose and file snippets get
 * {@code $X} as well: nobody runs them, the reader replaces it.
 */
public final class ShellText {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+)}");

    private ShellText() {}

    /** The variable that stands for a fact key: service.name is SERVICE_NAME. */
    public static String variable(String key) {
        return key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Fill a shell command; {@code unfilled} hears each key that became a variable. */
    public static String command(String text, Map<String, String> values, Consumer<String> unfilled) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder();
        char quote = 0;   // 0 outside quotes, ' or " inside
        boolean comment = false;   // after a # that starts a word outside quotes, to the end of the line
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') comment = false;
            else if (c == '#' && quote == 0 && !comment && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) comment = true;
            if (c == '{') {
                Matcher m = PLACEHOLDER.matcher(text).region(i, text.length());
                if (m.lookingAt()) {
                    // $X unless a name character follows (then ${X}): one style for the reader
                    boolean glued = m.end() < text.length() && (Character.isLetterOrDigit(text.charAt(m.end())) || text.charAt(m.end()) == '_');
                    fill(m.group(1), values, unfilled, quote, glued, out);
                    i = m.end();
                    continue;
                }
            }
            if (quote == 0 && c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (quote == '"' && c == '\\' && i + 1 < text.length()) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            // a comment's apostrophe ("the server's IP") opens no quote: the shell never reads it
            if (comment) { out.append(c); i++; continue; }
            if (c == '\'' && quote != '"') quote = quote == '\'' ? 0 : '\'';
            else if (c == '"' && quote != '\'') quote = quote == '"' ? 0 : '"';
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * One placeholder of a command or a verify line: its value, else its variable ({@code $X}, {@code ${X}} when
     * braced), taken out of a single-quoted span ({@code '"$X"'}) so the shell expands it.
     */
    private static void fill(String key, Map<String, String> values, Consumer<String> unfilled, char quote, boolean braced,
                             StringBuilder out) {
        String v = CommandValues.accepted(key, values.get(key));
        if (v != null) {
            out.append(v);
            return;
        }
        unfilled.accept(key);
        String var = braced ? "${" + variable(key) + "}" : "$" + variable(key);
        out.append(quote == '\'' ? "'\"" + var + "\"'" : var);
    }

    /** Fill prose or a file snippet: unfilled placeholders become {@code $VARIABLE}. */
    public static String prose(String text, Map<String, String> values, Consumer<String> unfilled) {
        if (text == null) return null;
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String v = CommandValues.accepted(key, values.get(key));
            if (v == null) unfilled.accept(key);
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : "$" + variable(key)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Fill a verify line: prose with commands in it ({@code docker exec "$CONTAINER" sh -c 'netstat -tln' | grep
     * ':{app.listen_port} '}). A placeholder inside a span the shell reads as single-quoted gets {@code '"$X"'}, as
     * in {@link #command}, so the pasted command expands it (user25: grep ':$APP_LISTEN_PORT ' looked for the
     * variable's name). An apostrophe between two letters or digits ("the app's page", "Let's Encrypt") quotes
     * nothing; nor does one inside double quotes. Not for file snippets: compose interpolates $X inside its quotes.
     */
    public static String verify(String text, Map<String, String> values, Consumer<String> unfilled) {
        if (text == null) return null;
        StringBuilder out = new StringBuilder();
        char quote = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                Matcher m = PLACEHOLDER.matcher(text).region(i, text.length());
                if (m.lookingAt()) {
                    fill(m.group(1), values, unfilled, quote, false, out);
                    i = m.end();
                    continue;
                }
            }
            if (c == '\'' && quote != '"' && !apostrophe(text, i)) quote = quote == '\'' ? 0 : '\'';
            else if (c == '"' && quote != '\'') quote = quote == '"' ? 0 : '"';
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** A ' between two letters or digits is an apostrophe of the prose ("app's"), not a shell quote. */
    private static boolean apostrophe(String text, int i) {
        return i > 0 && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
    }
}
