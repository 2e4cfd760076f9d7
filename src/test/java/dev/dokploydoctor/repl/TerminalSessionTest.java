package dev.dokploydoctor.repl;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guided diagnosis in a real terminal (tmux): line editing, Tab completion, colours, Ctrl-C and
 * Ctrl-D, history. Questions are answered from small worlds, in whatever order the program asks.
 */
class TerminalSessionTest {
    static final Duration LONG = Duration.ofSeconds(120);
    static final Map<String, Object> ISOLATION = Map.of("service.kind", "compose", "service.has_dependencies", true,
            "dependency.running", true, "dependency.shares_network", false, "domain.just_added", true);
    static final Map<String, Object> OWN_REPO = Map.of("compose.editable", true, "compose.can_add_networks", true,
            "service.needs_own_port", false, "service.kind", "compose");

    @BeforeAll
    static void needsTmux() { TmuxDriver.requireTmux(); }

    private static TmuxDriver start(Path home, String... args) {
        TmuxDriver t = TmuxDriver.start(home, Map.of(), List.of(args));
        t.waitFor("What do you see\\?[\\s\\S]*^>", 0);
        return t;
    }

    /** What the user types while the program starts is the first answer, not lost to a terminal probe. */
    @Test
    void aSymptomTypedBeforeTheMenuIsRead(@TempDir Path home) {
        try (TmuxDriver t = TmuxDriver.start(home, Map.of(), List.of("diagnose", "--no-probe"))) {
            t.line("502");   // at once: the JVM has not started yet, the tty keeps it
            t.waitFor("noted: http\\.status = 502", 0);
        }
    }

    /**
     * user15 uc1: a DokPloy Application (said in the answers) got "in docker-compose.yml: services:" and a check
     * filtering on compose labels its swarm task does not have; the fix follows the stack noted.
     */
    @Test
    void anApplicationsFixIsItsEnvironmentTabNotAComposeFile(@TempDir Path home) throws IOException {
        Path answers = home.resolve("answers.yaml");
        Files.writeString(answers, "service.kind: application\ndokploy.used: true\n");
        try (TmuxDriver t = start(home, "diagnose", "--no-probe", "--answers", answers.toString())) {
            t.line("502 Bad Gateway, the log says Server listening on http://127.0.0.1:3000");
            Map<String, Object> world = Map.of("domain.port", 3000L, "http.intermittent", false, "app.listen_bound", "127.0.0.1",
                    "upstream.connection_refused", true, "app.responds_inside", true, "app.dns_failure", false);
            new WorldAnswerer(t, world, 0).until(Pattern.compile("diagnosis: app-listens-on-localhost \\(0\\.\\d\\d\\)"), 0, LONG);
            String done = t.waitFor("^doctor>", 0);
            String fixes = done.substring(done.indexOf("diagnosis: app-listens-on-localhost"));
            assertTrue(fixes.contains("Environment") && fixes.contains("HOSTNAME=0.0.0.0"), fixes);
            assertTrue(fixes.contains("app.listen(3000, '0.0.0.0')"), "a line for the Node/Express stack the log came from:\n" + fixes);
            assertTrue(fixes.contains("com.docker.swarm.service.name="), fixes);
            assertFalse(fixes.contains("in docker-compose.yml:") || fixes.contains("--filter label=com.docker.compose"), fixes);
            int mark = t.output().length();
            t.line("quit");
            t.waitFor("\\[exit \\d\\]", mark);
        }
    }

    /** user15 uc17: 'why' at the domain's port, asked with the app's, said "if 1 (with app.listen_port 2)". */
    @Test
    void whyAtAComparedPortSaysSameOrDifferentNotStandIns(@TempDir Path home) {
        try (TmuxDriver t = start(home, "diagnose", "--no-probe")) {
            t.line("502");
            t.waitFor("\\[domain\\.port\\]", 0);
            int mark = t.output().length();
            t.line("why");
            String why = t.waitFor("I ask domain\\.port because:[\\s\\S]*chosen as", mark).substring(mark);
            assertTrue(why.contains("if it differs from app.listen_port: wrong-container-port"), why);
            assertTrue(why.contains("if it is the same as app.listen_port: "), why);
            assertFalse(why.contains("(with app.listen_port"), "no stand-in values:\n" + why);
            assertFalse(why.matches("(?s).*if [012] .*"), "no stand-in values:\n" + why);
            t.line("quit");
            t.waitFor("\\[exit \\d\\]", mark);
        }
    }

    @Test
    void the502WithEaiAgainPathEndsInIsolationAndExplainsItself(@TempDir Path home) {
        try (TmuxDriver t = start(home, "diagnose", "--no-probe")) {
            t.line("502 Bad Gateway after adding a domain; logs: getaddrinfo EAI_AGAIN postgres");
            t.waitFor("· \\[[a-z0-9_.]+\\]", 0);
            int mark = t.output().length();
            t.line("why");
            String why = t.waitFor("I ask [a-z0-9_.]+ because:[\\s\\S]*it separates: [\\s\\S]*rule '.+' needs it", mark);
            assertTrue(why.substring(mark).contains("if yes:"), "why shows what each answer would do:\n" + why);

            new WorldAnswerer(t, ISOLATION, WorldAnswerer.lastQuestion(t.output()))
                    .until(Pattern.compile("diagnosis: multi-container-isolation \\(0\\.\\d\\d\\)"), mark, LONG);
            String done = t.waitFor("^doctor>", mark);
            assertTrue(done.substring(mark).contains("fix: "), "the diagnosis comes with its fixes:\n" + done);
            assertTrue(done.substring(mark).contains("verify: "), "and how to check the fix:\n" + done);
            assertTrue(t.outputWithEscapes().contains("\u001b["), "colours on a real terminal");

            mark = t.output().length();
            t.line("how");
            t.waitFor("How I reached multi-container-isolation[\\s\\S]*app\\.dns_failure = true", mark);
            mark = t.output().length();
            t.line("why-not dependency-not-running");
            t.waitFor("dependency-not-running (is ruled out|is only)", mark);

            mark = t.output().length();
            t.type("expl");
            t.keys("Tab");
            t.type("multi-c");
            t.keys("Tab", "Enter");
            t.waitFor("^multi-container-isolation  .*\\[layer: ", mark);
            t.waitForPrompt("doctor>", mark);

            mark = t.output().length();
            t.keys("C-d");
            t.waitFor("bye \\(diagnosed: multi-container-isolation\\)\\s+\\[exit 3\\]", mark);
        }
    }

    @Test
    void theRouteDecisionTreeGivesBothAdviceUndoChangesItAndTabCompletesAChoice(@TempDir Path home) {
        try (TmuxDriver t = start(home, "diagnose", "--no-probe")) {
            t.line("8");
            WorldAnswerer toTraefik = new WorldAnswerer(t, OWN_REPO, 0);
            toTraefik.until(Pattern.compile("advice: route-via-traefik"), 0, LONG);
            String lastKey = toTraefik.asked().get(toTraefik.asked().size() - 1);
            t.waitFor("^doctor>", 0);

            int mark = t.output().length();
            t.line("undo");
            t.waitFor("undone: " + Pattern.quote(lastKey) + " = (yes|true)", mark);
            t.waitFor("\\[" + Pattern.quote(lastKey) + "\\]", mark);
            // the other answer to the same question leads the other way
            t.line("no");
            t.waitFor("advice: route-via-direct-tunnel", mark);
            t.waitForPrompt("doctor>", mark);

            // a choice: Tab completes it
            mark = t.output().length();
            t.line("change deploy.status");
            t.waitFor("1\\) done  2\\) error  3\\) running.*\\[deploy\\.status\\]", mark);
            t.waitForPrompt(">", mark);
            t.type("err");
            t.keys("Tab", "Enter");
            t.waitFor("^> error\\s*$", mark);
            t.line("facts");
            t.waitFor("deploy\\.status = error +you: changed", mark);
            t.waitForPrompt("doctor>", mark);
            mark = t.output().length();
            t.line("quit");
            t.waitFor("\\[exit 0\\]", mark);
        }
    }

    @Test
    void anExternalRepoGoesStraightToTheDirectRoute(@TempDir Path home) {
        try (TmuxDriver t = start(home, "diagnose", "--no-probe")) {
            t.line("8");
            WorldAnswerer a = new WorldAnswerer(t, Map.of("compose.editable", false, "compose.can_add_networks", false), 0);
            a.until(Pattern.compile("advice: route-via-direct-tunnel"), 0, LONG);
            assertTrue(a.asked().size() <= 2, "the decision tree is short: " + a.asked());
            t.waitForPrompt("doctor>", 0);
            t.keys("C-d");
            t.waitFor("\\[exit 0\\]", 0);
        }
    }

    @Test
    void anInvalidAnswerIsAskedAgainAndUnknownsEndInconclusive(@TempDir Path home) {
        try (TmuxDriver t = start(home, "diagnose", "--no-probe")) {
            t.line("1");
            String out = t.waitFor("· \\[[a-z0-9_.]+\\]", 0);
            String hint = out.lines().filter(l -> WorldAnswerer.KEY_LINE.matcher(l).find()).reduce((a, b) -> b).orElseThrow();
            int mark = t.output().length();
            t.line(invalidAnswerFor(hint));
            t.waitFor("✗ ", mark);
            assertFalse(t.exited(), "an invalid answer never ends the session");

            WorldAnswerer unknowns = new WorldAnswerer(t, Map.of(), WorldAnswerer.lastQuestion(t.output()));
            unknowns.until(Pattern.compile("inconclusive[\\s\\S]*candidates: "), mark, LONG);
            t.waitFor("would settle it", mark);
            t.waitForPrompt("doctor>", mark);
            mark = t.output().length();
            t.keys("C-d");
            t.waitFor("\\[exit 4\\]", mark);
        }
    }

    @Test
    void ctrlCCancelsTheQuestionAndCtrlDLeavesWithHistoryKeptPrivate(@TempDir Path home) throws IOException {
        try (TmuxDriver t = start(home, "diagnose", "--no-probe")) {
            t.line("1");
            t.waitFor("· \\[[a-z0-9_.]+\\]", 0);
            String key = lastKey(t.output());
            t.waitForPrompt(">", 0);
            int mark = t.output().length();
            t.keys("C-c");
            t.waitFor("question cancelled", mark);
            t.waitFor("^doctor>", mark);
            assertFalse(t.exited(), "Ctrl-C does not end the session");
            t.line("next");
            t.waitFor("\\[" + Pattern.quote(key) + "\\]", mark);
            t.waitForPrompt(">", mark);
            mark = t.output().length();
            t.keys("C-d");
            t.waitFor("bye \\(inconclusive[\\s\\S]*\\[exit 4\\]", mark);
        }
        Path history = home.resolve("state/dokploy-doctor/history");
        assertTrue(Files.isRegularFile(history), "history is kept in $XDG_STATE_HOME/dokploy-doctor/history");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        assertTrue(Files.readString(history).contains("next"), "the lines typed are in the history");
    }

    @Test
    void aMultiLinePasteIsOneAnswer(@TempDir Path home) {
        try (TmuxDriver t = start(home, "diagnose", "--no-probe")) {
            t.paste("Bad Gateway\napp-1  | Error: getaddrinfo EAI_AGAIN postgres");
            t.keys("Enter");
            String out = t.waitFor("noted: .*", 0);
            String noted = out.lines().filter(l -> l.contains("noted:")).findFirst().orElseThrow();
            assertTrue(noted.contains("app.dns_failure = true") && noted.contains("http.status = 502"),
                    "both pasted lines were read as one answer:\n" + out);
            t.waitFor("· \\[[a-z0-9_.]+\\]", 0);
            t.waitForPrompt(">", 0);
            t.keys("C-d");
            t.waitFor("\\[exit ", 0);
        }
    }

    @Test
    void aBrokenRuleBaseIsOneClearErrorEvenWhileWaitingAtThePrompt(@TempDir Path home) throws IOException {
        Path rules = PipedSessionTest.copyRules(home);
        Files.writeString(rules.resolve("zz-broken.drl"), "package dokploy.rules;\n\nrule \"broken\"\nwhen\n    Fact(key == )\nthen\nend\n");
        try (TmuxDriver t = TmuxDriver.start(home, Map.of(), List.of("diagnose", "--no-probe", "--rules", rules.toString()))) {
            String out = t.waitFor("\\[exit 2\\]", 0);
            assertTrue(Pattern.compile("(?m)^error: the rules do not compile:\\s*$").matcher(out).find(), out);
            assertTrue(Pattern.compile("zz-broken\\.drl:\\d+").matcher(out).find(), "names the file and line:\n" + out);
            PipedSessionTest.assertNoStackTrace(out);
        }
    }

    static String lastKey(String out) {
        java.util.regex.Matcher m = WorldAnswerer.KEY_LINE.matcher(out.substring(WorldAnswerer.lastQuestion(out)));
        assertTrue(m.find());
        return m.group(1);
    }

    /** An answer the question's kind cannot take. */
    static String invalidAnswerFor(String hintLine) {
        String kind = hintLine.strip();
        if (kind.startsWith("yes/no")) return "maybe";
        if (kind.startsWith("a number")) return "lots";
        if (kind.startsWith("1)")) return "banana";
        return ""; // text: an empty answer is refused
    }
}
