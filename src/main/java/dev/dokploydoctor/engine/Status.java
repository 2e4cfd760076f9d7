package dev.dokploydoctor.engine;

/** How a case ended (DESIGN §3). Exit codes are the command line's business (cli.ExitCodes). */
public enum Status {
    NO_FAULT("no-fault"),
    ADVICE("advice"),
    DIAGNOSED("diagnosed"),
    INCONCLUSIVE("inconclusive"),
    INVALID("invalid"),
    ERROR("error");

    private final String label;

    Status(String label) { this.label = label; }

    public String label() { return label; }

    /** A cause was found with enough certainty (a fault, or the advice the user asked for). */
    public boolean isConclusive() { return this == DIAGNOSED || this == ADVICE; }

    public static Status fromLabel(String label) {
        for (Status s : values()) if (s.label.equals(label)) return s;
        return null;
    }
}
