package dev.dokploydoctor.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Knowledge#load} reads of a layer's knowledge folder (the vocabulary, causes, rules and catalog): the
 * folder on disk, or the jar's copy through the class loader ({@link BundledFiles}), so that neither explain nor
 * batch opens a zip file system of the whole jar (it kept the jar's central directory and 26k index nodes, ~6 MiB
 * of live heap, for the life of the process).
 */
final class KnowledgeFolder {
    private final Knowledge.Layer layer;
    private final Path dir;            // null when read from the jar or when the layer has no knowledge folder
    private final BundledFiles inJar;  // non-null: read through the class loader

    private KnowledgeFolder(Knowledge.Layer layer, Path dir, BundledFiles inJar) {
        this.layer = layer;
        this.dir = dir;
        this.inJar = inJar;
    }

    static KnowledgeFolder of(Knowledge.Layer layer) {
        if (layer.bundledFiles() != null) return new KnowledgeFolder(layer, null, layer.bundledFiles());
        return new KnowledgeFolder(layer, layer.knowledge(), null);
    }

    Knowledge.Layer layer() { return layer; }

    boolean exists() { return inJar != null || dir != null; }

    boolean isFile(String relative) {
        return inJar != null ? inJar.isFile(relative) : dir != null && Files.isRegularFile(dir.resolve(relative));
    }

    Node read(String relative) {
        return inJar != null ? inJar.read(relative) : Documents.read(dir.resolve(relative));
    }

    /** A file's text (rules). */
    String text(String relative) {
        return inJar != null ? inJar.text(relative) : Knowledge.readString(dir.resolve(relative));
    }

    /** The file on disk, or null when it is read from the jar. */
    Path path(String relative) {
        return dir != null ? dir.resolve(relative) : null;
    }

    /** The name messages give the file. */
    String name(String relative) {
        return inJar != null ? BundledFiles.name(relative) : dir.resolve(relative).toString();
    }

    List<String> files(String relativeDir, String suffix) {
        if (inJar != null) return inJar.files(relativeDir, suffix);
        if (dir == null) return List.of();
        return Knowledge.list(dir.resolve(relativeDir), suffix).stream().map(p -> p.getFileName().toString()).toList();
    }

    List<String> dirs(String relativeDir) {
        if (inJar != null) return inJar.dirs(relativeDir);
        if (dir == null) return List.of();
        return Knowledge.listDirs(dir.resolve(relativeDir)).stream().map(p -> p.getFileName().toString()).toList();
    }
}
