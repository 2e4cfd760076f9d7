package dev.dokploydoctor.knowledge;

import java.util.Map;

/**
 * One real public report of the field corpus (knowledge/field/*.jsonl): where it was found, what the
 * reporter saw ({@code text}, {@code facts}), what it turned out to be ({@code cause}: a cause id, or
 * {@code other:<family>} for causes outside our list), what fixed it, how sure the thread is
 * ({@code label}), and {@code truth}: what a user at that host would answer if asked (a superset of
 * facts). Facts are typed by the vocabulary.
 */
public record FieldRecord(String source, String text, Map<String, Object> facts, String cause, String fix,
                          String label, Map<String, Object> truth, String file, int line) {
    public static final String OTHER = "other:";

    /** A cause outside our list: any diagnosis of it is a wrong one. */
    public boolean isOther() { return cause.startsWith(OTHER); }

    /** The family of an {@code other:} cause, else null. */
    public String family() { return isOther() ? cause.substring(OTHER.length()) : null; }

    public CorpusSplit split() { return CorpusSplit.of(source); }

    public String where() { return file + ":" + line; }
}
