package dev.dokploydoctor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The program as a user starts it: a separate JVM running {@code dev.dokploydoctor.cli.Main} in the
 * project folder, with the given environment and piped stdin. {@link #asNobody} runs it as user
 * nobody (via runuser) from a copy of the class path nobody can read.
 */
final class Launch {
    record Result(int exit, String out, String err) {
        String all() { return out + err; }
    }

    private Launch() {}

    static Path buildDir() {
        try {
            return Path.of(Launch.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String classpath() {
        try {
            return buildDir().resolve("classes") + java.io.File.pathSeparator + Files.readString(buildDir().resolve("classpath.txt")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("run the tests through Maven (it writes target/classpath.txt)", e);
        }
    }

    static String java() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }

    /**
     * The JVM flags every start by the launcher (./dokploy-doctor) has: serial GC, C1 only. With them a
     * start here costs about half the CPU of a default JVM's (no C2 or G1 threads) on a shared machine.
     */
    static final List<String> LAUNCHER_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The command line of the program with {@code args}: java, the launcher's flags, the class path, Main. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(LAUNCHER_JVM);
        cmd.addAll(List.of("-cp", classpath(), "dev.dokploydoctor.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static Result run(Map<String, String> env, String stdin, String... args) {
        return exec(command(args), buildDir().getParent(), env, stdin);
    }

    /** In {@code dir} (outside the checkout: the bundled knowledge, as a user who runs the jar anywhere). */
    static Result runIn(Path dir, String... args) { return exec(command(args), dir, Map.of(), ""); }

    /**
     * As user nobody (only when this JVM runs as root, which may read any socket): the classes and
     * jars are copied to a folder nobody can read, and it runs there with the bundled knowledge.
     */
    static Result asNobody(Path scratch, Map<String, String> env, String... args) throws IOException {
        Path lib = Files.createDirectories(scratch.resolve("lib"));
        List<String> cp = new ArrayList<>();
        int i = 0;
        for (String entry : classpath().split(java.io.File.pathSeparator)) {
            Path from = Path.of(entry);
            Path to = lib.resolve((i++) + "-" + from.getFileName());
            if (Files.isDirectory(from)) copyTree(from, to);
            else Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            cp.add(to.toString());
        }
        openToAll(scratch);
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "nobody", "--", java()));
        cmd.addAll(LAUNCHER_JVM);
        cmd.addAll(List.of("-cp", String.join(":", cp), "dev.dokploydoctor.cli.Main"));
        cmd.addAll(List.of(args));
        return exec(cmd, scratch, env, "");
    }

    static boolean isRoot() { return "root".equals(System.getProperty("user.name")); }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void openToAll(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                p.toFile().setReadable(true, false);
                if (Files.isDirectory(p)) p.toFile().setExecutable(true, false);
            }
        }
    }

    /** Run in a private home (its user folder and the output files), removed when the run ends. */
    private static Result exec(List<String> cmd, Path dir, Map<String, String> env, String stdin) {
        Path home = null;
        try {
            home = Files.createTempDirectory("dd-launch");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            pb.environment().remove("DOCKER_HOST");
            pb.environment().putAll(Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                    "XDG_STATE_HOME", home.resolve("state").toString(), "NO_COLOR", "1"));
            pb.environment().putAll(env);
            Path out = home.resolve("out");
            Path err = home.resolve("err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            p.getOutputStream().write((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (home != null) deleteTree(home);
        }
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
