package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Effort;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Priors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which question to ask next, over all causes at once: the one whose answer is expected to tell the
 * causes apart best (expected information gain) for what it costs the user to answer.
 *
 * <p>The belief in a cause is its prior ({@link Priors}) times {@code exp(SHARPNESS * certainty)}.
 * Each possible answer of a question ({@link AnswerSpace}) is simulated by running the rules with
 * it; a cause whose certainty an answer raises makes that answer more likely if the cause is the
 * real one ({@code exp(SHARPNESS * change)}, normalised over the answers). The gain is the entropy
 * of the belief now minus its expected entropy after the answer. A question whose answers move no
 * cause gains nothing and is never asked. Questions are ranked by that gain weighed by what answering
 * costs the user (facts.yaml {@code effort}). Deterministic: no randomness, ties by vocabulary order.
 * Used by the REPL (the next question), by {@link Engine#evaluate} (an inconclusive outcome's
 * questions) and by the simulated interview of {@code eval}.
 */
public final class Planner {
    /** How strongly a certainty shifts belief: a cause at 0.8 weighs e^4 = 55 times one with no evidence. */
    public static final double SHARPNESS = 5.0;
    /** Less than this many bits expected: the question cannot move the diagnosis. */
    public static final double MIN_GAIN = 0.005;
    private static final double TIE = 1e-6;
    /**
     * Added to the gain of a question, times the chance of each answer that diagnoses or rules out
     * the leader (bits): a sure confirmation of the leader is worth a bit more than its information.
     */
    public static final double DECISIVE_BONUS = 0.5;
    /**
     * Once some cause has evidence, a cause no rule has suggested weighs this much less: the user
     * would have seen its own symptom. It comes back in full when every suggested cause is ruled out.
     */
    public static final double UNSUGGESTED = 0.05;

    /**
     * What one possible answer would lead to. {@code leads}: the causes it raises that the rules can
     * then take further (a rule of theirs needs an askable fact still open). {@code chance}: how
     * likely this answer is under the belief now, when the user can tell. {@code rightChance}: how likely
     * the user can tell, gives this answer, and the cause it concludes is the real one (0 when it concludes
     * nothing): a yes/no question is answered
     * yes about half the time by users whose fault it does not touch, so {@code chance} alone says
     * nothing about how likely its diagnosis is right.
     */
    public record Preview(Object value, Status status, String topCause, double topCertainty, List<String> ruledOut,
                          List<String> leads, double chance, double rightChance) {
        /** This answer diagnoses (or advises), rules out the leader {@code leader}, or opens a path. */
        boolean matters(String leader) {
            return status.isConclusive() || (leader != null && ruledOut.contains(leader)) || !leads.isEmpty();
        }
    }

    /**
     * One simulated answer to two questions asked together (the domain's port and the app's): the
     * first fact's value, the partner fact and its value. The planner's stand-ins (a port 1, another
     * port 2, 0 for a number no rule tests) are said as a relation a user can read (user15 uc17:
     * "if 1 (with app.listen_port 2)" told nothing).
     */
    public record PairValue(Object first, String partner, Object second) {
        /** Both are numbers the rules compare and neither is the "no rule tests it" stand-in. */
        public boolean compared() {
            return first instanceof Long a && second instanceof Long b && a != AnswerSpace.OTHER_NUMBER && b != AnswerSpace.OTHER_NUMBER;
        }

        @Override
        public String toString() {
            if (compared()) return (first.equals(second) ? "the same value as " : "another value than ") + partner;
            return said(first) + " (with " + partner + " " + said(second) + ")";
        }

        private static String said(Object v) {
            if (v instanceof Boolean b) return b ? "yes" : "no";
            if (v instanceof Long n && n == AnswerSpace.OTHER_NUMBER) return "a number no rule tests";
            if (AnswerSpace.OTHER_TEXT.equals(v)) return "something else";
            return String.valueOf(v);
        }
    }

    /**
     * A question with its expected information gain (bits), the answers simulated and why it was chosen.
     * The why is written when asked ({@link #reason}): batch and eval rank every candidate of every
     * inconclusive case and never show it (its String.format was ~3 % of a batch with questions, Round 15).
     */
    public record Plan(Question question, double gain, List<Preview> previews, java.util.function.Supplier<String> why) {
        public Plan(Question question, double gain, List<Preview> previews, String reason) {
            this(question, gain, previews, () -> reason);
        }

        /** Why it was chosen, in words. */
        public String reason() { return why.get(); }
    }

    private final Engine engine;
    private final Knowledge knowledge;
    private final AnswerSpace space;
    private final Priors priors;
    private final double threshold;
    private final Set<String> probeAnswerable;
    private final Map<String, Integer> keyOrder = new HashMap<>();
    /** The hypotheses of a fault and of a request for routing advice ({@link #hypotheses}). */
    private final List<String> faults, advice;
    /** {@link #canTell} of each key for {@link #faults} and for {@link #advice}, as worked out. */
    private final Map<String, double[]> faultShares = new ConcurrentHashMap<>(), adviceShares = new ConcurrentHashMap<>();

    /**
     * {@code probeAnswerable}: the facts a probe may still answer (the REPL's probes that run and
     * have not reported yet); each can always be told. Every other fact is weighed by how often a
     * user can tell it, as in eval (which runs no probes).
     */
    Planner(Engine engine, AnswerSpace space, double threshold, Set<String> probeAnswerable) {
        this.engine = engine;
        this.probeAnswerable = Set.copyOf(probeAnswerable);
        this.knowledge = engine.knowledge();
        this.space = space;
        this.threshold = threshold;
        this.priors = knowledge.priors();
        int i = 0;
        for (String key : knowledge.vocabulary().keys()) keyOrder.put(key, i++);
        this.faults = causes(space, engine, false);
        this.advice = causes(space, engine, true);
    }

    public AnswerSpace answerSpace() { return space; }

    /** The facts this planner counts a probe as still answering. */
    public Set<String> probeAnswerable() { return probeAnswerable; }

    Knowledge knowledge() { return knowledge; }

    /** Judge these facts once and keep the session open for the step's rankings; the caller closes it. */
    public Lookahead look(Collection<Fact> facts, Set<String> unknown) {
        return look(engine.trial("plan", facts, unknown, threshold), unknown);
    }

    /** A step on a session already judged (its outcome keeps that session's id); closing the step closes it. */
    Lookahead look(Trial trial, Set<String> unknown) { return new Lookahead(this, trial, unknown); }

    /**
     * The best next question for these facts that can still matter: one of its answers diagnoses,
     * rules out the leader, or raises a cause the rules can take further (issue 13: stop when no
     * question can move a cause across the threshold or rule out the leader). Null when none can.
     */
    public Plan next(Collection<Fact> facts, Set<String> unknown) {
        try (Lookahead look = look(facts, unknown)) {
            return look.next();
        }
    }

    /**
     * Every question worth asking, best first. {@code only}, when not null, names the candidates
     * (batch lists the facts the rules named as deciding); else every askable fact a rule needs or tests.
     */
    public List<Plan> rank(Collection<Fact> facts, Set<String> unknown, Set<String> only) {
        try (Lookahead look = look(facts, unknown)) {
            return look.rank(only);
        }
    }

    /**
     * For each hypothesis, the chance that a user whose fault it is can answer {@code spec}'s
     * question ({@link Priors#answerable}: the share of such field reports that said it); 1 for a
     * fact a probe may still answer.
     */
    double[] canTell(FactSpec spec, List<String> hypotheses) {
        boolean probed = probeAnswerable.contains(spec.key());
        // the shares depend on the key and the hypotheses alone: worked out once per key for each of the two lists
        Map<String, double[]> known = probed ? null : hypotheses == faults ? faultShares : hypotheses == advice ? adviceShares : null;
        double[] shares = known == null ? null : known.get(spec.key());
        if (shares != null) return shares.clone();
        double[] out = new double[hypotheses.size()];
        for (int h = 0; h < out.length; h++) out[h] = probed ? 1.0 : priors.answerable(spec.key(), hypotheses.get(h));
        if (known != null) known.put(spec.key(), out.clone());
        return out;
    }

    /**
     * Best first: the higher gain weighed by what answering costs the user ({@link Effort#weight}: a
     * question read in the UI before a {@code docker exec} that tells the causes apart about as well),
     * then the fact earlier in facts.yaml.
     */
    Comparator<Plan> order() {
        return Comparator.comparingDouble((Plan p) -> -Math.round(worth(p) / TIE) * TIE)
                .thenComparing(p -> keyOrder.getOrDefault(p.question().key(), Integer.MAX_VALUE));
    }

    /** A plan's gain weighed by its question's effort; a fact a probe may still answer costs the user nothing. */
    double worth(Plan p) { return p.gain() * effort(p.question().key()).weight(); }

    /** What asking {@code key} costs the user: nothing beyond a look when a probe may answer it. */
    Effort effort(String key) {
        if (probeAnswerable.contains(key)) return Effort.SEEN;
        FactSpec spec = knowledge.vocabulary().get(key);
        return spec == null ? Effort.COMMAND : spec.effort();
    }

    /** Where {@code key} stands in facts.yaml: the earlier, the cheaper to ask. */
    int position(String key) { return keyOrder.getOrDefault(key, Integer.MAX_VALUE); }

    /** Cheaper first, then earlier in facts.yaml: which of two facts compared with each other is asked first. */
    Comparator<String> cheaperFirst() {
        return Comparator.comparingDouble((String k) -> -effort(k).weight()).thenComparingInt(this::position);
    }

    /** A rule of {@code cause} still needs a fact the user can be asked. */
    boolean hasPath(String cause, List<Need> open) {
        for (Need n : open) {
            if (!n.getCause().equals(cause)) continue;
            FactSpec spec = knowledge.vocabulary().get(n.getKey());
            if (spec != null && spec.question() != null) return true;
        }
        return false;
    }

    /**
     * How likely each answer is if a cause is the real one: the answer(s) that raise its certainty
     * most; for a cause no answer moves, the healthy answer of a symptom (it has nothing to do with
     * that fault), or any answer of another fact. {@code spec} null: joint answers of two facts.
     */
    static double[][] likelihood(FactSpec spec, List<Object> values, double[][] cf) {
        int vs = values.size();
        int hs = cf.length == 0 ? 0 : cf[0].length;
        double[][] l = new double[vs][hs];
        List<Integer> healthy = new ArrayList<>();
        if (spec != null && spec.symptom() != null) for (int v = 0; v < vs; v++) if (!spec.isSymptom(values.get(v))) healthy.add(v);
        boolean byHealth = !healthy.isEmpty() && healthy.size() < vs;
        for (int h = 0; h < hs; h++) {
            double best = Double.NEGATIVE_INFINITY;
            double worst = Double.POSITIVE_INFINITY;
            for (int v = 0; v < vs; v++) {
                best = Math.max(best, cf[v][h]);
                worst = Math.min(worst, cf[v][h]);
            }
            // the predicted answers share the hypothesis evenly (no list per hypothesis: this runs for every key tried)
            if (best - worst > 1e-9) {
                int predicted = 0;
                for (int v = 0; v < vs; v++) if (cf[v][h] >= best - 1e-9) predicted++;
                for (int v = 0; v < vs; v++) if (cf[v][h] >= best - 1e-9) l[v][h] = 1.0 / predicted;
            } else if (byHealth) {
                for (int v : healthy) l[v][h] = 1.0 / healthy.size();
            } else {
                for (int v = 0; v < vs; v++) l[v][h] = 1.0 / vs;
            }
        }
        return l;
    }

    /** The causes in play: faults, or the routing advice when the user asked how to route. */
    List<String> hypotheses(Outcome current) {
        Fact goal = current.fact("user.goal");
        return goal != null && goal.getText().equals("route-advice") ? advice : faults;
    }

    /** The causes of {@code space} that are routing advice ({@code advice}) or faults (not), in its order. */
    private static List<String> causes(AnswerSpace space, Engine engine, boolean advice) {
        List<String> out = new ArrayList<>();
        for (String c : space.causes()) if (engine.isAdvice(c) == advice) out.add(c);
        return java.util.Collections.unmodifiableList(out); // not List.copyOf: indexOf(null) must answer -1 (towardSimilar)
    }

    /** Hypotheses some rule supports (certainty above zero). */
    static Set<String> inPlay(List<String> hypotheses, Map<String, Double> certainty) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : hypotheses) if (certainty.getOrDefault(c, 0.0) > 0) out.add(c);
        return out;
    }

    /**
     * The normalised belief in each hypothesis: prior times exp(SHARPNESS * certainty). Once some
     * cause has evidence, the others weigh {@link #UNSUGGESTED} as much; before that, the causes whose
     * rules test a fact the user gave (dependencies, a domain just added, a tunnel origin) outweigh
     * the causes the user said nothing about in the same way.
     */
    double[] belief(List<String> hypotheses, Map<String, Double> certainty, Collection<Fact> known) {
        double[] b = new double[hypotheses.size()];
        double sum = 0;
        boolean somethingInPlay = !inPlay(hypotheses, certainty).isEmpty();
        Set<String> mentioned = mentioned(known);
        for (int h = 0; h < b.length; h++) {
            String c = hypotheses.get(h);
            b[h] = priors.weight(c) * Math.exp(SHARPNESS * certainty.getOrDefault(c, 0.0));
            boolean suggested = somethingInPlay ? certainty.containsKey(c) || mentioned.contains(c) : mentioned.isEmpty() || mentioned.contains(c);
            if (!suggested) b[h] *= UNSUGGESTED;
            sum += b[h];
        }
        for (int h = 0; h < b.length; h++) b[h] /= sum;
        return b;
    }

    /**
     * The similar reports' vote (SimilarFallback) weighs its cause as its certainty would; while no
     * rule supports any cause ({@code rulesSilent}), the voted cause weighs 1 / {@link #UNSUGGESTED}
     * (20) times more: above every cause when the user's words point at none, level with a cause they
     * point at otherwise. Its decisive question comes before fishing through every symptom (dev: a
     * Traefik that lost the Docker API, its error asked second instead of never); lifting it only to
     * the level of a cause the words point at cost 3 right interviews on dev 715.
     */
    static double[] towardSimilar(double[] belief, List<String> hypotheses, Outcome current, boolean rulesSilent) {
        int h = hypotheses.indexOf(SimilarFallback.supported(current));
        if (h < 0) return belief;
        belief[h] *= Math.exp(SHARPNESS * SimilarFallback.SUPPORT) * (rulesSilent ? 1 / UNSUGGESTED : 1);
        double sum = 0;
        for (double b : belief) sum += b;
        for (int i = 0; i < belief.length; i++) belief[i] /= sum;
        return belief;
    }

    /**
     * Causes whose rules test one of these facts, beyond that a fault was reported and its kind; a
     * symptom fact with a healthy value (a 308, containers running) says nothing about a cause.
     */
    private Set<String> mentioned(Collection<Fact> known) {
        Set<String> out = new LinkedHashSet<>();
        for (Fact f : known) {
            String key = f.getKey();
            if (key.equals("fault.reported") || key.equals("symptom.kind") || key.equals("user.goal")) continue;
            FactSpec spec = knowledge.vocabulary().get(key);
            if (spec != null && spec.symptom() != null && !spec.isSymptom(f.getValue())) continue;
            out.addAll(space.causesOf(key));
        }
        return out;
    }

    /** The chance of each answer under the belief now; {@code likelihood[v][h]} is unnormalised over v. */
    static double[] answerProbabilities(double[] belief, double[][] likelihood) {
        int values = likelihood.length;
        int hs = belief.length;
        double[] norm = new double[hs];
        for (int h = 0; h < hs; h++) for (int v = 0; v < values; v++) norm[h] += likelihood[v][h];
        double[] p = new double[values];
        for (int v = 0; v < values; v++) for (int h = 0; h < hs; h++) if (norm[h] > 0) p[v] += belief[h] * likelihood[v][h] / norm[h];
        return p;
    }

    /** Expected entropy after the answer; {@code likelihood[v][h]} is unnormalised over v. */
    static double expectedEntropy(double[] belief, double[][] likelihood) {
        int values = likelihood.length;
        int hs = belief.length;
        double[] norm = new double[hs];
        for (int h = 0; h < hs; h++) for (int v = 0; v < values; v++) norm[h] += likelihood[v][h];
        double expected = 0;
        for (int v = 0; v < values; v++) {
            double[] post = new double[hs];
            double pv = 0;
            for (int h = 0; h < hs; h++) {
                post[h] = belief[h] * likelihood[v][h] / norm[h];
                pv += post[h];
            }
            if (pv <= 0) continue;
            for (int h = 0; h < hs; h++) post[h] /= pv;
            expected += pv * entropy(post);
        }
        return expected;
    }

    static double entropy(double[] p) {
        double e = 0;
        for (double x : p) if (x > 0) e -= x * Math.log(x) / Math.log(2);
        return e;
    }

    /** The causes the case ruled out (certainty at or below {@link Engine#RULED_OUT}), in the order of their evidence. */
    public static List<String> ruledOut(Outcome o) {
        List<String> out = new ArrayList<>();
        certainties(o).forEach((cause, cf) -> { if (cf <= Engine.RULED_OUT) out.add(cause); });
        return out;
    }

    /** Combined certainty of every cause with evidence, including those ruled out (negative). */
    public static Map<String, Double> certainties(Outcome o) {
        return Certainty.byCause(o.evidence());
    }
}
