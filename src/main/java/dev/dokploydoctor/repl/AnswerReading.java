package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import dev.dokploydoctor.knowledge.Implications;
import dev.dokploydoctor.knowledge.TextExtraction;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An answer to a question read twice: as the answer ({@link Reply}) and, like the first prompt's
 * text, through the message catalog, so that "no, but the logs say connect ECONNREFUSED ..." gives
 * the no and the facts of the log line. The REPL's question loop and the simulated interview of
 * {@code eval} both read answers here.
 *
 * @param reply     the answer to the question asked
 * @param alsoSaid  facts the answer's text gave about other keys nothing has stated yet
 * @param corrected the user's word that a part of the stack is not there, replacing what our reading of
 *                  their own sentences took for it ("no, there is no cloudflared at all" after a route read
 *                  as a tunnel's): recorded over the held reading
 */
public record AnswerReading(Reply reply, List<Fact> alsoSaid, List<Fact> corrected) {

    public AnswerReading(Reply reply, List<Fact> alsoSaid) { this(reply, alsoSaid, List.of()); }

    /** Unread answers after which a question is taken as "don't know" and the interview goes on. */
    public static final int UNREAD_LIMIT = 2;

    /**
     * Read {@code line} as the answer to the question about {@code spec}; {@code stated} tells the
     * keys that already have a value (the text never overrides them).
     */
    public static AnswerReading read(String line, FactSpec spec, TextExtraction extraction, Predicate<String> stated) {
        return read(line, spec, extraction, stated, false);
    }

    /**
     * As above; {@code observed}: the answer is taken as something the user saw (an {@code answered:
     * true} implication derives from it: the address typed becomes the socket's bound address), so a
     * guess ("127.0.0.1 I guess, that's what the ports line says") is asked again, not recorded.
     */
    public static AnswerReading read(String line, FactSpec spec, TextExtraction extraction, Predicate<String> stated, boolean observed) {
        return read(line, spec, extraction, stated, observed, key -> null);
    }

    /**
     * As above; {@code known} gives the value of a key already stated (null when not), for an answer
     * read against another fact (a pasted list of Traefik's networks against the app's).
     */
    public static AnswerReading read(String line, FactSpec spec, TextExtraction extraction, Predicate<String> stated, boolean observed,
                                     Function<String, Object> known) {
        return read(line, spec, extraction, stated, observed, known, List.of());
    }

    /**
     * As above; {@code held}: the facts the session holds, so that an answer saying a part of the
     * stack is not there is asked to confirm when a log line, a probe or the platform shows it is
     * ("there's no traefik here" after a pasted Traefik log line).
     */
    public static AnswerReading read(String line, FactSpec spec, TextExtraction extraction, Predicate<String> stated, boolean observed,
                                     Function<String, Object> known, Collection<Fact> held) {
        AnswerReading read = readAgainst(line, spec, extraction, stated, observed, known, held);
        List<Fact> corrected = correctedReadings(line, spec, extraction, held);
        return corrected.isEmpty() ? read : new AnswerReading(read.reply(), read.alsoSaid(), corrected);
    }

    /**
     * What an answer says is not in the stack (tunnel.used = false, traefik.used = false, ...) where the session
     * holds the opposite only from our reading of the user's own sentences ({@code prose: ours}): the user's
     * word now, said to us in so many words, is the better reading. A stack shown by a log line, a probe or the
     * platform ({@link StackAnswer#shownThere}) is not corrected so: that answer is asked to confirm.
     */
    static List<Fact> correctedReadings(String line, FactSpec spec, TextExtraction extraction, Collection<Fact> held) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : extraction.extract(line)) {
            StackAnswer.Component c = StackAnswer.absentIn(f);
            if (c == null || f.getKey().equals(spec.key())) continue;
            Fact was = held.stream().filter(h -> h.getKey().equals(f.getKey())).findFirst().orElse(null);
            if (was == null || was.getValue().equals(f.getValue()) || !TextExtraction.fromProse(was)) continue;
            if (StackAnswer.shownThere(c, held) != null) continue;
            out.add(new Fact(f.getKey(), f.getValue(), Fact.USER, TextExtraction.inAnswerTo(f, spec.key(), ", over what I read from your text")));
        }
        return List.copyOf(out);
    }

    /**
     * Why a guess is asked again, in the words of the question: an address or port is read inside the container
     * (not from the ports: line); a status is what the user sees.
     */
    static String guessed(FactSpec spec) {
        if (spec.key().startsWith("app.listen_"))
            return "that reads as a guess (or the host side of a ports: line); type what you saw inside the container"
                    + " (its start-up log, netstat; 'why' shows how), or ? if you don't know";
        return "that reads as a guess; type what you see (or ? if you don't know)";
    }

    private static AnswerReading readAgainst(String line, FactSpec spec, TextExtraction extraction, Predicate<String> stated, boolean observed,
                                             Function<String, Object> known, Collection<Fact> held) {
        Reply reply = Reply.parse(line, spec, known);
        // "0.0.0.0 I think, whoami listens on 8000" (user13 O9): a guess of a value read inside the container,
        // told as such, not "one name or value is needed"
        // a menu pick said with "I guess" ("the install fails, so 6 i guess") is the user's pick of what they see, as it
        // is where no implication reads the answer (user20 o3: refused at "What do you see?" and told to look inside the container)
        if (observed && spec.type() != FactType.ENUM && (reply instanceof Reply.Value || reply instanceof Reply.Invalid) && ProseAnswer.guesses(line)) {
            reply = new Reply.Invalid(guessed(spec));
        }
        List<Fact> extracted = new ArrayList<>(extraction.extract(line));
        extracted.addAll(saidOfCloudflared(line, spec, extraction, extracted));
        boolean readsTheKey = false;
        Fact contradicts = null;
        List<Fact> also = new ArrayList<>();
        for (Fact f : extracted) {
            if (f.getKey().equals(spec.key())) {
                readsTheKey = true;
                // "no, traefik is on dokploy-network and the app is only on its own network": the yes or no
                // answers some other part of what was asked, the statement answers the question (user14 F1)
                if (reply instanceof Reply.Value v && v.value() instanceof Boolean b && f.getValue() instanceof Boolean said && b != said)
                    contradicts = f;
                // "the app can't reach its database" at "What do you see?": a choice told in its own
                // words, which the catalog reads as that choice
                if (reply instanceof Reply.Invalid && spec.type() == FactType.ENUM && spec.values().contains(f.getText()))
                    reply = new Reply.Value(f.getText(), true);
                // "we don't use cloudflare" at "Is the DNS record proxied?": a yes or no told as a statement
                // the catalog reads as that key; so is one said as a guess beside such a statement ("I think so,
                // it can't reach the add-on")
                if ((reply instanceof Reply.Invalid || Reply.isGuess(reply)) && spec.type() == FactType.BOOL && f.getValue() instanceof Boolean b)
                    reply = new Reply.Value(b, true);
                // "rybbit_postgres - Error: getaddrinfo EAI_AGAIN rybbit_postgres" at "Which sibling name fails?", "the
                // route is service: http://localhost:9583": the catalog reads the asked value itself (user13 V1, V4)
                // An address the question asks to read inside the container, from the app's own start-up line
                // ("the logs say REST server starting  addr=127.0.0.1:8475", user13 X2): what the app printed is
                // seen, not guessed; a hedged one is still a guess and asked again
                if (reply instanceof Reply.Invalid && (spec.type() == FactType.STRING || spec.type() == FactType.INT)
                        && (!observed || !ProseAnswer.guesses(line)) && sameKeyOnce(extracted, spec.key()))
                    reply = new Reply.Value(f.getValue(), true);
                continue;
            }
            if (stated.test(f.getKey())) continue;
            also.add(new Fact(f.getKey(), f.getValue(), f.getSource(), TextExtraction.inAnswerTo(f, spec.key(), ""), f.getOrigin()));
        }
        if (contradicts != null) {
            return new AnswerReading(new Reply.Invalid("your " + (Boolean.TRUE.equals(((Reply.Value) reply).value()) ? "yes" : "no")
                    + " and the rest of your answer disagree (it reads as " + spec.key() + " = " + contradicts.getValue()
                    + "); answer the question alone with yes or no, or ? if you don't know"), List.copyOf(also));
        }
        // "there's no traefik here", "we use caddy": the question takes for granted a component the
        // answer says is not there; no yes or no to it, whatever words lead (StackAnswer)
        StackAnswer.Component absent = readsTheKey ? null : StackAnswer.deniedBy(spec.question(), extracted, line);
        // an answer that gives the asked value within the question's own frame keeps that frame
        if (readsTheKey) also.removeIf(f -> StackAnswer.deniesThePremise(spec.question(), f));
        if (absent == StackAnswer.Component.CONTAINER) return new AnswerReading(new Reply.Unknown("does not apply: the dependency is no container"), List.copyOf(also));
        if (absent == StackAnswer.Component.TRAEFIK_CONTAINER)
            return new AnswerReading(new Reply.Unknown("does not apply: Traefik's container is not running"), List.copyOf(also));
        // "there are no containers, it's a python app on the host" to "Are the containers running?": no such thing, no "no"
        String missing = absent == null && spec.type() == FactType.BOOL && !(reply instanceof Reply.Unknown)
                && !Boolean.TRUE.equals(ProseAnswer.yesOrNo(line, spec.question())) ? NoSuchThing.deniedSubject(spec.question(), line) : null;
        if (missing != null) return new AnswerReading(new Reply.Unknown("does not apply: there is no " + missing), StackAnswer.stated(also));
        // "no traefik here, I use caddy" to "Are the containers running?": the no denies Traefik, it
        // does not answer the question; what it says of the stack is noted and the question stays open
        StackAnswer.Component inPassing = absent != null || readsTheKey || spec.type() != FactType.BOOL || reply instanceof Reply.Unknown
                ? null : StackAnswer.deniedInPassing(spec.question(), extracted, line);
        StackAnswer.Component denied = absent != null ? absent : inPassing;
        Fact shown = denied == null ? null : StackAnswer.shownThere(denied, held);
        if (shown != null) {
            // a log line, a probe or the platform shows it is there: asked to confirm, the denial not recorded
            also.removeIf(f -> StackAnswer.denies(f, denied));
            return new AnswerReading(new Reply.Invalid("what you told before shows " + denied.name + " there (" + shown.getKey() + " = "
                    + shown.getText() + "); yes or no to the question itself, or ? if you don't know"), List.copyOf(also));
        }
        // whatever the question, a denial the session's evidence contradicts is not recorded
        also.removeIf(f -> StackAnswer.deniesWhatIsShown(f, held));
        // "no, just bunny in front" to "Does traffic reach the server through a Cloudflare Tunnel?": a tunnel's
        // hostname is always a proxied Cloudflare record, so no Cloudflare in front is the question's own no
        if (absent == StackAnswer.Component.CLOUDFLARE && spec.key().equals("tunnel.used"))
            return new AnswerReading(new Reply.Value(false, true), StackAnswer.stated(also));
        if (absent != null) return new AnswerReading(new Reply.Unknown("does not apply: no " + absent.name + " here"), StackAnswer.stated(also));
        if (inPassing != null) return new AnswerReading(new Reply.Invalid("that says there is no " + inPassing.name
                + " here, not yes or no to the question (or ? if you don't know)"), StackAnswer.stated(also));
        // "I don't use dokploy" to "How did the last deployment end (DokPloy's ..., or your platform's ...)?":
        // the aside's DokPloy is denied (noted), the question stands for the user's own platform (user12b U29, U32)
        StackAnswer.Component aside = reply instanceof Reply.Invalid && spec.type() != FactType.BOOL
                ? StackAnswer.deniedInAnAside(spec.question(), also) : null;
        if (aside != null) {
            reply = new Reply.Invalid("no " + aside.name + " here, noted; the question stands for what you use instead"
                    + (spec.type() == FactType.ENUM ? ": " + Reply.numbered(spec.values()) : ""));
        }
        // a number, name or list picked out of a pasted log line is a token in passing, not the
        // answer ("ECONNREFUSED 127.0.0.1:3000" says nothing of the port the app listens on); what our
        // prose reading took from the user's own words beside the value, or the name of a tool of theirs,
        // is no log line ("3000, the Port field in dokploy" gave the platform, user14b ub10); the value the
        // answer opens with is the answer, whatever the remark after it reads ("8080, NPM forwards to
        // 192.168.1.10:8080, the host port I published", user15 C2)
        if (reply instanceof Reply.Value v && v.inSentence() && also.stream().anyMatch(AnswerReading::fromALogLine) && !readsTheKey
                && spec.type() != FactType.BOOL && spec.type() != FactType.ENUM && !opensWith(line, v.value())) {
            reply = new Reply.Invalid("that reads as a log line, not as the answer");
        }
        // "clickhouse listens on 127.0.0.1 only, the backend I don't know" at the app's listen address (user14b ub11):
        // the value is a service's the app uses, not the app's; what the user says of the app itself is asked again
        if (reply instanceof Reply.Value v && v.inSentence() && OtherSubject.asksOfTheApp(spec.question())) {
            Object dependency = known.apply("dependency.name");
            String other = OtherSubject.named(line, String.valueOf(v.value()), dependency == null ? null : dependency.toString());
            if (other != null) {
                String said = OtherSubject.whose(other);
                return new AnswerReading(aClauseSaysUnknown(line) ? new Reply.Unknown(said)
                        : new Reply.Invalid("that is " + said + "; what does the app itself (the container the proxy sends the domain to)"
                                + " say? (? if you don't know)"), List.copyOf(also));
            }
        }
        // "they're all up, no idea about health" at the health menu (user13 V5): an answer that reads no value and
        // says in one of its clauses that the user does not know is a "don't know", what it says beside still noted
        if (reply instanceof Reply.Invalid && !readsTheKey && aClauseSaysUnknown(line)) reply = new Reply.Unknown();
        // "it's not running at all, so I can't tell" to "Is Traefik on dokploy-network?" (user15 C1): a yes or no
        // read from a statement about something else, with a clause that says the user cannot tell, is a "don't
        // know"; an answer that opens with its own yes or no ("no, I don't know why") keeps it
        if (reply instanceof Reply.Value v && v.inSentence() && spec.type() == FactType.BOOL && !readsTheKey
                && !opensWithYesOrNo(line) && aClauseSaysUnknown(line)) reply = new Reply.Unknown();
        // netstat's "tcp 0 0 127.0.0.1:3000 0.0.0.0:* LISTEN" pasted to the listen address gives the port on the same row
        // (user25: the fix's APP_LISTEN_PORT= was left blank after such a paste)
        Long port = reply instanceof Reply.Value && ListenRowPaste.asks(spec) && !stated.test(LISTEN_PORT)
                && also.stream().noneMatch(f -> f.getKey().equals(LISTEN_PORT)) ? ListenRowPaste.port(line, known) : null;
        if (port != null) also.add(new Fact(LISTEN_PORT, port, Fact.USER, "the LISTEN row pasted in answer to " + spec.key()));
        return new AnswerReading(reply, List.copyOf(also));
    }

    private static final String LISTEN_PORT = "app.listen_port";

    private static final Set<String> PLAIN_YES_OR_NO = Set.of(
            "yes", "y", "yeah", "yea", "yep", "yup", "ya", "sure", "correct", "no", "n", "nope", "nah");

    /** The answer's first word is the value read ("3000 on the host, ..."), not a token inside a pasted line. */
    static boolean opensWith(String line, Object value) {
        List<String> w = Vocabulary.answerWords(line);
        return !w.isEmpty() && w.get(0).equals(String.valueOf(value).toLowerCase(Locale.ROOT));
    }

    /** The answer's first word is a plain yes or no ("no, I can't tell why"), not a statement's head. */
    static boolean opensWithYesOrNo(String line) {
        List<String> w = Vocabulary.answerWords(line);
        return !w.isEmpty() && PLAIN_YES_OR_NO.contains(w.get(0));
    }

    /** The user's stack, named in words (facts.yaml: read from text and answers, never asked): no log line's. */
    private static final Set<String> STACK_KEYS = Set.of("proxy.kind", "platform.kind", "traefik.used", "dokploy.used");

    /** A fact the catalog read from a line the stack printed (a log line, an error string), not from the user's words. */
    private static boolean fromALogLine(Fact f) {
        return !TextExtraction.fromProse(f) && !STACK_KEYS.contains(f.getKey());
    }

    /** A clause after the first (split at , ; . and dashes) starts with "no idea", "not sure", "I don't know". */
    static boolean aClauseSaysUnknown(String line) {
        String[] clauses = line.split("[,;.]\\s+|\\s+-+\\s+");
        for (int i = 1; i < clauses.length; i++) if (Vocabulary.startsUnknown(clauses[i].strip())) return true;
        return false;
    }

    /**
     * The choice the facts an answer gave imply (facts.yaml implications), read as the answer when the
     * words themselves named none: "the browser says too many redirects" or "I just get 404 page not
     * found" at "What do you see?" read a redirect loop or a 404, which are the menu's redirect-loop and
     * error-page (user13 V2, V5: "not a choice", though the session went on as that symptom). Null when
     * they imply no choice of {@code spec}.
     */
    public static Reply.Value impliedChoice(FactSpec spec, List<Fact> said, Implications implications, Vocabulary vocabulary) {
        if (spec.type() != FactType.ENUM || said.isEmpty()) return null;
        for (Fact f : implications.apply(said, vocabulary)) {
            if (f.getKey().equals(spec.key()) && spec.values().contains(f.getText())) return new Reply.Value(f.getText(), true);
        }
        return null;
    }

    /** The catalog read {@code key} once from the answer (two readings of it would be two values: asked again). */
    private static boolean sameKeyOnce(List<Fact> extracted, String key) {
        return extracted.stream().filter(f -> f.getKey().equals(key)).count() == 1;
    }

    /** Keys whose words name cloudflared's leg only when cloudflared is their subject (a TLS error is also a browser's). */
    private static final Set<String> CLOUDFLARED_SUBJECT_KEYS = Set.of("tunnel.origin_tls_error", "tunnel.origin_tls_failure");

    /**
     * An answer to a question about cloudflared's leg to the origin speaks of it ("yes, with a tls
     * error about the certificate name" at "Does cloudflared log 'Unable to reach the origin
     * service'?"): read with cloudflared as its subject, for the keys that need one, beyond what the
     * plain reading gave. Not at "Does traffic reach the server through a Tunnel?", where a
     * certificate error may well be the browser's.
     */
    private static List<Fact> saidOfCloudflared(String line, FactSpec spec, TextExtraction extraction, List<Fact> plain) {
        String question = spec.question() == null ? "" : spec.question().toLowerCase(Locale.ROOT);
        if (!(question.contains("cloudflared") && question.contains("origin"))) return List.of();
        List<Fact> out = new ArrayList<>();
        for (Fact f : extraction.extract("cloudflared: " + line)) {
            if (!CLOUDFLARED_SUBJECT_KEYS.contains(f.getKey())) continue;
            if (plain.stream().anyMatch(p -> p.getKey().equals(f.getKey()))) continue;
            out.add(f);
        }
        return out;
    }
}
