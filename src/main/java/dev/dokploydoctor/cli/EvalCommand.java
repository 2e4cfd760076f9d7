package dev.dokploydoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.evaluation.Baseline;
import dev.dokploydoctor.evaluation.Calibration;
import dev.dokploydoctor.evaluation.Evaluator;
import dev.dokploydoctor.evaluation.FieldPriors;
import dev.dokploydoctor.evaluation.JoinOrder;
import dev.dokploydoctor.evaluation.Scoreboard;
import dev.dokploydoctor.evaluation.ScoreboardJson;
import dev.dokploydoctor.evaluation.ScoreboardText;
import dev.dokploydoctor.knowledge.CorpusSplit;
import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.similar.FieldLibrary;
import dev.dokploydoctor.similar.SimilarVote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The scoreboard: the field corpus run as batch (text and facts, text alone) and as a simulated interview. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score the rule base on the field corpus (knowledge/field/*.jsonl).",
                "Three ways: batch with text and facts, batch with the text alone, and a simulated interview answered"
                + " from each report's truth."},
        footer = {"", "The split is fixed by the report's URL (knowledge/field/README.md): tune on dev, only run test.",
                "Exit codes: 0 done, 1 the dev figures fell below scoreboard.json (--check-baseline), 2 invalid corpus or usage."})
public final class EvalCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Corpus files (JSONL); default: field/*.jsonl of the knowledge folder.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "dev", description = "dev, test or all (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-v", "--verbose"}, description = "Every other: family as its own row, and each report not right with what was read from its text.")
    boolean verbose;

    @Option(names = "--calibrate", description = "Per rule: the reports it fired on, the share with its cause, and a suggested certainty.")
    boolean calibrate;

    @Option(names = "--write-baseline", description = "Write the dev figures to field/scoreboard.json (the ratchet of mvn verify).")
    boolean writeBaseline;

    @Option(names = "--write-priors", description = {"Write knowledge/priors.yaml from the dev split of the corpus: how common each"
            + " cause is and how often a user can tell each fact (the question planner's assumptions). Scores nothing."})
    boolean writePriors;

    @Option(names = "--check-baseline", description = "Compare the dev figures with field/scoreboard.json; exit 1 when they got worse.")
    boolean checkBaseline;

    @Option(names = "--min-certainty", paramLabel = "CF", defaultValue = "0.7", description = "Certainty that counts as diagnosed (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--no-similar-evidence", description = {"Without the similar field reports' vote (the weak fallback when the"
            + " rules barely know), to measure what it adds. With it, a report votes with the dev records of the corpus, never with"
            + " itself."})
    boolean noSimilarEvidence;

    @Option(names = "--answers", paramLabel = "HOW", defaultValue = "exact", description = {"How the simulated user of the"
            + " interview answers: exact (the truth's values as they are) or prose (in sentences, 'yes, I checked', 'it listens on"
            + " port 3000', 'no idea', read as the REPL reads what people type). Default: ${DEFAULT-VALUE}."})
    String answers;

    @Option(names = "--opening", paramLabel = "TEXT", description = {"What every simulated user of the interview types at the"
            + " first prompt instead of their report's text: --opening 'my site is broken' measures the interview from nothing"
            + " (every fact from the questions). The batch modes are unchanged."})
    String opening;

    @Mixin KnowledgeOptions knowledgeOptions = new KnowledgeOptions();

    @Override public Integer call() throws Exception {
        CorpusSplit which = parseSplit();
        boolean json = switch (format) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new Main.UsageError("unknown format '" + format + "' (text or json)");
        };
        boolean prose = switch (answers) {
            case "exact" -> false;
            case "prose" -> true;
            default -> throw new Main.UsageError("unknown --answers '" + answers + "' (exact or prose)");
        };
        if (opening != null && (writeBaseline || checkBaseline || writePriors || calibrate)) {
            throw new Main.UsageError("the baseline, the priors and the calibration hold the figures of the reports' own text: leave out --opening");
        }
        if (prose && (writeBaseline || checkBaseline || writePriors)) {
            throw new Main.UsageError("the baseline and the priors hold the figures of exact answers: leave out --answers prose");
        }
        if ((writeBaseline || checkBaseline) && which != CorpusSplit.DEV) {
            throw new Main.UsageError("the baseline holds the dev split's figures: use --split dev");
        }
        Engine engine = knowledgeOptions.loadEngine(System.err);
        Path knowledgeDir = knowledgeOptions.layers().get(0).knowledge();
        if ((writePriors || writeBaseline) && knowledgeOptions.layers().get(0).isBundled()) {
            // the bundled knowledge is inside the jar: a write would land in a zip file system that is never saved
            throw new Main.UsageError((writePriors ? "--write-priors" : "--write-baseline")
                    + " writes into a knowledge folder: run it in a checkout, or give --knowledge DIR");
        }
        List<Path> corpusFiles = files.isEmpty() ? FieldCorpus.files(knowledgeDir) : files;
        for (Path f : corpusFiles) if (!Files.isRegularFile(f)) throw new Main.UsageError("no such file: " + f);
        if (corpusFiles.isEmpty()) throw new Main.UsageError("no corpus: " + knowledgeDir.resolve("field") + " has no *.jsonl");

        FieldCorpus.Loaded corpus = FieldCorpus.load(corpusFiles, engine.knowledge());
        for (KnowledgeError e : corpus.errors()) System.err.println("error: " + e.describe());
        if (!corpus.errors().isEmpty() && writeBaseline) {
            throw new Main.UsageError(corpus.errors().size() + " invalid record(s): fix them before writing a baseline");
        }
        if (writePriors) {
            if (!files.isEmpty() || which != CorpusSplit.DEV) throw new Main.UsageError("priors come from the dev split of the corpus: no FILE, --split dev");
            if (!corpus.errors().isEmpty()) throw new Main.UsageError(corpus.errors().size() + " invalid record(s): fix them before writing priors");
            Path priorsFile = knowledgeDir.resolve(FieldPriors.FILE);
            Files.writeString(priorsFile, FieldPriors.yaml(corpus.in(CorpusSplit.DEV), engine, JoinOrder.load(knowledgeDir)));
            System.err.println("wrote " + priorsFile);
            return Main.OK;
        }
        List<FieldRecord> records = corpus.in(which);
        String description = describe(corpus, corpusFiles, which, records);
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        // the vote's library is the dev split of the whole corpus (knowledge/field), whatever files are scored: a report never finds itself or a test report
        SimilarVote similar = noSimilarEvidence ? null : Evaluator.heldOut(FieldLibrary.records(engine.knowledge()));
        Evaluator evaluator = new Evaluator(engine, threshold, similar, prose, opening);
        Scoreboard board = evaluator.run(records, workers);
        if (prose) System.err.println(evaluator.proseCounts());

        PrintStream out = System.out;
        if (calibrate) {
            Calibration c = new Calibration(board);
            if (json) out.println(mapper().writeValueAsString(c.toMap(description)));
            else c.print(out, description);
        } else if (json) {
            out.println(mapper().writeValueAsString(ScoreboardJson.toMap(board, corpusInfo(corpus, corpusFiles, which, records), verbose)));
        } else {
            ScoreboardText.print(board, description, out, verbose);
        }

        int exit = corpus.errors().isEmpty() ? Main.OK : Main.USAGE;
        Path baselineFile = knowledgeDir.resolve("field").resolve(Baseline.FILE);
        Baseline now = Baseline.of(board, which.label());
        if (writeBaseline) {
            now.write(baselineFile);
            System.err.println("wrote " + baselineFile);
        } else if (checkBaseline) {
            if (!Files.isRegularFile(baselineFile)) throw new Main.UsageError("no baseline at " + baselineFile + " (write one with --write-baseline)");
            Baseline.Comparison c = Baseline.read(baselineFile).compare(now);
            if (c.corpusChange() != null) System.err.println("✗ " + c.corpusChange() + ": review the figures and run eval --write-baseline");
            c.worse().forEach(w -> System.err.println("✗ " + w));
            c.better().forEach(b -> System.err.println("✓ " + b + " (eval --write-baseline records it)"));
            if (!c.holds() && exit == Main.OK) exit = Main.INTERNAL;
        }
        return exit;
    }

    private CorpusSplit parseSplit() {
        try {
            return CorpusSplit.parse(split);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError(e.getMessage());
        }
    }

    static String describe(FieldCorpus.Loaded corpus, List<Path> files, CorpusSplit which, List<FieldRecord> records) {
        long other = records.stream().filter(FieldRecord::isOther).count();
        return String.format("field corpus: %d file(s), %d reports (dev %d, test %d); split %s: %d reports, %d in our list, %d other causes",
                files.size(), corpus.records().size(), corpus.in(CorpusSplit.DEV).size(), corpus.in(CorpusSplit.TEST).size(),
                which.label(), records.size(), records.size() - other, other);
    }

    private static Map<String, Object> corpusInfo(FieldCorpus.Loaded corpus, List<Path> files, CorpusSplit which, List<FieldRecord> records) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files", files.stream().map(Path::toString).toList());
        m.put("reports", corpus.records().size());
        m.put("invalid", corpus.errors().size());
        m.put("dev", corpus.in(CorpusSplit.DEV).size());
        m.put("test", corpus.in(CorpusSplit.TEST).size());
        m.put("split", which.label());
        m.put("evaluated", records.size());
        return m;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
