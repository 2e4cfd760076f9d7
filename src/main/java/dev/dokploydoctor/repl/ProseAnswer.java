package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            "right", "correct", "true", "probably", "always", "sure");

    private static final List<String> NO = List.of(
            "no", "n", "nope", "nah", "never", "false", "negative", "none", "nothing", "not", "not really",
            "not at all", "no way", "i dont think so", "dont think so", "i dont think", "dont think", "i think not", "probably not", "definitely not",
            "certainly not", "absolutely not", "not anymore", "its not", "it is not", "it isnt", "isnt", "it doesnt",
            "it does not", "doesnt", "they arent", "they are not", "theyre not", "arent", "they dont", "they do not",
            "dont", "i didnt", "i did not", "didnt", "we didnt", "we did not", "it didnt", "it did not", "it wasnt",
            "it was not", "wasnt", "they werent", "there isnt", "there is no", "theres no", "theres not", "theres nothing", "there are no", "there arent",
            "i havent", "i have not", "havent", "we havent", "it hasnt", "hasnt", "it wont", "i cant", "we cant",
            "cant", "cannot", "i cannot");

    /** Words a statement may add to the question's own and still only repeat it ("it's on dokploy-network"). */
    private static final Set<String> ECHO = Set.of(
            "on", "the", "a", "an", "to", "up", "and", "i", "think", "believe", "guess", "yes", "set",
            "there", "too", "also", "of", "in", "it", "them", "that", "this", "fine");

    /** Question words that change what follows: "more than one network" is not "one network". */
    private static final Set<String> MODIFIERS = Set.of(
            "more", "than", "less", "fewer", "only", "not", "no", "any", "several", "multiple", "other", "another",
            "every", "all", "both", "most", "least", "without", "except");

    /** A yes or no at the start of the answer ("yes, it's on dokploy-network", "nope, never touched it"); null otherwise. */
    static Boolean yesOrNo(String answer) { return yesOrNo(answer, null); }

    /**
     * As {@link #yesOrNo(String)}; a statement without a yes ("it's on dokploy-network") also says
     * yes when it repeats the key phrase of {@code question} ("Is dokploy-traefik attached to
     * dokploy-network?"). Null when a later clause says the opposite or the answer asks back ("yes?").
     */
    static Boolean yesOrNo(String answer, String question) {
        if (asksBack(answer)) return null;
        List<String> w = Vocabulary.answerWords(answer);
        int i = skip(w, 0, HEDGES);
        if (i >= w.size()) {
            // "I think so" is all hedge words but "so": read the phrase itself
            i = 0;
        } else if (longest(w, 0, YES) == i && longest(w, i, YES) == 0 && longest(w, i, NO) == 0) {
            // "I think so, it can't reach the add-on": the hedges are the yes, a detail follows (user13 V4)
            i = 0;
        }
        int no = longest(w, i, NO);
        int yes = longest(w, i, YES);
        if (no == 0 && yes == 0) return null;
        boolean said = no < yes;
        if (!said && deniesAnAside(answer, question)) return null;
        if (!said && deniesAnotherThing(w, i, no, answer, question)) return null;
        int next = skip(w, i + Math.max(no, yes), HEDGES);
        if (next < w.size() && (said ? longest(w, next, NO) > 0 : saysYesAfterNo(w, next, question))
                && !(said && "not".equals(w.get(next)) && next + 1 < w.size())
                && !(said && saysNothingOfAnotherThing(w, next))) return null;   // "yes no"; "yes not on bridge" reads on
        if (said) {
            String head = String.join(" ", w.subList(i, i + yes));
            int rest = skip(w, i + yes, HEDGES);
            if (YES_ONLY_ALONE.contains(head) && rest < w.size() && !echoes(w.subList(rest, w.size()), question)) return null;
            if (namesOnlyTheSubject(w, rest, question)) return null;
        }
        return contradicted(answer, said) ? null : said;
    }

    /** Statement heads that say what a thing is ("it's cloudflared", "that is the add-on", "we use traefik"). */
    private static final List<String> IDENTITY = List.of(
            "it is", "its", "it was", "thats", "that is", "this is", "we use", "i use", "we are using", "were using",
            "im using", "i am using", "using");
    /** The auxiliary a yes/no question opens with, and the article before its subject. */
    private static final Set<String> QUESTION_OPENERS = Set.of(
            "does", "do", "is", "are", "did", "was", "were", "has", "have", "can", "could", "will", "the", "a", "an", "your");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "my", "our");

    /** The answer opens with a yes whose statement only names the question's subject ({@link #namesOnlyTheSubject}). */
    static boolean yesNamingOnlyTheSubject(String answer, String question) {
        List<String> w = Vocabulary.answerWords(answer);
        int i = skip(w, 0, HEDGES);
        int yes = i < w.size() ? longest(w, i, YES) : 0;
        return yes > 0 && longest(w, i, NO) < yes && namesOnlyTheSubject(w, skip(w, i + yes, HEDGES), question);
    }

    /**
     * After a yes, a statement of what the question's subject is and nothing of what the question asks: "yes it is
     * cloudflared, the add-on" to "Does cloudflared log 'Registered tunnel connection'?" (user25) says which program
     * runs, not that it logs the line; it answers another question and is asked again. One that goes on to a word
     * of the question ("yes, it's cloudflared and it registered 4 connections") still says yes; so does a yes
     * whose detail is no identity ("yes, it registers 4 connections").
     */
    static boolean namesOnlyTheSubject(List<String> w, int from, String question) {
        if (question == null || from >= w.size()) return false;
        List<String> asked = Vocabulary.answerWords(question.replaceAll("\\(.*?\\)", " "));
        int s = 0;
        while (s < asked.size() && QUESTION_OPENERS.contains(asked.get(s))) s++;
        if (s == 0 || s >= asked.size()) return false;   // not a yes/no question's opening
        String subject = asked.get(s);
        int head = longest(w, from, IDENTITY);
        if (head == 0) return false;
        int at = from + head;
        while (at < w.size() && ARTICLES.contains(w.get(at))) at++;
        if (at >= w.size() || !w.get(at).equals(subject)) return false;
        Set<String> askedWords = new java.util.HashSet<>(asked);
        askedWords.remove(subject);
        for (String x : w.subList(at + 1, w.size()))
            if (!PLAIN.contains(x) && (askedWords.contains(x) || longest(List.of(x), 0, YES) > 0 || longest(List.of(x), 0, NO) > 0)) return false;
        return true;
    }

    /**
     * After a yes, "nothing" that starts a statement of its own ("yes, nothing changed on traefik", user16 ue10): it
     * says what did not happen, not no to the question; "yes, nothing" alone or "yes, nothing, no" takes the yes back.
     */
    private static boolean saysNothingOfAnotherThing(List<String> w, int next) {
        int rest = next + 1;
        return "nothing".equals(w.get(next)) && rest < w.size() && longest(w, rest, NO) == 0 && longest(w, rest, YES) == 0
                && longest(w, rest, HEDGES) == 0 && !TAKES_BACK.contains(w.get(rest));
    }

    /** Statement heads that, after a no, start its detail ("no, it is stopped", "no, always"), not a yes. */
    private static final Set<String> DETAIL_AFTER_NO = Set.of(
            "it is", "it does", "they are", "they do", "i did", "we did", "it did", "it was", "they were", "it has",
            "they have", "there is", "there are", "its", "theyre", "i have", "we have", "it will", "i can", "we can",
            "always");

    /**
     * After a leading no, the words at {@code next} say yes: a yes word ("no, yes it is", "no wait
     * yes"), a bare statement head ("no, it is") or one that repeats the question ("no, it's on
     * dokploy-network"), or a detail that affirms it ("no, it's up", "no, they're running now"). A head
     * with a detail of its own ("no, it is stopped", "no, it's a 502 like I said", "no, they're in
     * docker", "no, always") tells what the no means.
     */
    private static boolean saysYesAfterNo(List<String> w, int next, String question) {
        int yes = longest(w, next, YES);
        if (yes <= longest(w, next, NO)) return false;
        String head = String.join(" ", w.subList(next, next + yes));
        if (!DETAIL_AFTER_NO.contains(head)) return true;
        int rest = skip(w, next + yes, HEDGES);
        if (rest >= w.size()) return !"always".equals(head);   // "no, it is" contradicts; "no, always" tells how often
        List<String> detail = w.subList(rest, w.size());
        return echoes(detail, question) || affirms(detail, question);
    }

    /** Words that say a thing is up and well: after a no ("no, it's up") they say the opposite of it. */
    private static final Set<String> AFFIRMATIVE = Set.of(
            "up", "running", "runs", "run", "fine", "healthy", "works", "working", "ok", "okay", "alive", "online");

    /** Words too common to tell what a question is about. */
    private static final Set<String> PLAIN = Set.of(
            "is", "are", "the", "a", "an", "it", "its", "they", "do", "does", "did", "was", "were", "has", "have", "on",
            "in", "to", "of", "for", "and", "or", "any", "your", "you", "that", "this", "with", "from", "at", "by", "as",
            "same", "there", "what", "which", "when", "if", "not", "no", "be", "been", "can", "still", "now", "all");

    /**
     * The detail after a no affirms what the question asks: a word such as up, running, fine or
     * healthy ("no, it's up"), or a content word of the question itself ("no, they're running now").
     * "Up" after a word ending in -ing is a phase ("still starting up"), not a state; "restarting" is
     * a no where the question says so.
     */
    /** Words that count a thing as one alone. */
    private static final Set<String> ONE = Set.of("one", "single", "just", "only", "lone");

    private static boolean affirms(List<String> detail, String question) {
        Set<String> asked = new HashSet<>();
        if (question != null) {
            // the question's alternative is the no side: "... a time limit, rather than with an error in its log?"
            for (String q : Vocabulary.answerWords(question.replaceAll("\\(.*?\\)", " ").replaceAll("(?i)\\b(?:rather than|instead of)\\b[^?;]*", " ")))
                if (q.length() > 2 && !PLAIN.contains(q) && !MODIFIERS.contains(q)) asked.add(q);
        }
        boolean predicate = true;
        for (int k = 0; k < detail.size(); k++) {
            String x = detail.get(k);
            if (x.equals("up") && k > 0 && detail.get(k - 1).endsWith("ing")) continue;
            // "no, it's a CI workflow, no domain": a word of the question denied again is no yes
            if (k > 0 && Negation.is(detail.get(k - 1))) continue;
            if (AFFIRMATIVE.contains(x)) return true;
            // "no, it's one app" at "Does the app talk to sibling containers?": the question's word
            // counted as one tells why the answer is no. Only the detail's first word says what the
            // thing is ("no, they're running now"): a question's word further on is where or with
            // what ("no, it's proxied dns with caddy on the server" at "... reach the server through a Tunnel?")
            // A question's word that qualifies a thing the detail names next ("no, it's plain nginx:latest serving
            // http on 80" to "... the proxy's plain HTTP request ...?") describes that thing, it says no yes (user15b ud6)
            if (predicate && asked.contains(x) && !(k > 0 && ONE.contains(detail.get(k - 1))) && !qualifiesTheNext(detail, k, asked))
                return true;
            if (!PLAIN.contains(x) && !ECHO.contains(x)) predicate = false;
            // restarting is a kind of running, unless the question counts it as a no ("... not exited or restarting")
            if (x.equals("restarting") && (question == null || !question.toLowerCase(Locale.ROOT).contains("restarting"))) return true;
        }
        return false;
    }

    /** Words that join a predicate to what completes it ("proxied through cloudflare"), naming no thing it qualifies. */
    private static final Set<String> JOINING = Set.of(
            "through", "via", "by", "with", "behind", "over", "under", "into", "onto", "again", "already", "yet", "fine");

    /**
     * The word at {@code k} is an attribute of the word after it, a thing the question does not name
     * ("plain nginx", "public ip"): not a predicate. A word after it that is plain, joining, of a state
     * or the question's own ("running now", "proxied through cloudflare", "plain http") leaves it one.
     */
    private static boolean qualifiesTheNext(List<String> detail, int k, Set<String> asked) {
        if (k + 1 >= detail.size()) return false;
        String next = detail.get(k + 1);
        return !PLAIN.contains(next) && !ECHO.contains(next) && !AFFIRMATIVE.contains(next) && !JOINING.contains(next)
                && !asked.contains(next) && !next.matches("\\d+");
    }

    /** A short question back that leads an answer: "which app?", "what port?", "which one do you mean?". */
    private static final Pattern QUESTION_BACK = Pattern.compile(
            "(?is)\\s*(which|what|whats|what's|where|who|whose)\\b[^?]{0,30}\\?+\\s*(.*)");

    /**
     * The answer after a question back that leads it: "what port? there's no port problem" answers
     * "there's no port problem"; null when the answer does not start so, or nothing follows.
     * "3000?", "is it 3000?" and "bridge? or host" are no such lead: they ask back about the value.
     */
    static String afterQuestionBack(String answer) {
        Matcher m = QUESTION_BACK.matcher(answer);
        if (!m.matches() || m.group(2).isBlank()) return null;
        return m.group(2).strip();
    }

    private static final Pattern NO_THING = Pattern.compile("(?i)^\\W*no\\s+([a-z][a-z0-9-]*)");

    /**
     * "no dokploy here" to "Is the Traefik container itself attached to the network ... (on DokPloy: ...)?": the
     * no denies what the question names only in its aside (the DokPloy names), not what it asks; a
     * plain-Traefik user may still share the network. Such an answer is asked again. Only a
     * conditional aside counts ("(on DokPloy: ...)", "(if ...)"): "no cloudflared" still says no to
     * "... through a Cloudflare Tunnel (cloudflared)?".
     */
    private static boolean deniesAnAside(String answer, String question) {
        if (question == null) return false;
        Matcher m = NO_THING.matcher(answer.strip());
        if (!m.find()) return false;
        List<String> thing = Vocabulary.answerWords(m.group(1));
        if (thing.isEmpty()) return false;
        String w = thing.get(0);
        if (longest(List.of(w), 0, NO) > 0 || longest(List.of(w), 0, YES) > 0 || longest(List.of(w), 0, HEDGES) > 0) return false;
        List<String> asked = Vocabulary.answerWords(question.replaceAll("\\(.*?\\)", " "));
        StringBuilder asides = new StringBuilder();
        // only a conditional aside ("on DokPloy: ...", "if ..."); a gloss such as "(cloudflared)" names what is asked
        Matcher p = Pattern.compile("(?i)\\(((?:on|if)\\s.*?)\\)").matcher(question);
        while (p.find()) asides.append(' ').append(p.group(1));
        return !asked.contains(w) && Vocabulary.answerWords(asides.toString()).contains(w);
    }

    /** The no phrases that deny a thing named next ("no status", "there's no port problem"), not the question. */
    private static final Set<String> NO_BEFORE_A_THING = Set.of("no", "theres no", "there is no", "there are no");

    /** Words after such a no that name no thing: "no it isn't", "no way", "no longer", "no idea". */
    private static final Set<String> NOT_A_THING = Set.of(
            "it", "its", "they", "theyre", "them", "i", "im", "we", "you", "he", "she", "that", "this", "these", "those",
            "there", "theres", "one", "way", "longer", "more", "idea", "clue", "a", "an", "the", "just", "sorry", "wait");

    /**
     * "there's no status, the connection is refused" to "Is the Traefik container itself running?": the no
     * denies a thing the question does not name (a status, an idea of the logs), so it answers something
     * else; asked again, with the rest read as more of what the user sees. A no before the question's
     * own subject or one of its words ("there's no port problem" to a port question, "no traefik here")
     * is the answer. A no closed by punctuation ("no, the status is Exited") answers the question.
     */
    private static boolean deniesAnotherThing(List<String> w, int i, int no, String answer, String question) {
        if (question == null || i + no >= w.size() || leadsWithAClosedNo(answer)) return false;
        if (!NO_BEFORE_A_THING.contains(String.join(" ", w.subList(i, i + no)))) return false;
        String thing = w.get(i + no);
        if (NOT_A_THING.contains(thing) || longest(w, i + no, NO) > 0 || longest(w, i + no, YES) > 0
                || longest(w, i + no, HEDGES) > 0) return false;
        for (String asked : Vocabulary.answerWords(question)) if (sameWord(asked, thing)) return false;
        return true;
    }

    /** The same word, singular or plural ("container", "containers"). */
    private static boolean sameWord(String a, String b) {
        return a.equals(b) || a.equals(b + "s") || b.equals(a + "s") || a.equals(b + "es") || b.equals(a + "es");
    }

    /** Words that point back at earlier input: "I said 502", "like I said", "as I told you". */
    private static final Pattern REFERS_BACK = Pattern.compile(
            "(?i)\\b(i|we)\\s+(already\\s+)?(said|told\\s+you|wrote|mentioned|typed)\\b");

    /** The answer refers back to earlier input ("what? I said 502"): a value in it may answer another question. */
    static boolean refersBack(String answer) { return REFERS_BACK.matcher(answer).find(); }

    // "as I said" after the value, or the bare "I said" / "I told you" after a comma (user12: "3000, I told you")
    private static final String BACK = "(?:(?:just\\s+)?(?:as|like)\\s+)?(?:i|we)\\s+(?:already\\s+|just\\s+)?(?:said|told\\s+you|wrote|mentioned|typed|pasted)"
            + "(?:\\s+(?:before|earlier|above|already|so|it|that))?";
    private static final Pattern TRAILING_BACK = Pattern.compile("(?i)^(.*?\\S)(?:\\s*[,;(\\-]\\s*|\\s+)" + BACK + "[\\s.!)]*$");

    /**
     * The answer without a trailing reference back that only says the value was told before ("9874,
     * as I said"); null when there is none, or when the value follows the reference back ("I said
     * 502", "as I told you, 502": that may answer another question).
     */
    static String withoutReferenceBack(String answer) {
        Matcher m = TRAILING_BACK.matcher(answer.strip());
        if (m.matches()) return m.group(1);
        return null;
    }

    // the reference back first, then the value: "as I said, localhost:9898", "I told you: 8000" (user24 s6)
    // (its words taken whole, never given back: "as I said before" leaves no "before" to be read as the value)
    private static final Pattern LEADING_BACK = Pattern.compile("(?i)^\\W*(?>(?:(?:just\\s+)?(?:as|like)\\s+)?(?:i|we)\\s+(?:already\\s+|just\\s+)?"
            + "(?:said|told\\s+you|wrote|mentioned|typed|pasted)(?:\\s+(?:before|earlier|above|already))?)(?![\\w'])"
            + "\\s*[,;:.\\-]?\\s*(\\S.*?)[\\s.!]*$");

    /** The words after a reference back that opens the answer ("as I said, localhost:9898"); null when it does not open so. */
    static String afterLeadingReferenceBack(String answer) {
        Matcher m = LEADING_BACK.matcher(answer.strip());
        return m.matches() ? m.group(1) : null;
    }

    // the value, the reference back, then more words: "8080 like i said, http://blog:8080" (user20 e1)
    private static final Pattern MID_BACK = Pattern.compile("(?i)^(.*?\\S)(?:\\s*[,;(\\-]\\s*|\\s+)" + BACK + "\\s*[,;:.)\\-]\\s*(\\S.*)$");

    /**
     * The value typed before a reference back that more words follow ("8080 like I said, http://blog:8080"):
     * {the value's words, the words after}; null when the answer has no such shape. The caller reads the
     * value only when the words after it do not give another one.
     */
    static String[] valueBeforeReferenceBack(String answer) {
        Matcher m = MID_BACK.matcher(answer.strip());
        return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
    }

    private static final Pattern CLOSED_NO = Pattern.compile("(?i)^\\W*(?:no|nope|nah|n)\\s*[,.;:!\\-]");

    /**
     * The answer opens with a no that punctuation closes ("no, there's no traefik here"): that no
     * answers the question, whatever the rest says. "no traefik here" or "there's no traefik" deny
     * the thing they name.
     */
    static boolean leadsWithAClosedNo(String answer) { return CLOSED_NO.matcher(answer).find(); }

    private static final Pattern NO_IT_IS_NOT = Pattern.compile("(?i)^\\W*(?:no|nope|nah)\\s+(?:it|that|they)\\s*(?:isn'?t|is\\s+not|'?s\\s+not"
            + "|aren'?t|are\\s+not|'?re\\s+not|wasn'?t|was\\s+not|weren'?t|were\\s+not|doesn'?t|does\\s+not|don'?t|do\\s+not|didn'?t|did\\s+not)\\b");

    /**
     * The answer opens with a no that the next words repeat as a full negative sentence ("no it isn't, ...",
     * "nope they're not"): a no to the question, as a closed no is, whatever the rest names (user21 s1: "no it
     * isn't, coolify-proxy dropped off the coolify network" read as "there is no DokPloy here").
     */
    static boolean leadsWithAFullNo(String answer) { return leadsWithAClosedNo(answer) || NO_IT_IS_NOT.matcher(answer).find(); }

    private static final Pattern NO_OF_ASKED = Pattern.compile("(?i)^\\W*(?:there(?:'s| is) )?no ([a-z]+(?: [a-z]+){0,2})\\s*(?:[,.;:!\\-]|$)");

    /**
     * The answer opens with a no of what the question itself names, closed by punctuation: "no code,
     * just a 502" to "Does Cloudflare show its own error page with a code? Which code?" (user19 uh18).
     * Every word after the no is one of the question's, so the no answers it, whatever the rest says.
     */
    static boolean leadsWithNoOfTheAsked(String answer, String question) {
        if (question == null) return false;
        Matcher m = NO_OF_ASKED.matcher(answer.strip());
        if (!m.find()) return false;
        List<String> asked = Vocabulary.answerWords(question);
        return Vocabulary.answerWords(m.group(1)).stream().allMatch(asked::contains);
    }

    /** The answer leads with a no ("no, it's on dokploy-network"), whatever follows it. */
    static boolean leadsWithNo(String answer) {
        List<String> w = Vocabulary.answerWords(answer);
        int i = skip(w, 0, HEDGES);
        return longest(w, i, NO) > longest(w, i, YES);
    }

    /** A question mark after a word: "yes?", "3000?", "bridge? or host" asks back rather than answers. */
    // a "?" glued to what follows is a URL's query ("Get http://domain:9222/probe?target=x: ... no such host", user22 s9:
    // read as a question back and the answer refused), not a question
    static boolean asksBack(String answer) { return answer.matches("(?s).*[\\p{L}\\p{N}/:)\\]]\\s*\\?(?![\\w=&%/.~-]).*"); }

    /**
     * The statement repeats the question's key phrase: its words (fillers aside) end the question,
     * together and not after a word that changes their meaning ("one network" in "more than one
     * Docker network" does not qualify; "dokploy-network" in "attached to dokploy-network?" does).
     */
    private static boolean echoes(List<String> words, String question) {
        if (question == null) return false;
        List<String> said = words.stream().filter(x -> !ECHO.contains(x)).toList();
        List<String> asked = Vocabulary.answerWords(question.replaceAll("\\(.*?\\)", " ")).stream()
                .filter(x -> !ECHO.contains(x)).toList();
        if (said.isEmpty() || said.size() > asked.size()) return false;
        int at = asked.size() - said.size();
        if (!asked.subList(at, asked.size()).equals(said)) return false;
        return at == 0 || !MODIFIERS.contains(asked.get(at - 1));
    }

    private static final Set<String> BARE_YES = Set.of("yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "correct", "true");
    private static final Set<String> BARE_NO = Set.of("no", "n", "nope", "nah", "not", "never", "false");

    /** Where a later clause starts: punctuation, "and", "or", "but", "wait", "I mean", "actually", "then". */
    private static final Pattern CLAUSE = Pattern.compile(
            "[,;:.!?()\\-]+|\\b(and|or|but|wait|i mean|actually|then)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A later clause leads with the opposite: "yes and no", "no, yes it is", "no wait, yes", "no, I
     * mean yes", "yes - no wait", "yes, not anymore".
     */
    private static boolean contradicted(String answer, boolean said) {
        String[] clauses = CLAUSE.split(answer.replace('\u2019', '\''));
        for (int c = 1; c < clauses.length; c++) {
            List<String> w = Vocabulary.answerWords(clauses[c]);
            int i = skip(w, 0, HEDGES);
            // only a bare yes or no leads the opposite way: "yes, but I haven't changed anything" stays yes
            if (i < w.size() && (said ? BARE_NO : BARE_YES).contains(w.get(i)) && !negatesAThing(w, i) && !(said && deniesANoun(w, i))) return true;
        }
        return false;
    }

    /** Words after a "no" that make it a no to the question, not a thing denied: "no way", "no idea", "no clue". */
    private static final Set<String> NO_AS_ANSWER = Set.of("way", "idea", "clue", "wait", "sorry", "actually", "thanks");

    /**
     * After a yes, a clause "no <thing>" that says what is not there, as the yes's detail: "yes, only restarted, no
     * redeploy" to "Was the domain edited after the last deploy (no redeploy since)?" (user21 s16: refused as neither
     * yes nor no). A bare "no", or "no" before a word that answers ("no way", "no idea", "no it isn't"), still takes the
     * yes back.
     */
    private static boolean deniesANoun(List<String> w, int i) {
        if (!"no".equals(w.get(i)) || i + 1 >= w.size()) return false;
        String next = w.get(i + 1);
        return !TAKES_BACK.contains(next) && !NO_AS_ANSWER.contains(next) && !AFFIRMATIVE.contains(next)
                && longest(w, i + 1, HEDGES) == 0 && longest(w, i + 1, YES) == 0 && longest(w, i + 1, NO) == 0;
    }

    /** What may follow a "not" that takes back a yes: "yes, not anymore", "yes, not really", "yes - not sure". */
    private static final Set<String> TAKES_BACK = Set.of(
            "anymore", "really", "sure", "quite", "exactly", "now", "yet", "always", "so", "much", "entirely",
            "completely", "certain", "at", "any", "more", "since", "after", "today", "every", "all", "it", "that");

    /**
     * A "not" that denies a thing in the answer's detail, not the yes: "yes: x509 certificate is valid
     * for my domain, not localhost" (the error's own wording), "yes, the proxy, not the app". A "not"
     * alone or before a word that takes the yes back ("not anymore", "not really") is no such detail.
     */
    private static boolean negatesAThing(List<String> w, int i) {
        return "not".equals(w.get(i)) && i + 1 < w.size() && !TAKES_BACK.contains(w.get(i + 1)) && !AFFIRMATIVE.contains(w.get(i + 1))
                && longest(w, i + 1, HEDGES) == 0 && longest(w, i + 1, YES) == 0 && longest(w, i + 1, NO) == 0;
    }

    /** Words that make a value a guess, or point at the host side of a publish ("that's what the ports line says"). */
    private static final List<String> GUESSES = List.of(
            "i guess", "guess", "i think", "i believe", "i suppose", "i assume", "probably", "maybe", "perhaps",
            "presumably", "should be", "must be", "ports", "ports line", "publish", "published");

    /** The answer guesses its value rather than reports it: "127.0.0.1 I guess", "probably 0.0.0.0", "what the ports line says". */
    static boolean guesses(String answer) { return saysAny(Vocabulary.answerWords(answer), GUESSES); }

    /** One of {@code phrases} occurs anywhere among the words. */
    private static boolean saysAny(List<String> w, List<String> phrases) {
        for (int i = 0; i < w.size(); i++) if (longest(w, i, phrases) > 0) return true;
        return false;
    }

    /** Words that say a yes or no is believed, not seen: "probably not", "I don't think so", "I guess", "yes I think". */
    private static final List<String> BELIEFS = List.of(
            "i think", "think so", "i believe", "believe so", "i guess", "i suppose", "i assume", "id say", "i would say",
            "probably", "presumably", "maybe", "perhaps", "pretty sure", "fairly sure", "i dont think", "dont think",
            "i doubt", "doubt it", "should be", "must be", "afaik", "as far as i know", "i would think", "id think");

    /**
     * Words that say the user looked: "yes, I checked", "docker ps shows it up", "no, it says exited". Docker's name is
     * a look only as a command that shows something: "I never touched the docker networks" is still a belief.
     */
    private static final List<String> LOOKED = List.of(
            "checked", "i checked", "looked", "i looked", "verified", "confirmed", "shows", "it shows", "says", "it says",
            "i ran", "ran", "inspect", "docker ps", "docker logs", "docker exec", "docker network ls", "docker compose ps",
            "docker compose logs", "in the logs", "the logs show", "the output");

    /**
     * An answer said as a belief ("probably not", "I don't think so, I never touched its networks", "healthy I
     * believe") with nothing in it that says the user looked ("I think so, docker ps shows it up" is a look).
     */
    static boolean believes(String answer) {
        List<String> w = Vocabulary.answerWords(answer);
        return saysAny(w, BELIEFS) && !saysAny(w, LOOKED);
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

    private static final Pattern NEGATED_BEFORE =
            Negation.ending("a", "an", "the", "on", "in", "to", "at", "set to", "using", "via", "through", "show", "say", "be", "look", "seem");

    /**
     * The words users say for a choice whose name they do not type (user24 s1: "just a normal app with nixpacks" to
     * "Is the service a DokPloy Application or a Docker Compose service?" was refused as no choice). An Application
     * is what DokPloy builds from a repository with Nixpacks or buildpacks; a compose file is never built so.
     */
    private static final Map<String, Pattern> SHORT_FORMS = Map.of(
            "application", Pattern.compile("(?<![a-z0-9_-])(?:apps?|nixpacks|(?:heroku |paketo )?buildpacks?)(?![a-z0-9_-])"));

    /**
     * The one choice a sentence names only by a short form ({@link #SHORT_FORMS}), not negated; null when it names
     * none or more than one. Read only when no choice is named in full: "a compose app" names compose.
     */
    static String choiceByShortForm(String answer, List<String> values) {
        String a = answer.toLowerCase(Locale.ROOT).replaceAll("['\\u2018\\u2019`]", "");
        String found = null;
        for (String v : values) {
            Pattern p = SHORT_FORMS.get(v);
            if (p == null) continue;
            Matcher m = p.matcher(a);
            if (!m.find() || NEGATED_BEFORE.matcher(a.substring(0, m.start())).find()) continue;
            if (found != null) return null;
            found = v;
        }
        return found;
    }

    /** The choices a sentence names as whole words, a negated mention ("not running") left out. */
    static List<String> choicesNamed(String answer, List<String> values) { return choices(answer, values, false); }

    /** The choices a sentence mentions negated: "not healthy", "it isn't running". */
    static List<String> choicesNegated(String answer, List<String> values) { return choices(answer, values, true); }

    private static List<String> choices(String answer, List<String> values, boolean negatedOnes) {
        String a = answer.toLowerCase(Locale.ROOT).replaceAll("['\\u2018\\u2019`]", "");
        Set<String> named = new LinkedHashSet<>();
        for (String v : values) {
            String words = Pattern.quote(v.toLowerCase(Locale.ROOT)).replace("-", "\\E[\\s_-]+\\Q");
            Matcher m = Pattern.compile("(?<![a-z0-9_-])" + words + "(?:s|es|ql)?(?![a-z0-9_-])").matcher(a);
            while (m.find()) {
                // "the other one" points back at something said before, not at a choice named other (user22's left item)
                if (Reply.pointsBack(v, a.substring(m.end()))) continue;
                if (NEGATED_BEFORE.matcher(a.substring(0, m.start())).find() == negatedOnes) named.add(v);
            }
        }
        return List.copyOf(named);
    }

    // ---- numbers -------------------------------------------------------------------------------

    private static final Pattern NUMBER_OR_DOTTED = Pattern.compile("(?<![\\w.-])v?\\d+(?:\\.\\d+)*(?![\\w]|\\.\\d)");
    // a negation earlier between commas denies the number: "not 3000", "don't think it's 3000"
    private static final Pattern NEGATED_NUMBER = Negation.anywhere();

    /**
     * The whole numbers of a clause, each once: an address, a version or a number glued to a word
     * ("60s", "v2") is no number, and neither is one after a negation ("not 3000", "don't think it's 3000").
     */
    static List<Long> numbers(String clause) {
        String a = clause.toLowerCase(Locale.ROOT).replaceAll("['\\u2018\\u2019`]", "");
        Set<Long> found = new LinkedHashSet<>();
        Matcher m = NUMBER_OR_DOTTED.matcher(a);
        while (m.find()) {
            String n = m.group();
            if (n.startsWith("v") || n.contains(".") || n.length() > 9) continue;
            String before = a.substring(0, m.start());
            int comma = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
            if (NEGATED_NUMBER.matcher(before.substring(comma + 1)).find()) continue;   // "not 3000, it's 8080": 8080
            found.add(Long.parseLong(n));
        }
        return List.copyOf(found);
    }

    /** A port mapping: docker's host:container ("3000:1337", "127.0.0.1:3000:1337/tcp") or docker ps' host->container ("0.0.0.0:3000->1337/tcp"). */
    private static final Pattern MAPPING = Pattern.compile(
            "(?<![\\w.:])(?:\\d{1,3}(?:\\.\\d{1,3}){3}:)?(\\d{1,5})\\s*(?::|->)\\s*(\\d{1,5})(?![\\w.:])");
    /** A question that asks the port inside the container (a mapping's right-hand side). */
    private static final Pattern ASKS_CONTAINER_SIDE = Pattern.compile("(?i)\\binside\\b|\\bcontainer port\\b");
    /** A question that asks the host's published port (a mapping's left-hand side). */
    private static final Pattern ASKS_HOST_SIDE = Pattern.compile("(?i)\\bhost port\\b|\\bpublished port\\b");

    /**
     * The number an answer opens with when each of its other numbers is that number's partner in a port
     * mapping it gives, and the number stands on the side the question asks: "1337, the compose file maps
     * 3000:1337" to "Which port does the app listen on inside its container?" is 1337. Null when the
     * question asks no side, the opening number is on the other side of a mapping, or a number stands
     * outside the mappings (two values: asked again).
     */
    static Long sideOfItsMapping(String answer, List<Long> numbers, String question) {
        if (question == null) return null;
        boolean container = ASKS_CONTAINER_SIDE.matcher(question).find();
        boolean host = ASKS_HOST_SIDE.matcher(question).find();
        if (container == host || wavers(answer)) return null;
        List<String> words = Vocabulary.answerWords(answer);
        Long lead = numbers.get(0);
        if (words.isEmpty() || !words.get(0).equals(String.valueOf(lead))) return null;
        Set<Long> partners = new HashSet<>();
        Matcher m = MAPPING.matcher(answer);
        while (m.find()) {
            long h = Long.parseLong(m.group(1)), c = Long.parseLong(m.group(2));
            long asked = container ? c : h, other = container ? h : c;
            if (other == lead && asked != lead) return null;   // the opening number on the side not asked
            if (asked == lead) partners.add(other);
        }
        // every number of the answer, its later sentences' too
        for (Long n : numbers(answer)) if (!n.equals(lead) && !partners.contains(n)) return null;
        return partners.isEmpty() ? null : lead;
    }

    /** An HTTP status told as what a request got: "gives 200", "returns a 502", "answered with HTTP 404". */
    private static final String RESULT_STATUS = "\\b(?:gives?|gave|giving|returns?|returned|returning|answers?|answered|responds?|responded"
            + "|gets?|got|getting|status|code)\\s+(?:(?:with|back|me|an?|the|status|code|http(?:/[\\d.]+)?)\\s+){0,3}";

    /**
     * The port an answer opens with when every other number of it is an HTTP status told as a result:
     * "8080, curl from the nginx container to app:8080 gives 200" to a port question is 8080 (the 200 is
     * what the check got, no second port). Null when the answer does not open with a port, leaves it open,
     * or holds another number (a second port, a mapping's other side: asked again).
     */
    static Long leadingPortBesideResults(String answer) {
        if (wavers(answer)) return null;
        List<String> words = Vocabulary.answerWords(answer);
        List<Long> all = numbers(answer);
        if (words.isEmpty() || all.size() < 2 || !words.get(0).equals(String.valueOf(all.get(0)))) return null;
        Long lead = all.get(0);
        if (lead < 1 || lead > 65535) return null;
        String lower = answer.toLowerCase(Locale.ROOT);
        for (Long n : all.subList(1, all.size()))
            if (n < 100 || n > 599 || !Pattern.compile(RESULT_STATUS + n + "\\b").matcher(lower).find()) return null;
        return lead;
    }

    /** Words that, after the value, leave it open: "bridge maybe", "3000 or so", "done, not sure". */
    private static final List<String> WAVERS = List.of(
            "or", "maybe", "perhaps", "possibly", "either", "not sure", "unsure", "not certain", "or something",
            "wait", "i mean", "actually", "no wait", "used to");

    /**
     * The answer leaves its value open after naming it: an alternative, a hedge such as "maybe" or
     * "not sure", a self-correction ("wait", "I mean"). A hedge that leads ("maybe 3000") is no waver.
     */
    static boolean wavers(String answer) {
        List<String> w = Vocabulary.answerWords(answer);
        int i = skip(w, 0, HEDGES);
        while (i < w.size() && Set.of("maybe", "perhaps", "possibly").contains(w.get(i))) i++;
        for (int k = i + 1; k < w.size(); k++) if (longest(w, k, WAVERS) > 0) return true;
        return false;
    }

    /** What follows the first clause (after " but ", ";", a new sentence or line); "" when nothing does. */
    static String laterClauses(String answer) {
        String[] parts = answer.strip().split(CLAUSE_BREAK, 2);
        return parts.length < 2 ? "" : parts[1];
    }

    private static final String CLAUSE_BREAK = "(?i)\\s+but\\s+|;|\\n|(?<=[a-z0-9)])[.!?]\\s+";

    /** The answer up to where it goes on about something else: " but ", ";", a new sentence or line. */
    static String firstClause(String answer) {
        String[] parts = answer.strip().split(CLAUSE_BREAK, 2);
        return parts[0];
    }
}
