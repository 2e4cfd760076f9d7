package dev.dokploydoctor.cli;

import dev.dokploydoctor.engine.Status;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** probe's exit code: 0 only when everything that applied was checked and nothing is left unexplained. */
class ProbeExitCodeTest {
    @Test void onlyAFullyCheckedHealthyHostExitsZero() {
        assertEquals(3, ProbeCommand.exitCode(Status.DIAGNOSED, true), "a fault seen wins over a gap");
        assertEquals(3, ProbeCommand.exitCode(Status.DIAGNOSED, false));
        assertEquals(4, ProbeCommand.exitCode(Status.INCONCLUSIVE, false), "a symptom nothing explains (a 502 at 0.30) is no all-clear");
        assertEquals(4, ProbeCommand.exitCode(Status.NO_FAULT, true), "something that applied could not be checked");
        assertEquals(0, ProbeCommand.exitCode(Status.NO_FAULT, false));
    }
}
