package dev.dokploydoctor.engine;

/** How a case ended (DESIGN §3), with its exit code and its rank when several cases are combined. */
public enum Status {
    NO_FAULT("no-fault", 0, 0),
    ADVICE("advice", 0, 0),
    DIAGNOSED("diagnosed", 3, 1),
    INCONCLUSIVE("inconclusive", 4, 2),
    INVALID("invalid", 2, 3),
    ERROR("error", 1, 4);

    private final String label;
    private final int exitCode;
    private final int severity;

    Status(String label, int exitCode, int severity) {
        this.label = label;
        this.exitCode = exitCode;
        this.severity = severity;
    }

    public String label() { return label; }
    public int exitCode() { return exitCode; }

    /** The exit code of several cases: the worst wins, in the order 1, 2, 4, 3, 0. */
    public static int worstExitCode(int a, int b) { return rank(a) >= rank(b) ? a : b; }

    private static int rank(int exitCode) {
        return switch (exitCode) {
            case 1 -> 4;
            case 2 -> 3;
            case 4 -> 2;
            case 3 -> 1;
            default -> 0;
        };
    }

    public static Status fromLabel(String label) {
        for (Status s : values()) if (s.label.equals(label)) return s;
        return null;
    }
}
