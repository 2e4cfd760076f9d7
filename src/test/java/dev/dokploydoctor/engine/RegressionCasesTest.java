package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every regression case of knowledge/cases must give what it expects, from the rules (as `rules test` runs them: without the calibration gate). */
class RegressionCasesTest {
    static Knowledge knowledge;
    static Engine engine;

    @BeforeAll static void load() {
        knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        engine = Engine.load(knowledge).ungated();   // the cases test the rules; CalibrationGateTest tests the gate
    }

    @TestFactory Stream<DynamicTest> everyCase() {
        return knowledge.loadCases().stream().map(file -> DynamicTest.dynamicTest(
                file.causeFolder() + "/" + file.path().getFileName(), () -> {
                    CaseInput c = file.read(knowledge.vocabulary());
                    assertNotNull(c.expect(), file.path() + " has no expect");
                    Outcome o = engine.diagnose(c, Engine.DEFAULT_THRESHOLD);
                    String got = o.status().label() + " " + (o.top() == null ? "-" : o.top().cause() + String.format(" %.2f", o.top().certainty()))
                            + " all=" + o.diagnoses().stream().map(d -> d.cause() + String.format(":%.2f", d.certainty())).toList()
                            + " facts=" + o.facts();
                    CaseInput.Expect e = c.expect();
                    if (e.status() != null) assertEquals(e.status(), o.status().label(), "status; got " + got);
                    if (e.cause() != null) {
                        assertNotNull(o.top(), "no diagnosis; got " + got);
                        assertEquals(e.cause(), o.top().cause(), "top cause; got " + got);
                        if (e.status() == null) {
                            assertTrue(o.status() == Status.DIAGNOSED || o.status() == Status.ADVICE, "not confident; got " + got);
                        }
                    }
                    if (e.not() != null) {
                        boolean confident = o.status() == Status.DIAGNOSED || o.status() == Status.ADVICE;
                        assertFalse(confident && o.top().cause().equals(e.not()), "near-miss confidently diagnosed; got " + got);
                    }
                }));
    }

    /** DESIGN §7: every cause has a positive case and a near-miss. */
    @Test void everyCauseHasPositiveAndNearMissCases() {
        Map<String, int[]> counts = new HashMap<>();
        for (var file : knowledge.loadCases()) {
            CaseInput c = file.read(knowledge.vocabulary());
            if (c.expect() == null) continue;
            if (c.expect().cause() != null) counts.computeIfAbsent(c.expect().cause(), k -> new int[2])[0]++;
            if (c.expect().not() != null) counts.computeIfAbsent(c.expect().not(), k -> new int[2])[1]++;
        }
        List<String> missing = new ArrayList<>();
        for (String cause : knowledge.causes().keySet()) {
            int[] n = counts.getOrDefault(cause, new int[2]);
            if (n[0] < 3) missing.add(cause + ": " + n[0] + " positive (need 3)");
            if (n[1] < 1) missing.add(cause + ": no near-miss");
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    /** Each field-notes example is diagnosed with its lesson's cause, top-ranked. */
    @Test void fieldNotesExamplesAreDiagnosed() throws Exception {
        var root = dev.dokploydoctor.knowledge.Documents.read(Path.of("knowledge/examples/field-notes.yaml"));
        int n = 0;
        for (var node : root.get("cases").items()) {
            CaseInput c = CaseInput.fromNode(node, knowledge.vocabulary(), null, true);
            String expected = c.id().replaceFirst("^lesson-\\d+-", "");
            Outcome o = engine.diagnose(c, Engine.DEFAULT_THRESHOLD);
            assertEquals(Status.DIAGNOSED, o.status(), c.id());
            assertEquals(expected, o.top().cause(), c.id());
            n++;
        }
        assertEquals(11, n);
    }
}
