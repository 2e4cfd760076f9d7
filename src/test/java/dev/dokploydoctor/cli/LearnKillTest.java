package dev.dokploydoctor.cli;

import dev.dokploydoctor.authoring.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16.9: {@code learn} killed at the wrong moment leaves the old state or the new one, never a
 * half. The learned rule here breaks a passing case (so it must not stay); learn runs in its own JVM
 * and dies there as a kill -9 would (Runtime.halt at a named point, or a real SIGKILL once the rule
 * file is in place); then {@code rules test} must see the folder exactly as before, and pass.
 */
class LearnKillTest {
    @TempDir Path dir;

    private Process learn(Tree t, String... jvm) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Launch.java()));
        cmd.addAll(List.of(jvm));
        cmd.addAll(List.of("-cp", Launch.classpath(), "dev.dokploydoctor.cli.Main", "learn", t.path("session.yaml")));
        cmd.addAll(List.of(t.flags("--cause", "tunnel-down", "--layer", "tunnel", "--yes")));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("learn.log").toFile()).start();
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("session") || rel.startsWith("learn.log")) continue;
                files.put(rel, Files.isDirectory(p) ? "<dir>" : Files.readString(p));
            }
        }
        return files;
    }

    private void assertOldStateAfterKill(Tree t, Map<String, String> before) throws IOException {
        Launch.Result test = Launch.run(Map.of(), "", concat(new String[]{"rules", "test"}, t.flags()));
        assertEquals(0, test.exit(), "after the kill, the regression cases must pass: " + test.all());
        assertEquals(before, snapshot(dir), "after the kill and a load, the folder is as before learn");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test void killedAtEveryPointTheFolderLoadsAsBefore() throws Exception {
        for (String point : new String[]{"journal", "written"}) {
            Tree t = Tree.clean(dir).write("session.yaml", "id: bare-502\nfacts: { http.status: 502 }\n");
            Map<String, String> before = snapshot(dir);
            Process p = learn(t, "-Ddokploy.learn.haltAt=" + point);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "learn did not end");
            assertEquals(137, p.exitValue(), "halted at " + point + ": " + Files.readString(dir.resolve("learn.log")));
            if (point.equals("written")) {
                assertTrue(Files.exists(dir.resolve("knowledge/causes/tunnel-down/rules.drl")), "the rule was written before the halt");
            }
            assertOldStateAfterKill(t, before);
        }
    }

    @Test void aRealKillWhileTheCasesRunLeavesTheOldState() throws Exception {
        Tree t = Tree.clean(dir).write("session.yaml", "id: bare-502\nfacts: { http.status: 502 }\n");
        Map<String, String> before = snapshot(dir);
        Process p = learn(t);
        Path rule = dir.resolve("knowledge/causes/tunnel-down/rules.drl");
        while (!Files.exists(rule) && p.isAlive()) Thread.onSpinWait();
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        assertOldStateAfterKill(t, before);
    }
}
