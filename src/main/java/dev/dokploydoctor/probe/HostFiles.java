package dev.dokploydoctor.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the Docker host's /proc (only meaningful when the engine is local). */
final class HostFiles {
    private final Path proc;
    private final Path net;

    HostFiles(ProbeEnvironment env) {
        this.proc = env.hostProc();
        this.net = env.hostNet() == null ? env.hostProc().resolve("net") : env.hostNet();
    }

    Path path(String relative) { return proc.resolve(relative); }

    /** A file of the Docker host's network namespace (tcp, tcp6): /proc/net, or the host dockerd's from a container. */
    Path netPath(String name) { return net.resolve(name); }

    String readNet(String name) { return read(netPath(name)); }

    /** The file's text, or "" when it cannot be read (a missing tcp6 is normal). */
    String read(String relative) { return read(path(relative)); }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
