package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner tries answers on one open session ({@link Trial}); each must give what a fresh
 * session over the case's facts plus that answer gives: every regression case, every answer of
 * every askable fact the case does not have, and the session unchanged after all of them.
 */
class TrialTest {
    private static Knowledge knowledge;
    private static Engine engine;
    private static AnswerSpace space;

    /**
     * A fresh session over a case's own facts plus one answer, read as each test reads it. Both tests
     * build that same session for every case and answer (most of their CPU); whichever runs first
     * builds it, the other compares with it here. Kept as SHA-256 digests of the two readings (one pair
     * per case and answer, small beside the texts); a reading that differs is built again, so a failure shows both texts.
     * Keyed by the case file and the answer's key, value and its type.
     */
    private record Fresh(String described, String read) {}
    private record Digests(java.nio.ByteBuffer described, java.nio.ByteBuffer read) {}
    private static final Map<String, Digests> FRESH = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll static void load() {
        knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        engine = Engine.load(knowledge);
        space = AnswerSpace.of(knowledge);
    }

    private static Fresh freshWithOwnFacts(CaseInput c, List<Fact> own, Fact answer) {
        Engine.Judgement j = fresh(engine, c, own, answer);
        return new Fresh(describe(j.outcome()), read(TrialOutcome.of(j), false));
    }

    /**
     * What a fresh session over the case's own facts and {@code answer} gives equals {@code actual}, read by
     * {@link #describe} ({@code described}) or {@link #read}; the session built once for both tests.
     */
    private static void assertFresh(Knowledge.CaseFile file, CaseInput c, List<Fact> own, Fact answer,
                                    boolean described, String actual, String message) {
        Fresh[] built = new Fresh[1];
        Digests d = FRESH.computeIfAbsent(file.path() + "\u0000" + answer.getKey() + "\u0000" + answer.getValue().getClass().getName() + "\u0000" + answer.getValue(), k -> {
            built[0] = freshWithOwnFacts(c, own, answer);
            return new Digests(sha256(built[0].described()), sha256(built[0].read()));
        });
        if ((described ? d.described() : d.read()).equals(sha256(actual))) return;
        Fresh fresh = built[0] != null ? built[0] : freshWithOwnFacts(c, own, answer);
        assertEquals(described ? fresh.described() : fresh.read(), actual, message);
        throw new AssertionError("the fresh reading's digest differs but not its text: " + message);
    }

    private static java.nio.ByteBuffer sha256(String s) {
        try {
            return java.nio.ByteBuffer.wrap(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test void everyAnswerOnTheOpenSessionIsWhatAFreshSessionGives() {
        int compared = 0;
        for (var file : knowledge.loadCases()) {
            CaseInput c = file.read(knowledge.vocabulary());
            List<Fact> facts = engine.factsOf(c);
            try (Trial trial = engine.trial(c.id(), facts, c.unknown(), Engine.DEFAULT_THRESHOLD)) {
                String before = describeWithMatches(trial.judgement().outcome());
                Set<String> known = new java.util.HashSet<>();
                for (Fact f : trial.judgement().outcome().facts()) known.add(f.getKey());
                for (FactSpec spec : knowledge.vocabulary().all()) {
                    if (spec.question() == null || known.contains(spec.key())) continue;
                    for (Object value : space.values(spec)) {
                        Fact answer = new Fact(spec.key(), value, Fact.USER, "look-ahead");
                        assertFresh(file, c, facts, answer, true, describe(trial.with(answer)), file.path() + " with " + answer);
                        compared++;
                    }
                }
                assertEquals(before, describeWithMatches(engine.read(c.id(), trialSession(trial), List.of(), c.unknown(), Engine.DEFAULT_THRESHOLD).outcome()),
                        file.path() + ": the session after the answers");
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }

    /**
     * What the look-ahead reads of an answer ({@link Trial#outcomeWith}: the case's own reading kept for
     * the causes the answer left alone, implications not run again when the answer implies nothing)
     * is what a fresh session over the case's facts plus the answer gives: every regression case, with
     * and without a similar reports' vote, every answer of every askable fact, and the answers of
     * two of the facts the case's rules need together; the session unchanged after all of them.
     */
    @Test void whatTheLookaheadReadsOfAnAnswerIsWhatAFreshSessionGives() {
        List<String> causes = new ArrayList<>(knowledge.causes().keySet());
        int compared = 0;
        int n = 0;
        for (var file : knowledge.loadCases()) {
            CaseInput c = file.read(knowledge.vocabulary());
            List<Fact> own = engine.factsOf(c);
            boolean voted = own.stream().anyMatch(f -> f.getKey().equals(SimilarFallback.KEY));
            List<List<Fact>> variants = new ArrayList<>(List.of(own));
            if (!voted) {
                List<Fact> withVote = new ArrayList<>(own);
                withVote.add(new Fact(SimilarFallback.KEY, causes.get(n++ % causes.size()), Fact.TEXT, "vote"));
                variants.add(withVote);
            }
            for (List<Fact> facts : variants) {
                try (Trial trial = engine.trial(c.id(), facts, c.unknown(), Engine.DEFAULT_THRESHOLD)) {
                    String before = describeWithMatches(trial.judgement().outcome());
                    Set<String> known = new java.util.HashSet<>();
                    for (Fact f : trial.judgement().outcome().facts()) known.add(f.getKey());
                    List<FactSpec> askable = new ArrayList<>();
                    for (FactSpec spec : knowledge.vocabulary().all()) {
                        if (spec.question() != null && !known.contains(spec.key())) askable.add(spec);
                    }
                    for (FactSpec spec : askable) {
                        for (Object value : space.values(spec)) {
                            Fact answer = new Fact(spec.key(), value, Fact.USER, "look-ahead");
                            String old = read(TrialOutcome.of(trial.judgementWith(answer)), false);
                            String now = read(trial.outcomeWith(answer), false);
                            assertEquals(old, now, file.path() + " with " + answer + ": the look-ahead's reading and the engine's");
                            if (facts == own) {
                                assertFresh(file, c, own, answer, false, read(trial.outcomeWith(answer), false), file.path() + " with " + answer);
                            } else {
                                assertEquals(read(TrialOutcome.of(fresh(engine, c, facts, answer)), false), read(trial.outcomeWith(answer), false),
                                        file.path() + " with " + answer);
                            }
                            compared++;
                        }
                    }
                    List<String> needed = new ArrayList<>();
                    for (Need need : trial.judgement().needs()) if (!needed.contains(need.getKey())) needed.add(need.getKey());
                    // the first four needed facts, two at a time, as the look-ahead tries a rule's two open needs
                    for (int i = 0; i < Math.min(needed.size(), 4); i++) {
                        for (int j = i + 1; j < Math.min(needed.size(), 4); j++) {
                            String a = needed.get(i);
                            String b = needed.get(j);
                            FactSpec first = knowledge.vocabulary().get(a);
                            FactSpec second = knowledge.vocabulary().get(b);
                            if (!askable.contains(first) || !askable.contains(second)) continue;
                            for (Object x : space.values(first)) {
                                for (Object y : space.values(second)) {
                                    Fact[] answers = {new Fact(a, x, Fact.USER, "look-ahead"), new Fact(b, y, Fact.USER, "look-ahead")};
                                    assertEquals(read(TrialOutcome.of(trial.judgementWith(answers)), false), read(trial.outcomeWith(answers), false),
                                            file.path() + " with " + List.of(answers) + ": the look-ahead's reading and the engine's");
                                    assertEquals(read(TrialOutcome.of(fresh(engine, c, facts, answers)), false), read(trial.outcomeWith(answers), false),
                                            file.path() + " with " + List.of(answers));
                                    compared++;
                                }
                            }
                        }
                    }
                    assertEquals(before, describeWithMatches(engine.read(c.id(), trialSession(trial), List.of(), c.unknown(), Engine.DEFAULT_THRESHOLD).outcome()),
                            file.path() + ": the session after the answers");
                }
            }
        }
        assertTrue(compared > 5000, "compared " + compared);
    }

    private static Engine.Judgement fresh(Engine engine, CaseInput c, List<Fact> facts, Fact... answers) {
        Map<String, Fact> with = new LinkedHashMap<>();
        for (Fact f : facts) with.put(f.getKey(), f);
        for (Fact answer : answers) with.put(answer.getKey(), answer);
        return engine.judge(c.id(), new ArrayList<>(with.values()), c.unknown(), Engine.DEFAULT_THRESHOLD);
    }

    /**
     * Everything the look-ahead reads, certainties exact (not rounded). A need's rule only with
     * {@code rules}: two rules that need one fact for one cause keep one Need, the first to fire,
     * which depends on what fired before (a fresh session, or the last answer's removal taken back
     * in the next answer's firing) and can be the other one; the look-ahead reads a need's fact and cause.
     */
    private static String read(TrialOutcome o, boolean rules) {
        StringBuilder sb = new StringBuilder(o.status().label()).append('\n');
        if (o.top() != null) sb.append("top ").append(o.top().cause()).append(' ').append(o.top().certainty()).append('\n');
        new java.util.TreeMap<>(o.fromRules()).forEach((cause, cf) -> sb.append(cause).append(' ').append(cf).append('\n'));
        List<Need> needs = new ArrayList<>(o.needs());
        needs.sort(Engine.NEED_ORDER);
        for (Need need : needs) sb.append(need.getKey()).append(' ').append(need.getCause()).append(' ').append(rules ? need.getRule() : "").append('\n');
        return sb.toString();
    }

    /** The session after the answers must be the one before them, down to what each evidence matched. */
    private static String describeWithMatches(Outcome o) {
        StringBuilder sb = new StringBuilder(describe(o));
        for (Evidence e : o.evidence()) sb.append(e.getMatched()).append('\n');
        return sb.toString();
    }

    private static org.kie.api.runtime.KieSession trialSession(Trial trial) { return trial.session(); }

    /**
     * Everything of an outcome the planner reads: status, certainties, evidence and facts. Not which
     * facts a piece of evidence matched: a rule with an {@code or} that matches twice keeps one
     * Evidence, the first to fire, and with the answer added last that can be the other one.
     */
    private static String describe(Outcome o) {
        StringBuilder sb = new StringBuilder(o.status().label()).append('\n');
        for (Diagnosis d : o.diagnoses()) sb.append(d.cause()).append(' ').append(d.certainty()).append('\n');
        for (Evidence e : o.evidence()) sb.append(e).append('\n');
        for (Fact f : o.facts()) sb.append(f).append(' ').append(f.getSource()).append(' ').append(f.getEvidence()).append('\n');
        return sb.toString();
    }
}
