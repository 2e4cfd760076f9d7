package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.CalibrationGate;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Priors;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * knowledge/priors.yaml computed from the dev split of the field corpus ({@code eval --write-priors}):
 * <ul>
 * <li><b>priors</b>: how common each fault cause is among the dev reports whose cause is in our
 *     list, each count shrunk by {@link #CAUSE_PSEUDO} reports (a cause no report has still weighs
 *     something), scaled so the mean weight is 1. {@code other:} reports do not count: the planner
 *     weighs only our causes against each other (a fault outside the list is the interview's
 *     "none fits" ending, not a hypothesis).</li>
 * <li><b>answerable</b>: for each askable fact, the share of dev reports (all of them, {@code other:}
 *     too: every user is asked) whose truth holds it with what it implies, as the simulated user
 *     answers; and per cause, the share among that cause's reports shrunk toward the overall share
 *     by {@link #SHARE_PSEUDO} reports. Never below {@link #FLOOR}: a real user at the host can look up
 *     what no report happened to say.</li>
 * <li><b>calibration</b>: for each fault cause, the dev reports out of sample for it ({@link JoinOrder}: of
 *     corpus files that joined after its rules were written) whose text alone it diagnosed (batch,
 *     as {@code eval}'s text-alone mode, with the similar vote held out as there) and how many of them
 *     are its own, with the Wilson lower bound of that precision ({@link CalibrationGate}). Measured
 *     with the gate off ({@link Engine#ungated()}): with it on, a cause on probation is never diagnosed
 *     from the text alone and could never earn a record.</li>
 * </ul>
 * Deterministic: the same corpus and knowledge give the same text, which a test compares with the
 * shipped file.
 */
public final class FieldPriors {
    /** The file, in the knowledge folder. */
    public static final String FILE = "priors.yaml";
    /** Reports added to every cause's count before the weights are taken. */
    public static final double CAUSE_PSEUDO = 2;
    /** Reports at the overall share added to each cause's own, for its share of a fact. */
    public static final double SHARE_PSEUDO = 4;
    /** The least a fact is answerable. */
    public static final double FLOOR = 0.02;

    private FieldPriors() {}

    /**
     * The file's text for these dev records, the rules of this engine scoring each one's text alone for the calibration,
     * counted on the reports out of sample for each cause by the corpus's join {@code order}.
     */
    public static String yaml(List<FieldRecord> dev, Engine engine, JoinOrder order) {
        Knowledge knowledge = engine.knowledge();
        List<String> causes = new ArrayList<>();
        for (Cause c : knowledge.causes().values()) if (!c.isAdvice()) causes.add(c.id());
        causes.sort(String::compareTo);
        Map<String, Integer> perCause = new LinkedHashMap<>();
        for (String c : causes) perCause.put(c, 0);
        List<Map<String, Object>> answers = new ArrayList<>();
        int ours = 0;
        for (FieldRecord r : dev) {
            answers.add(answers(knowledge, r.truth()));
            if (perCause.containsKey(r.cause())) {
                perCause.merge(r.cause(), 1, Integer::sum);
                ours++;
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# What the question planner assumes before anything is known (engine/Planner), computed from the\n")
                .append("# dev split of the field corpus: ./dokploy-doctor eval --write-priors. Do not edit by hand\n")
                .append("# (FieldPriorsTest checks the file is fresh); knowledge/README.md \"priors.yaml\" explains it.\n")
                .append(String.format(Locale.ROOT, "reports: {dev: %d, ours: %d}%n", dev.size(), ours));
        out.append(String.format(Locale.ROOT, "# how common each cause is: (dev reports + %s) scaled to a mean of 1%n", num(CAUSE_PSEUDO)));
        out.append("priors:\n");
        double mean = (ours + CAUSE_PSEUDO * causes.size()) / causes.size();
        for (String c : causes) {
            int n = perCause.get(c);
            out.append(String.format(Locale.ROOT, "  %s: %s   # %d dev report%s%n", c, num((n + CAUSE_PSEUDO) / mean), n, n == 1 ? "" : "s"));
        }
        out.append(String.format(Locale.ROOT, "# how often a user can tell each fact: all = share of the dev reports whose truth holds it;%n"
                + "# per cause (listed where it differs) = (that cause's reports holding it + %s x all) / (its reports + %s); at least %s%n",
                num(SHARE_PSEUDO), num(SHARE_PSEUDO), num(FLOOR)));
        out.append("answerable:\n");
        for (FactSpec spec : knowledge.vocabulary().all()) {
            if (spec.question() == null) continue;
            String key = spec.key();
            int hits = 0;
            Map<String, int[]> byCause = new LinkedHashMap<>();
            for (int i = 0; i < dev.size(); i++) {
                boolean holds = answers.get(i).containsKey(key);
                if (holds) hits++;
                String cause = dev.get(i).cause();
                if (!perCause.containsKey(cause)) continue;
                int[] hn = byCause.computeIfAbsent(cause, x -> new int[2]);
                if (holds) hn[0]++;
                hn[1]++;
            }
            double all = dev.isEmpty() ? 1.0 : (double) hits / dev.size();
            String allText = num(Math.max(FLOOR, all));
            out.append("  ").append(key).append(": {").append(Priors.ALL).append(": ").append(allText);
            for (String c : causes) {
                int[] hn = byCause.get(c);
                if (hn == null) continue;
                String share = num(Math.max(FLOOR, (hn[0] + SHARE_PSEUDO * all) / (hn[1] + SHARE_PSEUDO)));
                if (!share.equals(allText)) out.append(", ").append(c).append(": ").append(share);
            }
            out.append("}\n");
        }
        calibration(out, dev, engine, causes, order);
        return out.toString();
    }

    /**
     * The {@code calibration} section: each fault cause's diagnoses from the text alone on the dev reports out of
     * sample for it ({@link JoinOrder}: of files that joined after the one its {@code since} names), the gate off.
     */
    private static void calibration(StringBuilder out, List<FieldRecord> dev, Engine engine, List<String> causes, JoinOrder order) {
        for (FieldRecord r : dev) {
            if (!order.lists(r.file())) throw new IllegalArgumentException(r.file() + " is not in field/" + JoinOrder.FILE + ": add it as the newest batch");
        }
        Map<String, String> since = new LinkedHashMap<>();
        for (String c : causes) {
            String s = engine.knowledge().causes().get(c).since();
            if (s != null && !order.knows(s)) {
                throw new IllegalArgumentException(c + "'s since: '" + s + "' is no corpus file of field/" + JoinOrder.FILE);
            }
            since.put(c, s);
        }
        Evaluator text = new Evaluator(engine.ungated(), Engine.DEFAULT_THRESHOLD);
        List<Trial> trials = dev.parallelStream().map(text::textAlone).toList();   // each depends on its report alone
        Map<String, int[]> byCause = tally(trials, since, order);
        out.append(String.format(Locale.ROOT, "# how each cause did from the text alone on the dev reports out of sample for it (of corpus files that%n"
                + "# joined after `since`, the newest file its rules were written from: field/joined.yaml), the gate off:%n"
                + "# n = those reports whose text alone it diagnosed, right = how many are its own, bound = Wilson lower bound%n"
                + "# of right / n at z = %s; below %s the cause is on probation and a diagnosis of it resting on text alone%n"
                + "# waits for a fact (engine/CalibrationGate); a cause without `since` has no report out of sample%n",
                num(CalibrationGate.Z), num(CalibrationGate.EARNED)));
        out.append("calibration:\n");
        byCause.forEach((c, nk) -> {
            double bound = CalibrationGate.lowerBound(nk[1], nk[0]);
            out.append(String.format(Locale.ROOT, "  %s: {since: %s, n: %d, right: %d, bound: %s}%s%n", c, since.get(c) == null ? "none" : since.get(c),
                    nk[0], nk[1], num(bound), bound < CalibrationGate.EARNED ? "   # on probation" : ""));
        });
    }

    /**
     * Per cause (in the order of {@code since}'s keys): {diagnoses, right} over the trials whose report is out of
     * sample for the cause diagnosed. A diagnosis on a report the cause's rules were written from counts neither
     * way: neither its rights nor its wrongs say how the rules read text they had not seen.
     */
    static Map<String, int[]> tally(List<Trial> trials, Map<String, String> since, JoinOrder order) {
        Map<String, int[]> byCause = new LinkedHashMap<>();
        for (String c : since.keySet()) byCause.put(c, new int[2]);
        for (Trial t : trials) {
            if (!t.diagnosed()) continue;
            int[] nk = byCause.get(t.top());
            if (nk == null || !order.outOfSample(t.record(), since.get(t.top()))) continue;   // advice, or in sample
            nk[0]++;
            if (t.right()) nk[1]++;
        }
        return byCause;
    }

    /**
     * What the simulated user would answer: the report's truth with what it implies (facts.yaml
     * {@code implications}), as a user who saw a 502 also knows they see an error page.
     */
    static Map<String, Object> answers(Knowledge knowledge, Map<String, Object> truth) {
        Vocabulary vocabulary = knowledge.vocabulary();
        List<Fact> stated = new ArrayList<>();
        truth.forEach((k, v) -> {
            if (vocabulary.contains(k)) stated.add(new Fact(k, v, Fact.USER, "truth")); // typed when the corpus was read
        });
        Map<String, Object> out = new LinkedHashMap<>(truth);
        for (Fact f : knowledge.implications().apply(stated, vocabulary)) out.putIfAbsent(f.getKey(), f.getValue());
        return out;
    }

    /** Two decimals, or three below 0.1 (a rare fact's share still tells apart). */
    private static String num(double x) {
        double r = Math.round(x * 1000) / 1000.0;
        String s = String.format(Locale.ROOT, r < 0.1 ? "%.3f" : "%.2f", r);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
