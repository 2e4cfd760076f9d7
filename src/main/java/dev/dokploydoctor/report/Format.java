package dev.dokploydoctor.report;

import java.util.Locale;

/** Output formats. Not every command offers all of them. */
public enum Format {
    TEXT, JSON, JSONL, MARKDOWN, SARIF;

    public static Format parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "text", "txt" -> TEXT;
            case "json" -> JSON;
            case "jsonl", "ndjson" -> JSONL;
            case "markdown", "md" -> MARKDOWN;
            case "sarif" -> SARIF;
            default -> throw new IllegalArgumentException("unknown format '" + s + "' (text, json, jsonl, markdown, sarif)");
        };
    }
}
