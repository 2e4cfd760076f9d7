package dev.dokploydoctor.bench;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.RuleBase;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.authoring.CheckReport;
import dev.dokploydoctor.authoring.RegressionRunner;
import dev.dokploydoctor.authoring.RulesCheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How {@code rules check} and {@code rules test} grow with the rule base: generates rule bases of
 * the given sizes in a temp folder (four rules per cause, over seven layer files; a positive case
 * and a near-miss per cause, so that every rule fires) and times each phase, with the process CPU time
 * (wall time on a busy machine says little). Not a test; run on demand:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.dokploydoctor.bench.RulesCheckBench 10 100 1000
 * </pre>
 */
public final class RulesCheckBench {
    private static final String[] LAYERS = {"cloudflare", "tunnel", "traefik", "docker", "compose", "dokploy", "app"};

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length == 0 ? new int[]{10, 100, 1000} : Stream.of(args).mapToInt(Integer::parseInt).toArray();
        // the first Drools build in a JVM pays for class loading; time it apart from the sizes
        long warm = System.nanoTime();
        run(10, false);
        System.out.printf("JVM warm-up (first 10-rule check): %d ms%n%n", (System.nanoTime() - warm) / 1_000_000);
        System.out.println("| rules | cases | compile | structure + names | run cases | verifier | check total | check CPU | rules test | findings |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (int n : sizes) run(n, true);
    }

    private static void run(int rules, boolean print) throws IOException {
        Path dir = Files.createTempDirectory("rules-bench-");
        try {
            int cases = generate(dir, rules);
            Knowledge k = Knowledge.load(List.of(new Knowledge.Layer("bench", dir.resolve("rules"), dir.resolve("knowledge"))));
            long cpu0 = processCpuMillis();
            CheckReport report = RulesCheck.run(k);
            long cpu = processCpuMillis() - cpu0;
            long t0 = System.nanoTime();
            Engine engine = new Engine(k, RuleBase.compile(k));
            List<RegressionRunner.Result> results = RegressionRunner.runAll(engine, RegressionRunner.load(k));
            long test = (System.nanoTime() - t0) / 1_000_000;
            long failed = results.stream().filter(r -> !r.passed()).count();
            CheckReport.Timings t = report.timings();
            if (print) {
                System.out.printf("| %d | %d | %d ms | %d ms | %d ms | %d ms | **%d ms** | %d ms | %d ms | %d errors, %d warnings, %d failed |%n",
                        report.ruleCount(), cases, t.compile(), t.parse(), t.cases(), t.verify(), t.total(), cpu, test,
                        report.errors(), report.warnings(), failed);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** CPU time of the whole JVM (all threads): on a busy machine wall time says little. */
    private static long processCpuMillis() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
    }

    /**
     * Per cause c: a rule on key a(c) (+0.5, needs b(c)), one on a(c) and b(c) (+0.6), one on
     * c(c) alone (+0.3), one refuting on b(c) false (-0.8). Returns the number of cases.
     */
    public static int generate(Path dir, int rules) throws IOException {
        int causes = Math.max(1, (rules + 3) / 4);
        Path knowledge = dir.resolve("knowledge");
        Files.createDirectories(knowledge.resolve("causes"));
        Files.createDirectories(dir.resolve("rules"));
        StringBuilder facts = new StringBuilder("facts:\n");
        for (int c = 0; c < causes; c++) {
            for (String part : new String[]{"a", "b", "c"}) {
                facts.append("  bench.").append(part).append(c).append(":\n    type: bool\n    question: \"Is ").append(part).append(c)
                        .append(" the case?\"\n    symptom: [true]\n");
            }
        }
        Files.writeString(knowledge.resolve("facts.yaml"), facts);
        StringBuilder[] drl = new StringBuilder[LAYERS.length];
        for (int i = 0; i < LAYERS.length; i++) {
            drl[i] = new StringBuilder("package dokploy.rules;\n\nimport dev.dokploydoctor.knowledge.Fact;\n"
                    + "import dev.dokploydoctor.engine.Evidence;\nimport dev.dokploydoctor.engine.Need;\n\n");
        }
        int written = 0;
        int caseCount = 0;
        for (int c = 0; c < causes; c++) {
            String layer = LAYERS[c % LAYERS.length];
            String cause = "cause-" + c;
            Files.writeString(knowledge.resolve("causes").resolve(cause + ".yaml"), "title: \"Cause " + c + "\"\nlayer: " + layer
                    + "\nwhy: \"Generated for the benchmark.\"\nfixes:\n  - title: \"Fix " + c + "\"\n    commands: [\"true\"]\n"
                    + "verify: \"It works.\"\n");
            StringBuilder out = drl[c % LAYERS.length];
            String a = "bench.a" + c, b = "bench.b" + c, k = "bench.c" + c;
            String[][] shapes = {
                    {"asks " + b, pattern(a, true), "0.5", "insertLogical(new Need(drools, \"" + b + "\", \"" + cause + "\", \"b decides\"));"},
                    {"a and b", pattern(a, true) + "\n    " + pattern(b, true), "0.6", ""},
                    {"c alone", pattern(k, true), "0.3", ""},
                    {"ruled out by b", pattern(b, false), "-0.8", ""}};
            for (String[] shape : shapes) {
                if (written++ >= rules) break;
                out.append("rule \"").append(cause).append(": ").append(shape[0]).append("\"\nwhen\n    ").append(shape[1])
                        .append("\nthen\n    insertLogical(new Evidence(drools, \"").append(cause).append("\", ").append(shape[2]).append("));\n");
                if (!shape[3].isEmpty()) out.append("    ").append(shape[3]).append('\n');
                out.append("end\n\n");
            }
            Path caseDir = knowledge.resolve("cases").resolve(cause);
            Files.createDirectories(caseDir);
            Files.writeString(caseDir.resolve("positive.yaml"), "id: " + cause + "-positive\nfacts: { " + a + ": true, " + b + ": true, " + k + ": true }\n"
                    + "expect: { cause: " + cause + " }\n");
            Files.writeString(caseDir.resolve("near-miss.yaml"), "id: " + cause + "-near-miss\nfacts: { " + a + ": true, " + b + ": false }\n"
                    + "expect: { not: " + cause + " }\n");
            caseCount += 2;
        }
        for (int i = 0; i < LAYERS.length; i++) Files.writeString(dir.resolve("rules").resolve(LAYERS[i] + ".drl"), drl[i]);
        return caseCount;
    }

    private static String pattern(String key, boolean value) {
        return "Fact(key == \"" + key + "\", flag == " + value + ")";
    }
}
