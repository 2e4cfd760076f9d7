package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one word of a name, address, version or URL answer (facts.yaml `answer: word`): "it's called
 * postgres", "v3.1 I think", "it points to http://localhost:80"; "none" for a word-or-none question;
 * and what makes such an answer unread: a negation before the value ("not 127.0.0.1") or another
 * value in a later clause.
 */
final class ProseWord {
    private ProseWord() {}

    private static final List<String> WORD_LEAD = List.of(
            "yes", "yeah", "no", "its called", "it is called", "its named", "it is named", "called", "named",
            "the name is", "the names", "name is", "its", "it is", "its set to", "it is set to", "set to", "it says",
            "says", "i think its", "i think", "i believe its", "i believe", "probably", "the version is", "version",
            "its version", "we use", "we run", "were on", "we are on", "its on", "it is on", "on", "at", "the label is",
            "label is", "the value is", "value is", "it points to", "points to", "it goes to", "the origin is",
            "origin is", "to", "it listens on", "listens on", "it binds to", "it binds", "bound to", "it runs",
            "running", "the service is", "the sibling is", "the database is", "the host is", "just", "simply",
            "the", "it uses", "uses", "address", "the address is", "image", "the image is", "tag", "the tag is");
    private static final List<String> WORD_TRAIL = List.of(
            "i think", "i believe", "i guess", "probably", "afaik", "if i remember", "if i remember correctly",
            "iirc", "or so", "as far as i know", "i am pretty sure", "im pretty sure", "i suppose");

    /**
     * The one word of a name, an address, a version or a URL answer, the words around it dropped:
     * "it's called postgres", "v3.1 I think", "it points to http://localhost:80". Null when more
     * than one word is left.
     */
    static String oneWord(String answer) {
        String[] tokens = ProseAnswer.firstClause(answer).strip().replace('\u2019', '\'').split("\\s+");
        int from = 0, to = tokens.length;
        boolean moved = true;
        while (moved && from < to) {
            moved = false;
            int n = longestTokens(tokens, from, to, WORD_LEAD, true);
            if (n > 0 && from + n < to) {
                from += n;
                moved = true;
            }
            int m = longestTokens(tokens, from, to, WORD_TRAIL, false);
            if (m > 0 && to - m > from) {
                to -= m;
                moved = true;
            }
        }
        if (to - from != 1) return valueLike(java.util.Arrays.copyOfRange(tokens, from, to));
        String word = tokens[from].replaceAll("^[\"'`(\\[<]+|[\"'`)\\]>,;!?]+$", "").replaceAll("(?<=[a-z0-9])\\.$", "");
        return word.matches("[A-Za-z0-9:\\[].*") ? word : null;
    }

    /**
     * In a short sentence of plain words, its one token that only a value has (a digit, a dot, a
     * colon, a slash, '_' or '-'): "it listens on 0.0.0.0 inside the container".
     */
    private static String valueLike(String[] tokens) {
        if (tokens.length > 10) return null;
        String found = null;
        for (String raw : tokens) {
            String t = raw.replaceAll("^[\"'`(\\[<]+|[\"'`)\\]>,;!?]+$", "").replaceAll("(?<=[a-z0-9])\\.$", "");
            if (t.matches("[A-Za-z]+('[a-z]+)?")) continue;
            if (!t.matches("[A-Za-z0-9:][A-Za-z0-9_.:/\\[\\]-]*") || found != null) return null;
            found = t;
        }
        return found;
    }

    /** Tokens compared as {@link Vocabulary#answerWords}: a phrase of {@code phrases} at the start (or end) of tokens[from, to). */
    private static int longestTokens(String[] tokens, int from, int to, List<String> phrases, boolean atStart) {
        int best = 0;
        for (String p : phrases) {
            String[] pw = p.split(" ");
            if (pw.length <= best || pw.length > to - from) continue;
            int at = atStart ? from : to - pw.length;
            boolean match = true;
            for (int k = 0; k < pw.length && match; k++) {
                List<String> tw = Vocabulary.answerWords(tokens[at + k]);
                match = tw.size() == 1 && tw.get(0).equals(pw[k]);
            }
            if (match) best = pw.length;
        }
        return best;
    }

    private static final Set<String> NONE = Set.of(
            "none", "no", "nope", "nothing", "empty", "blank", "not set", "unset", "there isnt one", "there is none",
            "theres none", "no label", "there is no label", "no network", "none set", "isnt set", "its empty",
            "it is empty", "its not set", "it is not set", "there isnt any", "no there isnt", "no its empty",
            "no none", "not configured", "none configured", "no service name", "there is no service name");

    /**
     * Where the thing was looked for, after a none: "in my compose", "on the container", "in the labels" (user22 s4:
     * "there is no such label in my compose" to the traefik.docker.network question was refused as "say what it is").
     */
    private static final String WHERE = "(?: (?:in|on) (?:my|the|our|its|this) (?:compose(?: file)?|docker compose(?: file)?|compose yaml"
            + "|labels?|service|container|app|stack|config(?:uration)?|yaml|yml))?";

    /** "there's no label", "there is no such network", "no such label": a plain word said not to exist. */
    private static final java.util.regex.Pattern NO_SUCH = java.util.regex.Pattern.compile(
            "(theres|there is|there isnt|i have|ive|we have|weve)? ?no (such )?[a-z]+( set)?( at all)?" + WHERE);

    /**
     * "I didn't set one", "never added any", "we did not define that label": the value was never set,
     * which is the empty value (user17 uf11: refused as "say what it is, not what it is not").
     */
    private static final java.util.regex.Pattern NEVER_SET = java.util.regex.Pattern.compile(
            "(?:i |we )?(?:didnt|did not|never|havent|have not|hadnt)(?: ever)? (?:set|add|added|define|defined|put|configure|configured)"
            + "(?: (?:one|it|any|that|this|the|a|an)(?: (?:label|network|value|one))?)?(?: at all| myself)?" + WHERE);

    /**
     * "I don't have that label", "the service doesn't have one", "we don't use any": the thing asked
     * for is not there, which is the empty value a none question offers (user19 uh17: refused as
     * "say what it is, not what it is not").
     */
    private static final java.util.regex.Pattern NOT_THERE = java.util.regex.Pattern.compile(
            "(?:i |we |it |the (?:service|container|app) )?(?:dont|do not|doesnt|does not|didnt|did not)(?: even)? (?:have|use|carry)"
            + "(?: (?:one|it|any|that|this|the|a|an|such))?(?: (?:label|labels|network|value|one|setting))?(?: at all| set| on it)?" + WHERE);

    /** Clause breaks of a none answer: "there isn't one, I never set that label", "none; never set it", "no - not set". */
    private static final String CLAUSES = "[,;]|\\s[-\u2013\u2014]\\s|\\bbut\\b|(?<=[a-z])[.!]\\s";

    /**
     * "none", "there isn't one", "it's empty": the empty value of a question that allows it; also
     * with more words that only deny it again ("there isn't one, I never set that label", "no,
     * there's no such label", "none, never set it"). A later clause with a value in it ("no, it's
     * traefik_net") or saying something else ("no, it's web") is not none.
     */
    static boolean saysNone(String answer) {
        String[] clauses = answer.strip().split(CLAUSES);
        if (clauses.length == 0 || !noneClause(clauses[0])) return false;
        for (int i = 1; i < clauses.length; i++) {
            if (clauses[i].isBlank()) continue;
            if (valueIn(clauses[i])) return false;
            if (!noneClause(clauses[i]) && Vocabulary.answerWords(clauses[i]).stream().noneMatch(Negation::is)) return false;
        }
        return true;
    }

    /**
     * The answer opens with a none ("none, it tries localhost:2283, not a name"): whatever the rest
     * says, the user names nothing for the question (a WORD question records nothing then).
     */
    private static final Set<String> BARE_NO = Set.of("no", "nope", "nah", "no no");

    static boolean leadsWithNone(String answer) {
        String[] clauses = answer.strip().split(CLAUSES);
        // a bare "no" leads a correction as often ("no, it's traefik_net"): only a none that names nothing counts
        return clauses.length > 1 && noneClause(clauses[0]) && !BARE_NO.contains(String.join(" ", Vocabulary.answerWords(clauses[0])));
    }

    /** A clause after the leading none holds a value ("none, it tries localhost:2283"). */
    static boolean namesAValueAfterTheNone(String answer) {
        String[] clauses = answer.strip().split(CLAUSES);
        for (int i = 1; i < clauses.length; i++) if (valueIn(clauses[i])) return true;
        return false;
    }

    private static boolean noneClause(String clause) {
        String words = String.join(" ", Vocabulary.answerWords(clause));
        return NONE.contains(words) || NO_SUCH.matcher(words).matches() || NEVER_SET.matcher(words).matches()
                || NOT_THERE.matcher(words).matches();
    }

    /** A negation before the answer's value token: "it's not 127.0.0.1", "definitely not http://localhost:80". */
    static boolean negatesBefore(String answer) {
        for (String raw : ProseAnswer.firstClause(answer).split(",")[0].strip().split("\\s+")) {
            List<String> w = Vocabulary.answerWords(raw);
            if (w.size() == 1 && Negation.is(w.get(0))) return true;
            if (valueToken(raw) != null) return false;
        }
        return false;
    }

    /** A clause holds a value token (a digit, '.', ':', '/', '_' or '-' in a word): "I changed it to 8080". */
    static boolean valueIn(String clause) {
        for (String raw : clause.strip().split("\\s+")) if (valueToken(raw) != null) return true;
        return false;
    }

    /**
     * Every value token of {@code clause} is {@code word} again, alone or with a port ("netstat shows 127.0.0.1:3000"
     * after "127.0.0.1"): a remark that backs the value, naming no other (user16 ue11). False when it names none.
     */
    static boolean onlyRepeats(String clause, String word) {
        boolean any = false;
        for (String raw : clause.strip().split("\\s+")) {
            String t = valueToken(raw);
            if (t == null) continue;
            if (!t.equalsIgnoreCase(word) && !t.toLowerCase(Locale.ROOT).matches(Pattern.quote(word.toLowerCase(Locale.ROOT)) + ":\\d{1,5}")) return false;
            any = true;
        }
        return any;
    }

    private static String valueToken(String raw) {
        String t = raw.replaceAll("^[\"'`(\\[<]+|[\"'`)\\]>,;!?]+$", "").replaceAll("(?<=[a-z0-9])\\.$", "");
        return t.matches("[A-Za-z0-9:][A-Za-z0-9_.:/\\[\\]-]*") && t.matches(".*[0-9_.:/-].*") ? t : null;
    }

    /** The answer says what something is not ("not postgres", "it's not redis"). */
    static boolean negated(String answer) {
        List<String> w = Vocabulary.answerWords(answer);
        if (w.isEmpty()) return false;
        if (Negation.is(w.get(0))) return true;
        return w.size() > 1 && Set.of("its", "it").contains(w.get(0)) && Negation.is(w.get(1));
    }
}
