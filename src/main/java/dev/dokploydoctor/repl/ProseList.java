package dev.dokploydoctor.repl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names of a list answer ("a, b", "a and b", "it's on dokploy-network and bridge"). A name typed
 * as a list is kept as typed; in a sentence only words that look like Docker network names count,
 * and any other word the sentence leans on ("same as traefik", "the usual ones", "bridge maybe")
 * makes it unread (null) rather than guessed.
 */
final class ProseList {
    private ProseList() {}

    /** Docker's own network names and the DokPloy one: names without '-', '_' or a digit that still are names. */
    private static final Set<String> KNOWN_NAMES = Set.of("bridge", "host", "none", "default", "ingress", "dokploy-network");

    /** Words of a list answer that say no name ("neither", "same", "whatever"): never read as one. */
    private static final Set<String> NOT_NAMES = Set.of(
            "same", "neither", "either", "maybe", "perhaps", "usual", "whatever", "nope", "no", "none", "nothing",
            "yes", "yeah", "all", "both", "any", "some", "other", "others", "else", "idk", "unknown", "used", "now",
            "before", "was", "were", "not", "never", "or", "sure", "unsure");

    private static final Set<String> FILLER = Set.of(
            "it", "its", "is", "are", "on", "in", "the", "a", "an", "and", "only", "just", "i", "think",
            "believe", "guess", "pretty", "probably", "network", "networks", "to", "attached", "connected",
            "container", "containers", "app", "also", "plus", "of", "they", "theyre", "with", "docker", "called",
            "named", "one", "ones", "two", "three", "that", "this", "my", "our", "im", "shows",
            "says", "lists", "see", "well", "as", "joined", "sits", "lives", "runs", "inspect", "too", "there",
            // "the project default network", "the compose stack's default": what the network belongs to, not its name
            "project", "projects", "compose", "composes", "stack", "stacks");

    /**
     * A remark after the list, opened by a comma or a semicolon and a subject ("a and b, I added b in
     * the compose", "a, b; dokploy adds b itself"): the list is what precedes it.
     */
    private static final java.util.regex.Pattern REMARK = java.util.regex.Pattern.compile(
            "(?i)\\s*[,;]\\s+(?=(?:i|we|i've|ive|i'd|it|its|it's|they|that|this|dokploy|coolify|docker)\\b(?![-_.]))");

    /** The names of {@code answer}; null when the answer does not plainly list names. */
    static List<String> items(String answer) {
        List<String> whole = itemsOf(answer);
        if (whole != null) return whole;
        // "myapp_default and dokploy-network, I added dokploy-network in the compose" (user17 uf11): the
        // names before the remark, when the remark names no network the list does not already hold
        java.util.regex.Matcher remark = REMARK.matcher(answer);
        if (!remark.find() || remark.start() == 0) return null;
        List<String> listed = itemsOf(answer.substring(0, remark.start()));
        if (listed == null) return null;
        String rest = answer.substring(remark.end());
        if (ProseAnswer.wavers(rest)) return null;
        for (String raw : rest.split("[\\s,;]+")) {
            String t = raw.replaceAll("^[\"'`(\\[]+|[\"'`)\\].;:!?]+$", "");
            String plain = t.toLowerCase(Locale.ROOT);
            boolean aName = plain.matches(".*[-_0-9].*") || plain.equals("bridge") || plain.equals("ingress");
            if (aName && !listed.contains(t)) return null;
        }
        return listed;
    }

    private static List<String> itemsOf(String answer) {
        if (ProseAnswer.asksBack(answer) || ProseAnswer.wavers(answer)) return null;
        String[] tokens = answer.replace(",", " , ").replace("&", " & ").strip().split("\\s+");
        boolean typedAsList = answer.strip().matches("[A-Za-z0-9][A-Za-z0-9_.-]*(\\s*(,|&|\\band\\b)\\s*[A-Za-z0-9][A-Za-z0-9_.-]*)*\\s*[.]?");
        List<String> out = new ArrayList<>();
        boolean negated = false;
        for (String raw : tokens) {
            if (raw.equals(",") || raw.equals("&")) {
                negated = false;   // "no, it's on bridge": the no answered something else
                continue;
            }
            String t = raw.replaceAll("^[\"'`(\\[]+|[\"'`)\\].;:!]+$", "");
            if (t.isEmpty()) continue;
            String plain = t.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
            if (plain.equals("but")) continue;
            if (Negation.is(plain)) {
                negated = true;
                continue;
            }
            if (negated && (plain.equals("only") || plain.equals("just"))) return null;   // "not only on bridge, also x"
            if (FILLER.contains(plain) && !(typedAsList && !plain.equals("and"))) continue;
            if (negated) {
                negated = false;   // "not on x": a name said to be missing
                if (!typedAsList && !looksLikeNetwork(plain)) return null;   // "doesn't have x": not read
                continue;
            }
            if (NOT_NAMES.contains(plain) || !t.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) return null;
            if (!typedAsList && !looksLikeNetwork(plain)) return null;
            out.add(t);
        }
        return out.isEmpty() ? null : List.copyOf(new LinkedHashSet<>(out));
    }

    /** A name with '-', '_' or a digit (app_default, my-net, net2), or one of Docker's own. */
    static boolean looksLikeNetwork(String name) {
        return name.matches(".*[-_0-9].*") || KNOWN_NAMES.contains(name);
    }
}
