package dev.dokploydoctor.cli;

import dev.dokploydoctor.engine.Status;

/** The command line's exit codes: a contract for scripts and CI (README "Exit codes"). */
public final class ExitCodes {
    public static final int OK = 0, INTERNAL = 1, USAGE = 2, DIAGNOSED = 3, INCONCLUSIVE = 4;

    private ExitCodes() {}

    public static int of(Status s) {
        return switch (s) {
            case NO_FAULT, ADVICE -> OK;
            case DIAGNOSED -> DIAGNOSED;
            case INCONCLUSIVE -> INCONCLUSIVE;
            case INVALID -> USAGE;
            case ERROR -> INTERNAL;
        };
    }
}
