package dev.dokploydoctor.authoring;

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
 * Writes that can be undone: each file's first content is remembered (or that it did not exist),
 * so a learned rule that breaks the regression cases leaves the rule base as it found it.
 */
final class FileEdits {
    private final Map<Path, String> originals = new LinkedHashMap<>(); // null: the file was new
    private final List<Path> createdDirs = new ArrayList<>();

    void write(Path file, String content) {
        remember(file);
        try {
            createDirs(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KnowledgeError(file.toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    /** Append {@code text} to a file, starting it with {@code header} when it does not exist yet. */
    void append(Path file, String header, String text) {
        String current = read(file);
        String base = current != null ? current : header;
        String separator = base.isEmpty() || base.endsWith("\n\n") ? "" : base.endsWith("\n") ? "\n" : "\n\n";
        write(file, base + separator + text);
    }

    List<Path> touched() { return List.copyOf(originals.keySet()); }

    boolean isNew(Path file) { return originals.containsKey(file) && originals.get(file) == null; }

    /** Put every file back as it was and remove the folders this created. */
    void rollback() {
        for (Map.Entry<Path, String> e : originals.entrySet()) {
            try {
                if (e.getValue() == null) Files.deleteIfExists(e.getKey());
                else Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new KnowledgeError(e.getKey().toString(), 0, null, "cannot restore: " + ex.getMessage());
            }
        }
        for (int i = createdDirs.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(createdDirs.get(i));
            } catch (IOException ignored) {
                // not empty: something else was put there meanwhile; leave it
            }
        }
        originals.clear();
        createdDirs.clear();
    }

    private void remember(Path file) {
        if (!originals.containsKey(file)) originals.put(file, read(file));
    }

    private void createDirs(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) return;
        createDirs(dir.getParent());
        Files.createDirectory(dir);
        createdDirs.add(dir);
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new KnowledgeError(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }
}
