package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner on the tiny rule base of src/test/resources/.../repl/planner: a leader, two outsiders. */
class PlannerTest {
    static final Engine ENGINE = fixture("/dev/dokploydoctor/repl/planner");

    /** A tiny rule base from a test resource folder with rules/ and knowledge/. */
    static Engine fixture(String resource) {
        try {
            Path dir = Path.of(PlannerTest.class.getResource(resource).toURI());
            return Engine.load(Knowledge.load(List.of(new Knowledge.Layer("fixture", dir.resolve("rules"), dir.resolve("knowledge")))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Fact user(String key, Object value) { return new Fact(key, value, Fact.USER, "test"); }

    @Test
    void fromNothingTheFirstQuestionIsASymptom() {
        Planner.Plan p = ENGINE.planner().next(List.of(), Set.of());
        assertNotNull(p, "a first question from zero facts");
        assertTrue(Set.of("sym", "other").contains(p.question().key()), p.question().key());
    }

    @Test
    void confirmingTheLeaderBeatsSeparatingTheOutsiders() {
        Planner.Plan p = ENGINE.planner().next(List.of(user("sym", true)), Set.of());
        assertEquals("b", p.question().key(), "b settles the leader; a only separates two outsiders");
        Planner.Preview yes = p.previews().get(0);
        assertEquals(Boolean.TRUE, yes.value());
        assertEquals(Status.DIAGNOSED, yes.status());
        assertEquals("lead", yes.topCause());
        assertEquals(List.of("lead"), p.previews().get(1).ruledOut(), "no rules the leader out");
    }

    @Test
    void neverAsksWhatIsKnownOrAnsweredUnknownAndStopsWhenNothingCanMove() {
        List<String> ranked = ENGINE.planner().rank(List.of(user("sym", true)), Set.of("b"), null).stream()
                .map(p -> p.question().key()).toList();
        assertEquals(List.of("a"), ranked, "neither sym (known) nor b (unknown)");
        // with b unknown, a only moves the outsiders: no answer takes a cause across the threshold or
        // rules out the leader, so the interview stops instead of asking it (batch still lists it)
        assertNull(ENGINE.planner().next(List.of(user("sym", true)), Set.of("b")));
        assertNull(ENGINE.planner().next(List.of(user("sym", true), user("other", false)), Set.of("a", "b", "c")));
    }

    @Test
    void isDeterministic() {
        List<Fact> facts = List.of(user("other", true));
        Planner.Plan first = ENGINE.planner().next(facts, Set.of());
        for (int i = 0; i < 5; i++) assertEquals(first.question().key(), ENGINE.planner().next(facts, Set.of()).question().key());
    }

    @Test
    void theGainIsTheEntropyDropOfAPerfectSplit() {
        // two equally likely causes, each predicting its own answer: one bit
        double[] belief = {0.5, 0.5};
        double[][] likelihood = {{1, 0}, {0, 1}};
        assertEquals(1.0, Planner.entropy(belief) - Planner.expectedEntropy(belief, likelihood), 1e-9);
    }

    /** The planner fixture with priors.yaml saying one user in ten can tell b. */
    static Engine bRarelyTold(Path tmp) throws IOException, URISyntaxException {
        Path dir = Path.of(PlannerTest.class.getResource("/dev/dokploydoctor/repl/planner").toURI());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                Path to = tmp.resolve(dir.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to);
            }
        }
        Files.writeString(tmp.resolve("knowledge/priors.yaml"), "answerable:\n  b: {all: 0.1}\n");
        return Engine.load(Knowledge.load(List.of(new Knowledge.Layer("fixture", tmp.resolve("rules"), tmp.resolve("knowledge")))));
    }

    @Test
    void aFactAProbeMayStillAnswerCountsAsAnswerableAndNoLongerOnceItsProbeReported(@TempDir Path tmp) throws IOException, URISyntaxException {
        Engine rare = bRarelyTold(tmp);
        List<Fact> facts = List.of(user("sym", true));
        Planner.Plan always = ENGINE.planner().rank(facts, Set.of(), Set.of("b")).get(0);
        // a probe that runs may still answer b: the user need not be able to tell it
        Planner.Plan probed = rare.planner(Engine.DEFAULT_THRESHOLD, Set.of("b")).rank(facts, Set.of(), Set.of("b")).get(0);
        assertEquals(always.gain(), probed.gain(), 1e-9);
        // its probe reported without answering b (it could not check): b is worth what a user can tell
        Planner.Plan reported = rare.planner(Engine.DEFAULT_THRESHOLD, Set.of()).rank(facts, Set.of(), Set.of("b")).get(0);
        assertEquals(0.1 * always.gain(), reported.gain(), 1e-9);
        // another fact a probe may answer changes nothing for b
        Planner.Plan other = rare.planner(Engine.DEFAULT_THRESHOLD, Set.of("a")).rank(facts, Set.of(), Set.of("b")).get(0);
        assertEquals(reported.gain(), other.gain(), 1e-9);
    }

    @Test
    void aQuestionFewUsersCanAnswerIsWorthThatMuchLess(@TempDir Path tmp) throws IOException, URISyntaxException {
        Engine rare = bRarelyTold(tmp);
        List<Fact> facts = List.of(user("sym", true));
        Planner.Plan always = ENGINE.planner().rank(facts, Set.of(), Set.of("b")).get(0);
        Planner.Plan seldom = rare.planner().rank(facts, Set.of(), Set.of("b")).get(0);
        // a "don't know" tells nothing: the expected gain is the gain of an answer times the chance of one
        assertEquals(0.1 * always.gain(), seldom.gain(), 1e-9);
        // what each answer would do is unchanged: it still diagnoses the leader when the user can tell
        assertEquals(Status.DIAGNOSED, seldom.previews().get(0).status());
        assertEquals(always.previews().get(0).chance(), seldom.previews().get(0).chance(), 1e-9);
        // but the chance that it ends in that diagnosis, rightly, counts the users who cannot tell
        Planner.Preview diagnosing = always.previews().get(0);
        assertTrue(diagnosing.rightChance() > 0 && diagnosing.rightChance() <= diagnosing.chance(), diagnosing.toString());
        assertEquals(0.1 * diagnosing.rightChance(), seldom.previews().get(0).rightChance(), 1e-9);
        for (Planner.Preview v : always.previews()) if (!v.status().isConclusive()) assertEquals(0.0, v.rightChance());
    }
}
