package dev.dokploydoctor.repl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures launch time (not a test; benchmarks never assert): `java -version`, `dokploy-doctor
 * --version`, and the guided diagnosis in tmux, from launch to the first prompt and to compiled
 * rules: seen from outside (polling the tmux screen) and as the program reports it (DOKPLOY_DOCTOR_TIMING). Run after `mvn test-compile`:
 *   java -cp target/test-classes:target/classes:$(cat target/classpath.txt) dev.dokploydoctor.repl.LaunchTimeHarness [runs]
 */
public final class LaunchTimeHarness {
    private static final Pattern MARK = Pattern.compile("timing: (.+) after (\\d+) ms");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Long> javaVersion = new ArrayList<>(), appVersion = new ArrayList<>(), promptWall = new ArrayList<>();
        List<Long> promptProcess = new ArrayList<>(), rulesProcess = new ArrayList<>();
        List<Long> parsed = new ArrayList<>(), terminal = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            javaVersion.add(wall(List.of(Program.java(), "-version")));
            appVersion.add(wall(Program.command(List.of("--version"))));
            Path home = Files.createTempDirectory("launch");
            long t0 = System.nanoTime();
            String launched = String.valueOf(System.currentTimeMillis());
            try (TmuxDriver t = TmuxDriver.start(home, Map.of("DOKPLOY_DOCTOR_TIMING", launched), List.of("diagnose", "--no-probe"))) {
                while (!t.atPrompt(">")) Thread.sleep(5);
                promptWall.add((System.nanoTime() - t0) / 1_000_000);
                String out = t.waitFor("timing: rules ready", 0);
                Matcher m = MARK.matcher(out);
                while (m.find()) {
                    if (m.group(1).equals("command parsed")) parsed.add(Long.parseLong(m.group(2)));
                    if (m.group(1).equals("terminal ready")) terminal.add(Long.parseLong(m.group(2)));
                    if (m.group(1).equals("first prompt")) promptProcess.add(Long.parseLong(m.group(2)));
                    if (m.group(1).equals("rules ready")) rulesProcess.add(Long.parseLong(m.group(2)));
                }
            }
        }
        System.out.printf("load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("java -version:                 median %4d ms  %s%n", median(javaVersion), javaVersion);
        System.out.printf("dokploy-doctor --version:      median %4d ms  %s%n", median(appVersion), appVersion);
        System.out.printf("first prompt (tmux, wall):     median %4d ms  %s%n", median(promptWall), promptWall);
        System.out.printf("  command parsed (own clock):  median %4d ms  %s%n", median(parsed), parsed);
        System.out.printf("  terminal ready (own clock):  median %4d ms  %s%n", median(terminal), terminal);
        System.out.printf("first prompt (own clock):      median %4d ms  %s%n", median(promptProcess), promptProcess);
        System.out.printf("rules compiled (own clock):    median %4d ms  %s%n", median(rulesProcess), rulesProcess);
        System.out.printf("ratio first prompt / java -version: %.1f%n", (double) median(promptWall) / median(javaVersion));
    }

    static long wall(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static long median(List<Long> xs) {
        if (xs.isEmpty()) return -1;
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
