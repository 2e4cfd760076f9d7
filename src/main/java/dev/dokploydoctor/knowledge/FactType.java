package dev.dokploydoctor.knowledge;

/** The value types of the fact vocabulary. */
public enum FactType {
    INT, STRING, BOOL, ENUM, LIST;

    public static FactType parse(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase()) {
            case "int", "integer", "number" -> INT;
            case "string", "text" -> STRING;
            case "bool", "boolean" -> BOOL;
            case "enum", "choice" -> ENUM;
            case "list" -> LIST;
            default -> null;
        };
    }

    public String label() { return name().toLowerCase(); }
}
