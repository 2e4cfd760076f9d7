package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a typed answer: a yes or no that leads it, the choices it names, its one number,
 * the names of a list, the one word of a name or address. Each reading refuses rather than guesses:
 * a sentence that names two choices, holds two numbers or states something without a yes or no is
 * not read ({@link Reply} asks again).
 */
final class ProseAnswer {
    private ProseAnswer() {}

    /** Words that soften an answer without changing it: dropped before the yes or no is read. */
    private static final List<String> HEDGES = List.of(
            "i think", "i believe", "i guess", "i suppose", "id say", "i would say", "probably", "pretty sure",
            "im pretty sure", "im fairly sure", "im sure", "i am sure", "afaik", "as far as i know", "actually",
            "well", "um", "uh", "hmm", "oh", "so", "honestly", "ok", "okay", "sorry");

    private static final List<String> YES = List.of(
            "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "correct", "right", "true", "indeed",
            "definitely", "absolutely", "certainly", "affirmative", "of course", "i think so", "i believe so",
            "think so", "thats right", "thats correct", "that is right", "that is correct", "probably", "always",
            "it is", "it does", "they are", "they do", "i did", "we did", "it did", "it was", "they were", "it has",
            "they have", "there is", "there are", "its", "theyre", "i have", "we have", "it will", "i can", "we can");

    /** A statement head counts as yes only alone: "it is" says yes, "it is stopped" does not. */
    private static final Set<String> YES_ONLY_ALONE = Set.of(
            "it is", "it does", "they are", "they do", "i did", "we did", "it did", "it was", "they were", "it has",
            "they have", "there is", "there are", "its", "theyre", "i have", "we have", "it will", "i can", "we can",
            "right", "true", "probably", "always", "sure");

    private static final List<String> NO = List.of(
            "no", "n", "nope", "nah", "never", "false", "negative", "none", "nothing", "not", "not really",
            "not at all", "no way", "i dont think so", "dont think so", "i think not", "probably not", "definitely not",
            "certainly not", "absolutely not", "not anymore", "its not", "it is not", "it isnt", "isnt", "it doesnt",
            "it does not", "doesnt", "they arent", "they are not", "theyre not", "arent", "they dont", "they do not",
            "dont", "i didnt", "i did not", "didnt", "we didnt", "we did not", "it didnt", "it did not", "it wasnt",
            "it was not", "wasnt", "they werent", "there isnt", "there is no", "there are no", "there arent",
            "i havent", "i have not", "havent", "we havent", "it hasnt", "hasnt", "it wont", "i cant", "we cant",
            "cant", "cannot", "i cannot");

    /** Words a statement may add to the question's own and still only repeat it ("yes, they're up"). */
    private static final Set<String> ECHO = Set.of(
            "on", "the", "a", "an", "to", "up", "and", "i", "think", "believe", "guess", "all", "both", "yes", "set",
            "there", "too", "also", "of", "in", "it", "them", "that", "this", "fine");

    /** A yes or no at the start of the answer ("yes, it's on dokploy-network", "nope, never touched it"); null otherwise. */
    static Boolean yesOrNo(String answer) { return yesOrNo(answer, null); }

    /**
     * As {@link #yesOrNo(String)}; a statement without a yes ("it's on dokploy-network") also says
     * yes when it only repeats words of {@code question} ("Is dokploy-traefik attached to dokploy-network?").
     */
    static Boolean yesOrNo(String answer, String question) {
        List<String> w = Vocabulary.answerWords(answer);
        int i = skip(w, 0, HEDGES);
        if (i >= w.size()) {
            // "I think so" is all hedge words but "so": read the phrase itself
            i = 0;
        }
        int no = longest(w, i, NO);
        int yes = longest(w, i, YES);
        if (no == 0 && yes == 0) return null;
        if (no >= yes) {
            return contradicted(w, i + no, "yes") ? null : Boolean.FALSE;
        }
        String head = String.join(" ", w.subList(i, i + yes));
        int rest = skip(w, i + yes, HEDGES);
        if (YES_ONLY_ALONE.contains(head) && rest < w.size() && !echoes(w.subList(rest, w.size()), question)) return null;
        return contradicted(w, i + yes, "no") ? null : Boolean.TRUE;
    }

    private static boolean echoes(List<String> words, String question) {
        if (question == null) return false;
        Set<String> asked = new java.util.HashSet<>(Vocabulary.answerWords(question));
        boolean content = false;
        for (String x : words) {
            if (asked.contains(x)) content = true;
            else if (!ECHO.contains(x)) return false;
        }
        return content;
    }

    /** "yes and no", "no or yes": the opposite word right after the first. */
    private static boolean contradicted(List<String> w, int at, String opposite) {
        if (at + 1 < w.size() && Set.of("and", "or").contains(w.get(at))) return w.get(at + 1).equals(opposite);
        return false;
    }

    /** The answer is one word and nothing more ("Yes.", "nope"). */
    static boolean isBareWord(String answer) { return Vocabulary.answerWords(answer).size() <= 1; }

    /** The position after any run of {@code phrases} from {@code i}. */
    private static int skip(List<String> w, int i, List<String> phrases) {
        while (i < w.size()) {
            int n = longest(w, i, phrases);
            if (n == 0) break;
            i += n;
        }
        return i;
    }

    /** The length in words of the longest of {@code phrases} that {@code w} has at {@code i}; 0 for none. */
    private static int longest(List<String> w, int i, List<String> phrases) {
        int best = 0;
        for (String p : phrases) {
            String[] pw = p.split(" ");
            if (pw.length <= best || i + pw.length > w.size()) continue;
            boolean match = true;
            for (int k = 0; k < pw.length && match; k++) match = w.get(i + k).equals(pw[k]);
            if (match) best = pw.length;
        }
        return best;
    }

    // ---- choices -------------------------------------------------------------------------------

    private static final Pattern NEGATED_BEFORE = Pattern.compile(
            "\\b(not|isnt|arent|wasnt|doesnt|dont|didnt|never|no longer|without)\\s+((a|an|the|on|in|to|at|set to|using|via|through)\\s+)?$");

    /** The choices a sentence names as whole words, a negated mention ("not running") left out. */
    static List<String> choicesNamed(String answer, List<String> values) {
        String a = answer.toLowerCase(Locale.ROOT).replaceAll("['\\u2018\\u2019`]", "");
        Set<String> named = new LinkedHashSet<>();
        for (String v : values) {
            String words = Pattern.quote(v.toLowerCase(Locale.ROOT)).replace("-", "\\E[\\s_-]+\\Q");
            Matcher m = Pattern.compile("(?<![a-z0-9_-])" + words + "(?:s|es|ql)?(?![a-z0-9_-])").matcher(a);
            while (m.find()) {
                if (NEGATED_BEFORE.matcher(a.substring(0, m.start())).find()) continue;
                named.add(v);
            }
        }
        return List.copyOf(named);
    }

    // ---- numbers -------------------------------------------------------------------------------

    private static final Pattern NUMBER_OR_DOTTED = Pattern.compile("(?<![\\w.])v?\\d+(?:\\.\\d+)*(?![\\w]|\\.\\d)");
    private static final Pattern NEGATED_NUMBER = Pattern.compile("\\b(not|isnt|never)\\s+(port\\s+)?$");

    /**
     * The whole numbers of a clause, each once: an address, a version or a number glued to a word
     * ("60s", "v2") is no number, and neither is a negated one ("not 3000").
     */
    static List<Long> numbers(String clause) {
        String a = clause.toLowerCase(Locale.ROOT).replaceAll("['\\u2018\\u2019`]", "");
        Set<Long> found = new LinkedHashSet<>();
        Matcher m = NUMBER_OR_DOTTED.matcher(a);
        while (m.find()) {
            String n = m.group();
            if (n.startsWith("v") || n.contains(".") || n.length() > 9) continue;
            if (NEGATED_NUMBER.matcher(a.substring(0, m.start())).find()) continue;
            found.add(Long.parseLong(n));
        }
        return List.copyOf(found);
    }

    /** The answer up to where it goes on about something else: " but ", ";", a new sentence or line. */
    static String firstClause(String answer) {
        String[] parts = answer.strip().split("(?i)\\s+but\\s+|;|\\n|(?<=[a-z0-9)])[.!?]\\s+", 2);
        return parts[0];
    }

    // ---- lists ---------------------------------------------------------------------------------

    private static final Set<String> LIST_FILLER = Set.of(
            "it", "its", "is", "are", "on", "in", "the", "a", "an", "and", "or", "only", "just", "both", "i", "think",
            "believe", "guess", "pretty", "sure", "probably", "network", "networks", "to", "attached", "connected",
            "container", "containers", "app", "also", "plus", "of", "they", "theyre", "with", "docker", "called",
            "named", "one", "ones", "two", "three", "that", "this", "my", "our", "yes", "yeah", "im", "shows",
            "says", "lists", "see", "well", "as", "joined", "sits", "lives", "runs", "inspect", "too", "there");

    /**
     * The names of a list answer: "a, b", "a and b", "it's on dokploy-network and bridge". Words
     * of the sentence around them are dropped, and so is a name said to be missing ("not on x").
     */
    static List<String> listItems(String answer) {
        String clause = firstClause(answer);
        List<String> out = new ArrayList<>();
        String[] tokens = clause.replace(",", " , ").replace("&", " & ").strip().split("\\s+");
        boolean negated = false;
        for (String raw : tokens) {
            if (raw.equals(",") || raw.equals("&")) {
                negated = false;   // "no, it's on bridge": the no answered something else
                continue;
            }
            String t = raw.replaceAll("^[\"'`(\\[]+|[\"'`)\\].;:!?]+$", "");
            if (t.isEmpty()) continue;
            String plain = t.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
            if (Set.of("not", "no", "never", "isnt", "arent", "but").contains(plain)) {
                negated = true;
                continue;
            }
            if (LIST_FILLER.contains(plain)) continue;
            if (negated) {
                negated = false;
                continue;
            }
            if (!t.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) continue;
            out.add(t);
        }
        return List.copyOf(new LinkedHashSet<>(out));
    }

    // ---- one word ------------------------------------------------------------------------------

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
        String[] tokens = firstClause(answer).strip().replace('\u2019', '\'').split("\\s+");
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

    /** "none", "there isn't one", "it's empty": the empty value of a question that allows it. */
    static boolean saysNone(String answer) {
        return NONE.contains(String.join(" ", Vocabulary.answerWords(answer)));
    }

    /** The answer says what something is not ("not postgres", "it's not redis"). */
    static boolean negated(String answer) {
        List<String> w = Vocabulary.answerWords(answer);
        if (w.isEmpty()) return false;
        if (Set.of("not", "no", "never", "isnt").contains(w.get(0))) return true;
        return w.size() > 1 && Set.of("its", "it").contains(w.get(0)) && Set.of("not", "isnt").contains(w.get(1));
    }
}
