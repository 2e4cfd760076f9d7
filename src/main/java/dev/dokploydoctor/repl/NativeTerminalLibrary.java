package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.PrivateFiles;
import org.jline.nativ.OSInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * JLine's native terminal library, kept once in the user's cache ($XDG_CACHE_HOME/dokploy-doctor/
 * jline-native/CRC, or ~/.cache/...) instead of copied into the temporary folder at every start:
 * JLine deletes its copy at a normal exit, but a session that is killed (a closed terminal window,
 * kill -9, a test harness) leaves the copy and its lock file behind for good (a build machine here
 * had 389 of them). The folder is named by the library's checksum, so a new JLine gets its own.
 * Nothing here is needed: when it fails, JLine extracts its copy the usual way.
 */
final class NativeTerminalLibrary {
    /** JLine's property: the folder it loads {@code libjlinenative} from before extracting a copy. */
    static final String PATH_PROPERTY = "library.jline.path";

    private NativeTerminalLibrary() {}

    /** Point JLine at the cached library, writing it there first if needed; the folder, or null when JLine should do as usual. */
    static Path prepare() {
        if (System.getProperty(PATH_PROPERTY) != null) return null;   // the user chose a folder
        Path folder = prepare(cacheBase());
        if (folder != null) System.setProperty(PATH_PROPERTY, folder.toString());
        return folder;
    }

    /** The library for this system under {@code base}, written once; null when the jar has none for it or it cannot be written. */
    static Path prepare(Path base) {
        String name = System.mapLibraryName("jlinenative");
        String resource = "/org/jline/nativ/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = NativeTerminalLibrary.class.getResourceAsStream(resource)) {
            if (in == null) return null;
            byte[] bytes = in.readAllBytes();
            long crc = crcOf(bytes);
            Path folder = base.resolve("dokploy-doctor").resolve("jline-native").resolve(Long.toHexString(crc));
            Path library = folder.resolve(name);
            if (Files.isRegularFile(library) && Files.size(library) == bytes.length && crcOf(Files.readAllBytes(library)) == crc) {
                return folder;   // the same bytes as the jar's: never load a file that only has the right size
            }
            // another session may write it at the same moment: each writes its own file and renames it into place
            PrivateFiles.write(library, bytes);
            return folder;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long crcOf(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** $XDG_CACHE_HOME when it is an absolute path (the XDG spec: a relative one is ignored), else ~/.cache. */
    static Path cacheBase() {
        return cacheBase(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    static Path cacheBase(String xdg, String home) {
        if (xdg != null && !xdg.isBlank()) {
            try {
                Path p = Path.of(xdg);
                if (p.isAbsolute()) return p;
            } catch (java.nio.file.InvalidPathException ignored) {
                // not a path: the default below
            }
        }
        return Path.of(home, ".cache");
    }
}
