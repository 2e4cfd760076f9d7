package dev.dokploydoctor.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the Docker host's /proc (only meaningful when the engine is local). */
final class HostFiles {
    private final Path proc;

    HostFiles(ProbeEnvironment env) { this.proc = env.hostProc(); }

    Path path(String relative) { return proc.resolve(relative); }

    /** The file's text, or "" when it cannot be read (a missing tcp6 is normal). */
    String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
