package dev.dokploydoctor.knowledge;

/** A user-facing error in a knowledge, rule or input file: where it is, and what is wrong. */
public class KnowledgeError extends RuntimeException {
    private final String file;
    private final int line;
    private final String field;
    private final int column;

    public KnowledgeError(String file, int line, String field, String message) {
        this(file, line, 0, field, message);
    }

    public KnowledgeError(String file, int line, int column, String field, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    public int column() { return column; }

    public String file() { return file; }
    public int line() { return line; }
    public String field() { return field; }

    /** {@code file:line:column: field: message}, leaving out what is unknown. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file);
        if (line > 0) sb.append(sb.length() > 0 ? ":" : "line ").append(line);
        if (line > 0 && column > 0) sb.append(':').append(column);
        if (sb.length() > 0) sb.append(": ");
        if (field != null && !field.isEmpty()) sb.append(field).append(": ");
        return sb.append(getMessage()).toString();
    }

    @Override public String toString() { return describe(); }
}
