package dev.dokploydoctor.repl;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How tests start the real program: {@code java -cp <classes>:<dependencies> dev.dokploydoctor.cli.Main},
 * in the project folder (so the checkout's rules/ and knowledge/ are used), with private XDG folders
 * (no user rules, history in a temp folder). The dependencies come from classpath.txt, which the
 * build writes before the tests run.
 */
final class Program {
    private Program() {}

    /** The build folder (target/ or -Dbuild.dir), found from where the test classes are. */
    static Path buildDir() {
        try {
            Path testClasses = Path.of(Program.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path projectDir() { return buildDir().getParent(); }

    static String classpath() {
        Path file = buildDir().resolve("classpath.txt");
        try {
            return buildDir().resolve("classes") + java.io.File.pathSeparator + Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("missing " + file + ": run the tests through Maven (dependency:build-classpath writes it)", e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The JVM flags every start by the launcher (./dokploy-doctor) has: serial GC, C1 only. With them a
     * start here costs about half the CPU of a default JVM's (no C2 or G1 threads) on a shared machine.
     */
    static final List<String> LAUNCHER_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(LAUNCHER_JVM);
        cmd.addAll(List.of("-cp", classpath(), "dev.dokploydoctor.cli.Main"));
        cmd.addAll(args);
        return cmd;
    }

    /** Private XDG folders under {@code home}: no user rules, a history file of its own. */
    static Map<String, String> environment(Path home) {
        return Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_STATE_HOME", home.resolve("state").toString(),
                "HOME", home.toString());
    }
}
