package dev.dokploydoctor.authoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One result of {@code rules check}: how bad it is, which check found it, where (file and line,
 * either may be unknown) and what is wrong, in one sentence that says what to do.
 */
public record Finding(Severity severity, String check, String file, int line, String message) {

    public enum Severity {
        ERROR, WARNING;
        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public static Finding error(String check, String file, int line, String message) {
        return new Finding(Severity.ERROR, check, file, line, message);
    }

    public static Finding warning(String check, String file, int line, String message) {
        return new Finding(Severity.WARNING, check, file, line, message);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    /** {@code file:line: error: message [check]}, like a compiler. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) sb.append(':').append(line);
            sb.append(": ");
        }
        return sb.append(severity.label()).append(": ").append(message).append(" [").append(check).append(']').toString();
    }

    public Map<String, Object> toPlain() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", severity.label());
        m.put("check", check);
        m.put("file", file);
        m.put("line", line > 0 ? line : null);
        m.put("message", message);
        return m;
    }
}
