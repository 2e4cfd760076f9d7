package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One step of choosing a question: the case's facts judged once (an open {@link Trial}), and each
 * candidate fact's answers tried on that session at most once, however many rankings the step asks
 * for (the best question, the outcome's deciding questions, the look-alike and leader checks).
 * Before, each of those opened its own session and tried its answers again: about three rule
 * sessions per question. The caller closes it.
 */
public final class Lookahead implements AutoCloseable {
    private final Planner planner;
    private final Trial trial;
    private final Set<String> unknown;
    private final Outcome current;
    private final Set<String> known = new LinkedHashSet<>();
    private final Map<String, List<Need>> needs = new LinkedHashMap<>();
    private final List<String> hypotheses;
    private final Map<String, Double> cfNow;
    private final double[] belief;
    private final double entropy;
    /** Each fact's plan once tried; empty when it cannot be asked or cannot move a cause. */
    private final Map<String, Optional<Planner.Plan>> tried = new HashMap<>();

    Lookahead(Planner planner, Trial trial, Set<String> unknown) {
        this.planner = planner;
        this.trial = trial;
        this.unknown = unknown;
        Engine.Judgement now = trial.judgement();
        this.current = now.outcome();
        for (Fact f : current.facts()) known.add(f.getKey());
        for (Need n : now.needs()) needs.computeIfAbsent(n.getKey(), k -> new ArrayList<>()).add(n);
        this.hypotheses = planner.hypotheses(current);
        this.cfNow = SimilarFallback.fromRules(current);
        this.belief = Planner.towardSimilar(planner.belief(hypotheses, cfNow, current.facts()), hypotheses, current);
        this.entropy = Planner.entropy(belief);
    }

    /** The rules' judgement of the facts as they stand: outcome and open needs. */
    public Engine.Judgement judgement() { return trial.judgement(); }

    public Outcome outcome() { return current; }

    /** The keys answered "don't know" (may be null). */
    Set<String> unknown() { return unknown; }

    /** The facts the rules still need, by key, in the order the engine sorted them. */
    Set<String> neededKeys() { return needs.keySet(); }

    /**
     * The candidates when none are named: what the rules need; while no cause is in play, also what
     * the user sees (symptoms: "what hurts" before any test) and every fact a rule tests. Once a
     * cause is in play its rules' needs are the path: a fact they only test would move it without
     * deciding anything.
     */
    Set<String> defaultCandidates() {
        Set<String> candidates = new LinkedHashSet<>(needs.keySet());
        if (Planner.inPlay(hypotheses, cfNow).isEmpty()) candidates.addAll(wideCandidates());
        return candidates;
    }

    /** What the user sees (every symptom fact) and every fact a rule tests: the widest set to ask from. */
    Set<String> wideCandidates() {
        Set<String> wide = new LinkedHashSet<>();
        for (FactSpec spec : planner.knowledge().vocabulary().all()) if (spec.symptom() != null) wide.add(spec.key());
        wide.addAll(planner.answerSpace().testedKeys());
        return wide;
    }

    /** Every question worth asking among {@code only} (null: the default candidates), best first. */
    public List<Planner.Plan> rank(Set<String> only) {
        List<Planner.Plan> out = new ArrayList<>();
        for (String key : only == null ? defaultCandidates() : only) plan(key).ifPresent(out::add);
        out.sort(planner.order());
        return out;
    }

    /** {@link Planner#next}: the best question one of whose answers can still matter. */
    public Planner.Plan next() {
        Diagnosis top = current.top();
        String leader = top == null ? null : top.cause();
        for (Planner.Plan p : rank(null)) {
            if (p.previews().stream().anyMatch(v -> v.matters(leader))) return p;
        }
        return null;
    }

    private Optional<Planner.Plan> plan(String key) {
        Optional<Planner.Plan> p = tried.get(key);
        if (p == null) {
            p = Optional.ofNullable(tryAnswers(key));
            tried.put(key, p);
        }
        return p;
    }

    /** Each answer of {@code key} run through the rules on the open session; null when not worth asking. */
    private Planner.Plan tryAnswers(String key) {
        FactSpec spec = planner.knowledge().vocabulary().get(key);
        if (spec == null || spec.question() == null || known.contains(key) || (unknown != null && unknown.contains(key))) return null;
        List<Object> values = planner.answerSpace().values(spec);
        if (values.size() < 2) return null;
        List<Planner.Preview> previews = new ArrayList<>();
        double[][] cf = new double[values.size()][hypotheses.size()];
        Set<String> moved = new LinkedHashSet<>();
        List<Outcome> outcomes = new ArrayList<>();
        List<Diagnosis> tops = new ArrayList<>();
        List<List<String>> ruledOuts = new ArrayList<>();
        List<List<String>> leadsOf = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            Engine.Judgement ahead = trial.judgementWith(new Fact(key, values.get(v), Fact.USER, "look-ahead"));
            Outcome o = ahead.outcome();
            Map<String, Double> after = SimilarFallback.fromRules(o);
            List<String> ruledOut = new ArrayList<>();
            List<String> leads = new ArrayList<>();
            for (int h = 0; h < hypotheses.size(); h++) {
                String c = hypotheses.get(h);
                double before = cfNow.getOrDefault(c, 0.0);
                cf[v][h] = after.getOrDefault(c, 0.0);
                if (Math.abs(cf[v][h] - before) > 1e-9) moved.add(c);
                if (before > Engine.RULED_OUT && cf[v][h] <= Engine.RULED_OUT) ruledOut.add(c);
                if (cf[v][h] > 0 && cf[v][h] > before + 1e-9 && planner.hasPath(c, ahead.needs())) leads.add(c);
            }
            Diagnosis top = o.top();
            outcomes.add(o);
            tops.add(top);
            ruledOuts.add(ruledOut);
            leadsOf.add(leads);
        }
        double[][] likelihood = Planner.likelihood(spec, values, cf);
        double gain = entropy - Planner.expectedEntropy(belief, likelihood);
        // an answer that settles the case (a diagnosis, or the leader ruled out) is worth asking
        // even when it tells the causes apart little: it confirms or refutes the front runner.
        // Worth as much as that answer is likely: "does Traefik log X?" for an unlikely cause is no shortcut
        double[] pAnswer = Planner.answerProbabilities(belief, likelihood);
        for (int v = 0; v < values.size(); v++) {
            Outcome o = outcomes.get(v);
            Diagnosis top = tops.get(v);
            Planner.Preview p = new Planner.Preview(values.get(v), o.status(), top == null ? null : top.cause(),
                    top == null ? 0 : top.certainty(), ruledOuts.get(v), leadsOf.get(v), pAnswer[v]);
            previews.add(p);
            boolean decisive = p.status().isConclusive()
                    || (current.top() != null && p.ruledOut().contains(current.top().cause()));
            if (decisive) gain += Planner.DECISIVE_BONUS * pAnswer[v];
        }
        if (gain < Planner.MIN_GAIN) return null;
        List<String> causes = moved.stream().sorted().toList();
        Question q = new Question(key, spec, gain, causes, List.copyOf(needs.getOrDefault(key, List.of())));
        return new Planner.Plan(q, gain, previews,
                String.format("its answer is expected to tell the causes apart best (%.2f bits of %.2f)", gain, entropy));
    }

    /** The case's session goes back to the pool. */
    @Override public void close() { trial.close(); }
}
