package dev.dokploydoctor.knowledge;

/** A user-facing error in a knowledge, rule or input file: where it is, and what is wrong. */
public class KnowledgeError extends RuntimeException {
    private final String file;
    private final int line;
    private final String field;

    public KnowledgeError(String file, int line, String field, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public String file() { return file; }
    public int line() { return line; }
    public String field() { return field; }

    /** {@code file:line: field: message}, leaving out what is unknown. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file);
        if (line > 0) sb.append(sb.length() > 0 ? ":" : "line ").append(line);
        if (sb.length() > 0) sb.append(": ");
        if (field != null && !field.isEmpty()) sb.append(field).append(": ");
        return sb.append(getMessage()).toString();
    }

    @Override public String toString() { return describe(); }
}
