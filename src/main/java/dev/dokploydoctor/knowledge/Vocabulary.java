package dev.dokploydoctor.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The fact vocabulary of knowledge/facts.yaml: every key a rule, case, extractor or probe may use. */
public final class Vocabulary {
    private final Map<String, FactSpec> specs;

    /** Compiled once: String.matches compiled it again for each key (~100) at every start, ~9 % of explain's CPU (JFR, bench/README.md Round 11). */
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    /** The facts of a rare setup whose fixes' conditions label nothing while they are unknown (facts.yaml {@code quiet: true}). */
    private final Set<String> quiet;

    public Vocabulary(Map<String, FactSpec> specs) { this(specs, Set.of()); }

    public Vocabulary(Map<String, FactSpec> specs, Set<String> quiet) { this.specs = specs; this.quiet = Set.copyOf(quiet); }

    /**
     * Whether {@code key} is a fact of a rare setup (facts.yaml {@code quiet: true}): while it is unknown, a fix
     * {@code when} it is hidden and a fix {@code unless} it is shown unlabelled ({@link FixPlan}).
     */
    public boolean quiet(String key) { return quiet.contains(key); }

    public static Vocabulary load(Path file) { return fromNode(Documents.read(file)); }

    public static Vocabulary fromNode(Node root) {
        Node facts = root.isMap() && root.has("facts") ? root.get("facts") : root;
        if (!facts.isMap()) throw root.error("facts", "expected a map of fact keys");
        Map<String, FactSpec> specs = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : facts.fields().entrySet()) {
            String key = e.getKey();
            Node n = e.getValue();
            if (!KEY.matcher(key).matches()) {
                throw n.error(key, "fact keys are lower-case dotted names, like http.status");
            }
            if (!n.isMap()) throw n.error(key, "expected a map with type, question, ...");
            String typeText = n.text("type", null);
            FactType type = FactType.parse(typeText);
            if (type == null) {
                throw n.error(key + ".type", "unknown type '" + typeText + "' (use int, string, bool, enum or list)");
            }
            List<String> values = new ArrayList<>();
            Node v = n.get("values");
            if (v != null && v.isList()) for (Node item : v.items()) values.add(item.text());
            if (type == FactType.ENUM && values.isEmpty()) throw n.error(key + ".values", "an enum needs its values");
            if (type != FactType.ENUM && !values.isEmpty()) throw n.error(key + ".values", "only an enum has values");
            Node symptom = n.get("symptom");
            String symptomText = symptom == null ? null
                    : symptom.isList() ? String.join(",", symptom.items().stream().map(Node::text).toList())
                    : symptom.text();
            String shapeText = n.text("answer", null);
            FactSpec.Shape shape = FactSpec.Shape.parse(shapeText);
            if (shape == null) throw n.error(key + ".answer", "unknown answer shape '" + shapeText + "' (use text, word or word-or-none)");
            if (shape != FactSpec.Shape.TEXT && type != FactType.STRING) throw n.error(key + ".answer", "only a string fact has an answer shape");
            String effortText = n.text("effort", null);
            Effort effort = Effort.parse(effortText);
            if (effort == null) throw n.error(key + ".effort", "unknown effort '" + effortText + "' (use seen, command or inside)");
            specs.put(key, new FactSpec(key, type, List.copyOf(values), n.text("question", null),
                    n.text("help", null), n.text("probe", null), symptomText, n.file(), n.line(), shape).withEffort(effort));
        }
        Set<String> quiet = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, Node> e : facts.fields().entrySet()) {
            Node q = e.getValue().get("quiet");
            if (q == null) continue;
            String t = q.text();
            if (!"true".equals(t) && !"false".equals(t)) throw q.error(e.getKey() + ".quiet", "quiet is true or false");
            if (!"bool".equals(e.getValue().text("type", null)) && "true".equals(t)) throw q.error(e.getKey() + ".quiet", "only a yes/no fact is quiet");
            if ("true".equals(t)) quiet.add(e.getKey());
        }
        // asked_if names other facts: read once every key is known
        for (Map.Entry<String, Node> e : facts.fields().entrySet()) {
            Node askedIf = e.getValue().get("asked_if");
            if (askedIf == null) continue;
            String where = e.getKey() + ".asked_if";
            if (!askedIf.isMap()) throw askedIf.error(where, "expected a map of fact key to value, like { tunnel.used: true }");
            Map<String, Object> wanted = new LinkedHashMap<>();
            for (Map.Entry<String, Node> c : askedIf.fields().entrySet()) {
                FactSpec other = specs.get(c.getKey());
                if (other == null || other.key().equals(e.getKey())) throw askedIf.error(where, "unknown or own fact key '" + c.getKey() + "'");
                try {
                    wanted.put(c.getKey(), other.coerce(c.getValue().text()));
                } catch (IllegalArgumentException x) {
                    throw askedIf.error(where + "." + c.getKey(), x.getMessage());
                }
            }
            specs.put(e.getKey(), specs.get(e.getKey()).withAskedIf(wanted));
        }
        // same_question_as pairs two questions about one thing: named on one, it holds both ways
        for (Map.Entry<String, Node> e : facts.fields().entrySet()) {
            Node same = e.getValue().get("same_question_as");
            if (same == null) continue;
            String where = e.getKey() + ".same_question_as";
            String other = same.text();
            FactSpec mine = specs.get(e.getKey());
            FactSpec theirs = other == null ? null : specs.get(other);
            if (theirs == null || theirs.key().equals(mine.key())) throw same.error(where, "unknown or own fact key '" + other + "'");
            if (mine.question() == null || theirs.question() == null) throw same.error(where, "both facts need a question");
            specs.put(mine.key(), mine.withSameQuestionAs(theirs.key()));
            specs.put(theirs.key(), theirs.withSameQuestionAs(mine.key()));
        }
        return new Vocabulary(specs, quiet);
    }

    /**
     * The ways of saying "I don't know", in the REPL and in an answers file, as words without
     * apostrophes ({@link #answerWords}). Each also counts at the start of a longer answer ("no idea,
     * the logs say ..."), except {@link #UNKNOWN_ALONE}: "maybe 3000" is a hedged 3000.
     */
    public static final List<String> UNKNOWN_PHRASES = List.of(
            "unknown", "idk", "dunno", "unsure", "n/a", "skip", "no idea", "no clue", "not sure", "not certain",
            "im not sure", "i am not sure", "im not certain", "im unsure", "dont know", "do not know", "i dont know",
            "i do not know", "i have no idea", "i have no clue", "havent checked", "have not checked",
            "i havent checked", "i have not checked", "didnt check", "i didnt check", "not checked",
            "havent looked", "i havent looked", "didnt look", "i didnt look", "cant tell", "cannot tell",
            "i cant tell", "i cannot tell", "cant say", "i cant say", "hard to say", "dont remember",
            "do not remember", "i dont remember", "i do not remember", "cant remember", "i cant remember",
            "not that i know", "not that i know of", "beats me", "no way to tell", "cant check", "i cant check",
            "not known", "i wouldnt know", "no idea at all", "never checked", "i never checked", "never looked",
            "i never looked", "not checked yet", "havent checked yet", "not that im aware", "not that im aware of",
            "not that i am aware", "not that i am aware of", "definitely not sure", "not sure at all",
            // "can't test that, it's only reachable through the tunnel": the user could not look, which is no "no"
            "cant test", "i cant test", "cannot test", "i cannot test", "can not test", "unable to test",
            "i am unable to test", "im unable to test", "no way to test", "no way to check", "no way to know",
            "cannot check", "i cannot check", "can not check", "unable to check", "cant verify", "i cant verify",
            "cannot verify", "havent tested", "i havent tested", "have not tested", "didnt test", "i didnt test",
            "not tested", "havent tried", "i havent tried", "didnt try", "i didnt try", "cant try", "i cant try",
            // "I can't run that" / "can't exec into it" at a check the gate asks for (user17b K6: read as "no", a
            // confident wrong cause): the user could not do the check, which says nothing of its result
            "cant run", "i cant run", "cannot run", "i cannot run", "can not run", "unable to run", "i am unable to run",
            "im unable to run", "cant exec", "i cant exec", "cannot exec", "i cannot exec", "cant execute", "i cant execute",
            "cant ssh", "i cant ssh", "cannot ssh", "no shell", "there is no shell", "theres no shell", "dont have access",
            "i dont have access", "do not have access", "i do not have access", "i have no access", "no access",
            "cant access the server", "i cant access the server", "cannot access the server", "i cannot access the server",
            "cant access the host", "i cant access the host", "cant get into", "i cant get into", "cant do that",
            "i cant do that", "cannot do that", "i cannot do that",
            "it doesnt matter", "doesnt matter", "none of your business", "no one knows", "nobody knows",
            // the question does not fit the user's stack ("n/a, we use caddy"): nothing known about what it asks
            "doesnt apply", "does not apply", "that doesnt apply", "this doesnt apply", "it doesnt apply",
            "not applicable", "not relevant", "irrelevant");
    public static final Set<String> UNKNOWN_ALONE = Set.of("?", "na", "maybe", "possibly", "perhaps", "pass", "no answer");
    private static final Set<String> LEADING_FILLER = Set.of("um", "uh", "umm", "hmm", "hm", "erm", "well", "oh", "ah", "so", "sorry", "honestly");
    private static final Set<String> TRAILING_FILLER = Set.of("sorry", "yet", "tbh", "honestly", "really", "offhand", "atm");

    /**
     * An answer as lower-case words for matching phrases: apostrophes dropped ("don't" is "dont"),
     * anything but letters, digits and '/' separates words; a lone "?" stays a word.
     */
    public static List<String> answerWords(String answer) {
        String a = answer.strip().toLowerCase(Locale.ROOT).replaceAll("['\\u2018\\u2019`]", "");
        if (a.matches("\\?+")) return List.of("?");
        List<String> out = new ArrayList<>();
        for (String w : a.split("[^a-z0-9/]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    /** The whole answer says "I don't know" (filler such as "um" or "sorry" around it aside). */
    public static boolean isUnknown(String answer) {
        List<String> w = trimFiller(answerWords(answer));
        String joined = String.join(" ", w);
        return UNKNOWN_ALONE.contains(joined) || UNKNOWN_PHRASES.contains(joined);
    }

    /**
     * "I can't" said alone before a reason ("I can't, the image has no shell"): the user could not look. Only with
     * "I" as its subject: "can't, it says EAI_AGAIN" may say what the app cannot do. A question that asks what the
     * user can do ("Can you add ...?") takes it as a no: {@link #cannotLook} leaves that to the caller.
     */
    private static final Set<String> I_CANNOT = Set.of("i cant", "i cannot", "i can not", "i couldnt", "i could not",
            "im unable", "i am unable", "i wasnt able", "i was not able");

    /**
     * The answer's first part, up to a comma, colon, dash or full stop, is an "I can't" ({@link #I_CANNOT}) or an
     * inability to look ({@link NotLooked#couldNot}: "I can't see that", "can't look at the server now").
     */
    public static boolean cannotLook(String answer) {
        String first = answer.strip().split("\\s*(?:[,;:.!(]|\\s[-\u2013\u2014]\\s)", 2)[0];
        return I_CANNOT.contains(String.join(" ", trimFiller(answerWords(first)))) || NotLooked.couldNot(answer);
    }

    /**
     * The answer starts by saying "I don't know" ("not sure, I haven't checked the logs"), or that the user did not
     * look ({@link NotLooked#didNot}: "I haven't seen the proxy logs").
     */
    public static boolean startsUnknown(String answer) {
        if (isUnknown(answer) || NotLooked.didNot(answer)) return true;
        List<String> w = trimFiller(answerWords(answer));
        for (String phrase : UNKNOWN_PHRASES) {
            List<String> p = List.of(phrase.split(" "));
            if (w.size() > p.size() && w.subList(0, p.size()).equals(p)) return true;
        }
        return false;
    }

    private static List<String> trimFiller(List<String> words) {
        int from = 0, to = words.size();
        while (from < to && LEADING_FILLER.contains(words.get(from))) from++;
        while (to > from && TRAILING_FILLER.contains(words.get(to - 1))) to--;
        return words.subList(from, to);
    }

    public FactSpec get(String key) { return specs.get(key); }
    public boolean contains(String key) { return specs.containsKey(key); }
    public Collection<FactSpec> all() { return specs.values(); }
    public Collection<String> keys() { return specs.keySet(); }

    /**
     * Facts collected from the case's text only (the nearest field reports' vote and look-alike sign,
     * similar/SimilarVote): a user cannot know or state them, so {@code change} and case files refuse them.
     */
    public static final String TEXT_ONLY_PREFIX = "similar.";

    /** Whether {@code key} is collected from the text only ({@link #TEXT_ONLY_PREFIX}). */
    public static boolean collectedFromTextOnly(String key) { return key.startsWith(TEXT_ONLY_PREFIX); }

    /** Why {@code key} cannot be stated or changed. */
    public static String textOnlyRefusal(String key) {
        return key + " is collected from the text only (the nearest field reports), it cannot be stated or changed";
    }

    /** The spec of {@code key}, or a located error that suggests the nearest key. */
    public FactSpec require(String key, Node where) {
        FactSpec spec = specs.get(key);
        if (spec == null) {
            String hint = Suggest.nearest(key, specs.keySet());
            String msg = "unknown fact key '" + key + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)");
            throw where == null ? new KnowledgeError(null, 0, key, msg) : where.error(key, msg);
        }
        return spec;
    }

    /** Check and type a value for {@code key}; errors carry the location of {@code where}. */
    public Object coerce(String key, Object raw, Node where) {
        FactSpec spec = require(key, where);
        try {
            return spec.coerce(raw);
        } catch (IllegalArgumentException e) {
            String msg = "wrong value for " + key + " (" + spec.type().label() + "): " + e.getMessage();
            throw where == null ? new KnowledgeError(null, 0, key, msg) : where.error(key, msg);
        }
    }
}
