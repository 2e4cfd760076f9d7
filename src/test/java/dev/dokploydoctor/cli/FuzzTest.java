package dev.dokploydoctor.cli;

import dev.dokploydoctor.knowledge.CaseReader;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.TextExtraction;
import dev.dokploydoctor.knowledge.Vocabulary;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16: a seeded mutation fuzzer over the batch reader ({@link CaseReader}, every format) and
 * the catalog extraction. Seeds are the regression cases and a few batch files; each input is a
 * seed mutated a few times (bytes flipped, inserted, repeated; YAML and JSON tokens spliced in;
 * cut). Anything but a {@link KnowledgeError} is a crash. Bounded in time: {@code -Dfuzz.seconds}
 * (default 15, the run in {@code mvn verify}); {@code -Dfuzz.seed} replays a run. Prints execs,
 * crashes and the slowest input; a crash is reported with the seed and input to replay it.
 */
class FuzzTest {
    static final String[] TOKENS = {"---\n", "&a ", "*a", "!!binary ", "<<: *a\n", "[", "]", "{", "}", ": ", "- ", "\"", "'", "\\u0000",
            "\u0000", "\uFEFF", "\t", "\r\n", ".nan", "1e999999", "99999999999999999999999", "id: x\n", "cases:\n", "text: ",
            "facts: {http.status: 502}\n", "error ", "Unable to reach the origin service", "userland proxy", "\n\n\n\n", "#", "%YAML 1.2\n"};
    static final String[] NAMES = {"f.yaml", "f.json", "f.jsonl", "f"};

    @Test void theBatchReaderAndTheExtractionNeverCrash() throws IOException {
        long seconds = Long.getLong("fuzz.seconds", 15);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Knowledge k = Knowledge.load(List.of(Knowledge.checkout(Path.of(""))));
        Vocabulary vocabulary = k.vocabulary();
        TextExtraction extraction = k.textExtraction();
        List<byte[]> seeds = seeds();
        Random random = new Random(seed);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long execs = 0, cases = 0, slowestNanos = 0;
        String slowest = "";
        List<String> crashes = new ArrayList<>();
        while (System.nanoTime() < end && crashes.size() < 5) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            String name = NAMES[random.nextInt(NAMES.length)];
            long t0 = System.nanoTime();
            try {
                cases += readAll(input, name, vocabulary, extraction);
            } catch (KnowledgeError expected) {
                // a file that cannot be read at all is reported, not a crash
            } catch (Throwable t) {
                crashes.add(t + " on " + name + " (fuzz.seed=" + seed + ", exec " + execs + "): " + preview(input));
            }
            long took = System.nanoTime() - t0;
            if (took > slowestNanos) {
                slowestNanos = took;
                slowest = name + ", " + input.length + " bytes: " + preview(input);
            }
            execs++;
        }
        String report = String.format("fuzz: seed %d, %d s, %,d execs, %,d cases read, %d crashes, slowest %.1f ms (%s)",
                seed, seconds, execs, cases, crashes.size(), slowestNanos / 1e6, slowest);
        System.out.println(report);
        Files.writeString(Launch.buildDir().resolve("fuzz-report.txt"), report + "\n" + String.join("\n", crashes) + "\n");
        assertTrue(execs > 0, report);
        assertEquals(List.of(), crashes, report);
    }

    private static long readAll(byte[] input, String name, Vocabulary vocabulary, TextExtraction extraction) throws IOException {
        long n = 0;
        try (CaseReader reader = new CaseReader(new ByteArrayInputStream(input), name, vocabulary)) {
            while (reader.hasNext()) {
                CaseReader.Item item = reader.resolve(reader.next());
                n++;
                if (item.input() != null && !item.input().text().isEmpty()) extraction.recognise(item.input().text());
                if (item.error() != null) assertNotNull(item.error().getMessage(), "an error without a message");
            }
        }
        return n;
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("knowledge/causes"))) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".yaml") && p.getParent().getFileName().toString().equals("cases")).limit(200).toList()) {
                out.add(("cases:\n  - " + Files.readString(p).replace("\n", "\n    ") + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        out.add("{\"id\":\"a\",\"text\":\"502 Bad Gateway from traefik\"}\n{\"id\":\"b\",\"facts\":{\"http.status\":530}}\n".getBytes(StandardCharsets.UTF_8));
        out.add("[{\"id\":\"a\",\"text\":\"Error 1033 Argo Tunnel error\"},{\"id\":\"b\",\"unknown\":[\"http.status\"],\"text\":\"x\"}]".getBytes(StandardCharsets.UTF_8));
        out.add("id: one\ntext: |\n  web-1  | Error: connect ECONNREFUSED 127.0.0.1:5432\n  dial tcp: lookup db on 127.0.0.11:53: no such host\n".getBytes(StandardCharsets.UTF_8));
        return out;
    }

    static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length);
            switch (r.nextInt(7)) {
                case 0 -> { if (b.length > 0) b[at] = (byte) r.nextInt(256); }
                case 1 -> b = splice(b, at, new byte[]{(byte) r.nextInt(256)});
                case 2 -> b = splice(b, at, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 3 -> { // a run: a token or a slice repeated, up to ~200 KB
                    byte[] unit = TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
                    b = splice(b, at, repeat(unit, 1 + r.nextInt(200_000 / Math.max(1, unit.length))));
                }
                case 4 -> { if (b.length > 1) b = java.util.Arrays.copyOf(b, r.nextInt(b.length)); }
                case 5 -> { // duplicate a slice
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    if (len > 0) b = splice(b, at, java.util.Arrays.copyOfRange(b, at, at + len));
                }
                default -> b = r.nextBoolean() ? concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, toUtf16(b)) : concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
            }
        }
        return b;
    }

    private static byte[] toUtf16(byte[] utf8) { return new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE); }

    private static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }

    private static byte[] repeat(byte[] unit, int times) {
        byte[] out = new byte[unit.length * times];
        for (int i = 0; i < times; i++) System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) { return splice(a, a.length, b); }

    private static String preview(byte[] input) {
        String s = new String(input, 0, Math.min(input.length, 120), StandardCharsets.UTF_8).replace("\n", "\\n");
        return "\"" + s + (input.length > 120 ? "...\"" : "\"");
    }
}
