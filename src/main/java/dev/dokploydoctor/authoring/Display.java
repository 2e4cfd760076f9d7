package dev.dokploydoctor.authoring;

import java.nio.file.Path;

/** Paths as the user should read them: relative to the working directory when inside it. */
final class Display {
    private Display() {}

    static String path(String file) {
        if (file == null) return null;
        try {
            Path p = Path.of(file);
            if (!p.isAbsolute()) return file;
            Path cwd = Path.of("").toAbsolutePath();
            if (!p.startsWith(cwd)) return file;
            String relative = cwd.relativize(p).toString();
            return relative.isEmpty() ? "." : relative;
        } catch (RuntimeException e) {
            return file; // a jar path or an odd name: show it as it is
        }
    }

    static String path(Path file) { return file == null ? null : path(file.toString()); }
}
