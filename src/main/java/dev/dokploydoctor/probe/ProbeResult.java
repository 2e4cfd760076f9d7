package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Fact;

import java.util.List;

/**
 * What one probe saw: facts (source "probe", with evidence), observations for the checklist, or
 * why it could not check. A probe never names a cause.
 *
 * @param reason why it could not check (COULD_NOT_CHECK), why it does not apply (SKIPPED), or for
 *               OK what part it could not look at (the app it was asked about was not found), else null
 */
public record ProbeResult(String probe, State state, List<Fact> facts, List<String> observations, String reason, long millis) {
    public enum State { OK, COULD_NOT_CHECK, SKIPPED }

    public static ProbeResult couldNotCheck(String probe, String reason, long millis) {
        return new ProbeResult(probe, State.COULD_NOT_CHECK, List.of(), List.of(), reason, millis);
    }

    public static ProbeResult skipped(String probe, String reason) {
        return new ProbeResult(probe, State.SKIPPED, List.of(), List.of(), reason, 0);
    }
}
