package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer that says the thing a yes/no question is about is not there: "there are no containers,
 * it's a python app on the host" to "Are the service's containers running?", "there's no app
 * container, it's from my laptop" to "Do the app and its dependency share a network?", "no such
 * thing". The question does not apply; it is no "no" to a question about that thing's state (user11,
 * user12 U18, U20: read as containers.running = false and dependency.shares_network = false, which
 * diagnosed). A question whether the thing is there at all ("Is there ...?", "Does Traefik list a
 * router ...?") takes the same words as its no.
 */
final class NoSuchThing {
    private NoSuchThing() {}

    private static final Pattern THERE_IS_NO = Pattern.compile(
            "^\\W*(?:no\\W+)?(?:there\\s+(?:is|are|was|were)|theres|there)\\s+(?:no|not\\s+an?y?)\\s+([a-z][a-z0-9-]*)(?:\\s+([a-z][a-z0-9-]*))?");
    private static final Pattern NO_SUCH = Pattern.compile("^\\W*(?:no\\W+)?(?:theres\\s+|there\\s+is\\s+)?no\\s+such\\s+(?:thing|\\w+)\\b");
    /** "no docker, it's on my laptop": without Docker there are no containers to ask about. */
    private static final Pattern NO_DOCKER = Pattern.compile("^\\W*(?:no\\W+)?(?:theres\\s+|there\\s+is\\s+)?no\\s+docker\\b(?!\\s+(?:network|compose|labels?|logs?|ps)\\b)");
    /** Questions whether a thing is there at all: for them "there is no X" is the no. */
    private static final Pattern ASKS_IF_THERE = Pattern.compile("^(?:is|are|was|were)\\s+there\\b|\\b(?:any|list|lists|listed|exist|exists|existing|missing)\\b");
    /** Verbs that end a question's subject. */
    private static final Set<String> VERBS = Set.of("share", "shares", "run", "runs", "running", "listen", "listens", "listening", "fail",
            "fails", "failing", "attached", "use", "uses", "reach", "reaches", "resolve", "resolves", "talk", "talks", "show", "shows",
            "say", "says", "log", "logs", "answer", "answers", "return", "returns", "point", "points", "target", "targets", "hold", "holds",
            "have", "has", "get", "gets", "come", "comes", "go", "goes", "stop", "stops", "end", "ends", "hit", "hits", "loop", "loops");

    /** Words of a question too common to name what it is about. */
    private static final Set<String> PLAIN = Set.of("the", "a", "an", "is", "are", "do", "does", "your", "its", "it", "this", "that", "of",
            "on", "in", "to", "and", "or", "at", "least", "one", "same", "with", "for", "by", "from", "what", "which", "no", "not");

    /**
     * What the answer says is not there, when the question asks about that thing's state: the noun, or
     * "such thing"; null when the answer says no such thing or the question asks whether it is there.
     */
    static String deniedSubject(String question, String answer) {
        if (question == null || answer == null) return null;
        String a = answer.toLowerCase(Locale.ROOT).replaceAll("['\\u2018\\u2019`]", "").strip();
        int end = question.indexOf('?');
        String core = (end < 0 ? question : question.substring(0, end)).replaceAll("\\(.*?\\)", " ").toLowerCase(Locale.ROOT).replaceAll("['\\u2018\\u2019`]", "");
        if (ASKS_IF_THERE.matcher(core).find()) return null;
        if (NO_SUCH.matcher(a).find()) return "such thing";
        // what the question is about: its words before the verb ("Do the app and its dependency share ...
        // a network": the app and the dependency; "there's no network they share" is a no about the network)
        Set<String> asked = new HashSet<>();
        for (String w : Vocabulary.answerWords(core)) {
            if (VERBS.contains(w) && !asked.isEmpty()) break;
            if (!PLAIN.contains(w)) asked.add(singular(w));
        }
        if (NO_DOCKER.matcher(a).find() && (asked.contains("container") || asked.contains("service"))) return "docker";
        Matcher m = THERE_IS_NO.matcher(a);
        if (!m.find()) return null;
        for (int g = 1; g <= 2; g++) {
            String w = m.group(g);
            if (w != null && !PLAIN.contains(w) && asked.contains(singular(w))) return m.group(2) == null ? m.group(1) : m.group(1) + " " + m.group(2);
        }
        return null;
    }

    private static String singular(String w) {
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    }
}
