package dev.dokploydoctor.knowledge;

import java.util.Locale;

/**
 * What answering a fact's question costs the user (facts.yaml {@code effort}): among questions that
 * tell the causes apart about as well, the cheaper one is asked first, and the interview does not end
 * while a cheap question that could settle the case is left (issue 13; user13: a DokPloy 502 opened with
 * the in-container listen address, and the domain's Port field, read in the UI, was never asked).
 */
public enum Effort {
    /** Seen without a command: the browser, the DokPloy or Cloudflare UI, the compose file, what changed. */
    SEEN(1.0),
    /** One command on the host: docker ps, docker inspect, docker logs. The default. */
    COMMAND(0.8),
    /** Inside a container: docker exec, netstat in the app's container, the app's own configuration. */
    INSIDE(0.5);

    private final double weight;

    Effort(double weight) { this.weight = weight; }

    /**
     * How much of a question's expected gain counts when questions are ranked: a question that needs a
     * {@code docker exec} must tell the causes apart twice as well as one read in the UI to come first.
     */
    public double weight() { return weight; }

    /** Whether the user can answer it without going inside a container. */
    public boolean cheap() { return this != INSIDE; }

    /** facts.yaml's word (seen, command, inside); null for an unknown word; absent means {@link #COMMAND}. */
    public static Effort parse(String s) {
        if (s == null) return COMMAND;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "seen" -> SEEN;
            case "command" -> COMMAND;
            case "inside" -> INSIDE;
            default -> null;
        };
    }
}
