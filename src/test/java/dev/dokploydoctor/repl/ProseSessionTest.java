package dev.dokploydoctor.repl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REPL on a real pipe, answered as people type: whole sentences, "no idea", an answer that says
 * more than was asked, and answers it cannot read (it must not loop).
 */
class ProseSessionTest {
    static final Duration LONG = Duration.ofSeconds(120);

    private static PipedDriver start(Path home) {
        return PipedDriver.start(home, Map.of(), List.of("diagnose", "--no-probe"));
    }

    /** A sentence for each kind of truth: what a person would type. */
    static String sentence(String key, Object value) {
        if (value == null) return "no idea, I haven't checked";
        if (value instanceof Boolean b) return b ? "yes, I checked that" : "nope, never touched it";
        if (value instanceof List<?> l) return "it's on " + String.join(" and ", l.stream().map(String::valueOf).toList());
        if (value instanceof Number n) return "it shows " + n;
        return "it says " + value;
    }

    @Test
    void anInterviewAnsweredInSentencesEndsAsOneAnsweredInValues(@TempDir Path home) {
        try (PipedDriver s = start(home)) {
            s.line(PipedSessionTest.ISOLATION_TEXT);
            WorldAnswerer answerer = new WorldAnswerer(s, PipedSessionTest.ISOLATION, 0, ProseSessionTest::sentence);
            String out = answerer.until(Pattern.compile("diagnosis: multi-container-isolation"), 0, LONG);
            assertFalse(Pattern.compile("(?m)^  ✗ ").matcher(out).find(), "every sentence was read (no answer refused):\n" + out);
            assertTrue(out.contains("> nope, never touched it\n") || out.contains("> yes, I checked that\n"), out);
            s.line("quit");
            assertEquals(3, s.exitCode());
        }
    }

    @Test
    void anAnswerThatSaysMoreIsReadForBoth(@TempDir Path home) {
        try (PipedDriver s = start(home)) {
            s.line("my app says 502");
            int at = askedYesNo(s);
            s.line("no, but the logs say connect ECONNREFUSED 127.0.0.1:3000");
            s.waitFor("noted: upstream.connection_refused = true", at);
            int mark = s.output().length();
            s.line("facts");
            String facts = s.waitFor("upstream.connection_refused = true[^\\n]*in your answer to", mark);
            assertTrue(facts.contains("= false"), "the no is recorded too:\n" + facts);
            s.line("quit");
        }
    }

    @Test
    void twoAnswersItCannotReadCountAsNotKnownAndTheInterviewGoesOn(@TempDir Path home) {
        try (PipedDriver s = start(home)) {
            s.line("my app says 502");
            s.waitFor("\\[([a-z0-9_.]+)\\]\\s*\\n> $", 0);
            String first = lastKey(s.output());
            int mark = s.output().length();
            s.line("\u00af\\_(\u30c4)_/\u00af");
            s.waitFor("✗ [^\\n]*\\n[^\\n]*\\n> $", mark);
            s.line("\u00af\\_(\u30c4)_/\u00af \u00af\\_(\u30c4)_/\u00af");
            String out = s.waitFor("counts as not known[\\s\\S]*\\[[a-z0-9_.]+\\]\\s*\\n> $", mark);
            assertTrue(out.contains(first + " counts as not known"), out);
            assertFalse(lastKey(out).equals(first), "the next question is another:\n" + out);
            s.line("quit");
        }
    }

    /** A user whose proxy is Caddy: every question about Traefik is answered so, the rest "no idea". */
    static String caddyUser(String key, Object value) {
        return key.startsWith("traefik.") ? "there's no traefik, I use caddy" : "no idea";
    }

    @Test
    void aUserWithoutTraefikGetsNoTraefikCause(@TempDir Path home) {
        try (PipedDriver s = start(home)) {
            s.line("every site times out with 504 gateway timeout since the reboot");
            WorldAnswerer answerer = new WorldAnswerer(s, Map.of(), 0, ProseSessionTest::caddyUser);
            String out = answerer.until(Pattern.compile("(?m)^(! inconclusive|✓ diagnosis|! diagnosis|[^\\n]*diagnosis:)"), 0, LONG);
            assertTrue(answerer.asked().stream().anyMatch(k -> k.startsWith("traefik.")), "a Traefik question was asked first:\n" + out);
            assertTrue(out.contains("read as: does not apply: no Traefik here"), out);
            assertTrue(out.contains("noted: traefik.used = false, proxy.kind = caddy"), out);
            assertFalse(Pattern.compile("diagnosis: (traefik-|docker-api-too-new-for-traefik|tunnel-to-websecure)").matcher(out).find(), out);
            Matcher leading = Pattern.compile("(?m)^  leading: ([a-z-]+)").matcher(out.substring(out.indexOf("does not apply")));
            while (leading.find()) assertFalse(leading.group(1).startsWith("traefik-"), "no Traefik cause leads after the answer:\n" + out);
            s.line("quit");
            assertEquals(4, s.exitCode(), "inconclusive, not a Traefik diagnosis:\n" + s.output());
        }
    }

    /** A user whose app has no sibling: every question about "that dependency" is answered so, the rest "no idea". */
    static String singleAppUser(String key, Object value) {
        return key.startsWith("dependency.") ? "there is no dependency, it's a single app behind nginx-proxy" : "no idea";
    }

    @Test
    void aUserWithoutADependencyGetsNoStoppedDependency(@TempDir Path home) {   // user11 S20, S25: "no dependency" read as not running
        try (PipedDriver s = start(home)) {
            s.line("The app gives a 500 on every page.");
            WorldAnswerer answerer = new WorldAnswerer(s, Map.of(), 0, ProseSessionTest::singleAppUser);
            String out = answerer.until(Pattern.compile("(?m)^(! inconclusive|✓ diagnosis|! diagnosis|[^\\n]*diagnosis:)"), 0, LONG);
            assertTrue(answerer.asked().contains("dependency.running"), "the dependency's state was asked:\n" + out);
            assertTrue(out.contains("read as: does not apply: no dependency here; dependency.running stays unknown"), out);
            assertFalse(out.contains("read as: dependency.running = false"), out);
            assertFalse(out.contains("diagnosis: dependency-not-running"), out);
            s.line("quit");
        }
    }

    /** Answer "?" until a yes/no question waits at the prompt; the output's length then. */
    private static int askedYesNo(PipedDriver s) {
        int from = 0;
        for (int i = 0; i < 12; i++) {
            String out = s.waitFor("\\[[a-z0-9_.]+\\]\\s*\\n> $", from);
            int at = WorldAnswerer.lastQuestion(out);
            if (out.startsWith("  yes/no", out.lastIndexOf('\n', at) + 1)) return out.length();
            from = out.length();
            s.line("?");
        }
        throw new AssertionError("no yes/no question in 12:\n" + s.output());
    }

    private static String lastKey(String out) {
        Matcher m = WorldAnswerer.KEY_LINE.matcher(out);
        String key = null;
        while (m.find()) key = m.group(1);
        return key;
    }
}
