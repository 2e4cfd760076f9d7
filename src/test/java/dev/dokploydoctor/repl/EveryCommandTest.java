package dev.dokploydoctor.repl;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every REPL command, typed in a real terminal at the very first prompt (before any symptom, most
 * likely while the rules still compile) and again after a result: each one answers and the session
 * goes on. The first impression used to be a NullPointerException on 'help'.
 */
class EveryCommandTest {
    @BeforeAll
    static void needsTmux() { TmuxDriver.requireTmux(); }

    /** One line per command of {@link Command#SPECS}, with and without its argument. */
    static List<String> everyCommand(Path home, String tag) {
        List<String> lines = new ArrayList<>();
        for (Command.Spec s : Command.SPECS) {
            switch (s.name()) {
                case "quit", "change" -> { } // quit ends the session, change asks a question: both tested on their own
                case "how", "why-not", "explain" -> {
                    lines.add(s.name());
                    lines.add(s.name() + " multi-container-isolation");
                }
                case "example" -> lines.add("example");
                case "save" -> {
                    lines.add("save");
                    lines.add("save " + home.resolve(tag + ".yaml"));
                }
                case "report" -> {
                    lines.add("report");
                    lines.add("report " + home.resolve(tag + ".md"));
                }
                default -> lines.add(s.name());
            }
        }
        return lines;
    }

    /** Type each line and wait for a prompt again (the opening's or a question's "> ", or "doctor> "). */
    private static void typeEach(TmuxDriver t, List<String> lines) {
        for (String line : lines) {
            int mark = t.output().length();
            t.line(line);
            long deadline = System.nanoTime() + PipedSessionTest.LONG.toNanos();
            while (!(t.output().length() > mark + line.length() && (t.atPrompt(">") || t.atPrompt("doctor>")))) {
                if (System.nanoTime() > deadline) throw new AssertionError("no prompt after '" + line + "':\n" + t.output().substring(mark));
                Driver.sleep(30);
            }
            String shown = t.output().substring(mark);
            assertFalse(t.exited(), "'" + line + "' ended the session:\n" + shown);
            // (not just "Exception": an extractor's source may quote one, e.g. node's dnsException)
            assertFalse(shown.contains("internal error") || shown.contains("java.lang.")
                    || Pattern.compile("(?m)^\\s+at [a-z]").matcher(shown).find(), "'" + line + "':\n" + shown);
        }
    }

    private static void changeThenCancel(TmuxDriver t, String prompt) {
        int mark = t.output().length();
        t.line("change http.status");
        t.waitFor("\\[http\\.status\\]", mark);
        t.waitForPrompt(">", mark);
        t.keys("C-c");
        t.waitFor("change cancelled", mark);
        t.waitForPrompt(prompt, mark);
    }

    @Test
    void everyCommandAnswersAtTheFirstPromptAndAfterAResult(@TempDir Path home) {
        try (TmuxDriver t = TmuxDriver.start(home, Map.of(), List.of("diagnose", "--no-probe"))) {
            t.waitFor("What do you see\\?[\\s\\S]*^>", 0);
            typeEach(t, everyCommand(home, "first"));
            changeThenCancel(t, ">");
            assertTrue(Files.exists(home.resolve("first.yaml")), "save works before anything was said");

            int mark = t.output().length();
            t.line(PipedSessionTest.ISOLATION_TEXT);
            new WorldAnswerer(t, PipedSessionTest.ISOLATION, mark)
                    .until(Pattern.compile("diagnosis: multi-container-isolation"), mark, PipedSessionTest.LONG);
            t.waitForPrompt("doctor>", mark);

            // the commands that change the state (undo, next, restart) last, so the others see the result
            List<String> after = new ArrayList<>(everyCommand(home, "after"));
            for (String moving : List.of("undo", "next", "restart")) {
                after.remove(moving);
                after.add(moving);
            }
            typeEach(t, after);
            assertTrue(Files.exists(home.resolve("after.md")), "the report was written");
            mark = t.output().length();
            t.line("quit");
            t.waitFor("\\[exit \\d\\]", mark);
        }
    }

    @Test
    void quitAndHelpAtTheVeryFirstPrompt(@TempDir Path home) {
        try (TmuxDriver t = TmuxDriver.start(home, Map.of(), List.of("diagnose", "--no-probe"))) {
            t.waitFor("What do you see\\?[\\s\\S]*^>", 0);
            t.line("help");
            t.waitFor("Commands \\(Tab completes; at any prompt\\)", 0);
            int mark = t.output().length();
            t.line("quit");
            String out = t.waitFor("\\[exit \\d\\]", mark);
            assertFalse(out.contains("internal error"), out);
            // nothing was told or checked: inconclusive (4), never the all-clear a script reads in 0
            assertTrue(out.contains("bye (inconclusive: nothing was described)"), out);
            assertEquals("[exit 4]", out.substring(out.lastIndexOf("[exit")).strip());
        }
    }
}
