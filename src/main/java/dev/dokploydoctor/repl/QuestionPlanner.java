package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the next question with a one-step look-ahead. The engine ranks open questions by how many
 * live causes need them; among its top few yes/no and choice questions, this tries every possible
 * answer and prefers the question whose answers, on average, move the leading causes most: the
 * change in each cause's certainty, weighted by how far that cause leads now. A question that
 * can confirm or rule out the front runner beats one about an outsider, and one whose answers
 * change nothing comes last. Ties keep the engine's order. A number or text question at the top
 * of the engine's list is asked as is: its answers cannot be enumerated.
 */
public final class QuestionPlanner {
    /** How many of the engine's questions are looked ahead. */
    public static final int CANDIDATES = 4;
    private static final double TIE = 0.005;
    /** Weight of a cause that is not (or not yet) a candidate: an answer that makes it one still counts. */
    static final double OUTSIDER_WEIGHT = 0.1;

    /** What one possible answer would lead to, and how much it moves the leading causes. */
    public record Preview(Object value, Status status, String topCause, double topCertainty, double movement) {}

    /** The chosen question, the expected movement of its answers (NaN when not looked ahead) and the previews. */
    public record Plan(Question question, double expected, List<Preview> previews, int engineRank, String reason) {}

    private final double threshold;

    public QuestionPlanner(double threshold) { this.threshold = threshold; }

    /** The next question to ask, or null when no open question is left. */
    public Plan next(Engine engine, Collection<Fact> facts, Set<String> unknown, Outcome current) {
        List<Question> questions = current.questions();
        if (questions.isEmpty()) return null;
        Question first = questions.get(0);
        if (!enumerable(first.spec())) {
            return new Plan(first, Double.NaN, List.of(), 1, "the engine's best question (a " + first.spec().kindLabel() + " cannot be looked ahead)");
        }
        Plan best = null;
        for (int i = 0; i < Math.min(CANDIDATES, questions.size()); i++) {
            Question q = questions.get(i);
            if (!enumerable(q.spec())) continue;
            List<Preview> previews = lookAhead(engine, facts, unknown, q, current);
            double expected = previews.stream().mapToDouble(Preview::movement).average().orElse(0);
            if (best == null || expected > best.expected() + TIE) {
                String reason = String.format(i == 0
                        ? "the engine's best question, and no other answers move the leading causes more (expected change %.2f)"
                        : "its answers move the leading causes more than the engine's first choice (expected change %.2f)", expected);
                best = new Plan(q, expected, previews, i + 1, reason);
            }
        }
        return best;
    }

    /** Each possible answer of {@code q}, evaluated: the status and leading cause it would give, and the movement. */
    public List<Preview> lookAhead(Engine engine, Collection<Fact> facts, Set<String> unknown, Question q, Outcome current) {
        Map<String, Double> before = certainties(current);
        List<Preview> out = new ArrayList<>();
        for (Object value : values(q.spec())) {
            Map<String, Fact> withAnswer = new LinkedHashMap<>();
            for (Fact f : facts) withAnswer.put(f.getKey(), f);
            withAnswer.put(q.key(), new Fact(q.key(), value, Fact.USER, "look-ahead"));
            Outcome o = engine.evaluate("look-ahead", withAnswer.values(), unknown, threshold);
            Diagnosis top = o.top();
            out.add(new Preview(value, o.status(), top == null ? null : top.cause(), top == null ? 0 : Math.max(0, top.certainty()),
                    movement(current, before, o)));
        }
        return out;
    }

    /**
     * How much an answer moves the causes in play (shown before or after): the change of each one's
     * certainty, weighted by its certainty now (at least {@link #OUTSIDER_WEIGHT}).
     */
    static double movement(Outcome current, Map<String, Double> before, Outcome after) {
        Map<String, Double> now = certainties(after);
        Set<String> inPlay = new java.util.LinkedHashSet<>();
        for (Diagnosis d : current.diagnoses()) inPlay.add(d.cause());
        for (Diagnosis d : after.diagnoses()) inPlay.add(d.cause());
        double sum = 0;
        for (String c : inPlay) {
            double b = before.getOrDefault(c, 0.0);
            double a = now.getOrDefault(c, 0.0);
            sum += Math.max(b, OUTSIDER_WEIGHT) * Math.abs(a - b);
        }
        return sum;
    }

    /** Combined certainty of every cause with evidence, including those ruled out (negative). */
    static Map<String, Double> certainties(Outcome o) {
        Map<String, List<Double>> cfs = new LinkedHashMap<>();
        for (Evidence e : o.evidence()) cfs.computeIfAbsent(e.getCause(), k -> new ArrayList<>()).add(e.getCf());
        Map<String, Double> out = new LinkedHashMap<>();
        cfs.forEach((c, l) -> out.put(c, Certainty.combineAll(l)));
        return out;
    }

    static boolean enumerable(FactSpec spec) {
        return spec != null && (spec.type() == FactType.BOOL || spec.type() == FactType.ENUM);
    }

    static List<Object> values(FactSpec spec) {
        if (spec.type() == FactType.BOOL) return List.of(Boolean.TRUE, Boolean.FALSE);
        return new ArrayList<>(spec.values());
    }
}
