package dev.dokploydoctor.similar;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collection, not judgement: the {@link #K} field reports nearest to a case's text (and the facts
 * stated with it) vote for the cause each turned out to be, and a clear winner becomes one fact,
 * {@code similar.cause}, with the vote and the links as its evidence. The engine weighs it only
 * when the rules barely know (engine/SimilarFallback). No text, no vote: a case of facts alone
 * never touches the index.
 *
 * <p>Chosen before measuring, not swept on dev: {@code K = 5} is the vote the leave-one-out
 * experiment of issue 12 measured (66% of dev reports in our list had their own cause first); a
 * winner needs {@link #MIN_VOTES} = 2 (one report is an anecdote, while 2 of 5 sharing a cause is
 * well above what the commonest cause, about 1 in 10 reports, gives by chance) and more votes than
 * any other cause (a tie takes no side). {@code other:} families vote like causes; a vote won by one
 * is still reported (the nearest reports were about something outside our list) and supports nothing.
 */
public final class SimilarVote {
    /** The fact key (knowledge/facts.yaml) the engine reads. */
    public static final String KEY = "similar.cause";
    public static final int K = 5;
    public static final int MIN_VOTES = 2;
    /** The fact key of the look-alike sign: the nearest reports were mostly causes outside our list. */
    public static final String LOOKALIKE_KEY = "similar.lookalike";
    /** The look-alike sign reads the nearest {@code LOOKALIKE_OF} reports ... */
    static final int LOOKALIKE_OF = 3;
    /** ... and needs this many of them to be {@code other:} families ... */
    static final int LOOKALIKE_VOTES = 2;
    /**
     * ... each at least this similar (BM25). Chosen on dev (knowledge/README.md, "Similar field
     * reports"): below it the nearest reports share a word or two, and the sign held back diagnoses
     * that were right.
     */
    static final double LOOKALIKE_FLOOR = 15.0;

    /** A clear winner: its cause, how many of the nearest reports had it, and those reports. */
    public record Vote(String cause, int votes, int of, List<SimilarReports.Match> voters) {
        /** "3 of 5 similar field reports: wrong-container-port (link, link, link)". */
        public String describe() {
            List<String> links = voters.stream().map(SimilarReports.Match::link).toList();
            return votes + " of " + of + " similar field reports: " + cause + " (" + String.join(", ", links) + ")";
        }
    }

    private final Supplier<SimilarReports> source;
    private volatile SimilarReports library;

    /** A vote over this library (eval's: the dev records only). */
    public SimilarVote(SimilarReports library) {
        this.source = () -> library;
        this.library = library;
    }

    private SimilarVote(Supplier<SimilarReports> source) { this.source = source; }

    /** A vote over the whole field corpus of {@code knowledge}, indexed on the first text (once per process). */
    public static SimilarVote of(Knowledge knowledge) { return new SimilarVote(() -> FieldLibrary.of(knowledge)); }

    private SimilarReports library() {
        SimilarReports l = library;
        if (l == null) {
            synchronized (this) {
                if (library == null) library = source.get();
                l = library;
            }
        }
        return l;
    }

    /** The vote for this text and these stated facts, leaving out the report at {@code excludedSource}; null without a winner. */
    public Vote vote(String text, Map<String, Object> stated, String excludedSource) {
        if (text == null || text.isBlank()) return null;
        return vote(library().similar(text, stated, K, excludedSource));
    }

    private static Vote vote(List<SimilarReports.Match> nearest) {
        Map<String, List<SimilarReports.Match>> byCause = new LinkedHashMap<>();
        for (SimilarReports.Match m : nearest) byCause.computeIfAbsent(m.cause(), c -> new ArrayList<>()).add(m);
        String leader = null;
        int most = 0, second = 0;
        for (Map.Entry<String, List<SimilarReports.Match>> e : byCause.entrySet()) {
            int n = e.getValue().size();
            if (n > most) {
                second = most;
                most = n;
                leader = e.getKey();
            } else if (n > second) {
                second = n;
            }
        }
        if (leader == null || most < MIN_VOTES || most == second) return null;
        return new Vote(leader, most, nearest.size(), List.copyOf(byCause.get(leader)));
    }

    /**
     * The look-alike sign: at least {@link #LOOKALIKE_VOTES} of the {@link #LOOKALIKE_OF} nearest reports, each at least
     * {@link #LOOKALIKE_FLOOR} similar, turned out to be causes outside our list; null otherwise.
     */
    public static String lookalikes(List<SimilarReports.Match> nearest) {
        List<String> others = new ArrayList<>();
        for (SimilarReports.Match m : nearest.subList(0, Math.min(LOOKALIKE_OF, nearest.size()))) {
            if (m.record().isOther() && m.score() >= LOOKALIKE_FLOOR) others.add(m.cause() + " (" + m.link() + ")");
        }
        if (others.size() < LOOKALIKE_VOTES) return null;
        return others.size() + " of the " + LOOKALIKE_OF + " nearest field reports were causes outside our list: " + String.join(", ", others);
    }

    /**
     * The vote as facts: {@code similar.cause} when there is a winner, and {@code similar.lookalike} when the nearest
     * reports were mostly look-alikes ({@link #lookalikes}); each only when the vocabulary declares its key.
     * The report {@code excludedSource} (a case's own, when the field corpus is scored) is not among the nearest,
     * and the nearest reports whose cause is in {@code refuted} are left out of the vote: a report whose cause the
     * case's own facts rule out (the rules speak against it: engine's {@code refutedBy}) is not like the case, and "4 of 5 similar field reports: app-listens-on-localhost" beside
     * a log that says the app listens on 0.0.0.0 points the user the wrong way (user24). The others still vote, as
     * {@code n of m} where m counts only them; the look-alike sign reads all of the nearest.
     */
    public List<Fact> collect(String text, Map<String, Object> stated, Vocabulary vocabulary, String excludedSource,
                              Set<String> refuted) {
        if (!vocabulary.contains(KEY) || text == null || text.isBlank()) return List.of();
        List<SimilarReports.Match> nearest = library().similar(text, stated, K, excludedSource);
        List<Fact> out = new ArrayList<>();
        Vote v = vote(refuted.isEmpty() ? nearest : nearest.stream().filter(m -> !refuted.contains(m.cause())).toList());
        // read from the text, as extracted facts are: a saved session does not keep it as stated
        if (v != null) out.add(new Fact(KEY, v.cause(), Fact.TEXT, v.describe()));
        String lookalikes = lookalikes(nearest);
        if (lookalikes != null && vocabulary.contains(LOOKALIKE_KEY)) out.add(new Fact(LOOKALIKE_KEY, true, Fact.TEXT, lookalikes));
        return out;
    }

    /** The vote of all the nearest reports (none excluded, none refuted). */
    public List<Fact> collect(String text, Map<String, Object> stated, Vocabulary vocabulary) {
        return collect(text, stated, vocabulary, null, Set.of());
    }
}
