package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code explain [CAUSE]} runs without picocli's command tree (Main.main): it must print, fail and exit
 * exactly as picocli's run of the same command does. {@code explain -- CAUSE} means the same to picocli
 * and takes its path, so each pair of processes differs only in the path taken.
 */
class PlainExplainTest {
    @TempDir Path home;

    @Test void explainWithoutPicocliPrintsWhatPicocliDoes() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        for (List<String> args : List.of(List.of("explain"), List.of("explain", "multi-container-isolation"),
                List.of("explain", "multi-container-isolaton"), List.of("explain", "no-such-cause-at-all"))) {
            List<String> viaPicocli = new ArrayList<>(args);
            viaPicocli.add(1, "--");
            assertTrue(Main.isPlainExplain(args.toArray(String[]::new)), args.toString());
            assertFalse(Main.isPlainExplain(viaPicocli.toArray(String[]::new)), viaPicocli.toString());
            CliRunner.Result plain = CliRunner.separate(home, project, args.toArray(String[]::new));
            CliRunner.Result picocli = CliRunner.separate(home, project, viaPicocli.toArray(String[]::new));
            assertEquals(picocli, plain, String.join(" ", args));
            assertFalse(plain.out().isEmpty() && plain.err().isEmpty(), String.join(" ", args) + " printed nothing");
        }
    }

    @Test void anythingPicocliWouldParseGoesToPicocli() {
        for (String[] args : List.of(new String[]{"explain", "--help"}, new String[]{"explain", "-h"}, new String[]{"explain", "@args.txt"},
                new String[]{"explain", ""}, new String[]{"explain", "a", "b"}, new String[]{"explain", "a", "--no-user-rules"},
                new String[]{"diagnose", "a"}, new String[]{})) {
            assertFalse(Main.isPlainExplain(args), String.join(" ", args));
        }
    }
}
