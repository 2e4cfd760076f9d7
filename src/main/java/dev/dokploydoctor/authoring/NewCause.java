package dev.dokploydoctor.authoring;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Suggest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code rules new}: a cause folder (causes/&lt;id&gt;/) with cause.yaml, a rule that concludes it
 * from the given conditions in rules.drl, a positive case and a near-miss in cases/, all valid from the start, so {@code rules check} and {@code rules test}
 * pass before the user has edited anything but the prose.
 */
public final class NewCause {
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final double DEFAULT_CF = 0.8;

    /** What to create: a cause id, its layer, its title, the rule's conditions and certainty. */
    public record Request(String id, String layer, String title, List<Condition> conditions, double cf) {}

    private NewCause() {}

    /** Refuse a bad or taken id and a bad layer, with the reason. */
    public static void validate(Knowledge knowledge, WriteTarget target, String id, String layer) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a cause id: use lower-case words joined by dashes, like letsencrypt-rate-limited");
        }
        if (knowledge.cause(id) != null) {
            throw new IllegalArgumentException("cause '" + id + "' exists already (" + Display.path(knowledge.cause(id).file()) + ")");
        }
        if (Files.exists(target.causeDir(id))) {
            throw new IllegalArgumentException("cause '" + id + "' exists already (" + Display.path(target.causeDir(id)) + ")");
        }
        validateLayer(knowledge, layer);
    }

    static void validateLayer(Knowledge knowledge, String layer) {
        java.util.Set<String> layers = knowledge.causeLayers().keySet();
        if (layer == null || layer.isBlank() || !layers.isEmpty() && !layers.contains(layer)) {
            String hint = layer == null ? null : Suggest.nearest(layer, layers);
            throw new IllegalArgumentException("unknown layer '" + layer + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                    + "; one of " + new java.util.TreeSet<>(layers));
        }
    }

    /** Write the files; returns them in the order written. */
    public static List<Path> create(Knowledge knowledge, WriteTarget target, Request req) {
        validate(knowledge, target, req.id(), req.layer());
        if (req.conditions().isEmpty()) throw new IllegalArgumentException("a rule needs at least one condition (--when KEY=VALUE)");
        FileEdits edits = new FileEdits(target.knowledge());
        String title = req.title() != null && !req.title().isBlank() ? req.title() : Scaffold.titleOf(req.id());
        edits.write(target.causeFile(req.id()), Scaffold.causeYaml(req.id(), req.layer(), title));

        String name = req.id() + ": " + String.join(", ", req.conditions().stream().map(Condition::describe).toList());
        edits.append(target.ruleFile(req.id(), knowledge), Scaffold.DRL_HEADER,
                Scaffold.rule(name, req.conditions(), req.cf(),
                        "Scaffolded by `dokploy-doctor rules new`: sharpen the conditions and the certainty to the real lesson."));

        Map<String, Object> positive = new LinkedHashMap<>();
        for (Condition c : req.conditions()) positive.put(c.key(), c.value());
        edits.write(target.caseDir(req.id()).resolve("positive.yaml"), Scaffold.caseYaml(
                "Positive case for " + req.id() + ": it must be diagnosed. Replace the facts with a real report\n"
                        + "(text: with the error message as pasted, plus the facts the user would state).",
                req.id() + "-positive", null, positive, List.of(), "cause", req.id()));
        // with no neighbouring value (a single int or text condition) the near-miss answers the fact
        // "unknown" instead: still a valid case, and one the rule cannot fire on
        Map<String, Object> near = nearMiss(req.conditions());
        List<String> nearUnknown = near.isEmpty() ? List.of(req.conditions().get(0).key()) : List.of();
        edits.write(target.caseDir(req.id()).resolve("near-miss.yaml"), Scaffold.caseYaml(
                "Near-miss for " + req.id() + ": a report that looks alike but has another cause; it must never\n"
                        + "be diagnosed as " + req.id() + ". Make it the neighbour users confuse it with.",
                req.id() + "-near-miss", null, near, nearUnknown, "not", req.id()));
        edits.apply();
        edits.commit();
        return edits.touched();
    }

    /** The positive facts with the first condition turned to a neighbouring value (or left out). */
    static Map<String, Object> nearMiss(List<Condition> conditions) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            if (i > 0) {
                facts.put(c.key(), c.value());
                continue;
            }
            Object other = c.neighbour();
            if (other != null) facts.put(c.key(), other);
        }
        return facts;
    }
}
