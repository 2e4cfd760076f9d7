package dev.dokploydoctor.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Knowledge#load} reads of a layer's knowledge folder for the vocabulary and the causes: the folder
 * on disk (or the jar's zip file system), or, when only causes are read, the jar's copy through the
 * class loader ({@link BundledFiles}), so that explaining a cause opens no zip file system of the jar.
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

    static KnowledgeFolder of(Knowledge.Layer layer, boolean rulesAndCatalog) {
        // rules and the catalog are read from the folder (Path) anyway: the jar's copy is opened for them
        if (layer.bundledFiles() != null && !rulesAndCatalog) return new KnowledgeFolder(layer, null, layer.bundledFiles());
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
