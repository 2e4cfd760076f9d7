package dev.dokploydoctor.cli;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.CaseReader;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.report.CaseWriter;
import dev.dokploydoctor.report.Format;
import dev.dokploydoctor.report.Style;
import dev.dokploydoctor.report.Summary;
import dev.dokploydoctor.report.SimilarLookup;
import dev.dokploydoctor.report.Writers;
import dev.dokploydoctor.similar.SimilarVote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Diagnose every case of a symptom file. Cases are read one at a time, diagnosed on all cores
 * and written in input order as soon as they are done, with a bounded number in flight, so
 * memory stays flat however long the file.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Diagnose every case of a symptom file (YAML, JSON or JSONL; '-' reads standard input)."},
        footer = {"", "Input: {cases: [{id, text, facts, unknown}]}, a list of cases, one case, or JSONL (one case per line).",
                "Exit codes: 0 no fault (or advice), 3 fault diagnosed, 4 inconclusive, 2 invalid input, 1 internal error;",
                "with several cases the worst wins, in the order 1, 2, 4, 3, 0."})
public final class BatchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Symptom file, or - for standard input.")
    String file;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, jsonl, markdown or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--min-certainty", paramLabel = "CF", defaultValue = "0.7",
            description = "Certainty a cause needs to count as diagnosed (default: ${DEFAULT-VALUE}).")
    double minCertainty;

    @Option(names = {"-v", "--verbose"}, description = "Evidence, every fix and all facts (json: facts and fired rules).")
    boolean verbose;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--similar", negatable = true, description = {"List up to 3 similar field reports per diagnosed or inconclusive case"
            + " (default: on, except for jsonl where it costs most per case). --no-similar: no similar-report influence at all,"
            + " neither the list nor their vote (similar.cause, similar.lookalike)."})
    Boolean similar;

    @Option(names = "--no-questions", description = {"Causes only: an inconclusive case lists no questions (for pipelines that"
            + " read only the diagnoses; skips trying each answer, most of an inconclusive case's CPU). Diagnoses and status are the same."})
    boolean noQuestions;

    @Mixin KnowledgeOptions knowledgeOptions = new KnowledgeOptions();

    @Override public Integer call() throws Exception {
        Format fmt;
        try {
            fmt = Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError(e.getMessage());
        }
        if (minCertainty <= 0 || minCertainty > 1) throw new Main.UsageError("--min-certainty must be in (0, 1]");
        InputStream in = open(file);
        Engine engine = knowledgeOptions.loadEngine(System.err);
        String name = file.equals("-") ? "<stdin>" : file;
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        try (CaseReader reader = new CaseReader(in, name, engine.knowledge().vocabulary());
             CaseWriter writer = Writers.create(fmt, out, engine.knowledge(), Style.detect(), verbose, name,
                     (similar != null ? similar : fmt != Format.JSONL) ? new SimilarLookup(engine.knowledge()) : null)) {
            // similar field reports vote on cases with text (a weak fallback, engine/SimilarFallback); facts alone never search.
            // An explicit --no-similar means no similar-report influence at all: a diagnosis from the rules alone
            SimilarVote vote = Boolean.FALSE.equals(similar) ? null : SimilarVote.of(engine.knowledge());
            Summary summary = run(engine, vote, reader, writer, minCertainty,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads, !noQuestions);
            writer.finish(summary);
            out.flush();
            if (reader.idsNotice() != null) System.err.println("note: " + reader.idsNotice());
            if (summary.total() == 0) {
                throw new Main.UsageError(name + " has no cases: add at least one case (a map with id, and text and/or facts)"
                        + " under 'cases:', or one per line in JSONL");
            }
            return summary.exitCode();
        }
    }

    static InputStream open(String file) {
        if (file.equals("-")) return System.in;
        Path p = Path.of(file);
        if (!Files.exists(p)) throw new Main.UsageError("no such file: " + file);
        if (Files.isDirectory(p)) throw new Main.UsageError(file + " is a directory; give a YAML, JSON or JSONL file");
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new Main.UsageError("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * Text in flight at most (characters): a JSONL line may hold up to 4 MiB, and 16 such cases per
     * thread would not fit the launcher's 64 MiB batch heap; the window counts both.
     */
    static final long CHARS_IN_FLIGHT = 4L * 1024 * 1024;

    /**
     * Diagnose in parallel, write in order; at most {@code 16 * threads} cases, and about {@link #CHARS_IN_FLIGHT}
     * characters of text, in flight. Without {@code questions}, inconclusive cases list none ({@code --no-questions}).
     */
    static Summary run(Engine engine, SimilarVote similar, CaseReader reader, CaseWriter writer, double threshold, int threads,
                       boolean questions) throws IOException {
        Summary summary = new Summary(ExitCodes::of);
        // cases waiting to be written survive young collections and are promoted when the survivor space overflows:
        // a short queue keeps the old generation (which batch's RSS follows) from filling with them
        int window = Math.max(1, threads) * 16;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "diagnose");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Pending> inFlight = new ArrayDeque<>();
        long chars = 0;
        try {
            while (reader.hasNext()) {
                CaseReader.Item item = reader.next();
                Pending started = new Pending(CompletableFuture.supplyAsync(() -> work(engine, similar, reader, writer, item, threshold, questions), pool), size(item));
                inFlight.add(started);
                chars += started.size();
                while (inFlight.size() >= window || (inFlight.size() > 1 && chars >= CHARS_IN_FLIGHT)
                        || (!inFlight.isEmpty() && inFlight.peek().done().isDone())) {
                    Pending first = inFlight.poll();
                    chars -= first.size();
                    emit(first.done().join(), reader, writer, summary, threshold, engine, similar, questions);
                }
            }
            while (!inFlight.isEmpty()) emit(inFlight.poll().done().join(), reader, writer, summary, threshold, engine, similar, questions);
        } finally {
            pool.shutdownNow();
        }
        return summary;
    }

    private static int size(CaseReader.Item item) {
        if (item.raw() != null) return item.raw().length();
        return item.input() == null || item.input().text() == null ? 0 : item.input().text().length();
    }

    /** A finished case: the item as parsed, its outcome and the rendering of it. */
    private record Done(CaseReader.Item item, Outcome outcome, Object prepared) {}

    /** A case in flight and the characters of text it holds (the window counts them). */
    private record Pending(CompletableFuture<Done> done, int size) {}

    /** On a worker: parse (JSONL), diagnose and render. */
    private static Done work(Engine engine, SimilarVote similar, CaseReader reader, CaseWriter writer, CaseReader.Item raw,
                             double threshold, boolean questions) {
        CaseReader.Item item = reader.resolve(raw);
        Outcome o = diagnose(engine, similar, item, threshold, questions);
        try {
            return new Done(item, o, writer.prepare(o));
        } catch (IOException | RuntimeException e) {
            Outcome failed = Outcome.failed(item.id(), "cannot render: " + e);
            return new Done(item, failed, null);
        }
    }

    /** In input order: check JSONL ids for repeats, count, write. */
    private static void emit(Done done, CaseReader reader, CaseWriter writer, Summary summary, double threshold,
                             Engine engine, SimilarVote similar, boolean questions) throws IOException {
        Outcome o = done.outcome();
        Object prepared = done.prepared();
        CaseReader.Item item = done.item();
        CaseReader.Item checked = reader.inOrder(item);
        if (checked != item) {
            o = diagnose(engine, similar, checked, threshold, questions);
            prepared = writer.prepare(o);
        }
        summary.add(o);
        if (prepared == null) prepared = writer.prepare(o);
        writer.write(o, prepared, lineOf(item));
    }

    /** Where the case starts in the input: its first line, or the line of its error. */
    private static int lineOf(CaseReader.Item item) {
        if (item.input() != null && item.input().line() > 0) return item.input().line();
        if (item.error() != null && item.error().line() > 0) return item.error().line();
        return item.line();
    }

    /** One case; {@code similar} null: no vote ({@code --no-similar}). */
    static Outcome diagnose(Engine engine, SimilarVote similar, CaseReader.Item item, double threshold, boolean questions) {
        if (item.error() != null) return Outcome.invalid(item.id(), item.error());
        try {
            CaseInput c = item.input();
            List<Fact> vote = similar == null ? List.of() : similar.collect(c.text(), c.facts(), engine.knowledge().vocabulary());
            return engine.diagnose(c, threshold, vote, questions);
        } catch (KnowledgeError e) {
            return Outcome.invalid(item.id(), e);
        } catch (RuntimeException e) {
            return Outcome.failed(item.id(), "internal error: " + e);
        }
    }
}
