package dev.dokploydoctor.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * The knowledge bundled in the jar, read through the class loader, its files listed by the build
 * ({@link ParsedDocuments} writes the list). Reading the knowledge then needs no zip file system of
 * the whole jar: opening one indexes the jar's 26k entries again, ~0.06 s of CPU, a third of
 * {@code explain} outside a checkout. Paths are relative to the knowledge folder, '/'-separated.
 */
final class BundledFiles {
    static final String ROOT = "/bundled/knowledge/";
    static final String INDEX_NAME = "knowledge.files";

    private final List<String> files; // sorted

    private BundledFiles(List<String> files) {
        this.files = files;
    }

    /** The list the build wrote, or null when there is none (a build without it: the zip file system is used). */
    static BundledFiles fromClassPath() {
        try (InputStream in = BundledFiles.class.getResourceAsStream(ParsedDocuments.ROOT + INDEX_NAME)) {
            if (in == null) return null;
            List<String> files = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) files.add(line);
            }
            Collections.sort(files);
            return new BundledFiles(List.copyOf(files));
        } catch (IOException e) {
            return null;
        }
    }

    /** The name messages give the file: what the jar's zip file system calls it. */
    static String name(String relative) { return ROOT + relative; }

    boolean isFile(String relative) { return Collections.binarySearch(files, relative) >= 0; }

    Node read(String relative) {
        return Documents.read(bytes(relative), relative, name(relative));
    }

    /** A file's text (rules), UTF-8. */
    String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    /** A file's lines (the field corpus), UTF-8. */
    java.io.BufferedReader reader(String relative) {
        return new java.io.BufferedReader(new java.io.InputStreamReader(open(relative), StandardCharsets.UTF_8));
    }

    private byte[] bytes(String relative) {
        try (InputStream in = open(relative)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new KnowledgeError(name(relative), 0, null, "cannot read: " + e.getMessage());
        }
    }

    private static InputStream open(String relative) {
        InputStream in = BundledFiles.class.getResourceAsStream(ROOT + relative);
        if (in == null) throw new KnowledgeError(name(relative), 0, null, "cannot read: missing from the jar");
        return in;
    }

    /** The names of the files directly in {@code dir} that end in {@code suffix}, sorted. */
    List<String> files(String dir, String suffix) {
        List<String> out = new ArrayList<>();
        for (String child : children(dir)) {
            if (child.endsWith(suffix) && isFile(dir + "/" + child)) out.add(child);
        }
        return out;
    }

    /** The names of the folders directly in {@code dir} (those that hold a file), sorted. */
    List<String> dirs(String dir) {
        List<String> out = new ArrayList<>();
        for (String child : children(dir)) {
            if (!isFile(dir + "/" + child)) out.add(child);
        }
        return out;
    }

    private TreeSet<String> children(String dir) {
        String prefix = dir + "/";
        TreeSet<String> out = new TreeSet<>();
        int from = -Collections.binarySearch(files, prefix) - 1; // prefix itself is never a file
        for (int i = Math.max(from, 0); i < files.size() && files.get(i).startsWith(prefix); i++) {
            String rest = files.get(i).substring(prefix.length());
            int slash = rest.indexOf('/');
            out.add(slash < 0 ? rest : rest.substring(0, slash));
        }
        return out;
    }
}
