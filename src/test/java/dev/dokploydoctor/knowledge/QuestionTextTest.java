package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuestionTextTest {
    private static final String HOLDER = "docker ps --format '{{.Names}} {{.Ports}}' | grep ':{host.port}->' or sudo ss -ltnp 'sport = :{host.port}'";

    @Test
    void aKnownPortIsShownInTheQuestion() {   // iv19: the holder question printed :PORT although the text gave 9432
        assertEquals("docker ps --format '{{.Names}} {{.Ports}}' | grep ':9432->' or sudo ss -ltnp 'sport = :9432'",
                QuestionText.filled(HOLDER, Map.<String, Object>of("host.port", 9432L)::get));
    }

    @Test
    void anUnknownPortStaysAWordInCapitals() {
        assertEquals("docker ps --format '{{.Names}} {{.Ports}}' | grep ':PORT->' or sudo ss -ltnp 'sport = :PORT'",
                QuestionText.filled(HOLDER, key -> null));
    }
}
