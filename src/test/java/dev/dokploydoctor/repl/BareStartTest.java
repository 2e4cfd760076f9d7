package dev.dokploydoctor.repl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user who only says "my site is broken", in a real terminal, answering from each field-notes
 * lesson's world: the REPL says it did not recognise a symptom and asks what the user sees (the
 * HTTP status or the kind of fault), never ends without a question, never ends "no fault", and
 * reaches the lesson's cause, whatever layer it lives in (a SQLite-in-queue-mode host shows no
 * HTTP error at all, an admin refused by DokPloy neither), or leads it when the question limit ends
 * the interview (a cause the field rarely sees behind its symptom is asked about last).
 */
class BareStartTest {
    static final Pattern RESULT = Pattern.compile("(?m)^(?:✓|✗|!|\\S+)? ?(diagnosis: (\\S+)|inconclusive)");
    static final Map<String, String> ENDINGS = new LinkedHashMap<>();

    @BeforeAll
    static void needsTmux() { TmuxDriver.requireTmux(); }

    static Stream<Arguments> lessons() throws IOException { return FieldNotesLessonsTest.lessons(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void mySiteIsBroken(String cause, String says, Map<String, Object> world, @TempDir Path home) {
        try (TmuxDriver t = TmuxDriver.start(home, Map.of(), List.of("diagnose", "--no-probe"))) {
            t.waitFor("What do you see\\?[\\s\\S]*^>", 0);
            int mark = t.output().length();
            t.line("my site is broken");
            String out = t.waitFor("did not recognise a symptom in that, so I will ask[\\s\\S]*· \\[[a-z0-9_.]+\\]", mark);
            assertTrue(Set.of("http.status", "symptom.kind").contains(TerminalSessionTest.lastKey(out)),
                    "the first question is what the user sees:\n" + out);
            WorldAnswerer answerer = new WorldAnswerer(t, world, WorldAnswerer.lastQuestion(out));
            answerer.until(Pattern.compile("(?m)^doctor>"), mark, PipedSessionTest.LONG);
            String tail = t.output().substring(mark);
            assertFalse(tail.contains("No fault follows"), "no-fault after a reported fault:\n" + tail);
            assertFalse(answerer.asked().isEmpty(), "no question after a reported fault:\n" + tail);
            Matcher m = Pattern.compile("diagnosis: ([a-z0-9-]+) \\(").matcher(tail);
            String diagnosed = m.find() ? m.group(1) : null;
            // diagnosed, or leading when the question limit ends it: a rare cause comes after its symptom's
            // common ones (InterviewSimulationTest says why)
            Matcher lead = Pattern.compile("questions asked: I stop here\\)[\\s\\S]*candidates: ([a-z0-9-]+) \\(").matcher(tail);
            String leading = diagnosed == null && lead.find() ? lead.group(1) : null;
            assertTrue(cause.equals(diagnosed) || cause.equals(leading), "after " + answerer.asked() + ":\n" + tail);
            synchronized (ENDINGS) {
                ENDINGS.put(cause, (diagnosed != null ? "right after " : "leading at the limit after ") + answerer.asked().size() + " " + answerer.asked());
            }
            t.line("quit");
            t.waitFor("\\[exit \\d\\]", mark);
        }
    }

    @AfterAll
    static void summary() {
        StringBuilder sb = new StringBuilder("bare 'my site is broken', per lesson:\n");
        ENDINGS.forEach((c, e) -> sb.append(String.format("  %-40s %s%n", c, e)));
        System.out.print(sb);
    }
}
