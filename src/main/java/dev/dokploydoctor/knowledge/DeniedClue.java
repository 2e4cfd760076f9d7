package dev.dokploydoctor.knowledge;

import java.util.Set;

/**
 * Whether a catalog match sits in a sentence that denies or doubts it: "I don't think the server
 * binds to localhost", "not Flexible", "there is no 'Unable to reach the origin service' in the
 * log", "Could the container be unhealthy?". Such a clue is not read: the interview can still ask.
 *
 * <p>Only prose is judged. A pasted log line's own "not" or "no" is part of the message ("could not
 * be found", "no such host", "is not running"), so a line shaped like a log line (a level, msg=, a
 * clock time, a JSON object, compose's ✔/✘) is never judged, nor are failure modals ("could not",
 * "can't"): they say something failed, not that the clue is absent. A match whose own words hold the
 * negation ("containers are not running", "no traefik here") reads that negation itself and is kept.
 *
 * <p>The scope is the one NegEx-style readers use: a cue at most {@link #WINDOW} words before the
 * match in its own clause; a clause ends at punctuation or a conjunction ("but", "and", "because"),
 * and a failure predicate between the cue and the match takes the negation for itself ("is not
 * reachable, 502": the 502 stands). Work is bounded per match (a clause of at most 200 characters).
 */
final class DeniedClue {
    private DeniedClue() {}

    /** Words between the cue and the match, at most. */
    static final int WINDOW = 6;
    private static final int REACH = 200;

    private static final Set<String> CUES = Set.of("not", "no", "never", "neither", "nor",
            "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "ain't",
            "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "havent", "hasnt");
    /** "could not", "cannot", "won't": a failure, not a denial. */
    private static final Set<String> MODALS = Set.of("could", "can", "would", "will", "may", "might", "must", "should", "shall", "did", "does", "do");
    /** Right after a cue, these make it no denial of what follows ("no such host", "not only", "no idea why"). */
    private static final Set<String> PSEUDO = Set.of("such", "longer", "matter", "idea", "clue", "problem", "way", "one",
            "sure", "even", "yet", "much", "more", "less", "always", "all", "every", "everything", "quite", "exactly",
            "route", "space", "healthy", "available", "matching", "change", "changes", "changed", "help", "doubt",
            "anymore", "again", "working", "work", "works");
    /** A clause starts after these: what follows is said for itself ("I don't know why X", "it isn't up because X"). */
    private static final Set<String> BOUNDARIES = Set.of("but", "and", "or", "so", "because", "since", "though", "although",
            "however", "yet", "while", "whereas", "which", "why", "how", "where", "when", "until", "after", "before", "unless",
            "except", "instead", "now", "then", "still", "also", "anyway", "that's", "thats", "says", "said", "shows",
            "showed", "returns", "returned", "gives", "gave");
    /** A predicate between cue and match takes the negation: "is not reachable with 502", "doesn't start: port ...". */
    private static final Set<String> PREDICATES = Set.of("work", "works", "working", "worked", "load", "loads", "loading", "loaded",
            "reachable", "accessible", "available", "respond", "responds", "responding", "open", "opens", "opening",
            "start", "starts", "started", "starting", "run", "runs", "running", "connect", "connects", "connecting", "connected",
            "resolve", "resolves", "resolving", "resolved", "found", "exist", "exists", "reach", "access", "serve", "serves",
            "serving", "deploy", "deploys", "deployed", "deploying", "build", "builds", "building", "succeed", "succeeds",
            "finish", "finishes", "complete", "completes", "come", "comes", "boot", "boots", "ready", "able", "possible",
            "allowed", "fine", "ok", "okay", "happy", "up", "online", "stable", "renew", "renewed", "issued",
            "valid", "trusted", "secure", "pick", "picked", "forward", "forwards", "route", "routes", "routing", "proxy", "proxies");
    /** Verbs of seeing and having: "I'm not seeing any 'X'", "haven't noticed X" deny what follows them. */
    private static final Set<String> PERCEIVING = Set.of("seeing", "getting", "finding", "using", "showing", "logging", "receiving",
            "hitting", "having", "noticed", "received", "logged", "mentioned", "reported", "printed", "used", "encountered",
            "thinking", "expecting", "saying", "said", "configured", "selected", "switched", "turned", "enabled", "called", "named",
            "labeled", "labelled", "marked", "listed", "defined", "declared", "included", "installed", "based", "listening", "binding");
    /** A yes/no question's first word: "Could the container be unhealthy?", "Is it a redirect loop?". */
    private static final Set<String> ASKING = Set.of("is", "are", "was", "were", "could", "can", "might", "may",
            "does", "did", "has", "have", "maybe", "perhaps", "possibly", "isn't", "doesn't");
    /** After a lead-in, these open a yes/no question: "I wonder if X?", "Do you think X?". */
    private static final Set<String> OPENING = Set.of("if", "whether", "think");
    /** Words before a question's opening word: "So could ...", "At 10:02 is ...", "Quick question: could ...". */
    private static final Set<String> LEAD_IN = Set.of("so", "and", "also", "then", "now", "ok", "okay", "well", "hmm", "quick",
            "question", "just", "i", "i'm", "im", "wonder", "wondering", "am", "do", "you", "guys", "hi", "hey", "hello", "at",
            "or", "anyway", "curious", "any", "chance", "but");
    /** A question with these asks about a clue it states ("Why is the container unhealthy?", "Is there a way to fix X?"). */
    private static final Set<String> STATING = Set.of("why", "how", "what", "where", "when", "which", "who", "anyone", "anybody",
            "someone", "somebody", "help", "fix", "solve", "resolve", "way", "avoid", "prevent", "rid", "know", "normal",
            "expected", "supposed", "safe", "mean", "means", "else", "other", "others", "should", "need", "better");

    /** Whether the match {@code text[start, end)} is denied or doubted by the words around it. */
    static boolean denied(String text, int start, int end) { return denied(text, start, end, null); }

    /**
     * {@code pattern}: the pattern of an entry of our own prose patterns, null for any other entry. A
     * cue in a prose match that the pattern spells itself ("containers are not running") is what the
     * entry reads; a cue it does not spell came in through a gap, and denies ("Traefik does not log
     * 'client version ... too old'"). A log entry's match is the message: its "does not exist" is its own.
     */
    static boolean denied(String text, int start, int end, String pattern) {
        // the line around the match, at most REACH*2 characters either way (bounded work per match)
        TextIndex index = TextIndex.of(text);
        int ls = Math.max(Math.max(0, start - REACH * 2), index.lineBreakBefore(start) + 1);
        boolean lineStart = ls == 0 || text.charAt(ls - 1) == '\n';
        int le = Math.min(Math.min(text.length(), end + REACH * 2), index.lineBreakFrom(end));
        if (!mayDeny(text, index, ls, le, start, end)) return false;
        if (logShaped(text, ls, le, lineStart, start, end)) return false;
        // a docker ps row is output, not a sentence: its command cell's "--no-auto-update" denies nothing
        if (lineStart && PastedTable.row(text, ls, le)) return false;
        if (AsideClue.aside(text, ls, le, start, end)) return true; // "the docs say X", "maybe X", "last week X, fixed since"
        int cue = cueIn(text, start, Math.min(end, start + REACH));
        if (cue >= 0) {
            if (pattern != null) return !spells(pattern, cueWord(text, cue));
            return quotedAfter(text, cue, Math.min(end, start + REACH)); // "does not log 'client version ... too old'"
        }
        return negatedBefore(text, Math.max(ls, start - REACH), start) || doubted(text, ls, le, lineStart, start, end);
    }

    /** Whether the line holding {@code text[at]} is a row of a pasted table ({@link PastedTable#row}), each line judged once per text. */
    static boolean tableRowAt(String text, int at) { return TextIndex.of(text).tableRowAt(at); }

    /**
     * Whether one of the ways below can say "denied" here at all. Each needs a word of its own in the words it
     * reads: a cue ({@link #DENYING}) within {@link #REACH} of the match ({@link #cueIn}, {@link #negatedBefore}),
     * a framing word in the match's sentence up to its end ({@link AsideClue#framing}), or a '?' after the match on
     * its line ({@link #doubted}). Most matches have none of them, so their sentence is not walked word by word:
     * the text's {@link TextIndex} tells where its cue and framing words are. A stretch that begins or ends inside
     * a word is read by those walks as part of a word, which the index of whole words does not hold: there the
     * walks decide.
     */
    private static boolean mayDeny(String text, TextIndex index, int ls, int le, int start, int end) {
        for (int p = end; p < le; p++) if (text.charAt(p) == '?') return true;
        int from = Math.max(ls, start - REACH), to = Math.min(end, start + REACH);
        if (inWord(text, from, true) || inWord(text, start, true) || inWord(text, to, true)) return true;
        if (TextIndex.any(index.denying(), from, to)) return true;
        int ss = AsideClue.sentenceStart(text, ls, start);
        if (inWord(text, ss, false) || inWord(text, end, false)) return true;
        return TextIndex.any(index.framing(), ss, end);
    }

    /** Whether {@code at} falls inside a word ({@code underscore}: this class's words, else {@link AsideClue}'s, without '_'). */
    private static boolean inWord(String text, int at, boolean underscore) {
        return at > 0 && at < text.length() && wordChar(text.charAt(at - 1), underscore) && wordChar(text.charAt(at), underscore);
    }

    private static boolean wordChar(char c, boolean underscore) { return underscore ? wordChar(c) : AsideClue.wordChar(c); }

    /** The cues {@link #cueIn} and {@link #negatedBefore} look for: without one of them no clause is negated. */
    private static final Set<String> DENYING = union(CUES, Set.of("nothing", "none", "nor", "neither"));
    /** The marks of a cue and of {@link AsideClue}'s framing words, both looked up at once on an ASCII word. */
    private static final int CUE = 1, FRAMES = 2;
    private static final AsciiWords CLUE_WORDS = clueWords();

    private static AsciiWords clueWords() {
        java.util.Map<String, Integer> marks = new java.util.HashMap<>();
        for (String w : DENYING) marks.merge(w, CUE, (a, b) -> a | b);
        for (String w : AsideClue.FRAMING) marks.merge(w, FRAMES, (a, b) -> a | b);
        return new AsciiWords(marks);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /**
     * Where to search on after a denied match: the end of its clause (the rest of it is under the same
     * denial), so a line of many denied matches is passed over once.
     */
    static int resume(String text, int end) {
        int k = end;
        while (k < text.length() && !endsClause(text.charAt(k), text, k)) k++;
        return k;
    }

    /** A cue at most WINDOW words before {@code start}, in its clause, not taken by a predicate. */
    private static boolean negatedBefore(String text, int from, int start) {
        int words = 0;
        for (long at = wordBefore(text, from, start); at >= 0; ) {
            int k = (int) (at >>> 32), wEnd = (int) at;
            String w = word(text, k, wEnd);
            if (CUES.contains(w)) {
                if ((w.equals("no") || w.equals("never")) && words > 3) return false; // "no X" denies a short phrase
                return !pseudo(text, wEnd, start) && !(w.equals("not") && afterModal(text, from, k));
            }
            // "no traefik or cloudflared": a denial of a short list reaches its last item (the match right after "or")
            if (w.equals("or") && words == 0 && conjunctDenied(text, from, k)) return true;
            if (BOUNDARIES.contains(w) || PREDICATES.contains(w)) return false;
            // another verb between cue and match takes the negation ("not routed by Traefik (404)")
            if (w.length() > 4 && (w.endsWith("ed") || w.endsWith("ing")) && !PERCEIVING.contains(w)) return false;
            if (++words > WINDOW) return false;
            at = wordBefore(text, from, k);
        }
        return false;
    }

    /**
     * Whether the item before {@code or} (at {@code orStart}) is one or two words right after a cue that denies it:
     * "there is no traefik or cloudflared", "I don't use nginx or caddy". A longer stretch before "or" is a clause of
     * its own ("there was no error in the log or a 502": the 502 stands).
     */
    private static boolean conjunctDenied(String text, int from, int orStart) {
        int words = 0;
        for (long at = wordBefore(text, from, orStart); at >= 0; ) {
            int k = (int) (at >>> 32), wEnd = (int) at;
            String w = word(text, k, wEnd);
            if (CUES.contains(w)) return words > 0 && !pseudo(text, wEnd, orStart) && !(w.equals("not") && afterModal(text, from, k));
            if (words == 2 || BOUNDARIES.contains(w) || PREDICATES.contains(w)) return false;
            words++;
            at = wordBefore(text, from, k);
        }
        return false;
    }

    /**
     * The word that ends last before {@code k} in its clause, as its start shifted left 32 bits or'ed with its end;
     * -1 when the clause ends (or the text reaches {@code from}) before a word does. Both backward walks (the cue
     * before a match, the cue before a list's "or") step through a clause's words with it; a long, not a record,
     * since extraction calls it for every word it walks.
     */
    private static long wordBefore(String text, int from, int k) {
        while (k > from) {
            char c = text.charAt(k - 1);
            if (endsClause(c, text, k - 1)) return -1;
            if (wordChar(c)) break;
            k--;
        }
        if (k <= from) return -1;
        int end = k;
        while (k > from && wordChar(text.charAt(k - 1))) k--;
        return (long) k << 32 | end;
    }

    /** The word after the cue makes it no denial. */
    private static boolean pseudo(String text, int cueEnd, int start) {
        int k = cueEnd;
        while (k < start && !wordChar(text.charAt(k))) k++;
        if (k >= start) return false;
        int e = k;
        while (e < start && wordChar(text.charAt(e))) e++;
        return PSEUDO.contains(word(text, k, e));
    }

    /** "could not", "did not"... is a failure or a modal; "does not"/"did not" + verb is a denial, so only the failure modals count. */
    private static boolean afterModal(String text, int from, int cueStart) {
        int k = cueStart;
        while (k > from && text.charAt(k - 1) == ' ') k--;
        int e = k;
        while (k > from && wordChar(text.charAt(k - 1))) k--;
        String w = word(text, k, e);
        return MODALS.contains(w) && !w.equals("does") && !w.equals("do") && !w.equals("did");
    }

    /** The match is in a yes/no question that does not state it ("Could the container be unhealthy?"). */
    private static boolean doubted(String text, int ls, int le, boolean lineStart, int start, int end) {
        int ss = start;
        while (ss > ls && !sentenceEnd(text, ss - 1)) ss--;
        if (ss == ls && !lineStart) return false; // the sentence starts beyond reach
        int se = end;
        while (se < le && !sentenceEnd(text, se)) se++;
        if (se >= le || text.charAt(se) != '?' || se - ss > REACH * 2) return false;
        int e = asks(text, ss, start);
        if (e < 0) return false;
        for (int p = e; p < se; ) {
            while (p < se && !wordChar(text.charAt(p))) p++;
            int q = p;
            while (q < se && wordChar(text.charAt(q))) q++;
            if (q > p && STATING.contains(word(text, p, q))) return false;
            p = q;
        }
        return true;
    }

    /**
     * Where the word that opens the question ends, or -1: an asking word first ("Could the container be
     * unhealthy?") or after a lead-in ("So could ...", "At 10:02 could ...", "Quick question: is ...",
     * "I wonder if ...", "Do you think ..."), before the match (else the question is the message itself,
     * libpq's "Is the server running on that host...?").
     */
    private static int asks(String text, int ss, int start) {
        int words = 0;
        boolean open = true; // only lead-in words so far in this clause
        for (int k = ss; k < start; ) {
            int gap = k;
            while (k < start && !wordChar(text.charAt(k))) k++;
            // a colon starts the question anew: "This happened on my server: could the container be unhealthy?"
            if (text.lastIndexOf(':', k - 1) >= gap && k > gap && text.charAt(k - 1) == ' ') { open = true; words = 0; }
            int e = k;
            while (e < start && wordChar(text.charAt(e))) e++;
            if (e >= start) return -1;
            String w = word(text, k, e);
            if (open && (ASKING.contains(w) || OPENING.contains(w))) return e;
            if (!LEAD_IN.contains(w) && !Character.isDigit(w.charAt(0)) || ++words >= 6) open = false;
            k = e;
        }
        return -1;
    }

    /** A log message's own words hold no quote: one a few words after the cue is a message quoted in a sentence that denies it. */
    private static boolean quotedAfter(String text, int cue, int end) {
        int words = 0;
        for (int p = cue; p < end && words <= 4; p++) {
            char c = text.charAt(p);
            if (c == '\'' && (p == 0 || !Character.isLetter(text.charAt(p - 1))) || c == '"' || c == '`') return true;
            if (c == ' ') words++;
        }
        return false;
    }

    private static String cueWord(String text, int at) {
        int e = at;
        while (e < text.length() && wordChar(text.charAt(e))) e++;
        return word(text, at, e);
    }

    /** Where the first cue in the match's own words starts, or -1. */
    private static int cueIn(String text, int start, int end) {
        for (int p = start; p < end; ) {
            while (p < end && !wordChar(text.charAt(p))) p++;
            int q = p;
            while (q < end && wordChar(text.charAt(q))) q++;
            if (q > p) {
                String w = word(text, p, q);
                boolean cue = CUES.contains(w) || w.equals("nothing") || w.equals("none") || w.equals("nor") || w.equals("neither");
                if (cue && !pseudo(text, q, end) && !(w.equals("not") && afterModal(text, start, p))) return p;
            }
            p = q;
        }
        return -1;
    }

    /** Whether a pattern's own text spells the cue ("not"; a contraction as doesn.?t, doesn't, does not). */
    static boolean spells(String pattern, String cue) {
        String lower = pattern.toLowerCase(java.util.Locale.ROOT);
        String word = cue;
        if (!cue.equals("not") && (cue.endsWith("n't") || cue.endsWith("nt"))) {
            String stem = cue.substring(0, cue.length() - (cue.endsWith("n't") ? 3 : 2));  // does, did, is...
            if (stem.endsWith("n") && !stem.equals("n")) stem = stem.substring(0, stem.length() - 1); // "doesn" -> "does"
            return lower.contains(stem + "n") || lower.contains(stem + " not") || lower.contains("not");
        }
        int at = lower.indexOf(word);
        while (at >= 0) {
            boolean before = at == 0 || !Character.isLetter(lower.charAt(at - 1)) || at >= 2 && lower.charAt(at - 2) == '\\'; // \bnot
            int e = at + word.length();
            boolean after = e >= lower.length() || !Character.isLetter(lower.charAt(e));
            if (before && after) return true;
            at = lower.indexOf(word, at + 1);
        }
        return false;
    }

    /**
     * Whether the match sits in a log line's text, not in a sentence. A line that starts as a record
     * does ({, [, a compose/BuildKit status mark); otherwise the markers are looked for in the match's
     * own sentence only ({@link #sentenceStart}): most reports are one line of prose with log strings
     * in it, and "level=error" or a clock in one sentence says nothing of the next ("Since 10:05:12
     * I get 502. I don't think it binds to localhost.").
     */
    static boolean logShaped(String text, int ls, int le, boolean lineStart, int start, int end) {
        int k = ls;
        while (k < le && text.charAt(k) == ' ') k++;
        boolean quotes = balancedQuotes(text, ls, le);
        int ss = sentenceStart(text, ls, start, quotes);
        if (lineStart && ss == ls && k < le && recordMark(text.charAt(k))) return true;
        int se = sentenceEnd(text, ls, end, le, quotes);
        return logLine(text, ss, se, ss > ls || lineStart);
    }

    /**
     * A stretch shaped like a log line, not a sentence: key=value logging (level=, msg=, time=, error=,
     * err=), a timestamp's clock, a level word among its first words or a record mark at its start.
     */
    static boolean logLine(String text, int ls, int le, boolean lineStart) {
        int k = ls;
        while (k < le && text.charAt(k) == ' ') k++;
        if (lineStart && k < le && recordMark(text.charAt(k))) return true;
        for (int p = k; p < le; p++) {
            char c = text.charAt(p);
            if (c == '=' && p > k && Character.isLetter(text.charAt(p - 1))) {
                int w = p;
                while (w > k && Character.isLetter(text.charAt(w - 1))) w--;
                if (key(text, w, p)) return true;
            }
            if (c == ':' && p >= 2 && p + 3 < le && Character.isDigit(text.charAt(p - 1)) && Character.isDigit(text.charAt(p - 2))
                    && Character.isDigit(text.charAt(p + 1)) && Character.isDigit(text.charAt(p + 2)) && text.charAt(p + 3) == ':'
                    && timestamp(text, k, p, le)) return true;
        }
        return lineStart && level(text, k, le);
    }

    /** A logging key before '=': level, msg, time, error, err (any case; no string is made). */
    private static boolean key(String text, int from, int to) {
        return word(text, from, to, "level") || word(text, from, to, "msg") || word(text, from, to, "time")
                || word(text, from, to, "error") || word(text, from, to, "err");
    }

    private static boolean word(String text, int from, int to, String word) {
        return to - from == word.length() && text.regionMatches(true, from, word, 0, word.length());
    }

    /** A mark a log record, a JSON or YAML block, a heading or a compose/BuildKit status starts with. */
    private static boolean recordMark(char c) {
        return c == '{' || c == '[' || c == '#' || c == '<' || c == '\u2714' || c == '\u2718' || c == '\u283F' || c == '\u2716' || c == '\u2713';
    }

    /**
     * The clock hh:mm:ss whose first colon is at {@code colon} is a log record's timestamp, not a time
     * told in a sentence ("since 10:05:12 today"): a date before it (2024-05-01T, 2024/05/01 , the
     * access log's 01/May/2024:), a fraction or a zone after it (.123, ,123, Z), or nothing but a mark
     * before it at the start of the stretch.
     */
    private static boolean timestamp(String text, int from, int colon, int to) {
        int h = colon - 2;
        int after = colon + 6;
        if (after < to) {
            char a = text.charAt(after);
            if (a == 'Z' || (a == '.' || a == ',') && after + 1 < to && Character.isDigit(text.charAt(after + 1))) return true;
        }
        if (h - 1 >= from) {
            char b = text.charAt(h - 1);
            if ((b == 'T' || b == ' ' || b == ':') && h - 2 >= from && Character.isDigit(text.charAt(h - 2))) return true;
        }
        for (int p = from; p < h; p++) {
            char c = text.charAt(p);
            if (c != ' ' && c != '[' && c != '(') return false;
        }
        return true;
    }

    /** Whether the double quotes of the line pair up: only then do they tell a quoted message from the sentence around it. */
    private static boolean balancedQuotes(String text, int ls, int le) {
        int n = 0;
        for (int p = ls; p < le; p++) if (text.charAt(p) == '"') n++;
        return n % 2 == 0;
    }

    /** Where the match's sentence starts: after the last ". ", "! ", "? " or "; " before it, outside double quotes. */
    private static int sentenceStart(String text, int ls, int start, boolean quotes) {
        int ss = ls;
        boolean inside = false;
        for (int p = ls; p < start; p++) {
            char c = text.charAt(p);
            if (c == '"' && quotes) {
                inside = !inside;
                if (!inside && proseAfter(text, p)) ss = p + 1;
            } else if (!inside && stop(text, p)) ss = p + 1;
        }
        return ss;
    }

    /** Where the match's sentence ends: at the first ". ", "! ", "? " or "; " after it, outside double quotes. */
    private static int sentenceEnd(String text, int ls, int end, int le, boolean quotes) {
        boolean inside = false;
        if (quotes) for (int p = ls; p < end; p++) if (text.charAt(p) == '"') inside = !inside;
        for (int p = end; p < le; p++) {
            char c = text.charAt(p);
            if (c == '"' && quotes) {
                inside = !inside;
                if (!inside && proseAfter(text, p)) return p + 1;
            } else if (!inside && stop(text, p)) return p;
        }
        return le;
    }

    /** A sentence's end within a line: . ! ? or ; followed by a space (not "1.5s", "example.com", "a;b"), or a quote or bracket closed before a new sentence. */
    private static boolean stop(String text, int i) {
        char c = text.charAt(i);
        if ((c == ')' || c == '`') && proseAfter(text, i)) return true;
        return (c == '.' || c == '!' || c == '?' || c == ';') && i + 1 < text.length() && text.charAt(i + 1) == ' ';
    }

    /**
     * After a closing quote or bracket, a new sentence of prose: a space, a capital and a small letter
     * ('... no such host" Last week I ...'); a log record goes on with a key, a number or a level in
     * capitals ('" providerName=docker', '" 502 11', '" ERR').
     */
    private static boolean proseAfter(String text, int i) {
        if (i + 3 >= text.length() || text.charAt(i + 1) != ' ') return false;
        char a = text.charAt(i + 2), b = text.charAt(i + 3);
        return Character.isUpperCase(a) && Character.isLowerCase(b) || a == 'I' && (b == ' ' || b == '\''); // "I don't"
    }

    private static final Set<String> LEVELS = Set.of("ERR", "INF", "WRN", "DBG", "ERROR", "WARN", "WARNING", "INFO", "FATAL", "DEBUG", "PANIC", "CRIT", "LOG");

    /**
     * A level in capitals among the first words ("2024... ERR ...", "ERROR: ...", "[error]" is caught above);
     * a word is whole: ERR_TOO_MANY_REDIRECTS is a browser's code, not the level ERR.
     */
    private static boolean level(String text, int k, int le) {
        int words = 0;
        for (int p = k; p < le && words < 4; ) {
            while (p < le && !levelChar(text.charAt(p))) p++;
            int q = p;
            while (q < le && levelChar(text.charAt(q))) q++;
            if (q - p >= 3 && q - p <= 7 && LEVELS.contains(text.substring(p, q))) return true;
            words++;
            p = q;
        }
        return false;
    }

    private static boolean levelChar(char c) { return letterOrDigit(c) || c == '_'; }

    private static final boolean[] ASCII_LETTER_DIGIT = new boolean[128];
    static {
        for (char c = 0; c < 128; c++) ASCII_LETTER_DIGIT[c] = Character.isLetterOrDigit(c);
    }

    /**
     * {@link Character#isLetterOrDigit(char)}, ASCII from a table: most text is ASCII, and every character of a
     * match's sentence is asked (Character's own tables are a chain of lookups: ~2 % of extraction, Round 15).
     */
    static boolean letterOrDigit(char c) { return c < 128 ? ASCII_LETTER_DIGIT[c] : Character.isLetterOrDigit(c); }

    /**
     * One index of a text shared by all its matches, made once per text: where its line breaks are (each match
     * looked for its line's ends by walking up to 2 * REACH characters either way, ~5 % of extraction, Round 15),
     * and, when first asked, where its cue words and its framing words start ({@link #mayDeny}: walking each match's
     * sentence word by word, a string made and looked up per word, was ~16 % of extraction, Round 16). The last
     * text's, per thread: a text's entries and their matches are judged one after the other on one thread.
     */
    private static final class TextIndex {
        private static final ThreadLocal<TextIndex> LAST = new ThreadLocal<>();
        /** The longest cue or framing word ("recommended"): a longer word is none of them, and no string is made of it. */
        private static final int LONGEST_WORD = 16;
        private final String text;
        private final int[] at;
        private final int count;
        private int[] denying, framing;
        private byte[] rows;           // per line (the line ending at break k, the last at the text's end): 0 not judged yet, NO, YES

        private TextIndex(String text) {
            this.text = text;
            int[] found = new int[8];
            int n = 0;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (n == found.length) found = java.util.Arrays.copyOf(found, n * 2);
                found[n++] = i;
            }
            this.at = found;
            this.count = n;
        }

        static TextIndex of(String text) {
            TextIndex b = LAST.get();
            if (b == null || b.text != text) LAST.set(b = new TextIndex(text));
            return b;
        }

        /**
         * Whether the line holding {@code text[at]} is a {@link PastedTable#row}, each line judged once per text (every
         * prose match asks it): a line longer than {@link PastedTable#LONGEST} is no row.
         */
        boolean tableRowAt(int at) {
            int k = java.util.Arrays.binarySearch(this.at, 0, count, at);
            int line = k >= 0 ? k : -k - 1; // the line ending at the first break at or after at
            if (rows == null) rows = new byte[count + 1];
            if (rows[line] == 0) {
                int ls = line == 0 ? 0 : this.at[line - 1] + 1;
                int le = line < count ? this.at[line] : text.length();
                rows[line] = le - ls <= PastedTable.LONGEST && PastedTable.row(text, ls, le) ? YES : NO;
            }
            return rows[line] == YES;
        }

        private static final byte NO = 1, YES = 2;

        /** The last line break before {@code i}, or -1. */
        int lineBreakBefore(int i) {
            int k = java.util.Arrays.binarySearch(at, 0, count, i - 1);
            return k >= 0 ? at[k] : -k - 2 < 0 ? -1 : at[-k - 2];
        }

        /** The first line break at or after {@code i}, or the text's length. */
        int lineBreakFrom(int i) {
            int k = java.util.Arrays.binarySearch(at, 0, count, i);
            int first = k >= 0 ? k : -k - 1;
            return first < count ? at[first] : text.length();
        }

        /** Where the text's cues start (its words as this class reads them), in order. */
        int[] denying() {
            if (denying == null) index();
            return denying;
        }

        /** Where the text's framing words start (its words as {@link AsideClue} reads them: '_' is none of theirs), in order. */
        int[] framing() {
            if (framing == null) index();
            return framing;
        }

        /**
         * Both in one pass over the words as this class reads them: a word without '_' is the same word for {@link
         * AsideClue}, whose words a '_' splits ("db_backup" is "db" and "backup" there).
         */
        private void index() {
            Starts cues = new Starts(), frames = new Starts();
            for (int p = 0, len = text.length(); p < len; ) {
                if (!wordChar(text.charAt(p))) { p++; continue; }
                int q = p + 1;
                boolean underscore = false;
                while (q < len && wordChar(text.charAt(q))) underscore |= text.charAt(q++) == '_';
                underscore |= text.charAt(p) == '_';
                int marks = marks(p, q, true);
                if ((marks & CUE) != 0) cues.add(p);
                if (!underscore) {
                    if ((marks & FRAMES) != 0) frames.add(p);
                } else {
                    for (int a = p; a < q; ) { // AsideClue's words within
                        if (!AsideClue.wordChar(text.charAt(a))) { a++; continue; }
                        int b = a + 1;
                        while (b < q && AsideClue.wordChar(text.charAt(b))) b++;
                        if ((marks(a, b, false) & FRAMES) != 0) frames.add(a);
                        a = b;
                    }
                }
                p = q;
            }
            denying = cues.array();
            framing = frames.array();
        }

        /** The marks of the word {@code text[p, q)} as read: lower case, quotes (and for this class emphasis) around it dropped. */
        private int marks(int p, int q, boolean underscore) {
            int a = p, b = q;
            while (a < b && (text.charAt(a) == '\'' || underscore && text.charAt(a) == '_')) a++;
            while (b > a && (text.charAt(b - 1) == '\'' || underscore && text.charAt(b - 1) == '_')) b--;
            if (b == a || b - a > LONGEST_WORD) return 0; // lower case never makes a word shorter
            if (ascii(text, a, b)) return CLUE_WORDS.marks(text, a, b);
            String w = word(text, p, q);
            return (DENYING.contains(w) ? CUE : 0) | (AsideClue.framing(w) ? FRAMES : 0);
        }

        private static final class Starts {
            int[] at = new int[4];
            int n;
            void add(int p) {
                if (n == at.length) at = java.util.Arrays.copyOf(at, n * 2);
                at[n++] = p;
            }
            int[] array() { return java.util.Arrays.copyOf(at, n); }
        }

        private static boolean ascii(String text, int from, int to) {
            for (int k = from; k < to; k++) if (text.charAt(k) >= 128) return false;
            return true;
        }

        /** Whether one of {@code starts} lies in {@code [from, to)}. */
        static boolean any(int[] starts, int from, int to) {
            int k = java.util.Arrays.binarySearch(starts, from);
            int first = k >= 0 ? k : -k - 1;
            return first < starts.length && starts[first] < to;
        }
    }

    private static boolean endsClause(char c, String text, int i) {
        if (c == ';' || c == '!' || c == '?' || c == '(' || c == ')' || c == ',' || c == '\n') return true;
        if (c == ':' ) return i + 1 >= text.length() || text.charAt(i + 1) == ' ';
        return c == '.' && (i + 1 >= text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\n');
    }

    private static boolean sentenceEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '!' || c == '?' || c == '\n') return true;
        return c == '.' && (i + 1 >= text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\n');
    }

    private static boolean wordChar(char c) { return letterOrDigit(c) || c == '\'' || c == '_'; }

    private static String word(String text, int from, int to) {
        String w = text.substring(from, to).toLowerCase(java.util.Locale.ROOT);
        // quotes around a word ('Unable) and Markdown's emphasis (_not_) are not part of it
        int a = 0, b = w.length();
        while (a < b && (w.charAt(a) == '\'' || w.charAt(a) == '_')) a++;
        while (b > a && (w.charAt(b - 1) == '\'' || w.charAt(b - 1) == '_')) b--;
        return w.substring(a, b);
    }
}
