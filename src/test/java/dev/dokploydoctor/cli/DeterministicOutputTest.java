package dev.dokploydoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dokploydoctor.authoring.RegressionRunner;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16.10: the same input gives the same output, byte for byte, in two separate runs (working
 * memory order differs between JVMs: questions[].why once did), and a file with no case says so and
 * exits 2 with a summary that agrees.
 */
class DeterministicOutputTest {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(Launch.LAUNCHER_JVM);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt"), err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the CLI did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test void twoRunsOfEveryRegressionCaseGiveTheSameJson() throws Exception {
        Knowledge k = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        ObjectMapper json = new ObjectMapper();
        StringBuilder jsonl = new StringBuilder();
        int n = 0;
        for (RegressionRunner.LoadedCase c : RegressionRunner.load(k)) {
            if (!c.readable()) continue;
            Map<String, Object> plain = new java.util.LinkedHashMap<>(c.input().toPlain());
            plain.remove("expect");
            plain.put("id", "c" + (n++));
            jsonl.append(json.writeValueAsString(plain)).append('\n');
        }
        Path file = dir.resolve("all.jsonl");
        Files.writeString(file, jsonl, StandardCharsets.UTF_8);
        Run a = run("batch", file.toString(), "--format", "jsonl", "-v");
        Run b = run("batch", file.toString(), "--format", "jsonl", "-v");
        assertTrue(a.out().lines().count() >= 150, a.err());
        List<String> la = a.out().lines().toList(), lb = b.out().lines().toList();
        for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
            String x = la.get(i), y = lb.get(i);
            if (x.equals(y)) continue;
            int at = 0;
            while (at < Math.min(x.length(), y.length()) && x.charAt(at) == y.charAt(at)) at++;
            fail("case line " + (i + 1) + " differs at character " + at + ": ..." + x.substring(Math.max(0, at - 80), Math.min(x.length(), at + 80))
                    + "\n  vs ..." + y.substring(Math.max(0, at - 80), Math.min(y.length(), at + 80)));
        }
        assertEquals(la.size(), lb.size());
    }

    @Test void aFileWithNoCasesSaysSoAndItsSummaryAgreesWithTheExitCode() throws Exception {
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "cases: []\n");
        Run r = run("batch", empty.toString(), "--format", "json");
        assertEquals(2, r.exit());
        assertEquals(2, new ObjectMapper().readTree(r.out()).path("summary").path("exit_code").asInt(), r.out());
        assertTrue(r.err().contains("has no cases"), r.err());
        Run text = run("batch", empty.toString());
        assertEquals(2, text.exit());
        assertTrue(text.err().contains("has no cases"), text.err());
    }
}
