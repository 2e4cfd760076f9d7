package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cause, from knowledge/causes/&lt;id&gt;/cause.yaml: what it is, why it happens, how to fix it, how
 * to check the fix, and the causes it is confused with. {@code kind} is {@code fault} or {@code advice} (a routing decision).
 * {@code since} (may be null) names the newest field corpus file its rules were written from: the dev reports
 * of later files are out of sample for it (evaluation/JoinOrder, the calibration of priors.yaml).
 * {@code needs} names the layers of the stack the cause lives in, each with how firmly a stack without that
 * layer rules the cause out (at most that certainty: the shared stack rules refute by it, knowledge/shared/stack.drl).
 */
public record Cause(String id, String kind, String title, String layer, String why, List<Fix> fixes,
                    String verify, List<String> references, String advice, String file, Set<String> placeholders,
                    List<Lookalike> lookalikes, Check verifyCheck, Map<String, String> variables,
                    List<VerifyVariant> verifyVariants, String since, Map<String, Double> needs) {

    public Cause(String id, String kind, String title, String layer, String why, List<Fix> fixes,
                 String verify, List<String> references, String advice, String file, Set<String> placeholders,
                 List<Lookalike> lookalikes, Check verifyCheck, Map<String, String> variables,
                 List<VerifyVariant> verifyVariants, String since) {
        this(id, kind, title, layer, why, fixes, verify, references, advice, file, placeholders, lookalikes, verifyCheck, variables, verifyVariants, since, Map.of());
    }

    public Cause(String id, String kind, String title, String layer, String why, List<Fix> fixes,
                 String verify, List<String> references, String advice, String file, Set<String> placeholders,
                 List<Lookalike> lookalikes, Check verifyCheck, Map<String, String> variables,
                 List<VerifyVariant> verifyVariants) {
        this(id, kind, title, layer, why, fixes, verify, references, advice, file, placeholders, lookalikes, verifyCheck, variables, verifyVariants, null);
    }

    public Cause(String id, String kind, String title, String layer, String why, List<Fix> fixes,
                 String verify, List<String> references, String advice, String file, Set<String> placeholders,
                 List<Lookalike> lookalikes, Check verifyCheck, Map<String, String> variables) {
        this(id, kind, title, layer, why, fixes, verify, references, advice, file, placeholders, lookalikes, verifyCheck, variables, List.of());
    }

    public Cause(String id, String kind, String title, String layer, String why, List<Fix> fixes,
                 String verify, List<String> references, String advice, String file, Set<String> placeholders,
                 List<Lookalike> lookalikes, Check verifyCheck) {
        this(id, kind, title, layer, why, fixes, verify, references, advice, file, placeholders, lookalikes, verifyCheck, Map.of());
    }

    public Cause(String id, String kind, String title, String layer, String why, List<Fix> fixes,
                 String verify, List<String> references, String advice, String file, Set<String> placeholders,
                 List<Lookalike> lookalikes) {
        this(id, kind, title, layer, why, fixes, verify, references, advice, file, placeholders, lookalikes, null);
    }

    public Cause(String id, String kind, String title, String layer, String why, List<Fix> fixes,
                 String verify, List<String> references, String advice, String file) {
        this(id, kind, title, layer, why, fixes, verify, references, advice, file, List.of());
    }

    public Cause(String id, String kind, String title, String layer, String why, List<Fix> fixes,
                 String verify, List<String> references, String advice, String file, List<Lookalike> lookalikes) {
        this(id, kind, title, layer, why, fixes, verify, references, advice, file,
                findPlaceholders(verify, fixes), lookalikes);
    }

    /**
     * How to see the fix worked on another stack ({@code verify_variants:} in cause.yaml): {@code when}
     * names the facts of that stack ({@code dokploy.used: false}), {@code verify} the check that fits it.
     * The first variant whose facts are known and match replaces {@code verify}; while they are unknown
     * it is shown after it, labelled ({@link FixPlan}): a plain Traefik user is not told to inspect
     * dokploy-traefik (user13 V5, F10).
     */
    public record VerifyVariant(Map<String, String> when, String verify) {}

    /** A cause users confuse this one with, how the two differ, and the near-miss case that shows it. */
    public record Lookalike(String cause, String differs, String caseId, int line) {}

    /**
     * One way to fix it: commands to paste and/or a compose snippet, and the risk of doing so.
     * {@code when} (fact key to value, may be empty) says on which hosts it applies: a compose
     * service or an application, cloudflared in Docker or on the host ({@link FixPlan} chooses).
     * {@code unless} (may be empty) says on which hosts it does not: hidden when a known fact has one
     * of its values, shown labelled ("only if dokploy.used = true") while the fact is unknown (a DokPloy API fix for a user who
     * said they do not use DokPloy). {@code finds} (may be empty) names the facts the fix looks up (the port the app
     * listens on): it is hidden once they are all known (user24 s1: the port was read from the log, and the first fix
     * still said how to find it).
     */
    public record Fix(String title, List<String> commands, String compose, String risk, Map<String, String> when,
                      Map<String, String> unless, List<Snippet> composeFor, List<String> finds) {
        public Fix {
            finds = finds == null ? List.of() : List.copyOf(finds);
        }

        public Fix(String title, List<String> commands, String compose, String risk) {
            this(title, commands, compose, risk, Map.of(), Map.of());
        }

        public Fix(String title, List<String> commands, String compose, String risk, Map<String, String> when) {
            this(title, commands, compose, risk, when, Map.of());
        }

        public Fix(String title, List<String> commands, String compose, String risk, Map<String, String> when,
                   Map<String, String> unless) {
            this(title, commands, compose, risk, when, unless, List.of(), List.of());
        }

        /** The snippet for these facts: the first {@code compose_for} whose fact is known and matches, else {@code compose}. */
        public String composeFor(Map<String, String> values) {
            for (Snippet s : composeFor) if (s.fits(values.get(s.key()))) return s.compose();
            return compose;
        }
    }

    /**
     * A fix's snippet for one kind of stack ({@code compose_for:} in cause.yaml): used instead of the
     * fix's own {@code compose} when the fact {@code key} is known and its whole value matches
     * {@code matches} (case-insensitive). Unlike {@code when}, an unknown fact shows the generic
     * snippet, not every variant: the image and healthcheck of a dependency follow its name
     * (postgres, redis), and a name that tells nothing gets the generic one (user15 uc5: a redis
     * image under "postgres:").
     */
    public record Snippet(String key, Pattern matches, String compose) {
        boolean fits(String value) {
            return value != null && !value.isBlank() && matches.matcher(value.strip()).matches();
        }
    }

    /**
     * The structured form of {@code verify}: a command that runs as it stands once the placeholders
     * are set, and the text its output shows after the fix (a test runs it on a real host).
     */
    public record Check(String run, String shows) {
        /** Whether {@code output} shows the fixed state: {@code shows} as a whitespace-bounded word of it. */
        public boolean shownIn(String output) {
            return Pattern.compile("(^|\\s)" + Pattern.quote(shows) + "(\\s|$)").matcher(output).find();
        }
    }

    /** The verify field's command, when it was written as {@code verify: {run, shows, then}}; else null. */
    public Check check() {
        return verifyCheck;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+)}");

    public boolean isAdvice() { return "advice".equals(kind); }

    /** Placeholders such as {@code {domain.port}} used by fixes and verify text (computed once). */
    static Set<String> findPlaceholders(String verify, List<Fix> fixes) {
        Set<String> keys = new java.util.TreeSet<>();
        List<String> texts = new ArrayList<>();
        texts.add(verify);
        for (Fix f : fixes) {
            texts.addAll(f.commands());
            texts.add(f.compose());
            texts.add(f.title());
            for (Snippet s : f.composeFor()) texts.add(s.compose());
        }
        for (String t : texts) {
            if (t == null) continue;
            Matcher m = PLACEHOLDER.matcher(t);
            while (m.find()) keys.add(m.group(1));
        }
        return java.util.Collections.unmodifiableSet(keys);
    }

    /**
     * Fill {@code {fact.key}} placeholders from known facts; unknown ones, and values that are not
     * safe to paste into a shell ({@link CommandValues}), become the shell variable {@code $FACT_KEY}
     * ({@link ShellText}; {@link FixPlan} lists them in a "set these first" block).
     */
    public static String fill(String text, Map<String, String> values) {
        return ShellText.prose(text, values, key -> {});
    }

    /** Why some of this cause's placeholders stay unfilled although a value is known (the value is unsafe). */
    public List<String> fillWarnings(Map<String, String> values) {
        return CommandValues.warnings(placeholders, values);
    }

    public Fix fill(Fix fix, Map<String, String> values) {
        List<String> cmds = new ArrayList<>();
        for (String c : fix.commands()) cmds.add(ShellText.command(c, values, key -> {}));
        return new Fix(fill(fix.title(), values), cmds, fill(fix.composeFor(values), values), fix.risk(), fix.when(), fix.unless(),
                List.of(), fix.finds());
    }

    /** A cause whose layer is not checked (layers are checked against knowledge/layers.yaml when a knowledge loads). */
    public static Cause fromNode(String id, Node n) { return fromNode(id, n, null); }

    /** A cause; {@code layers}, when not null, are the layers its {@code layer:} may name. */
    public static Cause fromNode(String id, Node n, Set<String> layers) {
        if (!n.isMap()) throw n.error(null, "a cause file is a map (title, layer, why, fixes, verify, references)");
        String kind = n.text("kind", "fault");
        if (!kind.equals("fault") && !kind.equals("advice")) throw n.get("kind").error("kind", "use fault or advice");
        String title = required(n, "title");
        String layer = required(n, "layer");
        if (layers != null && !layers.contains(layer)) {
            throw n.get("layer").error("layer", "unknown layer '" + layer + "' (one of " + new java.util.TreeSet<>(layers) + ")");
        }
        String why = required(n, "why");
        List<Fix> fixes = new ArrayList<>();
        Node fixesNode = n.get("fixes");
        if (fixesNode == null || !fixesNode.isList() || fixesNode.items().isEmpty()) {
            throw (fixesNode == null ? n : fixesNode).error("fixes", "at least one fix is required");
        }
        for (Node f : fixesNode.items()) {
            if (!f.isMap()) throw f.error("fixes", "each fix is a map with title, commands or compose, risk");
            List<String> cmds = new ArrayList<>();
            Node c = f.get("commands");
            if (c != null) {
                if (c.isList()) for (Node item : c.items()) cmds.add(item.text());
                else if (c.text() != null) cmds.add(c.text());
            }
            String compose = f.text("compose", null);
            String fixTitle = f.text("title", null);
            if (fixTitle == null) throw f.error("fixes.title", "each fix needs a title");
            fixes.add(new Fix(fixTitle, List.copyOf(cmds), compose, f.text("risk", "low"), when(f, "when"), when(f, "unless"),
                    snippets(f, compose), finds(f)));
        }
        Check check = null;
        String verify;
        Node v = n.get("verify");
        if (v != null && v.isMap()) {
            // verify: {run: <command>, shows: <what its output shows after the fix>, then: <more checks in words>}
            String run = v.text("run", null);
            String shows = v.text("shows", null);
            if (run == null || run.isBlank() || shows == null || shows.isBlank()) throw v.error("verify", "a verify map has run (a command) and shows (what it prints after the fix)");
            check = new Check(run.strip(), shows.strip());
            String then = v.text("then", null);
            verify = run.strip() + "\n  shows " + shows.strip() + (then == null || then.isBlank() ? "" : "; " + then.strip());
        } else {
            verify = required(n, "verify");
        }
        List<String> refs = new ArrayList<>();
        Node r = n.get("references");
        if (r != null && r.isList()) for (Node item : r.items()) refs.add(item.text());
        List<Lookalike> lookalikes = new ArrayList<>();
        Node l = n.get("lookalikes");
        if (l != null && !l.isNull()) {
            if (!l.isList()) throw l.error("lookalikes", "a list of {cause, differs, case}");
            for (Node item : l.items()) {
                if (!item.isMap() || item.text("cause", null) == null) throw item.error("lookalikes", "each look-alike names its cause");
                lookalikes.add(new Lookalike(item.text("cause", null), item.text("differs", ""), item.text("case", null), item.line()));
            }
        }
        List<Fix> fixList = List.copyOf(fixes);
        List<VerifyVariant> variants = new ArrayList<>();
        Node vv = n.get("verify_variants");
        if (vv != null && !vv.isNull()) {
            if (!vv.isList()) throw vv.error("verify_variants", "a list of {when, verify}");
            for (Node item : vv.items()) {
                if (!item.isMap()) throw item.error("verify_variants", "each variant is a map {when, verify}");
                Map<String, String> when = when(item, "when");
                String text = item.text("verify", null);
                if (when.isEmpty() || text == null || text.isBlank()) throw item.error("verify_variants", "each variant names the facts of its stack (when) and its check (verify)");
                variants.add(new VerifyVariant(when, text.strip()));
            }
        }
        StringBuilder placeholderTexts = new StringBuilder(verify);
        for (VerifyVariant x : variants) placeholderTexts.append('\n').append(x.verify());
        return new Cause(id, kind, title, layer, why.strip(), fixList, verify.strip(), List.copyOf(refs),
                n.text("advice", null), n.file(), findPlaceholders(placeholderTexts.toString(), fixList), List.copyOf(lookalikes), check, variables(n),
                List.copyOf(variants), since(n), needs(n, layers));
    }

    /**
     * {@code needs: {traefik: 0.9}}: the layers without which the cause cannot be, each with how firmly their
     * absence rules it out (a certainty in (0, 1]); {@code layers}, when not null, are the names it may use.
     */
    private static Map<String, Double> needs(Node n, Set<String> layers) {
        Node v = n.get("needs");
        if (v == null || v.isNull()) return Map.of();
        if (!v.isMap()) throw v.error("needs", "needs is a map of layer to certainty, e.g. needs: {traefik: 0.9}");
        Map<String, Double> out = new java.util.TreeMap<>();
        for (Map.Entry<String, Node> e : v.fields().entrySet()) {
            if (layers != null && !layers.contains(e.getKey())) {
                throw v.error("needs", "unknown layer '" + e.getKey() + "' (one of " + new java.util.TreeSet<>(layers) + ")");
            }
            double cf;
            try {
                cf = Double.parseDouble(String.valueOf(e.getValue().scalar()));
            } catch (NumberFormatException x) {
                cf = Double.NaN;
            }
            if (!(cf > 0 && cf <= 1)) throw e.getValue().error("needs", "needs." + e.getKey() + " is a certainty in (0, 1], e.g. 0.9");
            out.put(e.getKey(), cf);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** {@code since: field-16}: a corpus file's name (without .jsonl); which names exist is the corpus's to say (field/joined.yaml). */
    private static String since(Node n) {
        String since = n.text("since", null);
        if (since == null) return null;
        if (!since.matches("[a-z0-9]+(-[a-z0-9]+)*")) throw n.get("since").error("since", "a corpus file's name without .jsonl, e.g. since: field-16");
        return since;
    }

    /**
     * {@code variables: {NAME: what to put in it}}: shell variables the fixes use that are no fact
     * (an API token): "set these first" lists each with this text ({@link FixPlan}).
     */
    private static Map<String, String> variables(Node n) {
        Node v = n.get("variables");
        if (v == null || v.isNull()) return Map.of();
        if (!v.isMap()) throw v.error("variables", "variables is a map of NAME to what to put in it, e.g. CLOUDFLARE_API_TOKEN: \"a token with ...\"");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String name : v.fields().keySet()) {
            if (!name.matches("[A-Z][A-Z0-9_]*")) throw v.error("variables", "'" + name + "' is not a shell variable name (A-Z, 0-9, _)");
            String about = v.text(name, null);
            if (about == null || about.isBlank()) throw v.error("variables", "variables." + name + " needs a description");
            out.put(name, about.strip());
        }
        return Map.copyOf(out);
    }

    /**
     * A fix's {@code when: {fact.key: value}} (the facts it applies to) or {@code unless:} (the facts
     * it does not apply to); checked against facts.yaml by rules check.
     */
    private static Map<String, String> when(Node fix, String field) {
        Node w = fix.get(field);
        if (w == null || w.isNull()) return Map.of();
        if (!w.isMap()) throw w.error("fixes." + field, field + " is a map of fact key to value, e.g. " + field + ": { service.kind: compose }");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String key : w.fields().keySet()) {
            String value = w.text(key, null);
            if (value == null || value.isBlank()) throw w.error("fixes." + field, field + "." + key + " needs a value");
            out.put(key, value.strip());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** {@code finds: app.listen_port} (or a list): the facts a fix looks up; checked against facts.yaml by rules check. */
    private static List<String> finds(Node fix) {
        Node w = fix.get("finds");
        if (w == null || w.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        if (w.isList()) for (Node item : w.items()) out.add(item.text());
        else out.add(w.text());
        for (String k : out) if (k == null || k.isBlank()) throw w.error("fixes.finds", "finds names fact keys, e.g. finds: app.listen_port");
        return List.copyOf(out);
    }

    /** {@code compose_for: [{when: fact.key, matches: regex, compose: snippet}]}: the fix's snippet by stack. */
    private static List<Snippet> snippets(Node fix, String compose) {
        Node list = fix.get("compose_for");
        if (list == null || list.isNull()) return List.of();
        if (!list.isList()) throw list.error("fixes.compose_for", "a list of {when: <fact key>, matches: <regex>, compose: <snippet>}");
        if (compose == null) throw list.error("fixes.compose_for", "compose_for replaces the fix's compose snippet: give the generic one too");
        List<Snippet> out = new ArrayList<>();
        for (Node item : list.items()) {
            String key = item.isMap() ? item.text("when", null) : null;
            String regex = item.isMap() ? item.text("matches", null) : null;
            String snippet = item.isMap() ? item.text("compose", null) : null;
            if (key == null || regex == null || snippet == null || snippet.isBlank()) {
                throw item.error("fixes.compose_for", "each entry names a fact (when), a pattern of its value (matches) and the snippet (compose)");
            }
            try {
                out.add(new Snippet(key.strip(), Pattern.compile(regex, Pattern.CASE_INSENSITIVE), snippet));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw item.error("fixes.compose_for", "matches is not a regular expression: " + e.getDescription());
            }
        }
        return List.copyOf(out);
    }

    private static String required(Node n, String field) {
        String v = n.text(field, null);
        if (v == null || v.isBlank()) throw n.error(field, "'" + field + "' is required");
        return v;
    }
}
