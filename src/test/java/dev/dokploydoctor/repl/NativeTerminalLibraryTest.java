package dev.dokploydoctor.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** JLine's native library is written once into the cache and reused, not copied to the temporary folder per start. */
class NativeTerminalLibraryTest {
    @Test void theLibraryIsWrittenOnceAndReused(@TempDir Path cache) throws Exception {
        Path folder = NativeTerminalLibrary.prepare(cache);
        assertNotNull(folder, "the jar carries JLine's library for this system (Linux x86_64 / arm64)");
        Path library = folder.resolve(System.mapLibraryName("jlinenative"));
        assertTrue(Files.size(library) > 1000, "the library was written whole: " + library);
        long written = Files.getLastModifiedTime(library).toMillis();
        Files.setLastModifiedTime(library, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));

        assertEquals(folder, NativeTerminalLibrary.prepare(cache));
        assertEquals(written - 60_000, Files.getLastModifiedTime(library).toMillis(), "a second start reuses the file");
        try (var listing = Files.list(folder)) {
            assertEquals(1, listing.count(), "no partial file is left beside it");
        }
    }

    @Test void aTruncatedCopyIsReplaced(@TempDir Path cache) throws Exception {
        Path folder = NativeTerminalLibrary.prepare(cache);
        Path library = folder.resolve(System.mapLibraryName("jlinenative"));
        long size = Files.size(library);
        Files.write(library, new byte[10]);
        assertEquals(folder, NativeTerminalLibrary.prepare(cache));
        assertEquals(size, Files.size(library));
    }

    @Test void aCopyOfTheRightSizeButOtherBytesIsReplaced(@TempDir Path cache) throws Exception {
        Path folder = NativeTerminalLibrary.prepare(cache);
        Path library = folder.resolve(System.mapLibraryName("jlinenative"));
        byte[] good = Files.readAllBytes(library);
        byte[] planted = good.clone();
        planted[planted.length / 2] ^= 0x5a;
        Files.write(library, planted);
        assertEquals(folder, NativeTerminalLibrary.prepare(cache));
        assertArrayEquals(good, Files.readAllBytes(library));
    }

    @Test void aRelativeXdgCacheHomeIsIgnored() {
        assertEquals(Path.of("/home/u", ".cache"), NativeTerminalLibrary.cacheBase("relcache", "/home/u"));
        assertEquals(Path.of("/srv/cache"), NativeTerminalLibrary.cacheBase("/srv/cache", "/home/u"));
        assertEquals(Path.of("/home/u", ".cache"), NativeTerminalLibrary.cacheBase(" ", "/home/u"));
    }

    @Test void anUnwritableCacheLeavesJLineToDoAsUsual(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        assertNull(NativeTerminalLibrary.prepare(notAFolder));
    }
}
