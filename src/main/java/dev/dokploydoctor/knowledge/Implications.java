package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts that follow from other facts, so they are never asked: the {@code implications:} list of
 * knowledge/facts.yaml. Each entry names a key ({@code when}); optionally a pattern its value must
 * match ({@code matches}, groups usable as {@code $1}) and {@code answered: true} (only a value the
 * user stated, not one read from a log line); and the facts it implies ({@code then}). An implied
 * fact fills a key nobody stated; an implication on its own key (splitting "0.0.0.0:3000" into
 * address and port) rewrites the value. The engine applies them before the rules, so the planner
 * sees them too.
 */
public final class Implications {
    /** One entry of the list. */
    public record Implication(String when, Pattern matches, boolean answered, Map<String, String> then, String file, int line) {}

    private static final int MAX_ROUNDS = 4;
    private final List<Implication> entries;
    /** The keys some implication reads (its {@code when}). */
    private final java.util.Set<String> read = new java.util.HashSet<>();

    public Implications(List<Implication> entries) {
        this.entries = List.copyOf(entries);
        for (Implication i : entries) read.add(i.when());
    }

    /** Whether some implication reads facts of this key: without one, a fact of it implies nothing. */
    public boolean reads(String key) { return read.contains(key); }

    public static Implications none() { return new Implications(List.of()); }

    public List<Implication> entries() { return entries; }

    /** The {@code implications:} list of a facts.yaml (absent: none), checked against the vocabulary. */
    public static Implications fromNode(Node root, Vocabulary vocabulary) {
        Node list = root.isMap() ? root.get("implications") : null;
        if (list == null || list.isNull()) return none();
        if (!list.isList()) throw root.error("implications", "expected a list of {when, then}");
        List<Implication> out = new ArrayList<>();
        for (Node n : list.items()) {
            String when = n.text("when", null);
            if (when == null) throw n.error("when", "an implication needs 'when: <fact key>'");
            vocabulary.require(when, n);
            Pattern matches = null;
            String regex = n.text("matches", null);
            if (regex != null) {
                try {
                    matches = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
                } catch (RuntimeException e) {
                    throw n.error("matches", "not a regular expression: " + e.getMessage());
                }
            }
            Node then = n.get("then");
            if (then == null || !then.isMap() || then.fields().isEmpty()) throw n.error("then", "an implication needs 'then: {key: value}'");
            Map<String, String> facts = new LinkedHashMap<>();
            then.fields().forEach((k, v) -> {
                vocabulary.require(k, then);
                facts.put(k, v.text());
            });
            out.add(new Implication(when, matches, "true".equals(n.text("answered", "false")), facts, n.file(), n.line()));
        }
        return new Implications(out);
    }

    /**
     * The facts with everything they imply added (to a fixed point). A stated fact is never replaced
     * by an implied one, except by an implication on its own key (a value split into its parts).
     */
    public List<Fact> apply(Collection<Fact> input, Vocabulary vocabulary) {
        if (entries.isEmpty()) return new ArrayList<>(input);
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (Fact f : input) facts.putIfAbsent(f.getKey(), f);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (Implication i : entries) {
                Fact source = facts.get(i.when());
                if (source == null || (i.answered() && !Fact.USER.equals(source.getSource()))) continue;
                Matcher m = i.matches() == null ? null : i.matches().matcher(source.getText());
                if (m != null && !m.matches()) continue;
                for (Map.Entry<String, String> e : i.then().entrySet()) {
                    String key = e.getKey();
                    boolean sameKey = key.equals(i.when());
                    Fact before = facts.get(key);
                    // a derived reading of the text that a stated fact implies too (a text reading itself stays the text's:
                    // resting it on the statement changed which questions the planner values after Cloudflare's 502
                    // through a tunnel, and the tunnel's route was never asked: TunnelRouteQuestionTest, user14b ub10)
                    boolean firmer = !sameKey && before != null && Fact.DERIVED.equals(before.getSource())
                            && readFromText(before) && !readFromText(source);
                    if (!sameKey && before != null && !firmer) continue;
                    Object value;
                    try {
                        value = vocabulary.get(key).coerce(m == null ? e.getValue() : expand(m, e.getValue()));
                    } catch (IllegalArgumentException | IndexOutOfBoundsException bad) {
                        continue; // a group that does not fit the type is skipped, not guessed
                    }
                    // the same value also follows from what the user stated: it rests on that, not on a reading
                    // of the text (a pasted table's compose service beside a stated DokPloy: the app runs in a
                    // container either way, and the stated basis is what the calibration gate accepts)
                    if (firmer && !before.getValue().equals(value)) continue;
                    if (before != null && before.getValue().equals(value) && !firmer) continue;
                    // what a fact implies is the same observation, not a second one
                    Fact implied = sameKey ? new Fact(key, value, source.getSource(), source.getEvidence(), source.getOrigin())
                            : new Fact(key, value, Fact.DERIVED, "follows from " + source.getKey() + " = " + source.getText(), source.getOrigin());
                    facts.put(key, implied);
                    changed = true;
                }
            }
            if (!changed) break;
        }
        return new ArrayList<>(facts.values());
    }

    /**
     * The keys whose reading of the text a stated, answered or probed fact implies with the same value, each with
     * the observation of what implies it (Cloudflare's "Error code 526" read as its code beside the status 526 the
     * reporter states: one page, stated). The readings themselves stay the text's in {@link #apply}: an answer that
     * implies what the text already said is not thereby the observation behind every rule reading it (a tunnel's
     * route answered beside "my tunnel": the rules reading "a tunnel" still read the text, and the route's own
     * rules count as news). Only the calibration gate asks, where the statement is what confirms the text.
     */
    public Map<String, String> restated(Collection<Fact> facts, Vocabulary vocabulary) {
        List<Fact> stated = new ArrayList<>();
        List<Fact> read = new ArrayList<>();
        for (Fact f : facts) (readFromText(f) ? read : stated).add(f);
        if (read.isEmpty() || stated.isEmpty() || entries.isEmpty()) return Map.of();
        Map<String, Fact> implied = new LinkedHashMap<>();
        for (Fact f : apply(stated, vocabulary)) implied.putIfAbsent(f.getKey(), f);
        Map<String, String> out = new LinkedHashMap<>();
        for (Fact f : read) {
            Fact basis = implied.get(f.getKey());
            if (basis != null && !readFromText(basis) && basis.getValue().equals(f.getValue())) out.put(f.getKey(), basis.getOrigin());
        }
        return out;
    }

    /** Whether a fact rests on a reading of the user's text (its observation is a span of text). */
    private static boolean readFromText(Fact f) {
        return f.getOrigin().startsWith(Fact.TEXT);
    }

    /**
     * The {@code then} value with the groups of the whole-value match {@code m} put in. Not
     * {@code replaceFirst}: it searches the value again, and the first alternative found there may be
     * a prefix of the one that matched the whole value ({@code nginx|nginx-proxy-manager} finds
     * "nginx" in "nginx-proxy-manager" and leaves "-proxy-manager" behind the replacement).
     */
    static String expand(Matcher m, String template) {
        // a fresh matcher per value: appendReplacement moves its matcher's append position on
        Matcher whole = m.pattern().matcher(m.group());
        if (!whole.matches()) throw new IllegalArgumentException("no longer matches: " + m.group());
        StringBuilder out = new StringBuilder();
        whole.appendReplacement(out, template);   // the match is the whole value: nothing before it is copied, nothing after it is left
        return out.toString();
    }
}
