package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.CorpusSplit;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.repl.AnswerReading;
import dev.dokploydoctor.repl.Reply;
import dev.dokploydoctor.similar.FieldLibrary;
import dev.dokploydoctor.similar.SimilarReports;
import dev.dokploydoctor.similar.SimilarVote;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs field reports three ways on one engine: batch with text and facts, batch with the text
 * alone, and a simulated interview in which the REPL's planner asks and the answers come from the
 * report's truth and what it implies ("unknown" to anything else), up to {@link #MAX_QUESTIONS}.
 * Reports run in parallel; each result depends on its report alone, so the figures do not.
 */
public final class Evaluator {
    public static final int MAX_QUESTIONS = 12;

    private final Engine engine;
    private final double threshold;
    private final InterviewPlanner planner;
    private final SimilarVote similar;
    /** Null: the simulated user answers with the truth's values as they are; else in sentences. */
    private final ProseUser prose;
    /** Null: the simulated user types the report's text at the first prompt; else this text for every report. */
    private final String opening;

    /** With the similar field reports' vote as it ships, over the dev records only ({@link #heldOut}). */
    public Evaluator(Engine engine, double threshold) {
        this(engine, threshold, heldOut(FieldLibrary.records(engine.knowledge())));
    }

    /** {@code similar} null: no vote (to measure what it adds). */
    public Evaluator(Engine engine, double threshold, SimilarVote similar) {
        this(engine, threshold, similar, false);
    }

    /** {@code proseAnswers}: the simulated user answers in sentences that the REPL must read ({@link ProseUser}). */
    public Evaluator(Engine engine, double threshold, SimilarVote similar, boolean proseAnswers) {
        this(engine, threshold, similar, proseAnswers, null);
    }

    /**
     * {@code opening}: what every simulated user types at the first prompt instead of their report's text (null: the
     * report's own): "my site is broken" measures the interview from nothing, every fact from the questions.
     */
    public Evaluator(Engine engine, double threshold, SimilarVote similar, boolean proseAnswers, String opening) {
        this.opening = opening == null || opening.isBlank() ? null : opening.strip();
        this.engine = engine;
        this.threshold = threshold;
        this.planner = new InterviewPlanner(engine, threshold);
        this.similar = similar;
        this.prose = proseAnswers ? new ProseUser(engine.extraction()) : null;
    }

    /** How the prose answers were read so far (one line); null when the answers are exact. */
    public String proseCounts() { return prose == null ? null : prose.counts().line(); }

    /**
     * The library eval votes with: the dev records of the corpus, nothing else. Evaluating dev, each
     * report is also left out of its own vote ({@link #vote}, by URL), so no report finds itself;
     * evaluating test, no report finds itself or a test sibling. Users get the whole corpus.
     */
    public static SimilarVote heldOut(List<FieldRecord> corpus) {
        return new SimilarVote(SimilarReports.of(corpus.stream().filter(CorpusSplit.DEV::includes).toList()));
    }

    /** The vote for report {@code r} read with these stated facts, never counting {@code r} itself; null without a winner or a vote. */
    SimilarVote.Vote vote(FieldRecord r, Map<String, Object> stated) {
        return similar == null ? null : similar.vote(r.text(), stated, r.source());
    }

    /** The similar reports' vote on {@code text}, as typed for report {@code r} (never finding {@code r} itself). */
    private List<Fact> similarFacts(String text, FieldRecord r, Map<String, Object> stated) {
        return similar == null ? List.of() : similar.collect(text, stated, engine.knowledge().vocabulary(), r.source(), java.util.Set.of());
    }

    public Scoreboard run(List<FieldRecord> records, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Scoreboard.Run>> futures = new ArrayList<>();
            for (FieldRecord r : records) futures.add(pool.submit(() -> run(r)));
            List<Scoreboard.Run> runs = new ArrayList<>();
            for (Future<Scoreboard.Run> f : futures) runs.add(f.get());
            return new Scoreboard(runs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public Scoreboard.Run run(FieldRecord r) {
        Map<Mode, Trial> trials = new EnumMap<>(Mode.class);
        List<Fact> textFacts = engine.extraction().extract(r.text());
        trials.put(Mode.TEXT_AND_FACTS, batch(r, r.facts(), textFacts, Mode.TEXT_AND_FACTS));
        trials.put(Mode.TEXT, batch(r, Map.of(), textFacts, Mode.TEXT));
        trials.put(Mode.INTERVIEW, interview(r));
        SimilarVote.Vote alone = vote(r, Map.of());
        return new Scoreboard.Run(r, trials, alone == null ? null : alone.cause());
    }

    /** Batch with the report's text alone (as {@link Mode#TEXT} in {@link #run(FieldRecord)}). */
    Trial textAlone(FieldRecord r) {
        return batch(r, Map.of(), engine.extraction().extract(r.text()), Mode.TEXT);
    }

    private Trial batch(FieldRecord r, Map<String, Object> facts, List<Fact> textFacts, Mode mode) {
        CaseInput c = new CaseInput(r.source(), r.text(), facts, Set.of(), null, r.file(), r.line());
        return Trial.of(r, mode, engine.diagnose(c, threshold, similarFacts(r.text(), r, facts)), textFacts, List.of());
    }

    /** The user types the report's text (or the {@code opening}, when given) at the first prompt, then answers each question from truth. */
    public Trial interview(FieldRecord r) {
        String typed = this.opening == null ? r.text() : this.opening;
        List<Fact> read = planner.opening(typed);
        if (read == null) return Trial.unread(r);
        List<Fact> opening = new ArrayList<>(read);
        // as the REPL's first prompt does with free text
        opening.addAll(similarFacts(typed, r, Map.of()));
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (Fact f : opening) facts.put(f.getKey(), f);
        Set<String> unknown = new LinkedHashSet<>();
        List<String> asked = new ArrayList<>();
        List<String> purposes = new ArrayList<>();
        Map<String, Object> truth = planner.answers(r.truth());
        while (true) {
            InterviewPlanner.Next next = planner.next(facts.values(), unknown, asked.size());
            if (next.key() == null) return Trial.of(r, Mode.INTERVIEW, next.outcome(), opening, asked, purposes, next.why());
            String key = next.key();
            asked.add(key);
            purposes.add(next.why());
            Object value = truth.get(key);
            if (prose != null) {
                answerInProse(r, key, value, facts, unknown);
                continue;
            }
            if (value == null) {
                unknown.add(key);
            } else {
                facts.put(key, new Fact(key, value, Fact.USER, "answered"));
                unknown.remove(key);
            }
        }
    }

    /** As the REPL's question loop: the answer read from the user's sentence, and whatever else it said. */
    private void answerInProse(FieldRecord r, String key, Object value, Map<String, Fact> facts, Set<String> unknown) {
        AnswerReading read = prose.answer(r.source(), engine.knowledge().vocabulary().get(key), value, k -> facts.get(k) == null ? null : facts.get(k).getValue());
        for (Fact f : read.alsoSaid()) {
            if (facts.putIfAbsent(f.getKey(), f) == null) unknown.remove(f.getKey());
        }
        if (read.reply() instanceof Reply.Value v) {
            facts.put(key, new Fact(key, v.value(), Fact.USER, "answered"));
            unknown.remove(key);
        } else if (read.reply() instanceof Reply.Unknown) {
            unknown.add(key);
        }
    }
}
