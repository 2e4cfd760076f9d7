package dev.dokploydoctor.knowledge;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer that says the user did not or could not look ("I can't see that", "can't look at the server now",
 * "I haven't seen the proxy logs", "I couldn't see"): nothing is known of what the question asks, which is no
 * "no". Read from the answer's first clause as words ({@link Vocabulary#answerWords}): an optional subject,
 * then an inability (can't, cannot, couldn't, unable to, not able to) before a verb of looking ({@link #couldNot}),
 * or a look not had (haven't, didn't, never, not yet) before its participle ({@link #didNot}).
 *
 * <p>A verb of perception (see, find, spot, notice) may also report what a look found: "I can't see any error",
 * "I haven't seen such a line", "I can't see it in the log" say the user looked and it was not there. Those
 * stay with the yes/no reading: an object that names a finding (any, no, such, an error, a line) or a place it
 * was looked for ("in ...") is a finding, as is "see why" (what the app cannot do, not the user's look).
 * "I don't see X in the log" is no inability at all and stays a no (user18 K6: these forms read as "no" gave
 * traefik-not-on-dokploy-network 0.87 and dependency-not-running 0.80 to users who had not looked).
 */
public final class NotLooked {
    private NotLooked() {}

    private static final Set<String> SUBJECT = Set.of("i", "we", "im", "ive", "weve", "just", "still", "really", "honestly", "sadly",
            "unfortunately", "currently", "right", "now");

    /** Heads of inability, as word sequences: what follows is the verb. */
    private static final List<List<String>> CANNOT = words(
            "cant", "cannot", "can not", "couldnt", "could not", "unable to", "am unable to", "was unable to", "not able to",
            "am not able to", "wasnt able to", "was not able to", "have no way to", "dont have a way to", "do not have a way to");

    /** Heads of a look not had: what follows is the participle. */
    private static final List<List<String>> NOT_HAD = words(
            "havent", "have not", "hadnt", "had not", "didnt", "did not", "never", "not", "not yet", "havent yet", "have not yet");

    /** Verbs of access after an inability: whatever their object, the user could not get to look. */
    private static final Set<String> ACCESS = Set.of("look", "check", "access", "view", "open", "inspect", "verify", "test",
            "run", "exec", "execute", "ssh", "login", "log", "get", "reach", "connect", "try", "read", "tell", "pull");

    /** Participles of a look after a look not had ("haven't checked", "never looked"): not of an action that could be the answer. */
    private static final Set<String> LOOKED = Set.of("look", "looked", "check", "checked", "view", "viewed", "open", "opened",
            "inspect", "inspected", "verify", "verified", "test", "tested", "try", "tried", "read", "logged");

    /** A look not had in so many words: "haven't had a chance", "didn't get to", "haven't been able". */
    private static final List<List<String>> NO_CHANCE = words("had a look", "had a chance", "had the chance", "had time",
            "had access", "have access", "been able", "gotten to", "got to", "get to", "had a moment");

    /** The participles of {@link #LOOKED} (and seen): after a bare "not" only these say a look was not had. */
    private static final Set<String> LOOKED_PARTICIPLE = Set.of("looked", "checked", "viewed", "opened", "inspected", "verified",
            "tested", "tried", "seen");

    /** Verbs of perception: a look that may have found nothing ("can't see any error"). */
    private static final Set<String> PERCEIVE = Set.of("see", "seen", "saw", "find", "found", "spot", "spotted", "notice", "noticed");

    /** Words that make the object of a perception a finding: the user looked and it was not there. */
    private static final Set<String> FINDING = Set.of("any", "anything", "no", "nothing", "such", "a", "an", "error", "errors",
            "line", "lines", "message", "messages", "mention", "entry", "entries", "warning", "warnings", "sign", "trace",
            "in", "inside", "why", "how", "what", "where", "when", "which", "who", "whether", "if");

    /** Verbs of access that are the fault itself when their object is not the user's means ("can't reach the site"). */
    private static final Set<String> REACH = Set.of("reach", "connect", "get", "open");

    /** Objects after a verb of reaching that are the user's means of looking, not the failing site. */
    private static final Set<String> MEANS = Set.of("server", "host", "machine", "box", "vps", "shell", "terminal", "console",
            "logs", "log", "dashboard", "ui", "panel", "into");

    /** "I can't see that", "can't look at the server now", "I couldn't see", "I can't" alone: the user could not look. */
    public static boolean couldNot(String answer) {
        List<String> w = firstClause(answer);
        int verb = afterHead(w, CANNOT);
        if (verb < 0) return false;
        if (verb >= w.size()) return true;   // "I can't", "I couldn't" alone
        String v = w.get(verb);
        List<String> rest = w.subList(verb + 1, w.size());
        if (PERCEIVE.contains(v)) return noFinding(rest);
        if (!ACCESS.contains(v)) return false;
        if (REACH.contains(v)) return rest.stream().limit(3).anyMatch(MEANS::contains);
        return true;
    }

    /**
     * "I haven't seen the proxy logs", "never looked", "haven't had a chance", "never tried": the user did not look.
     * "I haven't" alone is a no. So is a no before a look not had ("no, never tried", "nope, haven't checked"): the no
     * answers "have you looked?", not the question (fix18, left19); a no before a perception stays a finding ("no, I
     * haven't seen such a line").
     */
    public static boolean didNot(String answer) {
        if (didNot(firstClause(answer), true)) return true;
        Matcher no = LEADING_NO.matcher(answer.strip());
        return no.lookingAt() && no.end() < answer.strip().length() && didNot(firstClause(answer.strip().substring(no.end())), false);
    }

    /** A no that leads an answer, with what separates it from the rest ("no, ", "nope - ", "no "). */
    private static final Pattern LEADING_NO = Pattern.compile("(?:no|nope|nah)\\b[\\s,;:.!\u2013\u2014-]*", Pattern.CASE_INSENSITIVE);

    private static boolean didNot(List<String> w, boolean perception) {
        int verb = afterHead(w, NOT_HAD);
        if (verb < 0 || verb >= w.size()) return false;
        if (longest(w, verb, NO_CHANCE) > 0) return true;
        String v = w.get(verb);
        // a bare "not" before a look is one only as its participle: "not tried", "not checked yet"; "not open" is a state
        if (BARE_NOT.equals(headBefore(w, verb)) && !LOOKED_PARTICIPLE.contains(v)) return false;
        if (PERCEIVE.contains(v)) return perception && noFinding(w.subList(verb + 1, w.size()));
        return LOOKED.contains(v);
    }

    private static List<String> firstClause(String answer) {
        return Vocabulary.answerWords(answer.strip().split("\\s*(?:[,;:.!(]|\\s[-\u2013\u2014]\\s)|\\s+but\\s+", 2)[0]);
    }

    private static final List<String> BARE_NOT = List.of("not");

    /** The head of a look not had that ends before {@code verb} (after the subject). */
    private static List<String> headBefore(List<String> w, int verb) {
        int i = 0;
        while (i < w.size() && SUBJECT.contains(w.get(i))) i++;
        return w.subList(i, verb);
    }

    /** Where the word after the subject and the longest of {@code heads} starts ("I can't |see that"), or -1 without a head. */
    private static int afterHead(List<String> w, List<List<String>> heads) {
        int i = 0;
        while (i < w.size() && SUBJECT.contains(w.get(i))) i++;
        int head = longest(w, i, heads);
        return head == 0 ? -1 : i + head;
    }

    /** The object of a perception names no finding nor a place it was looked for: "that", "the proxy logs", "it from here". */
    private static boolean noFinding(List<String> rest) {
        for (String word : rest) if (FINDING.contains(word)) return false;
        return true;
    }

    private static int longest(List<String> w, int from, List<List<String>> heads) {
        int best = 0;
        for (List<String> h : heads)
            if (h.size() > best && from + h.size() <= w.size() && w.subList(from, from + h.size()).equals(h)) best = h.size();
        return best;
    }

    private static List<List<String>> words(String... phrases) {
        return java.util.Arrays.stream(phrases).map(p -> List.of(p.split(" "))).toList();
    }
}
