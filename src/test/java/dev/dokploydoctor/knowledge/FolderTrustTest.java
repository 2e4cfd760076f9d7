package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules are code: a folder anyone else can write is refused. The knowledge inside the jar (loaded
 * beside a user's --rules folder when run from an installed jar) is part of the program and must
 * not crash the check (a zip file system has no POSIX attributes).
 */
class FolderTrustTest {
    @Test void aGroupWritableFolderIsRefusedWithTheFix(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("mine.drl"), "package dokploy.rules;\n");
        Files.setPosixFilePermissions(rules.resolve("mine.drl"), PosixFilePermissions.fromString("rw-rw-r--"));
        String problem = FolderTrust.problem(rules);
        assertNotNull(problem);
        assertTrue(problem.contains("chmod go-w"), problem);
    }

    @Test void aFolderInsideAJarIsThePrograms(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("bundled/knowledge/facts.yaml"));
            zip.write("facts: {}\n".getBytes());
            zip.closeEntry();
        }
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            assertNull(FolderTrust.problem(fs.getPath("/bundled/knowledge")));
        }
    }
}
