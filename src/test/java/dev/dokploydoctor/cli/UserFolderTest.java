package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside a checkout, {@code rules new} writes into $XDG_CONFIG_HOME/dokploy-doctor, adding to the
 * bundled rules (my-&lt;layer&gt;.drl) rather than replacing them, and the tool says at start-up which of
 * the user's files replace bundled ones. Runs the CLI as a separate process, since the user folder
 * comes from the environment.
 */
class UserFolderTest {
    @TempDir Path home;

    private CliRunner.Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return CliRunner.separate(home, workDir, args);
    }

    @Test void outsideACheckoutALessonGoesToTheUserFolder() throws Exception {
        Path work = Files.createDirectories(home.resolve("work"));
        Path user = home.resolve("config/dokploy-doctor");
        // the user's own version of a bundled cause, in the flat layout of older user folders: it
        // still loads, and is announced at start-up
        Path mine = user.resolve("knowledge/causes/wrong-container-port.yaml");
        Files.createDirectories(mine.getParent());
        Files.copy(Path.of("knowledge/causes/wrong-container-port/cause.yaml"), mine);

        CliRunner.Result created = run(work, "rules", "new", "acme-lesson", "--layer", "traefik", "--when", "domain.certificate=custom");
        assertEquals(0, created.exit(), created.out() + created.err());
        assertTrue(created.out().contains(" acme-lesson-positive: expected cause acme-lesson, got diagnosed acme-lesson (0.80)\n"), created.out());
        assertTrue(created.err().contains("note: user " + user + " replaces cause wrong-container-port (" + mine + ")"), created.err());
        assertTrue(created.out().startsWith("wrote into your folder " + user + ":\n"
                + "  " + user.resolve("knowledge/causes/acme-lesson/cause.yaml") + "\n"
                + "  " + user.resolve("knowledge/causes/acme-lesson/rules.drl") + "\n"), created.out());
        assertTrue(Files.readString(user.resolve("knowledge/causes/acme-lesson/rules.drl")).startsWith("package dokploy.rules;"));

        // the bundled rules still count: they and the new one run together
        CliRunner.Result tested = run(work, "rules", "test", "--cause", "acme-lesson");
        assertEquals(0, tested.exit(), tested.out() + tested.err());
        assertTrue(tested.out().endsWith("2 passed, 0 failed\n"), tested.out());
        CliRunner.Result all = run(work, "rules", "test");
        assertEquals(0, all.exit(), all.out());
    }
}
