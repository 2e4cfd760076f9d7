package dev.dokploydoctor.knowledge;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Where an entry's exceptions are judged: {@code unless_line} on the match's sentence (a log line
 * whole), {@code unless_text} on the whole report. A one-line report is one physical line, so a
 * line-wide exception reached every sentence of it (meta13 T6: "The service is named tunnel-api."
 * switched off "the healthcheck keeps failing").
 */
class UnlessScopeTest {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

    private static Extractor entry(String pattern, String unlessLine, String unlessText) {
        return new Extractor("t", null, Pattern.compile(pattern, FLAGS), Map.of(),
                unlessLine == null ? null : Pattern.compile(unlessLine, FLAGS), null,
                unlessText == null ? null : Pattern.compile(unlessText, FLAGS), List.of(), List.of(), "t", 1);
    }

    @Test void anExceptionInAnotherSentenceOfTheLineDoesNotApply() {
        Extractor e = entry("health ?check keeps failing", "\\btunnel\\b", null);
        assertNotNull(e.find("The healthcheck keeps failing and the domain gives 404. The service is named tunnel-api."));
        assertNull(e.find("The tunnel's healthcheck keeps failing and the domain gives 404."));
    }

    @Test void aRejectedMatchMovesOnToTheNextSentence() {
        Extractor e = entry("\\bunhealthy\\b", "\\btunnel\\b", null);
        Extractor.Found f = e.find("The tunnel container is unhealthy. The app container is unhealthy too.");
        assertNotNull(f);
        assertEquals("The tunnel container is unhealthy. The app container is ".length(), f.start());
    }

    @Test void aLogLineIsJudgedWholeWhateverItsFullStops() {
        Extractor e = entry("no such host", "Unable to reach the origin", null);
        assertNull(e.find("ERR error=\"Unable to reach the origin service. The service may be down: dial tcp: lookup web on 127.0.0.11:53: no such host\""));
        assertNotNull(e.find("The site fails. Traefik says: dial tcp: lookup web on 127.0.0.11:53: no such host"));
    }

    @Test void unlessTextTurnsTheEntryOffWhereverTheReportSaysIt() {
        Extractor e = entry("\\bunhealthy\\b", null, "\\bnow healthy\\b");
        assertNull(e.find("docker ps showed it unhealthy for an hour.\nAfter a restart it is now healthy, the domain still 404s."));
        assertNotNull(e.find("docker ps showed it unhealthy for an hour.\nThe domain still 404s."));
    }
}
