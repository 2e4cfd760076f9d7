package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * A cause's fixes made ready to paste for one case: the fixes that apply to this host (by their
 * {@code when} and the known facts; both variants, labelled, while the deciding fact is unknown),
 * placeholders filled from the facts, and a "set these first" block for the rest: one shell
 * variable per unknown placeholder, and the DokPloy API's URL and key when a command calls it.
 */
public record FixPlan(List<Variable> setFirst, List<Step> fixes, String verify, Cause.Check check) {

    /** A shell variable to set before pasting: its name, the fact it stands for (null for the API's), what to put in it. */
    public record Variable(String name, String key, String about) {
        /** One line of the block: {@code SERVICE_NAME=    # service.name: the compose service name}. */
        public String line() {
            return name + "=" + " ".repeat(Math.max(1, 20 - name.length())) + "# " + (key == null ? "" : key + ": ") + about;
        }
    }

    /** A fix with placeholders filled; {@code onlyIf} says which host it is for while the deciding fact is unknown (else null). */
    public record Step(Cause.Fix fix, String onlyIf) {}

    static final String API_URL = "DOKPLOY_URL", API_KEY = "DOKPLOY_API_KEY";

    /**
     * A placeholder's key and another key that holds the same value in other words, used when the first is not
     * known: {@code host.port} ("the host port the service publishes") is {@code app.published_port} (the host side
     * of the app's ports: mapping, "13378:80"), which the text gives more often; a fix said
     * {@code http://localhost:$HOST_PORT} with the mapping known from the session (user20).
     */
    static final Map<String, String> STAND_INS = Map.of("host.port", "app.published_port");

    static Map<String, String> withStandIns(Map<String, String> values) {
        Map<String, String> out = null;
        for (Map.Entry<String, String> e : STAND_INS.entrySet()) {
            if (values.get(e.getKey()) != null) continue;
            String v = values.get(e.getValue());
            if (v == null) continue;
            if (out == null) out = new java.util.HashMap<>(values);
            out.put(e.getKey(), v);
        }
        return out == null ? values : out;
    }

    public static FixPlan of(Cause cause, Map<String, String> values, Vocabulary vocabulary) {
        values = withStandIns(values);
        Set<String> unfilled = new LinkedHashSet<>();
        List<Step> steps = new ArrayList<>();
        for (Cause.Fix f : cause.fixes()) {
            String onlyIf = applies(f.when(), values, vocabulary);
            if (onlyIf == null || excluded(f.unless(), values) || found(f.finds(), values)) continue;
            onlyIf = join(onlyIf, notYetExcluded(f.unless(), values, vocabulary));
            List<String> cmds = new ArrayList<>();
            for (String c : f.commands()) cmds.add(ShellText.command(c, values, unfilled::add));
            Cause.Fix filled = new Cause.Fix(ShellText.prose(f.title(), values, unfilled::add), List.copyOf(cmds),
                    ShellText.prose(f.composeFor(values), values, unfilled::add), f.risk(), f.when(), f.unless(),
                    List.of(), f.finds());
            steps.add(new Step(filled, onlyIf.isEmpty() ? null : onlyIf));
        }
        Cause.Check check = null;
        String verify;
        // the default check's variables only count when it is shown (not replaced by the stack's own)
        Set<String> inDefault = new LinkedHashSet<>();
        if (cause.check() != null) {
            check = new Cause.Check(ShellText.command(cause.check().run(), values, inDefault::add),
                    ShellText.prose(cause.check().shows(), values, inDefault::add));
            String rest = cause.verify().substring(cause.check().run().length());
            verify = check.run() + ShellText.verify(rest, values, inDefault::add);
        } else {
            verify = ShellText.verify(cause.verify(), values, inDefault::add);
        }
        StringBuilder others = new StringBuilder();
        Set<String> inVariants = new LinkedHashSet<>();
        for (Cause.VerifyVariant variant : cause.verifyVariants()) {
            String label = applies(variant.when(), values, vocabulary);
            if (label == null) continue;
            if (label.isEmpty()) {   // the user's stack is known and is this variant's: its check, not the default's
                inDefault.clear();
                inVariants.clear();
                verify = ShellText.verify(variant.verify(), values, inVariants::add);
                check = null;
                others.setLength(0);
                break;
            }
            others.append("\nor (").append(label).append("): ").append(ShellText.verify(variant.verify(), values, inVariants::add));
        }
        unfilled.addAll(inDefault);
        unfilled.addAll(inVariants);
        verify = verify + others;
        List<Variable> vars = new ArrayList<>();
        for (String key : unfilled) vars.add(new Variable(ShellText.variable(key), key, about(key, values, vocabulary)));
        Set<String> names = unassigned(steps);
        Matcher inVerify = USED.matcher(verify);   // a verify variant's own ($TRAEFIK_CONTAINER for a plain Traefik)
        while (inVerify.find()) if (cause.variables().containsKey(inVerify.group(1))) names.add(inVerify.group(1));
        for (String name : names) {
            if (name.equals(API_URL) || name.equals(API_KEY) || vars.stream().anyMatch(v -> v.name().equals(name))) continue;
            vars.add(new Variable(name, null, cause.variables().getOrDefault(name, "set it before pasting: the fix below uses $" + name)));
        }
        if (usesApi(steps, verify)) {
            vars.add(new Variable(API_URL, null, "the DokPloy panel's address, e.g. https://dokploy.example.com (no trailing /)"));
            vars.add(new Variable(API_KEY, null, "an API token (DokPloy > Settings > Profile > API/CLI > Generate)"));
        }
        return new FixPlan(List.copyOf(vars), List.copyOf(steps), verify, check);
    }

    /**
     * "" when the fix applies (its facts are known and match, or it has none), a label when it
     * may apply (a deciding fact is unknown), null when the facts say it does not.
     */
    static String applies(Map<String, String> when, Map<String, String> values, Vocabulary vocabulary) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : when.entrySet()) {
            String v = values.get(e.getKey());
            if ((v == null || v.isBlank()) && quiet(e.getKey(), vocabulary)) return null;
            if (v == null || v.isBlank()) unknown.add(e.getKey() + " = " + e.getValue());
            else if (!v.strip().equalsIgnoreCase(e.getValue())) return null;
        }
        return unknown.isEmpty() ? "" : "only if " + String.join(" and ", unknown);
    }

    /**
     * The label of a fix for one stack while the user's is unknown: {@code unless: {dokploy.used: false}}
     * reads "only if dokploy.used = true" (a DokPloy fix shown to someone who never said DokPloy is marked
     * as DokPloy's, user13 V4, F6, F10); "" when every fact it names is known (and did not exclude it).
     */
    static String notYetExcluded(Map<String, String> unless, Map<String, String> values, Vocabulary vocabulary) {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> e : unless.entrySet()) {
            String v = values.get(e.getKey());
            if (v != null && !v.isBlank()) continue;
            if (quiet(e.getKey(), vocabulary) || presumptionFails(e.getKey(), values, vocabulary)) continue;
            String not = e.getValue().strip();
            String other = theOtherValue(e.getKey(), not, vocabulary);
            unknown.add(not.equalsIgnoreCase("true") ? e.getKey() + " = false"
                    : not.equalsIgnoreCase("false") ? e.getKey() + " = true"
                    : other != null ? e.getKey() + " = " + other : e.getKey() + " is not " + not);
        }
        return unknown.isEmpty() ? "" : "only if " + String.join(" and ", unknown);
    }

    /**
     * A fact of a rare setup (facts.yaml {@code quiet: true}) labels no fix while unknown: a fix {@code when} it is
     * shown only once it is known, and a fix {@code unless} it is not marked "(only if ... = false)" for everyone
     * who never said (user23: the compose fixes of every user would read "only if app.docker_run = false").
     */
    static boolean quiet(String key, Vocabulary vocabulary) {
        return vocabulary != null && vocabulary.quiet(key);
    }

    /** True when every fact the fix looks up ({@code finds}) is known: there is nothing left for it to find. */
    static boolean found(List<String> finds, Map<String, String> values) {
        if (finds.isEmpty()) return false;
        for (String k : finds) {
            String v = values.get(k);
            if (v == null || v.isBlank()) return false;
        }
        return true;
    }

    /**
     * Whether a known fact contradicts what {@code key}'s question takes for granted (facts.yaml {@code asked_if}):
     * service.kind is a DokPloy choice, so "(only if service.kind = compose)" means nothing to a user who said
     * DokPloy is not used (user23 s2).
     */
    static boolean presumptionFails(String key, Map<String, String> values, Vocabulary vocabulary) {
        FactSpec spec = vocabulary == null ? null : vocabulary.get(key);
        if (spec == null) return false;
        for (Map.Entry<String, Object> p : spec.askedIf().entrySet()) {
            String v = values.get(p.getKey());
            if (v != null && !v.isBlank() && !v.strip().equalsIgnoreCase(String.valueOf(p.getValue()))) return true;
        }
        return false;
    }

    /** An enum of two values: the one that is not {@code not} ("service.kind = compose", not "is not application"). */
    private static String theOtherValue(String key, String not, Vocabulary vocabulary) {
        FactSpec spec = vocabulary == null ? null : vocabulary.get(key);
        if (spec == null || spec.type() != FactType.ENUM || spec.values() == null || spec.values().size() != 2) return null;
        List<String> rest = spec.values().stream().filter(x -> !x.equalsIgnoreCase(not)).toList();
        return rest.size() == 1 ? rest.get(0) : null;
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        return a + " and " + b.substring("only if ".length());
    }

    /** True when a known fact has the value {@code unless} names for it: the fix is for another kind of host. */
    static boolean excluded(Map<String, String> unless, Map<String, String> values) {
        for (Map.Entry<String, String> e : unless.entrySet()) {
            String v = values.get(e.getKey());
            if (v != null && v.strip().equalsIgnoreCase(e.getValue())) return true;
        }
        return false;
    }

    private static final java.util.regex.Pattern USED = java.util.regex.Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");
    private static final java.util.regex.Pattern ASSIGNED = java.util.regex.Pattern.compile("(?:^|[\\s;(&|])([A-Z][A-Z0-9_]*)=");

    /**
     * The shell variables the fixes' commands use and never set ({@code NAME=...} in any of them):
     * a token the user must provide ($CLOUDFLARE_API_TOKEN), in order of first use (user10 finding 13:
     * "set these first" named only the facts' variables).
     */
    static Set<String> unassigned(List<Step> steps) {
        Set<String> used = new LinkedHashSet<>();
        Set<String> assigned = new java.util.HashSet<>();
        for (Step s : steps) {
            for (String c : s.fix().commands()) {
                Matcher u = USED.matcher(c);
                while (u.find()) used.add(u.group(1));
                Matcher a = ASSIGNED.matcher(c);
                while (a.find()) assigned.add(a.group(1));
            }
        }
        used.removeAll(assigned);
        return used;
    }

    private static boolean usesApi(List<Step> steps, String verify) {
        if (verify.contains("$" + API_URL)) return true;
        for (Step s : steps) for (String c : s.fix().commands()) if (c.contains("$" + API_URL) || c.contains("$" + API_KEY)) return true;
        return false;
    }

    /** What to put in a variable: why its known value was refused, else the fact's help or question. */
    private static String about(String key, Map<String, String> values, Vocabulary vocabulary) {
        String known = values.get(key);
        if (known != null && !known.isBlank()) {
            String problem = CommandValues.problem(key, known);
            // the warning above the fixes shows the refused value; a comment in a pasted block must not
            if (problem != null) return "the value given was refused (see the warning): check it and type it in";
        }
        FactSpec spec = vocabulary == null ? null : vocabulary.get(key);
        String text = spec == null ? null : spec.help() != null ? spec.help() : spec.question();
        if (text == null) return "the value of " + key;
        String first = text.strip();
        if (first.length() <= 110) return first;
        int dot = first.indexOf(". ", 40);   // the first sentence, not an "e.g. "
        if (dot > 0 && dot < 110) return first.substring(0, dot + 1);
        return first.substring(0, 107) + "...";
    }

    /**
     * Plans already made, by cause and the values of the facts the plan reads: the cases of a batch
     * mostly share them (a plan costs about a tenth of a fact case's CPU). Thread-safe; bounded, so
     * a batch of a million different service names cannot fill the heap (past the bound a plan is
     * made afresh each time, as without the memo).
     */
    public static final class Memo {
        static final int MAX_PLANS = 512;
        private final Vocabulary vocabulary;
        private final ConcurrentHashMap<String, Reads> reads = new ConcurrentHashMap<>();
        private final ConcurrentHashMap<List<String>, FixPlan> plans = new ConcurrentHashMap<>();

        public Memo(Vocabulary vocabulary) { this.vocabulary = vocabulary; }

        /** The same plan as {@link FixPlan#of} with this memo's vocabulary. */
        public FixPlan of(Cause cause, Map<String, String> values) {
            Reads r = reads.computeIfAbsent(cause.id(), id -> new Reads(cause, keysRead(cause, vocabulary)));
            if (r.cause() != cause) return FixPlan.of(cause, values, vocabulary); // another cause of that id (a reloaded layer)
            String[] key = new String[r.keys().length + 1];
            key[0] = cause.id();
            for (int i = 0; i < r.keys().length; i++) key[i + 1] = values.get(r.keys()[i]);
            List<String> k = Arrays.asList(key);
            FixPlan plan = plans.get(k);
            if (plan != null) return plan;
            plan = FixPlan.of(cause, values, vocabulary);
            if (plans.size() < MAX_PLANS) plans.putIfAbsent(k, plan);
            return plan;
        }

        private record Reads(Cause cause, String[] keys) {}

        /**
         * Every fact key {@link FixPlan#of} can look up for this cause: the fixes' conditions, every placeholder, and the
         * facts an {@code unless} key's question takes for granted (its label hangs on them).
         */
        static String[] keysRead(Cause cause, Vocabulary vocabulary) {
            Set<String> keys = new TreeSet<>();
            List<String> texts = new ArrayList<>();
            texts.add(cause.verify());
            for (Cause.VerifyVariant v : cause.verifyVariants()) {
                keys.addAll(v.when().keySet());
                texts.add(v.verify());
            }
            if (cause.check() != null) { texts.add(cause.check().run()); texts.add(cause.check().shows()); }
            for (Cause.Fix f : cause.fixes()) {
                keys.addAll(f.when().keySet());
                keys.addAll(f.unless().keySet());
                keys.addAll(f.finds());
                for (String u : f.unless().keySet()) {
                    FactSpec spec = vocabulary == null ? null : vocabulary.get(u);
                    if (spec != null) keys.addAll(spec.askedIf().keySet());
                }
                texts.add(f.title());
                texts.add(f.compose());
                texts.addAll(f.commands());
                for (Cause.Snippet s : f.composeFor()) {
                    keys.add(s.key());
                    texts.add(s.compose());
                }
            }
            for (String t : texts) {
                if (t == null) continue;
                Matcher m = ShellText.PLACEHOLDER.matcher(t);
                while (m.find()) keys.add(m.group(1));
            }
            for (Map.Entry<String, String> e : STAND_INS.entrySet()) if (keys.contains(e.getKey())) keys.add(e.getValue());
            return keys.toArray(String[]::new);
        }
    }
}
