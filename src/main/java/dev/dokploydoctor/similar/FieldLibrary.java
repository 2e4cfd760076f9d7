package dev.dokploydoctor.similar;

import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.Knowledge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field corpus of a knowledge (every layer's field/*.jsonl) as a case library, loaded and
 * indexed once per process, on first use: the list of similar reports, the vote of batch, diagnose
 * and the REPL share one index, and a run that never reads a text never pays for it. Keyed by the
 * corpus files' names, so two loads of one knowledge folder share it too.
 */
public final class FieldLibrary {
    private static final Map<List<String>, SimilarReports> INDEXED = new ConcurrentHashMap<>();

    private FieldLibrary() {}

    /** The whole corpus of {@code knowledge}, indexed (built by the first caller; the others wait for it). */
    public static SimilarReports of(Knowledge knowledge) {
        List<FieldCorpus.Source> sources = FieldCorpus.sources(knowledge);
        List<String> names = sources.stream().map(FieldCorpus.Source::name).toList();
        return INDEXED.computeIfAbsent(names, f -> SimilarReports.of(FieldCorpus.loadSources(sources, knowledge).records()));
    }

    /** The corpus records of {@code knowledge}, unindexed (eval builds its own library from the dev split). */
    public static List<FieldRecord> records(Knowledge knowledge) {
        return FieldCorpus.loadSources(FieldCorpus.sources(knowledge), knowledge).records();
    }
}
