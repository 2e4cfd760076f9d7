package dev.dokploydoctor.cli;

import dev.dokploydoctor.authoring.Scaffold;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate of {@code mvn verify}: the rule base in this checkout (knowledge/) passes
 * {@code rules check} without errors and {@code rules test} without a failed case, so a bad rule
 * cannot land. Warnings are printed but do not fail the build.
 */
class BundledRuleBaseTest {
    private static final String[] CHECKOUT = {"--knowledge", "knowledge", "--no-user-rules"};

    @Test void rulesCheckFindsNoErrors() {
        Cli r = Cli.run(Cli.args("rules", new String[]{"check"}, CHECKOUT));
        System.out.print(r.out());
        assertEquals("", r.err());
        assertEquals(0, r.exit(), "rules check found errors:\n" + r.out().lines().filter(l -> l.contains(": error: ")).reduce("", (a, b) -> a + b + "\n"));
        assertTrue(r.out().contains(": 0 errors, "), r.out());
    }

    @Test void rulesTestPassesEveryCase() {
        Cli r = Cli.run(Cli.args("rules", new String[]{"test"}, CHECKOUT));
        String summary = r.out().lines().reduce("", (a, b) -> b);
        assertTrue(summary.endsWith(" passed, 0 failed"), r.out() + r.err());
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    /** `rules new` writes exactly the head the bundled files have, so a scaffold looks like the real thing. */
    @Test void everyRulesFileStartsWithTheScaffoldsHeader() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("knowledge"))) {
            files = walk.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        assertTrue(files.size() > 20, files.toString());
        for (Path f : files) assertTrue(Files.readString(f).startsWith(Scaffold.DRL_HEADER), f + " does not start with Scaffold.DRL_HEADER");
    }
}
