package dev.dokploydoctor.bench;

import dev.dokploydoctor.knowledge.CaseReader;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.RuleBase;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.report.CaseView;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the time of a batch run goes, measured inside one JVM (an on-demand benchmark, not a test):
 * loading knowledge, compiling the DRL, the first evaluation, then, on one thread and each timed
 * apart: text extraction alone (cases with text), evaluation (extraction + rules + conclusion) and
 * the JSON of every case (CaseView, as batch --format jsonl writes it) of a JSONL file. Those
 * rates are per CPU second of the measuring thread, so they hold when other processes share the
 * cores; load and compile times are wall clock.
 *
 * <pre>java -Xmx512m -cp target/dokploy-doctor.jar src/test/java/dev/dokploydoctor/bench/EnginePhases.java CASES.jsonl [ROUNDS]</pre>
 * All cases are read first (their parsing is timed apart); the last round's rates are printed.
 * Prints one JSON object (milliseconds and cases per second).
 */
public final class EnginePhases {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 1000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of this thread: rates stay meaningful when other processes share the cores. */
    private static long cpu() { return THREADS.getCurrentThreadCpuTime(); }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EnginePhases CASES.jsonl [ROUNDS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;

        long t0 = System.nanoTime();
        Knowledge knowledge = Knowledge.load(Knowledge.defaultLayers(null, null, false));
        long t1 = System.nanoTime();
        RuleBase rules = RuleBase.compile(knowledge);
        long t2 = System.nanoTime();
        Engine engine = new Engine(knowledge, rules);

        List<CaseReader.Item> items = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
             CaseReader reader = new CaseReader(in, file.toString(), knowledge.vocabulary())) {
            while (reader.hasNext()) items.add(reader.resolve(reader.next())); // JSONL lines are parsed on resolve
        }
        long t3 = System.nanoTime();
        CaseReader.Item firstValid = items.stream().filter(i -> i.input() != null).findFirst().orElseThrow();
        Outcome first = engine.diagnose(firstValid.input(), Engine.DEFAULT_THRESHOLD);
        long t4 = System.nanoTime();

        List<String> texts = new ArrayList<>();
        for (CaseReader.Item item : items) {
            if (item.input() != null && item.input().text() != null && !item.input().text().isBlank()) texts.add(item.input().text());
        }
        StringBuilder perRound = new StringBuilder();
        double evaluatePerS = 0;
        double jsonPerS = 0;
        double extractPerS = 0;
        long bytesPerCase = 0;
        long found = 0;
        for (int round = 0; round < rounds; round++) {
            long x = cpu();
            found = 0;
            for (String text : texts) found += engine.extraction().extract(text).size();
            extractPerS = texts.isEmpty() ? 0 : texts.size() / ((cpu() - x) / 1e9);
            // chunks, so the outcomes of one round never crowd the heap
            long evaluateNanos = 0;
            long jsonNanos = 0;
            long bytes = 0;
            int evaluated = 0;
            List<Outcome> chunk = new ArrayList<>(CHUNK);
            for (int from = 0; from < items.size(); from += CHUNK) {
                chunk.clear();
                long a = cpu();
                for (CaseReader.Item item : items.subList(from, Math.min(items.size(), from + CHUNK))) {
                    if (item.input() != null) chunk.add(engine.diagnose(item.input(), Engine.DEFAULT_THRESHOLD));
                }
                long b = cpu();
                for (Outcome o : chunk) bytes += JSON.writeValueAsBytes(CaseView.of(o, knowledge, false)).length;
                jsonNanos += cpu() - b;
                evaluateNanos += b - a;
                evaluated += chunk.size();
            }
            evaluatePerS = evaluated / (evaluateNanos / 1e9);
            jsonPerS = evaluated / (jsonNanos / 1e9);
            bytesPerCase = bytes / Math.max(1, evaluated);
            perRound.append(perRound.length() == 0 ? "" : ", ").append(Math.round(evaluatePerS));
        }
        System.out.printf("{\"load_knowledge_ms\": %d, \"compile_drl_ms\": %d, \"read_cases_ms\": %d, \"cases\": %d,"
                        + " \"first_evaluation_ms\": %.1f, \"evaluate_per_s_by_round\": [%s],"
                        + " \"evaluate_per_s\": %d, \"case_json_per_s\": %d, \"json_bytes_per_case\": %d,"
                        + " \"texts\": %d, \"facts_extracted\": %d, \"extract_texts_per_s\": %d, \"first_status\": \"%s\"}%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, items.size(),
                (t4 - t3) / 1e6, perRound, Math.round(evaluatePerS), Math.round(jsonPerS), bytesPerCase,
                texts.size(), found, Math.round(extractPerS), first.status().label());
    }
}
