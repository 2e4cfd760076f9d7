package dev.dokploydoctor.authoring;

import dev.dokploydoctor.knowledge.EditJournal;
import dev.dokploydoctor.knowledge.KnowledgeError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits of a knowledge folder that are all-or-nothing: staged first ({@link #write}, {@link #append}),
 * then {@link #apply}d under an {@link EditJournal}, then either {@link #commit}ted or
 * {@link #rollback}ed. A kill at any point leaves the old files or the new ones: the journal of a
 * process that is gone is undone the next time the folder loads.
 */
final class FileEdits {
    /** For tests: {@code -Ddokploy.learn.haltAt=journal|written} ends the JVM there, as a kill -9 would. */
    static final String HALT_AT = "dokploy.learn.haltAt";

    private final Path folder;
    private final Map<Path, String> contents = new LinkedHashMap<>();
    private boolean applied;

    FileEdits(Path folder) { this.folder = folder; }

    void write(Path file, String content) { contents.put(file, content); }

    /** Append {@code text} to a file, starting it with {@code header} when it does not exist yet. */
    void append(Path file, String header, String text) {
        String current = contents.containsKey(file) ? contents.get(file) : read(file);
        String base = current != null ? current : header;
        String separator = base.isEmpty() || base.endsWith("\n\n") ? "" : base.endsWith("\n") ? "\n" : "\n\n";
        write(file, base + separator + text);
    }

    List<Path> touched() { return List.copyOf(contents.keySet()); }

    /** Journal the old state, then write every file whole (temporary name, rename into place). */
    void apply() {
        Map<Path, String> originals = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        for (Path file : contents.keySet()) {
            originals.put(file, read(file));
            for (Path d = file.getParent(); d != null && !Files.isDirectory(d) && !dirs.contains(d); d = d.getParent()) dirs.add(0, d);
        }
        EditJournal.begin(folder, new EditJournal.Before(originals, dirs));
        applied = true;
        haltIf("journal");
        for (Map.Entry<Path, String> e : contents.entrySet()) {
            try {
                Files.createDirectories(e.getKey().getParent());
                EditJournal.writeAtomically(e.getKey(), e.getValue());
            } catch (IOException ex) {
                rollback();
                throw new KnowledgeError(e.getKey().toString(), 0, null, "cannot write: " + ex.getMessage());
            }
        }
        haltIf("written");
    }

    /** Keep the new files. */
    void commit() {
        if (applied) EditJournal.commit(folder);
        applied = false;
    }

    /** Put every file back as it was and remove the folders this created. */
    void rollback() {
        if (applied) EditJournal.undo(folder);
        applied = false;
    }

    private static void haltIf(String point) {
        if (point.equals(System.getProperty(HALT_AT))) Runtime.getRuntime().halt(137);
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new KnowledgeError(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }
}
