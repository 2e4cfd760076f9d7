package dev.dokploydoctor.bench;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.CorpusSplit;
import dev.dokploydoctor.knowledge.Extractor;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.TextExtraction;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text extraction on texts the way people paste them, with the catalog as it is and with a
 * catalog {@code SCALE} times larger (an on-demand benchmark, not a test). The texts are the
 * regression cases' and the field corpus's dev split (used for throughput only: nothing is tuned on them).
 * The larger catalog is made here from the real one: each extra copy of an entry has its literal
 * letters and digits turned into other letters (the same shift for the whole copy, a different one
 * per copy), in its pattern and its unless-filters alike, so its patterns and required literals
 * differ from every real entry's while keeping their shape and length, and its filters still speak
 * of its own words. A copy must find nothing the real entries do not: a copy whose digits stayed
 * read the real entry's status codes without the words around them that its filters rule out
 * ({@code status-in-words}: "health check returned 404" is the check's status, not the site's).
 *
 * <pre>java -XX:+UseSerialGC -XX:-BackgroundCompilation -cp target/dokploy-doctor.jar src/test/java/dev/dokploydoctor/bench/ExtractionBench.java [KNOWLEDGE_DIR] [SCALE] [ROUNDS]</pre>
 * Rates are texts per CPU second of the measuring thread (best round), so they hold when other
 * processes share the cores. Prints one JSON object. Without {@code -XX:-BackgroundCompilation} the
 * JIT's compiler thread, itself waiting for a core on a busy machine, lags the measuring thread, and the
 * rounds measure code still being compiled (at load 17 the rate still rose at the 20th round).
 */
public final class ExtractionBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "knowledge");
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Knowledge knowledge = Knowledge.load(List.of(new Knowledge.Layer("bench", null, dir)));

        List<String> texts = new ArrayList<>();
        for (Knowledge.CaseFile cf : knowledge.loadCases()) {
            CaseInput c = cf.read(knowledge.vocabulary());
            if (c.text() != null && !c.text().isBlank()) texts.add(c.text());
        }
        int caseTexts = texts.size();
        // the dev split's texts only: the held-out test records are read by the lead's eval alone
        for (FieldRecord r : FieldCorpus.load(FieldCorpus.files(dir), knowledge).in(CorpusSplit.DEV)) {
            if (r.text() != null && !r.text().isBlank()) texts.add(r.text());
        }
        long chars = texts.stream().mapToLong(String::length).sum();

        List<Extractor> real = knowledge.extractors();
        List<Extractor> larger = new ArrayList<>(real);
        int rejected = 0;
        for (int copy = 1; copy < scale; copy++) {
            for (Extractor e : real) {
                Extractor m = mutated(e, copy);
                if (m == null) rejected++; else larger.add(m);
            }
        }
        TextExtraction x1 = new TextExtraction(real, knowledge.vocabulary());
        TextExtraction xN = new TextExtraction(larger, knowledge.vocabulary());
        // the real entries come first and win per key, so the larger catalog must find the same facts
        long facts1 = 0, factsN = 0;
        int differing = 0; // texts whose facts (key, value, evidence) differ between the two
        for (String t : texts) {
            List<Fact> f1 = x1.extract(t), fN = xN.extract(t);
            facts1 += f1.size();
            factsN += fN.size();
            if (!read(f1).equals(read(fN))) differing++;
        }

        double best1 = 0, bestN = 0;
        for (int round = 0; round < rounds; round++) { // interleaved, so a change in load hits both alike
            best1 = Math.max(best1, rate(x1, texts));
            bestN = Math.max(bestN, rate(xN, texts));
        }
        System.out.printf("{\"texts\": %d, \"case_texts\": %d, \"field_texts\": %d, \"mean_chars\": %d,"
                        + " \"entries_x1\": %d, \"entries_xN\": %d, \"scale\": %d, \"mutants_rejected\": %d,"
                        + " \"facts_x1\": %d, \"facts_xN\": %d, \"texts_with_other_facts\": %d,"
                        + " \"texts_per_cpu_s_x1\": %d, \"texts_per_cpu_s_xN\": %d, \"ratio_xN_x1\": %.2f, \"load_average\": %.2f}%n",
                texts.size(), caseTexts, texts.size() - caseTexts, chars / Math.max(1, texts.size()),
                real.size(), larger.size(), scale, rejected, facts1, factsN, differing,
                Math.round(best1), Math.round(bestN), bestN / best1,
                // other processes on the cores lower CPU-second rates too (shared caches): say how busy the machine was
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static List<String> read(List<Fact> facts) {
        return facts.stream().map(f -> f.getKey() + "=" + f.getValue() + " " + f.getEvidence()).toList();
    }

    /** Texts per CPU second of this thread, one pass over all texts (repeated to at least ~0.3 s). */
    private static double rate(TextExtraction x, List<String> texts) {
        long start = THREADS.getCurrentThreadCpuTime();
        long n = 0;
        long sink = 0;
        do {
            for (String t : texts) sink += x.extract(t).size();
            n += texts.size();
        } while (THREADS.getCurrentThreadCpuTime() - start < 300_000_000L);
        if (sink < 0) throw new IllegalStateException();
        return n / ((THREADS.getCurrentThreadCpuTime() - start) / 1e9);
    }

    /** A copy of {@code e} whose patterns' literal letters and digits are shifted by {@code copy}; null when RE2 rejects one. */
    static Extractor mutated(Extractor e, int copy) {
        try {
            return new Extractor(e.id() + "-x" + copy, e.source(), shifted(e.pattern(), copy), e.facts(),
                    shifted(e.unlessLine(), copy), shifted(e.unlessMatch(), copy), shifted(e.unlessText(), copy),
                    List.of(), List.of(), e.file(), e.line());
        } catch (PatternSyntaxException bad) {
            return null;
        }
    }

    private static Pattern shifted(Pattern p, int copy) {
        return p == null ? null : Pattern.compile(shiftLiterals(p.pattern(), copy), p.flags());
    }

    /**
     * Shift the letters that stand for themselves, and turn such digits into letters: not an escape ({@code \d}, {@code \p{L}}), not
     * inside a character class, a group's flags ({@code (?i:}, {@code (?P<name>}) or a repeat count.
     */
    static String shiftLiterals(String regex, int copy) {
        StringBuilder sb = new StringBuilder(regex.length());
        int classDepth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                sb.append(c).append(regex.charAt(++i));
                if ((regex.charAt(i) == 'p' || regex.charAt(i) == 'P') && i + 1 < regex.length() && regex.charAt(i + 1) == '{') {
                    int end = regex.indexOf('}', i);
                    sb.append(regex, i + 1, end + 1);
                    i = end;
                }
                continue;
            }
            if (c == '[') classDepth++;
            else if (c == ']' && classDepth > 0) classDepth--;
            if (c == '(' && i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                int end = i + 2;
                while (end < regex.length() && regex.charAt(end) != ':' && regex.charAt(end) != ')' && regex.charAt(end) != '>') end++;
                sb.append(regex, i, Math.min(end + 1, regex.length()));
                i = end;
                continue;
            }
            if (c == '{') {
                int end = regex.indexOf('}', i);
                if (end > 0) { sb.append(regex, i, end + 1); i = end; continue; }
            }
            if (classDepth == 0 && c >= 'a' && c <= 'z') sb.append((char) ('a' + (c - 'a' + copy * 7) % 26));
            else if (classDepth == 0 && c >= 'A' && c <= 'Z') sb.append((char) ('A' + (c - 'A' + copy * 7) % 26));
            else if (classDepth == 0 && c >= '0' && c <= '9') sb.append((char) ('a' + (c - '0' + copy * 7) % 26));
            else sb.append(c);
        }
        return sb.toString();
    }
}
