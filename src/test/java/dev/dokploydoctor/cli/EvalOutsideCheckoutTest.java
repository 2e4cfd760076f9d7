package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Outside a checkout the knowledge is the jar's own: eval's writers refuse instead of writing into
 * the jar's zip file system (never saved) and saying "wrote /bundled/knowledge/priors.yaml".
 */
class EvalOutsideCheckoutTest {
    @Test void writingPriorsOrABaselineNeedsAKnowledgeFolder(@TempDir Path anywhere) {
        for (String writer : new String[] {"--write-priors", "--write-baseline"}) {
            Launch.Result r = Launch.runIn(anywhere, "eval", writer);
            assertEquals(2, r.exit(), r.all());
            assertTrue(r.err().contains(writer + " writes into a knowledge folder: run it in a checkout, or give --knowledge DIR"), r.all());
            assertFalse(r.all().contains("wrote "), r.all());
        }
    }
}
