package dev.dokploydoctor.knowledge;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question as shown: its {@code {fact.key}} placeholders filled with what is known ("grep ':{host.port}->'"
 * shows ":9432->" once the daemon's refusal named port 9432), or the key's last part in capitals ("PORT")
 * while it is not. A Go template's {@code {{.Names}}} is no placeholder. The REPL's prompt and every report
 * (text, Markdown, JSON) show it so.
 */
public final class QuestionText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+)\\}");

    private QuestionText() {}

    public static String filled(String question, Function<String, Object> known) {
        Matcher m = PLACEHOLDER.matcher(question);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            Object value = known.apply(key);
            String shown = value != null ? String.valueOf(value) : key.substring(key.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
