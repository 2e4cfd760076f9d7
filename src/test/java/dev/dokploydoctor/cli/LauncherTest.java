package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 9 item 21: the launcher's first-run build writes no terminal escape codes to stderr. The
 * real launcher runs with the real Maven, next to an empty project (packaging pom), so the build
 * step is real but quick; the missing jar afterwards is expected.
 */
class LauncherTest {
    @Test void firstRunBuildPrintsNoEscapeCodes(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(new ProcessBuilder("mvn", "-v").start().waitFor() == 0, "no Maven on PATH");
        Path launcher = dir.resolve("dokploy-doctor");
        Files.copy(Launch.buildDir().getParent().resolve("dokploy-doctor"), launcher);
        launcher.toFile().setExecutable(true);
        Files.createDirectories(dir.resolve("src/main"));
        Files.writeString(dir.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>t</groupId>"
                + "<artifactId>t</artifactId><version>1</version><packaging>pom</packaging></project>");
        Process p = new ProcessBuilder(launcher.toString(), "--version").directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertTrue(err.contains("building (first run only)"), err);
        assertFalse(err.contains("\u001b"), "escape codes on stderr: " + err.replace("\u001b", "^["));
    }
}
