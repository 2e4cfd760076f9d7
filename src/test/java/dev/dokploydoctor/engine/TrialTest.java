package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
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
    @Test void everyAnswerOnTheOpenSessionIsWhatAFreshSessionGives() {
        Knowledge knowledge = Knowledge.load(List.of(Knowledge.checkout(Path.of(""))));
        Engine engine = Engine.load(knowledge);
        AnswerSpace space = AnswerSpace.of(knowledge);
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
                        Map<String, Fact> with = new LinkedHashMap<>();
                        for (Fact f : facts) with.put(f.getKey(), f);
                        with.put(answer.getKey(), answer);
                        String fresh = describe(engine.judge(c.id(), new ArrayList<>(with.values()), c.unknown(), Engine.DEFAULT_THRESHOLD).outcome());
                        assertEquals(fresh, describe(trial.with(answer)), file.path() + " with " + answer);
                        compared++;
                    }
                }
                assertEquals(before, describeWithMatches(engine.read(c.id(), trialSession(trial), List.of(), c.unknown(), Engine.DEFAULT_THRESHOLD).outcome()),
                        file.path() + ": the session after the answers");
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
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
