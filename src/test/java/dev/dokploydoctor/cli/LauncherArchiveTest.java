package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The checkout launcher's class-data archive: one left by another Java is replaced without a word
 * on stderr, the new one is usable by this JVM (-Xshare:on refuses to start otherwise), and the
 * next launch reuses it; batch makes and maps an archive of its own. Needs the packaged jar, so it runs with the end-to-end tests (verify).
 */
@Tag("e2e")
class LauncherArchiveTest {
    record Run(int code, String out, String err) {}

    @Test void anArchiveOfAnotherJavaIsRemadeSilentlyAndThenReused(@TempDir Path dir) throws Exception {
        Path copy = checkoutWithBuiltJar(dir);
        Path target = copy.getParent();
        Path jsa = target.resolve("dokploy-doctor.jsa");
        Files.writeString(jsa, "an archive of another Java");
        jsa.toFile().setLastModified(System.currentTimeMillis() - 600_000); // newer than the jar: only the Java tells
        Files.writeString(target.resolve("dokploy-doctor.jsa.java"), "/opt/another-jdk/bin/java\n");

        Run first = run(dir, dir.resolve("dokploy-doctor").toString(), "--version");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("dokploy-doctor "), first.out());
        assertEquals("", first.err(), "nothing on stderr while the archive is remade");
        String madeBy = Files.readString(target.resolve("dokploy-doctor.jsa.java"), StandardCharsets.UTF_8).strip();
        assertNotEquals("/opt/another-jdk/bin/java", madeBy);
        assertTrue(Files.size(jsa) > 1_000_000, "a real archive: " + Files.size(jsa) + " bytes");

        Run mapped = run(dir, "java", "-Xshare:on", "-XX:SharedArchiveFile=" + jsa, "-jar", copy.toString(), "--version");
        assertEquals(0, mapped.code(), "this JVM maps the archive: " + mapped.err());
        // a Java that knows the flag maps the archive where it was dumped, unrelocated (less RSS and CPU)
        // (every Java from 17 on has -XX:ArchiveRelocationMode; the launcher records it after a trial)
        Path flags = target.resolve("dokploy-doctor.jsa.flags");
        assertTrue(Files.exists(flags), "the launcher records the flags that map the archive unrelocated");
        List<String> unrelocated = new java.util.ArrayList<>(List.of("java"));
        unrelocated.addAll(List.of(Files.readString(flags, StandardCharsets.UTF_8).strip().split(" ")));
        unrelocated.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + jsa, "-jar", copy.toString(), "--version"));
        Run direct = run(dir, unrelocated.toArray(String[]::new));
        assertEquals(0, direct.code(), "maps the archive with " + unrelocated + ": " + direct.err());

        FileTime made = Files.getLastModifiedTime(jsa);
        Run again = run(dir, dir.resolve("dokploy-doctor").toString(), "explain", "app-listens-on-localhost");
        assertEquals(0, again.code(), again.err());
        assertEquals("", again.err());
        assertEquals(made, Files.getLastModifiedTime(jsa), "the archive is reused, not remade");
    }

    @Test void batchMakesAndMapsAnArchiveOfItsOwn(@TempDir Path dir) throws Exception {
        Path copy = checkoutWithBuiltJar(dir);
        Path target = copy.getParent();
        Path cases = Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"a\",\"facts\":{\"http.status\":502}}\n");

        Run first = run(dir, dir.resolve("dokploy-doctor").toString(), "batch", cases.toString(), "--format", "jsonl");
        assertTrue(first.out().startsWith("{\"id\":\"a\",\"status\":\"inconclusive\""), first.out() + first.err());
        assertEquals("", first.err(), "nothing on stderr while the archive is made");
        Path batchJsa = target.resolve("dokploy-doctor-batch.jsa");
        assertTrue(Files.size(batchJsa) > 1_000_000, "a real archive: " + Files.size(batchJsa) + " bytes");
        assertFalse(Files.exists(target.resolve("dokploy-doctor.jsa")), "batch does not make the whole archive");

        Run mapped = run(dir, "java", "-Xshare:on", "-XX:SharedArchiveFile=" + batchJsa, "-jar", copy.toString(),
                "batch", cases.toString(), "--format", "jsonl");
        assertEquals(first.code(), mapped.code(), "this JVM maps batch's archive: " + mapped.err());
        assertEquals(first.out(), mapped.out());

        FileTime made = Files.getLastModifiedTime(batchJsa);
        Run again = run(dir, dir.resolve("dokploy-doctor").toString(), "batch", cases.toString(), "--format", "jsonl");
        assertEquals(first.out(), again.out(), again.err());
        assertEquals("", again.err());
        assertEquals(made, Files.getLastModifiedTime(batchJsa), "batch's archive is reused, not remade");
    }

    /**
     * A checkout in {@code dir} as the launcher sees it (launcher, class-list script, pom, sources) with
     * the packaged jar already built and newer than the sources, so it does not build; the jar's copy.
     */
    private static Path checkoutWithBuiltJar(Path dir) throws IOException {
        Path project = Launch.buildDir().getParent();
        Path jar = Launch.buildDir().resolve("dokploy-doctor.jar");
        assertTrue(Files.isRegularFile(jar), "run after mvn package: " + jar);
        Files.copy(project.resolve("dokploy-doctor"), dir.resolve("dokploy-doctor"));
        dir.resolve("dokploy-doctor").toFile().setExecutable(true);
        Files.createDirectories(dir.resolve("dist"));
        Files.copy(project.resolve("dist/classlist.sh"), dir.resolve("dist/classlist.sh"));
        Files.createDirectories(dir.resolve("src/main"));
        Files.copy(project.resolve("pom.xml"), dir.resolve("pom.xml"));
        Path target = Files.createDirectories(dir.resolve("target"));
        long now = System.currentTimeMillis();
        dir.resolve("pom.xml").toFile().setLastModified(now - 3_600_000);
        dir.resolve("src/main").toFile().setLastModified(now - 3_600_000);
        Path copy = Files.copy(jar, target.resolve("dokploy-doctor.jar"));
        copy.toFile().setLastModified(now - 1_800_000); // newer than the sources: no build
        return copy;
    }

    private static Run run(Path dir, String... command) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "did not finish: " + List.of(command));
        return new Run(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    }
}
