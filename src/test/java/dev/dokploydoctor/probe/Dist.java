package dev.dokploydoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged distribution (target/dist/dokploy-doctor, made by `mvn package`) and a container
 * image made from it the way CI can without a registry: dist/rootfs.sh lays out the root file
 * system (the dist at /opt/dokploy-doctor, the C libraries, dash, /etc/passwd, /tmp), then
 * `docker import`. The image is built once per test JVM and removed when it exits.
 *
 * <p>Tests read the built tree ({@link #dir()}) but run the distribution from {@link #installed()}, a
 * copy unpacked from the tarball, never in place: run in place, the launcher remakes the tree's
 * class-data archive for target/dist's path (it remakes an archive made for another path), and the
 * image made from that tree next would start without one made for /opt.
 */
final class Dist {
    static final ObjectMapper JSON = new ObjectMapper();
    private static String image;
    private static Path installed;

    private Dist() {}

    static Path dir() {
        Path d = Path.of(System.getProperty("dist.dir", "target/dist")).resolve("dokploy-doctor");
        if (!Files.isExecutable(d.resolve("bin/dokploy-doctor"))) fail(d + " has no bin/dokploy-doctor: run mvn package first");
        return d.toAbsolutePath();
    }

    /** The tarball `mvn package` makes beside the tree. */
    static Path tarball() { return dir().getParent().resolve("dokploy-doctor-0.1.0-linux-x64.tar.gz"); }

    /**
     * The distribution as a user installs it: the tarball unpacked in a temp folder, once per test
     * JVM (removed when it exits). Its launcher makes its class-data archives for that folder on first use.
     */
    static synchronized Path installed() {
        if (installed != null) return installed;
        try {
            Path root = Files.createTempDirectory("dd-installed");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteAll(root)));
            Run untar = run(List.of("tar", "-xzf", tarball().toString(), "-C", root.toString()), Map.of(), 300);
            if (untar.code() != 0) fail("could not unpack " + tarball() + ": " + untar);
            installed = root.resolve("dokploy-doctor");
            return installed;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The installed launcher's command line: bin/dokploy-doctor and {@code args}. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(installed().resolve("bin/dokploy-doctor").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    record Run(int code, String stdout, String stderr) {
        JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + e.getMessage() + "):\n" + stdout + "\nstderr:\n" + stderr, e);
            }
        }

        @Override public String toString() { return "exit " + code + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr; }
    }

    /** Run a command, stdout and stderr apart, with extra environment variables. */
    static Run run(List<String> cmd, Map<String, String> env, int seconds) {
        try {
            Path out = Files.createTempFile("dd-e2e", ".out");
            Path err = Files.createTempFile("dd-e2e", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail(String.join(" ", cmd) + " did not finish within " + seconds + " s; stderr:\n" + Files.readString(err));
                }
                return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Run docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        return run(cmd, Map.of(), 300);
    }

    /** The image of the dist tree (docker import of rootfs.sh's tree), built once. */
    static synchronized String image() {
        if (image != null) return image;
        String name = "dokploy-doctor-e2e/dist:" + UUID.randomUUID().toString().substring(0, 8);
        Path root = null;
        try {
            root = Files.createTempDirectory("dd-rootfs");
            Run fs = run(List.of("sh", dir().resolve("share/dokploy-doctor/rootfs.sh").toString(), dir().toString(), root.resolve("fs").toString()),
                    Map.of(), 300);
            if (fs.code() != 0) fail("rootfs.sh failed: " + fs);
            assertNoOtherJava(root.resolve("fs"));
            Run imp = run(List.of("bash", "-c", "tar -C \"$0\" -c . | docker import"
                    + " -c 'ENV DOKPLOY_DOCTOR_CONTAINER=1' -c 'ENV HOME=/root' -c 'WORKDIR /root'"
                    + " -c 'LABEL " + TestHost.LABEL + "=dist-image'"
                    + " -c 'ENTRYPOINT [\"/opt/dokploy-doctor/bin/dokploy-doctor\"]' - \"$1\"", root.resolve("fs").toString(), name), Map.of(), 300);
            if (imp.code() != 0) fail("docker import failed: " + imp);
            image = name;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> docker("rmi", "-f", name)));
            return name;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            if (root != null) deleteAll(root);
        }
    }

    /** The image carries one Java: the dist's jlink runtime. */
    static void assertNoOtherJava(Path fs) throws IOException {
        try (Stream<Path> files = Files.walk(fs)) {
            List<String> javas = files.filter(p -> p.getFileName() != null
                            && (p.getFileName().toString().equals("java") || p.getFileName().toString().equals("libjvm.so")))
                    .map(p -> "/" + fs.relativize(p)).sorted().toList();
            assertTrue(javas.equals(List.of("/opt/dokploy-doctor/runtime/bin/java", "/opt/dokploy-doctor/runtime/lib/server/libjvm.so")),
                    "the image should hold the dist's runtime only: " + javas);
        }
    }

    static void deleteAll(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** A fact's value in probe --format json output ("facts": {key: value}). */
    static JsonNode fact(JsonNode probeJson, String key) { return probeJson.path("facts").path(key); }

    /** Every observation of one probe in probe --format json output. */
    static String observations(JsonNode probeJson, String probe) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : probeJson.path("probes")) {
            if (p.path("probe").asText().equals(probe)) p.path("observations").forEach(o -> sb.append(o.asText()).append('\n'));
        }
        return sb.toString();
    }
}
