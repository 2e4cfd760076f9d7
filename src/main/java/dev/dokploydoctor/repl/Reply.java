package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Effort;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the user answered to a question: a typed value, "I don't know", or something that cannot be
 * read (re-ask). Answers are read as people type them: "yes, it's on dokploy-network", "3000 I
 * think", "it says running", "no idea" ({@link ProseAnswer}). A sentence is read only when it plainly
 * says one value: a negated value ("not 127.0.0.1"), a question back ("3000?"), an alternative or a
 * hedge after the value ("bridge maybe", "done, not sure"), a self-correction ("no wait, yes") or two
 * values are asked again, never guessed. After a question back ("which port? ...") only a yes or no,
 * or a none, is read; a value there, or one in a clause that refers back ("I said 502"), may
 * answer another question and is asked again.
 */
public sealed interface Reply {
    /** {@code inSentence}: the value was picked out of a longer answer, not typed alone. */
    record Value(Object value, boolean inSentence) implements Reply {
        public Value(Object value) { this(value, false); }
    }
    /**
     * {@code because}: why nothing is recorded when it is not "I don't know" (the question does not apply, a guess);
     * null otherwise. {@code guessed}: the answer was said as a belief to a question that needs a look ({@link #isGuess}).
     */
    record Unknown(String because, boolean guessed) implements Reply {
        public Unknown() { this(null); }
        public Unknown(String because) { this(because, false); }
    }
    record Invalid(String message) implements Reply {}

    /**
     * Read an answer to the question about {@code spec}: "I don't know" in its common forms for any
     * question; yes/no leading a sentence for bool; a choice by number, by name or named in a
     * sentence; the one number of a sentence; a comma- or "and"-separated list; text (one word out
     * of the words around it when the fact is a {@link FactSpec.Shape#WORD}).
     */
    static Reply parse(String answer, FactSpec spec) { return parse(answer, spec, key -> null); }

    /**
     * As above; {@code known} gives the value of a key already stated (null when not): a pasted list
     * of Traefik's networks is compared with the app's ({@value #APP_NETWORKS}).
     */
    static Reply parse(String answer, FactSpec spec, Function<String, Object> known) {
        String a = answer.trim();
        if (a.isEmpty()) return new Invalid("an answer is needed (or ? if you don't know)");
        if (Vocabulary.startsUnknown(a)) return new Unknown();
        // "I can't, the image has no shell" at the gate's in-container check (user17b): the user could not look;
        // to "Can you add ...?" the same words are the answer, a no
        if (Vocabulary.cannotLook(a) && !ASKS_WHAT_YOU_CAN.matcher(spec.question() == null ? "" : spec.question()).lookingAt())
            return new Unknown();
        boolean freeText = spec.type() == FactType.STRING && spec.answer() == FactSpec.Shape.TEXT;
        // "9874, as I said", "as I told you: compose": the value restated, with a reference back that adds nothing
        String restated = freeText ? null : ProseAnswer.withoutReferenceBack(a);
        if (restated != null) return inSentence(parse(restated, spec, known));
        // "8080 like i said, http://blog:8080": the value first, then the reference back and words that give no other value
        String[] beforeBack = freeText || spec.type() == FactType.BOOL ? null : ProseAnswer.valueBeforeReferenceBack(a);
        if (beforeBack != null && parse(beforeBack[0], spec, known) instanceof Value first
                && !(parse(beforeBack[1], spec, known) instanceof Value after && !Objects.equals(after.value(), first.value())))
            return inSentence(first);
        if (NetworksPaste.suggestedBy(spec)) {
            // the output of the command the question suggests, pasted, or a sentence naming the networks
            Reply networks = NetworksPaste.read(a, spec, appNetworks(known));
            if (networks != null) return networks;
        }
        if (ListenRowPaste.asks(spec)) {
            // netstat's or ss's LISTEN rows pasted to the question that asks for that look, a "-" in netstat's
            // PID/Program column (not run as root) included
            Reply row = ListenRowPaste.read(a, known);
            if (row != null) return row;
        }
        String answered = freeText ? null : ProseAnswer.afterQuestionBack(a);
        if (answered != null) {
            // "what port? there's no port problem": the question back asked, the rest is the answer; a
            // value after it ("what? I said 502") may answer another question than this one: asked again
            Reply r = parse(answered, spec);
            if (spec.type() == FactType.BOOL || saysNone(r)) return inSentence(r);
            if (r instanceof Invalid) return r;   // what the rest leaves open, not that it asked back
        }
        // "what do you mean?" (user20 a1): where the question is explained is said, not only that it was asked back
        if (!freeText && ProseAnswer.asksBack(a))
            return new Invalid("that reads as a question; 'why' explains this one, or say what you see, plainly (or ? if you don't know)");
        // "I said 502", "as I told you, 502": a value that refers back to earlier input may be another one than asked
        if (!freeText && spec.type() != FactType.BOOL && ProseAnswer.refersBack(a))
            return new Invalid("that refers back to something said before; type the value itself (or ? if you don't know)");
        return switch (spec.type()) {
            case BOOL -> bool(a, spec);
            case ENUM -> believed(choice(a, spec.values()), a, spec);
            case INT -> (ProseAnswer.leadsWithAClosedNo(a) || ProseAnswer.leadsWithNoOfTheAsked(a, spec.question())) && YES_NO_QUESTION.matcher(spec.question() == null ? "" : spec.question()).lookingAt()
                    ? new Unknown()   // "no, just a 502" to "Does Cloudflare show its own error page ...? Which code?": the no answers (user14 F3)
                    : believed(number(a, spec.key(), spec.question()), a, spec);
            case LIST -> list(a);
            case STRING -> text(a, spec);
        };
    }

    /** The fact whose value a pasted list of Traefik's networks is compared with. */
    String APP_NETWORKS = "app.networks";

    @SuppressWarnings("unchecked")
    private static List<String> appNetworks(Function<String, Object> known) {
        return known.apply(APP_NETWORKS) instanceof List<?> l ? (List<String>) l : null;
    }

    private static Reply inSentence(Reply r) { return r instanceof Value v ? new Value(v.value(), true) : r; }

    /** Nothing to record: "I don't know", or the none of a question that has one. */
    private static boolean saysNone(Reply r) {
        return r instanceof Unknown || (r instanceof Value v && ("".equals(v.value()) || "none".equals(v.value())));
    }

    private static Reply bool(String a, FactSpec spec) {
        String question = spec.question();
        // "none, it tries localhost:2283": a none that goes on to name a thing answers "which one?", not this
        if (ProseWord.leadsWithNone(a) && ProseWord.namesAValueAfterTheNone(a))
            return new Invalid("that names something after the none; to this question, yes or no (or ? if you don't know)");
        Boolean b = ProseAnswer.yesOrNo(a, question);
        if (b != null && saidAsABelief(a, spec)) return guessed(a);
        if (b != null) return new Value(b, !ProseAnswer.isBareWord(a));
        // "it's the only site on this traefik" to "Do all ... domains fail the same way?": with one site a
        // fault of the proxy and one of the app look the same, so it tells neither (user17 uf10: refused)
        if (ALL_OF_THEM.matcher(question == null ? "" : question).find() && ONLY_ONE.matcher(a).find())
            return new Unknown("with one site there is nothing to compare it with");
        // "yes it is cloudflared, the add-on" to "Does cloudflared log ...?" (user25): says what the thing is, not this
        if (ProseAnswer.yesNamingOnlyTheSubject(a, question))
            return new Invalid("that says what it is; this question asks something else of it: yes or no (or ? if you don't know)");
        return new Invalid("expected yes or no (details may follow: 'no, it is stopped'), got '" + abbreviate(a) + "'");
    }

    /**
     * "probably not", "I don't think so, I never touched it", "healthy I believe", "3000 I think" to a question that
     * needs a look (a command, a look inside a container): a belief, not what the host shows, and one answer can carry
     * a cause across the threshold (user19 K8, user19b; a port said so decided a port mismatch as a checked value would,
     * round 20). To what the user sees or did (effort: seen: the domain's port in DokPloy's UI, the status the browser
     * shows) the same words are their memory. A name said so is still read ("postgres I think"); an address that drives
     * a derived fact is asked again instead ({@link AnswerReading}).
     */
    private static boolean saidAsABelief(String a, FactSpec spec) {
        return spec.effort() != Effort.SEEN && ProseAnswer.believes(a);
    }

    private static Unknown guessed(String a) {
        return new Unknown("'" + abbreviate(a) + "' is a guess, not a look (the check in the question would settle it)", true);
    }

    /** A yes, no, number or choice not recorded because it was said as a belief ({@link #saidAsABelief}); a statement beside it may still say it. */
    static boolean isGuess(Reply r) { return r instanceof Unknown u && u.guessed(); }

    /** A number or a choice, unless it was said as a belief ({@link #saidAsABelief}): "3000 I think", "healthy I believe". */
    private static Reply believed(Reply r, String a, FactSpec spec) {
        return r instanceof Value && saidAsABelief(a, spec) ? guessed(a) : r;
    }

    /** A question that compares the failing site with the others on the server. */
    java.util.regex.Pattern ALL_OF_THEM = java.util.regex.Pattern.compile(
            "(?i)\\b(?:all|every|other)\\b[^?]{0,40}\\b(?:domains?|sites?|apps?|services?)\\b");
    /** "it's the only site", "there's just this one app", "no other domains": no other to compare with. */
    java.util.regex.Pattern ONLY_ONE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:the|my) only (?:site|domain|app|application|service|website|project|one)\\b"
            + "|\\b(?:just|only) (?:this|the|one) (?:one )?(?:site|domain|app|application|service|website)\\b"
            + "|\\b(?:there are |i have |there.?s )?no other (?:sites?|domains?|apps?|applications?|services?|websites?)\\b");

    private static Reply choice(String a, List<String> values) {
        if (a.matches("\\d{1,2}")) {
            int n = Integer.parseInt(a);
            if (n >= 1 && n <= values.size()) return new Value(values.get(n - 1));
            return new Invalid("pick 1 to " + values.size() + ": " + numbered(values));
        }
        String match = uniquePrefix(a.replaceAll("[.!]+$", ""), values);
        if (match != null) return new Value(match);
        // "2nd", "the second one", "the cert one", "the one about the database": a menu entry pointed at by its
        // place or by a word of it (user21's left item: refused as no choice)
        Integer place = ordinal(a);
        if (place != null) return place >= 1 && place <= values.size() ? new Value(values.get(place - 1), true)
                : new Invalid("pick 1 to " + values.size() + ": " + numbered(values));
        String pointed = pointedAt(a, values);
        if (pointed != null) return new Value(pointed, true);
        Reply picked = numberWithRemark(a, values);
        if (picked != null) return picked;
        List<String> named = ProseAnswer.choicesNamed(a, values);
        if (named.isEmpty() && ProseAnswer.choicesNegated(a, values).isEmpty()) {
            String shortForm = ProseAnswer.choiceByShortForm(a, values);
            if (shortForm != null) named = List.of(shortForm);
        }
        if (named.size() > 1) return new Invalid("you named " + String.join(" and ", named) + ": which one? " + numberedOnly(values, named));
        // "none of these, the sites work" at a menu that lists no none: the user's case is not on it (user15b ud9);
        // nothing to record, and no refusal that asks them to pick what is not there
        // so is a bare no ("no", "nope"): at such a menu it picks nothing, and says none of it is what the user sees (user15b ud10)
        if (named.isEmpty() && !values.contains("none") && !values.contains("other")
                && (NONE_OF_THEM.matcher(a).lookingAt() || (ProseAnswer.isBareWord(a) && Boolean.FALSE.equals(ProseAnswer.yesOrNo(a)))))
            return new Unknown("none of the choices fits");
        // "I never changed it, whatever the default is" at the SSL mode menu (user19 uh13): the setting was left
        // as it came, and which choice that is the user does not know; a menu with a default choice reads it above
        if (named.isEmpty() && !values.contains("default") && LEFT_AT_DEFAULT.matcher(a).find())
            return new Unknown("left at its default: which choice that is stays open");
        if (ProseAnswer.wavers(a) || !ProseAnswer.laterClauses(a).isBlank()) return new Invalid(UNPLAIN + numbered(values));
        if (named.size() == 1) return new Value(named.get(0), true);
        // "not healthy" says what it is not: asked again, never read as the empty choice
        if (!ProseAnswer.choicesNegated(a, values).isEmpty()) return new Invalid("say which it is, not which it is not: " + numbered(values));
        if (values.contains("none") && Boolean.FALSE.equals(ProseAnswer.yesOrNo(a))) return new Value("none", true);
        // "it's up, no healthcheck defined": the none of the health choice, said in its own words
        if (values.contains("none") && values.contains("healthy") && NO_HEALTHCHECK.matcher(a).find()) return new Value("none", true);
        // "it says Up 2 days, nothing about health": docker ps's status with no health in parentheses is no healthcheck
        // (the question's own help says so; user18 ug12: refused as no choice)
        if (values.contains("none") && values.contains("healthy") && UP_WITHOUT_HEALTH.matcher(a).find()) return new Value("none", true);
        return new Invalid("'" + abbreviate(a) + "' is not a choice; pick one of " + numbered(values));
    }

    /** The setting left as it came: "whatever the default is", "it's on the default", "I never changed it". */
    java.util.regex.Pattern LEFT_AT_DEFAULT = java.util.regex.Pattern.compile(
            "(?i)\\b(?:whatever the default (?:is|was)|(?:it'?s|it is|left (?:it )?(?:at|on)|still (?:at|on)|on|at) the default(?: one| setting| value)?"
            + "|(?:never|didn'?t|did not|haven'?t|have not) (?:changed|change|touched|touch|set) (?:it|that|this|anything)(?: there)?|the default(?: one| setting| value)?)\\b");

    /**
     * An answer that opens by saying no choice fits: "none of these", "neither", "nothing like that", "something else",
     * a bare "none" closed by punctuation ("none, the page loads but the websocket fails": user20 i3, refused as a hedge).
     */
    java.util.regex.Pattern NONE_OF_THEM = java.util.regex.Pattern.compile(
            "(?i)\\s*(?:none of (?:these|them|those|the above|the (?:choices|options))|none(?=\\s*[,;:.!]|\\s*$)|neither(?: of (?:these|them|those))?"
            + "|nothing (?:like that|of (?:these|that|the sort))|something else|(?:it'?s )?not (?:on|in) the list)(?![\\w-])");

    /**
     * A menu number that leads the answer, with what follows it: "1, it's nextcloud's own page", "2 I guess".
     * A number whose dot, comma or colon is followed by a digit is a version, a decimal or a time ("1.52",
     * "3.6.1", "1:30"), not choice 1 (user17 uf13: a Docker API version typed at the list/map menu read as "list").
     */
    java.util.regex.Pattern NUMBER_THEN_REMARK = java.util.regex.Pattern.compile("(?s)\\s*(\\d{1,2})(?![.,:]\\d)(?:\\s*[,.;:)\\-]+\\s*|\\s+)(\\S.*)");

    /**
     * A choice by number with a remark after it ("1, it's nextcloud's own page", "3, the device's
     * certificate is expired", "2 I guess, it keeps redirecting"): the number is the choice when the
     * remark leaves it standing (no alternative or self-correction, no other choice named, no other
     * menu number). Null when the answer does not start so; asked again when the remark leaves it open.
     */
    private static Reply numberWithRemark(String a, List<String> values) {
        java.util.regex.Matcher m = NUMBER_THEN_REMARK.matcher(a);
        if (!m.matches()) return null;
        int n = Integer.parseInt(m.group(1));
        if (n < 1 || n > values.size()) return new Invalid("pick 1 to " + values.size() + ": " + numbered(values));
        String remark = m.group(2);
        String picked = values.get(n - 1);
        boolean another = ProseAnswer.choicesNamed(remark, values).stream().anyMatch(v -> !v.equals(picked));
        // another menu number in the remark is a second pick ("1, 2"); a status ("1, it's a 413") is a detail
        boolean secondPick = ProseAnswer.numbers(remark).stream().anyMatch(x -> x >= 1 && x <= values.size());
        if (ProseAnswer.wavers("it " + remark) || another || secondPick)
            return new Invalid(UNPLAIN + numbered(values));
        return new Value(picked, true);
    }

    /** The protocol and its version as curl and browsers show them: HTTP/1.1, HTTP/2, HTTP/3. */
    java.util.regex.Pattern HTTP_VERSION = java.util.regex.Pattern.compile("(?i)\\bHTTP/\\d(?:\\.\\d)?\\b");

    /** A question about what the user can do ("Can you add network config ...?"), which "I can't" answers. */
    java.util.regex.Pattern ASKS_WHAT_YOU_CAN = java.util.regex.Pattern.compile("(?i)\\s*(?:can|could|are) you\\b");
    /** A question that opens as a yes/no question before it asks for the value ("Does ... ? Which code?"). */
    java.util.regex.Pattern YES_NO_QUESTION = java.util.regex.Pattern.compile("(?i)\\s*(?:does|do|is|are|did|was|were|has|have)\\b");

    /** A health check said not to exist: "no healthcheck", "there's no health check defined", "without a healthcheck". */
    java.util.regex.Pattern NO_HEALTHCHECK = java.util.regex.Pattern.compile(
            "(?i)\\b(?:no|without(?: an?| any)?|(?:has|have)n.?t (?:got )?(?:an?|any)|(?:does|do)n.?t have (?:an?|any)|never (?:set|defined|added) (?:an?|any))\\s+health[- ]?checks?\\b");

    /**
     * docker ps's STATUS read out with no health after it ("Up 2 days", "up about an hour") or the health said
     * to be absent from it ("nothing about health"): the container has no healthcheck. A status with its
     * parenthesis ("Up 2 days (healthy)") names the health itself.
     */
    java.util.regex.Pattern UP_WITHOUT_HEALTH = java.util.regex.Pattern.compile(
            "(?i)\\bup\\s+(?:about\\s+|for\\s+)?(?:an?|\\d+)\\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?)\\b(?!\\s*\\()"
            + "|\\bnothing (?:about|on|of|says|saying) (?:a |the |its |any )?health(?:[- ]?checks?|\\s+status)?\\b"
            + "|\\bno health (?:status|info|information|shown|column|word)\\b");

    private static Reply number(String answer, String key, String question) {
        // "curl shows HTTP/2 301": the protocol's version is no number a question asks (user19 uh9)
        String a = HTTP_VERSION.matcher(answer).replaceAll("HTTP");
        // "8080, curl to app:8080 gives 200 as I said": the port first, then the check that backs it (user16 ue7)
        Long port = key.endsWith("port") ? ProseAnswer.leadingPortBesideResults(a) : null;
        if (port != null) return new Value(port, true);
        // "it fails after a couple of minutes", "after 100 seconds or so": a duration in words, in seconds
        Long seconds = key.endsWith("_seconds") ? ProseDuration.seconds(a) : null;
        if (seconds != null) return new Value(seconds, !a.strip().equals(String.valueOf(seconds)));
        if (key.endsWith("_seconds") && ProseDuration.says(a))
            return new Invalid(UNPLAIN + "one duration (100, 'after a minute')");
        String clause = ProseAnswer.firstClause(a);
        List<Long> numbers = ProseAnswer.numbers(clause);
        if (numbers.size() == 1 && (ProseAnswer.wavers(a) || !ProseAnswer.numbers(ProseAnswer.laterClauses(a)).stream().allMatch(numbers.get(0)::equals)))
            return new Invalid(UNPLAIN + "one whole number");
        if (numbers.size() == 1 && key.endsWith("port") && (numbers.get(0) < 1 || numbers.get(0) > 65535))
            return new Invalid("a port is a number from 1 to 65535, got " + numbers.get(0));
        // an HTTP status has three digits: "I open http://localhost:8080" names a port, not a status (user12 U31)
        if (numbers.size() == 1 && key.equals("http.status") && (numbers.get(0) < 100 || numbers.get(0) > 599))
            return new Invalid("an HTTP status is a number from 100 to 599 (502, 404), got " + numbers.get(0));
        if (numbers.size() == 1) return new Value(numbers.get(0), !clause.strip().equals(String.valueOf(numbers.get(0))));
        // "1337, the compose file maps 3000:1337" to "... listen on inside its container?": the other number is
        // the host side of the mapping the answer gives, which the question does not ask (user15b C2)
        Long side = numbers.size() > 1 ? ProseAnswer.sideOfItsMapping(a, numbers, question) : null;
        if (side != null) return new Value(side, true);
        if (numbers.size() > 1) return new Invalid("which one: " + String.join(" or ", numbers.stream().map(String::valueOf).toList()) + "?");
        // "no" to "does Cloudflare show an error code? which?" is no number to record: nothing known
        if (!a.matches("(?s).*\\d.*") && Boolean.FALSE.equals(ProseAnswer.yesOrNo(a))) return new Unknown();
        return new Invalid("expected a whole number, got '" + abbreviate(a) + "'");
    }

    private static Reply list(String a) {
        List<String> items = ProseList.items(a);
        if (items == null) return new Invalid("expected network names, comma-separated (dokploy-network, app_default), got '" + abbreviate(a) + "'");
        return new Value(items, !String.join(", ", items).equals(a.strip()));
    }

    private static Reply text(String a, FactSpec spec) {
        if (spec.answer() == FactSpec.Shape.TEXT) return new Value(a);
        if (spec.answer() == FactSpec.Shape.WORD_OR_NONE && ProseWord.saysNone(a)) return new Value("", true);
        // "none, it tries localhost:2283, not a name": no name for this question, whatever the rest holds
        if (ProseWord.leadsWithNone(a)) return new Unknown("you named none");
        if (ProseWord.negated(a) || ProseWord.negatesBefore(a)) return new Invalid("say what it is (one name or value), not what it is not");
        if (ProseAnswer.wavers(a) || ProseWord.valueIn(ProseAnswer.laterClauses(a)))
            return new Invalid(UNPLAIN + "one name or value (an address, a name, a version)");
        String word = ProseWord.oneWord(a);
        // the one word before a remark that names no other value ("postgres, I didn't change it") or names the same
        // value again to back it ("127.0.0.1, netstat shows 127.0.0.1:3000", user16 ue11)
        if (word == null && a.contains(",")) {
            String first = ProseWord.oneWord(a.substring(0, a.indexOf(','))), remark = a.substring(a.indexOf(',') + 1);
            if (first != null && (!ProseWord.valueIn(remark) || ProseWord.onlyRepeats(remark, first))) word = first;
        }
        if (word != null && ProseAnswer.yesOrNo(word) != null) return new Invalid("a name or a value is needed here, not yes or no");
        // a word picked out of a sentence must look like what the key holds: "x509" out of a TLS error is
        // no listen address (typed alone, a name is taken: the app may bind its container's hostname)
        if (word != null && !word.equals(a.strip()) && ADDRESS_KEY.matcher(spec.key()).find() && !ADDRESS.matcher(word).matches())
            return new Invalid("'" + abbreviate(word) + "' is not an address; type the address the app listens on (0.0.0.0, 127.0.0.1, ::), or ? if you don't know");
        // a bare number is a port, not an address nor a hostname ("3000" at the listen-address question)
        if (word != null && ADDRESS_KEY.matcher(spec.key()).find() && word.matches("\\d{1,5}"))
            return new Invalid("'" + word + "' is a port; type the address the app listens on (0.0.0.0, 127.0.0.1, ::), or ? if you don't know");
        if (word != null) return new Value(word, !word.equals(a));
        return new Invalid("one name or value is needed here (an address, a name, a version), got '" + abbreviate(a) + "'");
    }

    /** The keys whose value is an address the app listens on or its socket is bound to. */
    java.util.regex.Pattern ADDRESS_KEY = java.util.regex.Pattern.compile("\\.listen_(?:address|bound)$");
    /**
     * What such an address looks like: IPv4, IPv6, a wildcard, localhost, a dotted host name or a container's
     * hostname (its id), optionally with a port.
     */
    java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile(
            "(?i)(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[?[0-9a-f]*:[0-9a-f:]*\\]?|\\*|localhost|[a-z0-9-]+(?:\\.[a-z0-9-]+)+|[0-9a-f]{12,64})(?::\\d{1,5})?");

    String UNPLAIN = "that leaves it open (an alternative, a hedge after it, a correction); say just the one you see: ";

    /** The common ways of saying yes or no, at the start of an answer; null for anything else. */
    static Boolean yesOrNo(String answer) { return ProseAnswer.yesOrNo(answer); }

    /** "2nd", "the second one", "3rd choice": a place in a list, 1-based; null when the answer is not one. */
    java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile(
            "(?i)\\s*(?:(?:it'?s|its) )?(?:the )?(1st|2nd|3rd|[4-9]th|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
            + "(?: one| choice| option| entry)?(?: (?:i guess|i think|please))?\\s*[.!]*\\s*");
    List<String> ORDINAL_WORDS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth");

    static Integer ordinal(String a) {
        java.util.regex.Matcher m = ORDINAL.matcher(a);
        if (!m.matches()) return null;
        String w = m.group(1).toLowerCase(Locale.ROOT);
        return Character.isDigit(w.charAt(0)) ? Integer.valueOf(w.substring(0, 1)) : Integer.valueOf(ORDINAL_WORDS.indexOf(w) + 1);
    }

    /** "the cert one", "the database one", "the one about the redirect loop": the words that point at an entry. */
    java.util.regex.Pattern THE_ONE = java.util.regex.Pattern.compile(
            "(?i)\\s*(?:(?:it'?s|its) )?(?:the )?(?:([a-z][a-z -]{1,30}?) one|one (?:about|with|for|saying) (?:the |a |an )?([a-z][a-z -]{1,30}?))(?:,? (?:i guess|i think|please))?\\s*[.!]*\\s*");

    /** Pointing words that refer back ("other", "same", "another"), never an entry's name. */
    java.util.regex.Pattern ANAPHORIC = java.util.regex.Pattern.compile("(?:an)?other|same");

    /** What follows pointing words when they refer back: "the other one", "the same ones". */
    java.util.regex.Pattern ONE_AFTER = java.util.regex.Pattern.compile("\\s+ones?\\b");

    /**
     * Whether {@code word}, followed in the sentence by {@code rest}, points back at something said before
     * ("the other one") rather than naming a choice spelled the same (a menu's other): the one test of both
     * readers, the pointing words' ({@link #pointedAt}) and the prose choices' ({@code ProseAnswer}).
     */
    static boolean pointsBack(String word, String rest) {
        return ANAPHORIC.matcher(word.toLowerCase(Locale.ROOT)).matches() && ONE_AFTER.matcher(rest).lookingAt();
    }

    /**
     * The one choice the pointing words name: a value they open ("cert" for certificate-error), or the one value
     * one of whose dash-separated words they open ("loop" for redirect-loop). Null when none or several fit.
     */
    static String pointedAt(String a, List<String> values) {
        java.util.regex.Matcher m = THE_ONE.matcher(a);
        if (!m.matches()) return null;
        String words = (m.group(1) != null ? m.group(1) : m.group(2)).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "-");
        if (words.length() < 3) return null;
        // "the other one", "the same one", "another one": words that point back at something said before, not
        // at an entry; at the database menu "the other one" was read as its choice other (user22's left item)
        if (ANAPHORIC.matcher(words).matches()) return null;
        String whole = uniquePrefix(words, values);
        if (whole != null) return whole;
        String found = null;
        for (String v : values) {
            for (String part : v.toLowerCase(Locale.ROOT).split("-")) {
                if (!part.startsWith(words)) continue;
                if (found != null && !found.equals(v)) return null;
                found = v;
            }
        }
        return found;
    }

    /** A value given in full, or a prefix that fits exactly one of them (case-insensitive). */
    static String uniquePrefix(String typed, List<String> values) {
        String t = typed.toLowerCase(Locale.ROOT);
        String found = null;
        for (String v : values) {
            String lv = v.toLowerCase(Locale.ROOT);
            if (lv.equals(t)) return v;
            if (lv.startsWith(t)) {
                if (found != null) return null;
                found = v;
            }
        }
        return found;
    }

    static String numbered(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append("  ");
            sb.append(i + 1).append(") ").append(values.get(i));
        }
        return sb.toString();
    }

    /** Only {@code some} of the values, with their numbers in the whole list (what the next answer picks by). */
    private static String numberedOnly(List<String> values, List<String> some) {
        StringBuilder sb = new StringBuilder();
        for (String v : some) {
            if (!sb.isEmpty()) sb.append("  ");
            sb.append(values.indexOf(v) + 1).append(") ").append(v);
        }
        return sb.toString();
    }

    private static String abbreviate(String s) { return s.length() > 40 ? s.substring(0, 40) + "..." : s; }
}
