package dev.dokploydoctor.repl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each of the eleven lessons of the field notes, as a scripted session of the real program (piped
 * stdin, no probes): the user says what they see, then every question is answered from the lesson's
 * world (field-notes-worlds.yaml). The session must reach the lesson's cause in at most eight questions.
 */
class FieldNotesLessonsTest {
    /** The planner checks look-alikes before it concludes, so a lesson may take a question or two more than its shortest path. */
    static final int MAX_QUESTIONS = 8;
    static final Pattern CONCLUDED = Pattern.compile("doctor>\\s*\\z");
    private static final Map<String, Integer> QUESTIONS_ASKED = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    static Stream<Arguments> lessons() throws IOException {
        Map<String, Object> file;
        try (InputStream in = FieldNotesLessonsTest.class.getResourceAsStream("field-notes-worlds.yaml")) {
            file = new YAMLMapper().readValue(in, Map.class);
        }
        Map<String, Object> healthy = (Map<String, Object>) file.get("healthy");
        List<Arguments> out = new ArrayList<>();
        for (Map<String, Object> lesson : (List<Map<String, Object>>) file.get("lessons")) {
            Map<String, Object> world = new LinkedHashMap<>(healthy);
            world.putAll((Map<String, Object>) lesson.get("world"));
            out.add(Arguments.of(lesson.get("cause"), lesson.get("says"), world));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void reachesTheCauseInAFewQuestions(String cause, String says, Map<String, Object> world, @TempDir Path home) throws IOException {
        try (PipedDriver session = PipedDriver.start(home, Map.of(), List.of("diagnose", "--no-probe", "--format", "json"))) {
            session.line(says);
            WorldAnswerer answerer = new WorldAnswerer(session, world, 0);
            answerer.until(CONCLUDED, 0, Duration.ofSeconds(120));
            int exit = session.exitCode();
            JsonNode result = new ObjectMapper().readTree(session.result());
            String transcript = session.output();
            assertEquals("diagnosed", result.get("status").asText(), transcript);
            assertEquals(cause, result.get("diagnoses").get(0).get("cause").asText(), transcript);
            assertEquals(3, exit, "exit code of a diagnosis");
            synchronized (QUESTIONS_ASKED) { QUESTIONS_ASKED.put(cause, answerer.asked().size()); }
            assertTrue(answerer.asked().size() <= MAX_QUESTIONS,
                    cause + " took " + answerer.asked().size() + " questions: " + answerer.asked() + "\n" + transcript);
        }
    }

    @AfterAll
    static void summary() {
        if (QUESTIONS_ASKED.isEmpty()) return;
        StringBuilder sb = new StringBuilder("field-notes lessons, questions asked:\n");
        QUESTIONS_ASKED.forEach((cause, n) -> sb.append(String.format("  %-40s %d%n", cause, n)));
        double average = QUESTIONS_ASKED.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        sb.append(String.format("  average %.2f questions over %d lessons%n", average, QUESTIONS_ASKED.size()));
        System.out.print(sb);
    }
}
