package dev.dokploydoctor.repl;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The REPL's history: $XDG_STATE_HOME/dokploy-doctor/history (or ~/.local/state/...). Answers can
 * hold host names and log lines, so the file is the user's alone (mode 600, folder 700).
 */
public final class HistoryFile {
    private HistoryFile() {}

    public static Path location() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("dokploy-doctor").resolve("history");
    }

    /** Create the file (and folder) private to the user; null when that is not possible (no history then). */
    public static Path prepare() {
        Path file = location();
        try {
            Path dir = file.getParent();
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (posix) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                else Files.createDirectories(dir);
            }
            if (!Files.exists(file)) {
                if (posix) Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                else Files.createFile(file);
            }
            secure(file);
            return file;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** Mode 600 again: the history writer may replace the file. */
    public static void secure(Path file) {
        if (file == null) return;
        try {
            if (Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // best effort; the file was created private
        }
    }
}
