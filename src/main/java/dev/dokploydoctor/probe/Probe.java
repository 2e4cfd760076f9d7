package dev.dokploydoctor.probe;

/**
 * One read-only probe. It records what it sees in {@link Findings}; it throws
 * {@link CouldNotCheck} (or anything else) when it cannot look, and {@link Skip} when it does not
 * apply (no URL, no DokPloy API key). It never names a cause.
 */
interface Probe {
    String name();

    void run(ProbeContext ctx, Findings findings) throws Exception;

    /**
     * Whether this probe runs at all for this target (else its {@link #run} skips): the REPL counts
     * the facts of a probe that runs as ones the user need not be able to tell.
     */
    default boolean applies(ProbeTarget target, ProbeEnvironment env) { return true; }

    /** The probe could not look; the message is shown as "could not check: <message>". */
    final class CouldNotCheck extends RuntimeException {
        CouldNotCheck(String message) { super(message); }
        CouldNotCheck(String message, Throwable cause) { super(message, cause); }
    }

    /** The probe does not apply to this target; the message says what would enable it. */
    final class Skip extends RuntimeException {
        Skip(String message) { super(message); }
    }
}
