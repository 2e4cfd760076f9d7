package dev.dokploydoctor.repl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the REPL says of the probes: a long reason shortened at a word's end. */
class ProbeIntakeTest {
    @Test
    void aLongReasonIsCutAtAWordsEnd() {   // user13: "(... no Docker socket there: is Doc...)"
        String reason = "Docker engine not reachable at unix:///nonexistent.sock: no Docker socket there: is Docker running on this host?";
        assertEquals("Docker engine not reachable at unix:///nonexistent.sock: no Docker socket there: is...", ProbeIntake.abbreviate(reason, 90));
        assertEquals("short", ProbeIntake.abbreviate("short", 90));
        // one long word has no end near: cut at the limit
        assertEquals("x".repeat(87) + "...", ProbeIntake.abbreviate("x".repeat(120), 90));
    }
}
