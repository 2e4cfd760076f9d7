package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each piece of evidence rests on: the observations ({@link Fact#getOrigin()}) behind the facts
 * its rule tested. A rule's match lists only the facts it binds, not those in {@code exists (...)},
 * so the keys each rule tests (outside {@code not}) are read from its DRL once, as the planner's
 * {@link AnswerSpace} reads literals, and the session's facts of those keys are its observations.
 * Two rules that read one pasted line, or a fact and what it implies, rest on one observation;
 * {@link Certainty#ofCause} counts it once.
 */
final class Observations {
    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\b");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    private static final Pattern FACT = Pattern.compile("(\\bnot\\s+)?Fact\\s*\\(\\s*key\\s*==\\s*\"([a-z0-9_.]+)\"");

    /** Rule name: the keys its conditions test for presence. */
    private final Map<String, Set<String>> keysOfRule = new HashMap<>();

    private Observations() {}

    static Observations of(Knowledge knowledge) {
        Observations o = new Observations();
        for (Knowledge.RuleSource src : knowledge.ruleSources().values()) {
            Matcher rule = RULE.matcher(AnswerSpace.withoutComments(src.text()));
            while (rule.find()) {
                String body = rule.group(2);
                Matcher then = THEN.matcher(body);
                String when = then.find() ? body.substring(0, then.start()) : body;
                Set<String> keys = new LinkedHashSet<>();
                Matcher f = FACT.matcher(when);
                while (f.find()) if (f.group(1) == null) keys.add(f.group(2));
                o.keysOfRule.put(rule.group(1), keys);
            }
        }
        return o;
    }

    /** The evidence, each with the observations it rests on: its matched facts' and those of the keys its rule tests. */
    List<Evidence> attach(List<Evidence> evidence, List<Fact> facts) {
        Map<String, List<String>> originsOfKey = new HashMap<>();
        for (Fact f : facts) originsOfKey.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getOrigin());
        List<Evidence> out = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            Set<String> seen = new LinkedHashSet<>();
            for (Fact f : e.getMatched()) seen.add(f.getOrigin());
            for (String key : keysOfRule.getOrDefault(e.getRule(), Set.of())) seen.addAll(originsOfKey.getOrDefault(key, List.of()));
            out.add(e.on(seen));
        }
        return out;
    }
}
