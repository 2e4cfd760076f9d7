package dev.dokploydoctor.knowledge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** priors.yaml: a weight the planner can divide by, a share from 0 to 1. */
class PriorsTest {
    private static Priors read(String yaml) {
        return Priors.fromNode(Documents.parse(yaml, "priors.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Infinity", "'1e999'", "NaN", "-1", "0"}) // YAML's own .inf and .nan are refused as numbers already
    void aWeightThatIsNotAFinitePositiveNumberIsRefusedWithItsLine(String weight) {
        KnowledgeError e = assertThrows(KnowledgeError.class, () -> read("priors:\n  some-cause: 2\n  other-cause: " + weight + "\n"));
        assertTrue(e.describe().contains("priors.yaml:3"), e.describe());
        assertTrue(e.describe().contains("expected a weight (a finite number > 0)"), e.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "1", "2.5", "1e6"})
    void aFinitePositiveWeightIsRead(String weight) {
        assertEquals(Double.parseDouble(weight), read("priors:\n  some-cause: " + weight + "\n").weight("some-cause"));
    }
}
