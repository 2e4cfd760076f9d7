package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 9 item 11: every verify command written to run ({@code verify: {run, shows}}) is run on a real broken host. */
class VerifyCoverageTest {
    @Test void everyRunnableVerifyHasABrokenHostScenario() {
        Knowledge k = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        Set<String> runnable = new TreeSet<>();
        for (Cause c : k.causes().values()) if (c.check() != null) runnable.add(c.id());
        assertEquals(new TreeSet<>(BrokenHostScenariosTest.VERIFIED_ON_A_BROKEN_HOST), runnable,
                "a cause with verify: {run, shows} needs a scenario in BrokenHostScenariosTest that runs it (assertVerify)");
    }
}
