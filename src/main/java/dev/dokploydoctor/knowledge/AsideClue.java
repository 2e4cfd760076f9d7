package dev.dokploydoctor.knowledge;

import java.util.Set;

/**
 * Whether a catalog match sits in a sentence that does not tell this report's present state, however
 * its clue is worded or quoted:
 * <ul>
 * <li>someone else's claim or advice: "the docs say ...", "a forum post says ...", "ChatGPT suggested ...",
 *     "I read that ...", "according to ...", "you have to ..." (a reporter before a verb of saying; a
 *     component's output, "the log says", "docker ps says", is not one);</li>
 * <li>a guess: "it could be ...", "maybe ...", in the match's clause;</li>
 * <li>an earlier problem told as solved: "last week Let's Encrypt rate-limited me, that's over now",
 *     "a few days ago another app gave 502 ...; I fixed that one" (a time before now or another site,
 *     and a resolution the sentence does not deny), up to a word that comes back to now ("now", "but").</li>
 * </ul>
 * Such a clue is not read, a log string quoted in it included: the interview can still ask. The frame
 * must come before the match in its sentence; "but", "however" or ";" end a claim. Work is bounded by
 * the sentence (the caller's reach).
 */
final class AsideClue {
    private AsideClue() {}

    /** Who tells a claim: a document, a forum, a person who is not the reporter, an assistant. */
    private static final Set<String> REPORTERS = Set.of("docs", "doc", "documentation", "manual", "wiki", "faq", "readme",
            "guide", "tutorial", "article", "blog", "video", "post", "posts", "forum", "thread", "issue", "issues", "comment",
            "comments", "someone", "somebody", "people", "folks", "others", "everyone",
            "everybody", "user", "users", "friend", "colleague", "he", "she", "they", "support", "maintainer", "maintainers",
            "developer", "developers", "reddit", "discord", "stackoverflow", "overflow", "google", "internet",
            "chatgpt", "gpt", "ai", "llm", "claude", "gemini", "copilot", "chatbot", "grok", "perplexity");
    /** Verbs of saying, suggesting and guessing, after a reporter. */
    private static final Set<String> SAYING = Set.of("say", "says", "said", "saying", "suggest", "suggests", "suggested",
            "suggesting", "mention", "mentions", "mentioned", "mentioning", "recommend", "recommends", "recommended", "claim",
            "claims", "claimed", "advise", "advises", "advised", "propose", "proposes", "proposed", "state", "states", "stated",
            "tell", "tells", "told", "write", "writes", "wrote", "explain", "explains", "explained", "think", "thinks", "thought",
            "believe", "believes", "reckon", "reckons", "blame", "blames", "blamed", "point", "points", "pointed");
    /**
     * Verbs that pass on what someone saw, without an opinion: after a person of the reporter's own ("my colleague
     * says", "our admin told me:") they relay an observation of the same host, often the whole report.
     */
    private static final Set<String> RELAYING = Set.of("say", "says", "said", "tell", "tells", "told", "report", "reports",
            "reported", "mention", "mentions", "mentioned", "write", "writes", "wrote");
    private static final Set<String> OWN = Set.of("my", "our");
    /** "I read that X", "read somewhere that X": the reporter's reading, not their host. */
    private static final Set<String> READ_WHERE = Set.of("that", "somewhere", "online", "about", "elsewhere");
    /** A guess: "maybe X", "it could be X". */
    private static final Set<String> GUESSING = Set.of("maybe", "perhaps", "possibly");
    private static final Set<String> GUESS_MODALS = Set.of("could", "might", "may");
    /** What ends a claim or a guess and comes back to the reporter's own account. */
    private static final Set<String> CONTRAST = Set.of("but", "however", "though", "although", "yet", "whereas", "except", "anyway");
    /** A time before now, or another site than this report's. */
    private static final Set<String> EARLIER = Set.of("earlier", "previously", "yesterday", "ago", "formerly", "initially", "originally");
    private static final Set<String> LAST = Set.of("week", "month", "year", "time", "night", "weekend");
    private static final Set<String> OTHER_THING = Set.of("site", "sites", "app", "apps", "project", "projects", "server",
            "servers", "domain", "domains", "container", "service", "stack", "blog", "website", "instance", "vps", "machine");
    /** A problem told as solved; a denied one ("nothing fixed it", "not solved") is not. */
    private static final Set<String> RESOLVED = Set.of("fixed", "solved", "resolved", "freed", "sorted");
    private static final Set<String> NOT_RESOLVED = Set.of("not", "never", "nothing", "no", "isn't", "wasn't", "hasn't",
            "haven't", "hadn't", "weren't", "aren't", "didn't", "isnt", "wasnt", "hasnt", "havent", "yet", "thought", "should",
            "supposed", "would", "could", "might", "hope", "hoped", "hopefully", "be", "get", "to", "how");
    /** Back to now: what follows is the present problem. */
    private static final Set<String> NOW = Set.of("now", "currently", "today", "still", "again", "but", "however", "since", "then",
            "meanwhile", "tonight");
    /** Before an earlier time, these make it a span up to now: "since yesterday", "for the last week". */
    private static final Set<String> ONGOING = Set.of("since", "for", "until", "till", "from");
    /** After a resolution, these start what happened next: "fixed the labels and then it gives 404". */
    private static final Set<String> AGAIN = Set.of("and", "then", "so", "now", "but", "however", "after", "afterwards", "still");

    /** The words whose test in {@link #claimed} reads the word after them. */
    private static final Set<String> CLAIM_LOOKS_AHEAD = union(SAYING, Set.of("read", "according", "you", "be"));
    /** The same in {@link #earlierAndSolved}'s search for an earlier time or another site. */
    private static final Set<String> EARLIER_LOOKS_AHEAD = Set.of("last", "another", "other", "before");
    /** The same in {@link #resolved}: "that's over now", "fine since", "works again", "went away". */
    private static final Set<String> RESOLVED_LOOKS_AHEAD = Set.of("over", "gone", "fine", "ok", "okay", "works", "working", "went");

    /**
     * The words one of which {@link #aside} needs among its sentence's words to say yes: a verb of saying, "read",
     * "told", "according", "you", a guess ({@link #claimed}), an earlier time or another site ({@link #earlierAndSolved}).
     */
    static final Set<String> FRAMING = union(union(SAYING, GUESSING), union(EARLIER,
            Set.of("read", "told", "heard", "according", "you", "be", "last", "another", "other", "before", "past")));

    /** Whether {@code word} (lower case, as read) is one of the words without which nothing is aside ({@link #FRAMING}). */
    static boolean framing(String word) { return FRAMING.contains(word); }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /**
     * Whether the match {@code text[start, end)} lies in someone else's claim, a guess, or an earlier
     * problem told as solved. {@code ls, le}: the line around it, as far as the caller reaches.
     */
    static boolean aside(String text, int ls, int le, int start, int end) {
        int ss = sentenceStart(text, ls, start);
        int se = end;
        while (se < le && !sentenceEnd(text, se)) se++;
        return claimed(text, ss, start, end) || earlierAndSolved(text, ss, se, start, end);
    }

    /** Where the match's sentence starts, as far back as {@code ls}. */
    static int sentenceStart(String text, int ls, int start) {
        int ss = start;
        while (ss > ls && !sentenceEnd(text, ss - 1)) ss--;
        return ss;
    }

    /**
     * A reporter's claim or a guess before the match in its sentence, not ended by a contrast or ';'; or a
     * claim the match runs into (a pattern with a wide gap that took "Traefik? A GitHub issue mentions
     * 'client version 1.24 is too old'" as one span): a reporter's frame inside it, with words after it.
     */
    private static boolean claimed(String text, int ss, int start, int end) {
        boolean framed = false;
        boolean guessed = false;
        String w1 = "", w2 = "", w3 = "", w4 = ""; // the words before the current one, nearest first
        for (int p = ss; p < end; ) {
            char c = text.charAt(p);
            if (!wordChar(c)) {
                if (c == ';') { framed = false; guessed = false; }
                if (c == ',' || c == ':' || c == ';' || c == '(' || c == ')') guessed = false; // a guess holds its clause
                p++;
                continue;
            }
            int q = p;
            while (q < end && wordChar(text.charAt(q))) q++;
            boolean inMatch = q > start;
            if (inMatch && (framed || guessed)) return true;
            String w = word(text, p, q);
            // the word after it, read only for the words whose test looks at it (most words are none of them)
            String next = CLAIM_LOOKS_AHEAD.contains(w) ? nextWord(text, q, Math.min(text.length(), q + 64)) : ""; // the match may start with it
            if (inMatch && nextStart(text, q, end) >= end) break; // a frame needs the claim after it, inside the match
            if (CONTRAST.contains(w)) { framed = false; guessed = false; }
            else if (SAYING.contains(w) && (REPORTERS.contains(w1) || REPORTERS.contains(w2) || REPORTERS.contains(w3))
                    && !aside(w1, w2, w3, w4) && !relayed(w, w1, w2, w3, w4) && !"".equals(next)) framed = true; // "as support suggested, I ...": the reporter's own act follows
            else if (w.equals("read") && READ_WHERE.contains(next)) framed = true;
            else if ((w.equals("told") || w.equals("heard")) && ("was".equals(w1) || "were".equals(w1) || "i".equals(w1) || "i've".equals(w1) || "been".equals(w1))) framed = true;
            else if (w.equals("according") && "to".equals(next)) framed = true;
            else if (w.equals("you") && (says(text, q, " have to ") || says(text, q, " need to ") || "must".equals(next) || "should".equals(next))) framed = true;
            else if (!inMatch && GUESSING.contains(w)) guessed = true;
            else if (!inMatch && w.equals("be") && GUESS_MODALS.contains(w1) && !participle(next)) guessed = true;
            w4 = w3;
            w3 = w2;
            w2 = w1;
            w1 = w;
            p = q;
        }
        return framed || guessed;
    }

    /** Whether {@code words} (lower case, spaced as read) follow at {@code at}: "you have to", not "you have reached". */
    private static boolean says(String text, int at, String words) {
        return text.regionMatches(true, at, words, 0, words.length());
    }

    /** Where the next word after {@code from} starts, or {@code limit}. */
    private static int nextStart(String text, int from, int limit) {
        int p = from;
        while (p < limit && !wordChar(text.charAt(p))) p++;
        return p;
    }

    /**
     * "My colleague says this happened on his server: ...", "our admin told me the domain gives 502": an observation
     * passed on by someone of the reporter's own, read as the reporter's. Held as a claim, it hid the sentence it
     * framed, a refutation included, while the report's later sentences were read: the clue stayed and its guard went.
     */
    private static boolean relayed(String verb, String w1, String w2, String w3, String w4) {
        return RELAYING.contains(verb) && (OWN.contains(w1) || OWN.contains(w2) || OWN.contains(w3) || OWN.contains(w4));
    }

    /** "as the docs say", "as someone on discord suggested": an attribution of what the reporter did, not a claim. */
    private static boolean aside(String w1, String w2, String w3, String w4) {
        return w1.equals("as") || w2.equals("as") || w3.equals("as") || w4.equals("as");
    }

    /**
     * An earlier time or another site before the match, with no word between the two that comes back to
     * now, and a resolution the sentence does not deny: after the match ("... rate-limited me, that's over
     * now"), or before it in the same clause ("solved it by switching SSL to Full").
     */
    private static boolean earlierAndSolved(String text, int ss, int se, int start, int end) {
        boolean earlier = false;
        String w1 = "", w2 = "";
        for (int p = ss; p < start; ) {
            if (!wordChar(text.charAt(p))) { p++; continue; }
            int q = p;
            while (q < start && wordChar(text.charAt(q))) q++;
            if (q >= start && q < text.length() && wordChar(text.charAt(q))) break;
            String w = word(text, p, q);
            String next = EARLIER_LOOKS_AHEAD.contains(w) ? nextWord(text, q, Math.min(text.length(), q + 64)) : "";
            boolean mark = EARLIER.contains(w) || w.equals("last") && LAST.contains(next)
                    || (w.equals("another") || w.equals("other")) && OTHER_THING.contains(next)
                    || w.equals("before") && "that".equals(next) || w.equals("past") && "the".equals(w1);
            boolean ongoing = ONGOING.contains(w1) || ONGOING.contains(w2) && (w1.equals("the") || w1.equals("a") || w1.equals("past"));
            if (mark && !ongoing) earlier = true; // "since yesterday", "for the last week" reach now
            else if (earlier && NOW.contains(w)) earlier = false;
            w2 = w1;
            w1 = w;
            p = q;
        }
        if (!earlier) return false;
        boolean solvedHere = false; // a resolution earlier in the match's clause
        String b1 = "", b2 = "";
        for (int p = ss; p < se; ) {
            char c = text.charAt(p);
            if (!wordChar(c)) {
                if (c == ',' || c == ';' || c == ':' || c == '(') solvedHere = false;
                p++;
                continue;
            }
            if (p >= start && p < end) { // the match's own words
                if (solvedHere) return true;
                p = end;
                continue;
            }
            int q = p;
            while (q < se && wordChar(text.charAt(q))) q++;
            String w = word(text, p, q);
            boolean solved = resolved(text, w, q, se) && !NOT_RESOLVED.contains(b1) && !NOT_RESOLVED.contains(b2);
            if (solved && p >= end) return true;
            if (solved) solvedHere = true;
            else if (AGAIN.contains(w)) solvedHere = false;
            b2 = b1;
            b1 = w;
            p = q;
        }
        return false;
    }

    /** fixed, solved, resolved, freed, sorted; "that's over", "fine since", "works now", "went away". */
    private static boolean resolved(String text, String w, int q, int se) {
        if (RESOLVED.contains(w)) return true;
        if (!RESOLVED_LOOKS_AHEAD.contains(w)) return false;
        String next = nextWord(text, q, se);
        return (w.equals("over") || w.equals("gone")) && (next.equals("now") || next.equals("since"))
                || (w.equals("fine") || w.equals("ok") || w.equals("okay")) && (next.equals("since") || next.equals("now") || next.equals("ever"))
                || (w.equals("works") || w.equals("working")) && (next.equals("now") || next.equals("again"))
                || w.equals("went") && next.equals("away");
    }

    /** "could be reached", "may be seen": a passive, not a guess. */
    private static boolean participle(String w) {
        return (w.endsWith("ed") || w.endsWith("en") || w.equals("found") || w.equals("run") || w.equals("done")
                || w.equals("made") || w.equals("set") || w.equals("built"));
    }

    private static String nextWord(String text, int from, int limit) {
        int p = from;
        while (p < limit && !wordChar(text.charAt(p))) {
            if (text.charAt(p) == '.' || text.charAt(p) == ',' || text.charAt(p) == ';') return "";
            p++;
        }
        int q = p;
        while (q < limit && wordChar(text.charAt(q))) q++;
        return q > p ? word(text, p, q) : "";
    }

    private static boolean sentenceEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '!' || c == '?' || c == '\n') return true;
        return c == '.' && (i + 1 >= text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\n');
    }

    static boolean wordChar(char c) { return DeniedClue.letterOrDigit(c) || c == '\''; }

    private static String word(String text, int from, int to) {
        String w = text.substring(from, to).toLowerCase(java.util.Locale.ROOT);
        int a = 0, b = w.length();
        while (a < b && w.charAt(a) == '\'') a++;
        while (b > a && w.charAt(b - 1) == '\'') b--;
        return w.substring(a, b);
    }
}
