package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Effort;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.TextExtraction;
import dev.dokploydoctor.knowledge.Vocabulary;

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
    /** What the user's text said, by key ({@link #confirming}). */
    private final Map<String, Fact> readFromText = new LinkedHashMap<>();
    /** The user could not confirm a reading of their text: none other is asked back. */
    private final boolean askedBackOnce;
    private final Map<String, List<Need>> needs = new LinkedHashMap<>();
    private final List<String> hypotheses;
    private final Map<String, Double> cfNow;
    /** {@link #cfNow} of each hypothesis, in {@link #hypotheses}' order: read for every answer tried. */
    private final double[] cfBefore;
    private final double[] belief;
    private final double entropy;
    /** Each fact's plan once tried; empty when it cannot be asked or cannot move a cause. */
    private final Map<String, Optional<Planner.Plan>> tried = new HashMap<>();
    /** Each first fact of a pair's plan once tried ({@link #pairPlan}). */
    private final Map<String, Optional<Planner.Plan>> paired = new HashMap<>();
    private Map<String, String> partners;

    Lookahead(Planner planner, Trial trial, Set<String> unknown) {
        this.planner = planner;
        this.trial = trial;
        this.unknown = unknown;
        Engine.Judgement now = trial.judgement();
        this.current = now.outcome();
        for (Fact f : current.facts()) {
            known.add(f.getKey());
            // a log line may be misread (an EXPOSE line is no listening port) and the user's check of it is
            // news; what the user said in their own words they would only say again ("I told you")
            // (and what they typed to answer a question they have just told)
            if (Fact.TEXT.equals(f.getSource()) && !TextExtraction.fromProse(f) && !TextExtraction.fromAnAnswer(f)) readFromText.put(f.getKey(), f);
        }
        readFromText.putAll(heldProseReadings(current, planner.knowledge().vocabulary()));
        // one pasted reading the user could not check ("don't know") is enough asking back: the next would be
        // their paste again, in other words (user16 ud6: three in a row, each answered "don't know")
        // (their own words asked back count too: after "don't know" to the long requests read from them, the cut-off
        // time read from the same sentence is no better question)
        askedBackOnce = unknown != null && (readFromText.keySet().stream().anyMatch(unknown::contains)
                || current.facts().stream().anyMatch(f -> unknown.contains(f.getKey()) && fromTheirWords(f)));
        if (askedBackOnce) readFromText.clear();
        for (Need n : now.needs()) needs.computeIfAbsent(n.getKey(), k -> new ArrayList<>()).add(n);
        this.hypotheses = planner.hypotheses(current);
        this.cfNow = SimilarFallback.fromRules(current);
        this.cfBefore = new double[hypotheses.size()];
        for (int h = 0; h < cfBefore.length; h++) cfBefore[h] = cfNow.getOrDefault(hypotheses.get(h), 0.0);
        this.belief = Planner.towardSimilar(planner.belief(hypotheses, cfNow, current.facts()), hypotheses, current,
                Planner.inPlay(hypotheses, cfNow).isEmpty());
        this.entropy = Planner.entropy(belief);
    }

    /**
     * The prose readings a cause is held on ({@link OneReadingGuard}): the setting our own patterns read from
     * the user's words, on which alone the cause would be diagnosed. The guard waits for the user's own look
     * at it (netstat inside the container, the domain's settings), so that look is a question to ask, not
     * the user repeating themselves: without it the case ended at 0.69 after three questions around it
     * (dev: three reports, each saying in words the app binds localhost, the truth confirming it).
     * What the user sees (a status, that something fails) is no such setting.
     *
     * <p>The same for a cause the calibration gate holds ({@link CalibrationGate}): it waits for a stated,
     * answered or probed fact, and where its support reads the user's words only, nothing else could ever
     * lift it (dev: "the healthcheck fails" read as an unhealthy container, the interview asked one
     * question and ended at 0.69). There the look is a command's finding (docker ps's health column), not
     * what the user sees: a symptom of effort {@code seen} ("only long requests fail") would be the user
     * repeating what they told, so it is not asked back (as {@link CalibrationGate#exceptionLook} says).
     */
    private static Map<String, Fact> heldProseReadings(Outcome o, Vocabulary vocabulary) {
        Map<String, Fact> out = new LinkedHashMap<>();
        for (Diagnosis d : o.diagnoses()) {
            boolean oneReading = OneReadingGuard.held(d.evidence());
            if (!oneReading && !CalibrationGate.held(d.evidence())) continue;
            for (Evidence e : d.evidence()) {
                if (e.getCf() <= 0) continue;
                for (Fact f : e.getMatched()) {
                    if (fromTheirWords(f) && !OneReadingGuard.SEEN.contains(f.getKey()) && (oneReading || notSeen(vocabulary, f.getKey()))) {
                        out.putIfAbsent(f.getKey(), f);
                    }
                }
            }
        }
        return out;
    }

    /** A reading of the prose the user came with (our own patterns on their words), not of a log line nor of an answer. */
    private static boolean fromTheirWords(Fact f) {
        return Fact.TEXT.equals(f.getSource()) && TextExtraction.fromProse(f) && !TextExtraction.fromAnAnswer(f);
    }

    /** Whether the user finds {@code key} by a command or inside a container, not by looking (facts.yaml {@code effort}). */
    private static boolean notSeen(Vocabulary vocabulary, String key) {
        FactSpec spec = vocabulary.get(key);
        return spec != null && spec.effort() != Effort.SEEN;
    }

    /** The rules' judgement of the facts as they stand: outcome and open needs. */
    public Engine.Judgement judgement() { return trial.judgement(); }

    public Outcome outcome() { return current; }

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
        Set<String> inPlay = Planner.inPlay(hypotheses, cfNow);
        if (inPlay.isEmpty()) candidates.addAll(wideCandidates());
        for (String key : readFromText.keySet()) {
            for (String c : planner.answerSpace().causesOf(key)) if (inPlay.contains(c)) candidates.add(key);
        }
        return candidates;
    }

    /**
     * Whether {@code key} was read from the user's text and a question may confirm it: a fact read from
     * a pasted line counts once, with whatever else that line gave (one observation), and may be misread
     * (an EXPOSE line is no listening port); the user's own check of it (cloudflared tunnel info, docker
     * inspect) is an observation of its own. Asked only when that check, telling what the text said,
     * would diagnose ({@link #tryAnswers}).
     */
    public boolean confirming(String key) { return readFromText.containsKey(key); }

    /**
     * The user's own word on {@code key}, a reading of their prose (never asked back otherwise: they would only say
     * it again), as a question asked back: for a cause the calibration gate holds on such a reading, their word
     * is the stated fact the gate waits for ({@link Interview#theirWord}). Null when it was not read from their
     * words, could not be told, a reading was already asked back in vain, or the answer as read would not diagnose.
     */
    Planner.Plan theirWordOn(String key) {
        Fact f = current.fact(key);
        if (askedBackOnce || f == null || !fromTheirWords(f) || confirming(key)) return null;
        readFromText.put(key, f);
        try {
            return tryAnswers(key);
        } finally {
            readFromText.remove(key);
        }
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
        for (String key : only == null ? defaultCandidates() : only) {
            Optional<Planner.Plan> p = plan(key);
            (p.isPresent() ? p : pairPlan(key)).ifPresent(out::add);
        }
        out.sort(planner.order());
        return out;
    }

    /** {@link Planner#next}: the best question one of whose answers can still matter. */
    public Planner.Plan next() {
        return firstThatMatters(rank(null), leader());
    }

    /**
     * When only hints are in play ({@link #onlyHints}) and nothing else is left to ask, the best of
     * what the user sees and every fact a rule tests: a hint's needs answered "don't know" are no
     * reason to end. Null otherwise.
     */
    public Planner.Plan beyondTheHints() {
        return onlyHints() ? firstThatMatters(rank(wideCandidates()), leader()) : null;
    }

    /** Some cause is in play and each only by a hint ({@link #onlyHints}). */
    boolean onlyHintsInPlay() { return onlyHints(); }

    private String leader() {
        Diagnosis top = current.top();
        return top == null ? null : top.cause();
    }

    private static Planner.Plan firstThatMatters(List<Planner.Plan> ranked, String leader) {
        for (Planner.Plan p : ranked) {
            if (p.previews().stream().anyMatch(v -> v.matters(leader))) return p;
        }
        return null;
    }

    /**
     * Whether some cause is in play and each only by a hint: a rule's "does X apply?" opener (a tunnel
     * and no status named: 0.10) below what the similar vote calls knowing ({@link
     * SimilarFallback#RULES_KNOW}). Such a hint's needs are the first path, not the only one: with
     * them answered "don't know" the interview ended without asking the status that tells the causes
     * apart. Dev, a healthy cloudflared line added to 677 reports: 30 right interviews lost; asking on
     * won 3 back (and inconclusive endings after one or two questions went from 196 to 13), the plain
     * dev reports unchanged; offering the symptoms beside the hint's needs from the start lost 6 of
     * the plain reports' rights instead (the hint's needs, asked first, were their path).
     */
    private boolean onlyHints() {
        Set<String> inPlay = Planner.inPlay(hypotheses, cfNow);
        if (inPlay.isEmpty()) return false;   // the wide candidates were the default already
        for (String c : inPlay) if (cfNow.get(c) >= SimilarFallback.RULES_KNOW) return false;
        return true;
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
        FactSpec spec = askable(key);
        if (spec == null) return null;
        Fact read = confirming(key) ? readFromText.get(key) : null;
        List<Object> values = new ArrayList<>(planner.answerSpace().values(spec));
        if (read != null && values.stream().noneMatch(v -> sameValue(v, read.getValue()))) values.add(read.getValue());
        if (values.size() < 2) return null;
        List<Fact[]> answers = new ArrayList<>();
        for (Object v : values) answers.add(new Fact[] {answer(key, v)});
        Scored s = score(spec, values, answers, planner.canTell(spec, hypotheses));
        if (s.ifTold() < Planner.MIN_GAIN) return null;
        // the user's own check of what the text said is asked only where their yes decides: a yes that changes
        // nothing is asking them to repeat the paste (user14b F5: a swarm deploy's 'network public not found'
        // asked back as "does the deploy stop because a network does not exist?"; yes, and still 0.67)
        if (read != null && !confirmationDecides(s.previews(), read)) return null;
        Question q = new Question(key, spec, s.gain(), s.causes(), List.copyOf(needs.getOrDefault(key, List.of())));
        return new Planner.Plan(q, s.gain(), s.previews(), () -> read != null
                ? String.format("you wrote %s = %s; your own check of it would decide (%.2f bits of %.2f)", key, read.getText(), s.gain(), entropy)
                : String.format("its answer is expected to tell the causes apart best (%.2f bits of %.2f)", s.gain(), entropy));
    }

    /**
     * Two facts one rule of a cause in play needs, neither of which moves a cause alone (the domain's
     * port and the app's decide only when compared): their answers tried together, and the first of
     * the two (the cheaper to answer) is worth half of what the pair tells apart: two questions.
     */
    private Optional<Planner.Plan> pairPlan(String key) {
        String partner = partners().get(key);
        if (partner == null) return Optional.empty();
        return paired.computeIfAbsent(key, k -> Optional.ofNullable(tryPair(k, partner)));
    }

    private Planner.Plan tryPair(String key, String partner) {
        FactSpec first = askable(key);
        FactSpec second = askable(partner);
        if (first == null || second == null) return null;
        List<Object> firstValues = planner.answerSpace().values(first);
        List<Object> secondValues = new ArrayList<>(planner.answerSpace().values(second));
        if (firstValues.isEmpty() || secondValues.isEmpty()) return null;
        // two numbers the rules compare with each other need two different ones: one more than any
        long max = 0;
        for (Object v : firstValues) if (v instanceof Long n) max = Math.max(max, n);
        for (Object v : secondValues) if (v instanceof Long n) max = Math.max(max, n);
        if (max > 0 && !secondValues.contains(max + 1)) secondValues.add(max + 1);
        List<Object> labels = new ArrayList<>();
        List<Fact[]> answers = new ArrayList<>();
        for (Object a : firstValues) {
            for (Object b : secondValues) {
                labels.add(new Planner.PairValue(a, partner, b));
                answers.add(new Fact[] {answer(key, a), answer(partner, b)});
            }
        }
        // a user who can tell one of the two can mostly tell the other (dev: of 42 wrong-container-port
        // reports, 38 state the app's port, 30 the domain's, 29 both): the lesser share, not the product
        double[] canTell = planner.canTell(first, hypotheses);
        double[] canTellPartner = planner.canTell(second, hypotheses);
        for (int h = 0; h < canTell.length; h++) canTell[h] = Math.min(canTell[h], canTellPartner[h]);
        Scored s = score(null, labels, answers, canTell);
        double gain = s.gain() / 2;
        if (s.ifTold() / 2 < Planner.MIN_GAIN) return null;
        Question q = new Question(key, first, gain, s.causes(), List.copyOf(needs.getOrDefault(key, List.of())));
        return new Planner.Plan(q, gain, s.previews(), () -> String.format(
                "with %s it tells the causes apart (%.2f bits for the two questions); neither does alone", partner, s.gain()));
    }

    /**
     * For each rule of a cause in play whose open needs for that cause are exactly two askable facts
     * that move no cause alone: the first of them, and the second.
     */
    private Map<String, String> partners() {
        if (partners != null) return partners;
        Map<String, Set<String>> byRule = new LinkedHashMap<>();
        for (List<Need> list : needs.values()) {
            for (Need n : list) {
                if (cfNow.getOrDefault(n.getCause(), 0.0) <= 0 || n.getRule() == null) continue;
                byRule.computeIfAbsent(n.getRule() + "\u0000" + n.getCause(), r -> new LinkedHashSet<>()).add(n.getKey());
            }
        }
        partners = new LinkedHashMap<>();
        for (Set<String> keys : byRule.values()) {
            // the cheaper of the two first: the domain's Port field (UI) before the port inside the container
            List<String> open = keys.stream().filter(k -> askable(k) != null).sorted(planner.cheaperFirst()).toList();
            if (open.size() != 2 || plan(open.get(0)).isPresent() || plan(open.get(1)).isPresent()) continue;
            partners.putIfAbsent(open.get(0), open.get(1));
        }
        return partners;
    }

    /**
     * The text's reading, told by the user, diagnoses where the case is not diagnosed now: anything less
     * is asking what the user already said (issue 13: nothing obvious is asked).
     */
    private boolean confirmationDecides(List<Planner.Preview> previews, Fact read) {
        if (current.status().isConclusive()) return false;
        for (Planner.Preview p : previews) if (sameValue(p.value(), read.getValue()) && p.status() == Status.DIAGNOSED) return true;
        return false;
    }

    private static boolean sameValue(Object a, Object b) {
        return java.util.Objects.equals(a, b) || (a != null && b != null && a.toString().equalsIgnoreCase(b.toString()));
    }

    /**
     * The fact's question, when it can still be asked: not answered unknown, and not known (unless only
     * read from the text: {@link #confirming}).
     */
    private FactSpec askable(String key) {
        FactSpec spec = planner.knowledge().vocabulary().get(key);
        if (spec == null || spec.question() == null || (unknown != null && unknown.contains(key))) return null;
        if (known.contains(key) && !confirming(key)) return null;
        if (presumptionFails(key) || askedInOtherWords(key)) return null;
        return spec;
    }

    /**
     * Whether the user already answered the same question in other words (facts.yaml
     * {@code same_question_as}), or said "don't know" to it: where the app listens and where its socket
     * is bound are one question (user11: both asked in a row). A value only read from the text leaves
     * the other open: "running on localhost" in a log line is what the socket's address checks.
     */
    boolean askedInOtherWords(String key) {
        FactSpec spec = planner.knowledge().vocabulary().get(key);
        if (spec == null) return false;
        for (String other : spec.sameQuestionAs()) {
            if (unknown != null && unknown.contains(other)) return true;
            Fact told = current.fact(other);
            if (told != null && Fact.USER.equals(told.getSource())) return true;
        }
        return false;
    }

    /**
     * Whether a known fact contradicts what {@code key}'s question takes for granted (facts.yaml
     * {@code asked_if}): after "no tunnel", where the tunnel route points is no question.
     */
    boolean presumptionFails(String key) {
        FactSpec spec = planner.knowledge().vocabulary().get(key);
        if (spec == null) return false;
        for (Map.Entry<String, Object> p : spec.askedIf().entrySet()) {
            Fact known = current.fact(p.getKey());
            if (known != null && !sameValue(known.getValue(), p.getValue())) return true;
        }
        return false;
    }

    /**
     * A fact {@code key}'s question takes for granted that is still open and can be asked: asked first
     * (whether the record is proxied before which SSL mode applies to it); null when there is none.
     */
    String presumedOpen(String key) {
        FactSpec spec = planner.knowledge().vocabulary().get(key);
        if (spec == null) return null;
        for (String p : spec.askedIf().keySet()) {
            if (openQuestion(p) != null) return p;
        }
        return null;
    }

    /** The question of a fact not known yet, when it can still be asked ({@link #askable}); null otherwise. */
    FactSpec openQuestion(String key) {
        return known.contains(key) ? null : askable(key);
    }

    private static Fact answer(String key, Object value) { return new Fact(key, value, Fact.USER, "look-ahead"); }

    /**
     * Whether answering {@code value} to {@code key} would contradict a fact already known: what the
     * answer implies (facts.yaml {@code implications}) names another value for a known key. A redirect
     * loop implies the symptom redirect-loop, a reported 502 already made it error-page: after a 502,
     * "does the browser say it redirected too many times?" has no yes.
     */
    boolean contradicts(String key, Object value) {
        if (value instanceof Planner.PairValue pair) return contradicts(key, pair.first()) || contradicts(pair.partner(), pair.second());
        Fact answer = answer(key, value);
        for (Fact f : planner.knowledge().implications().apply(List.of(answer), planner.knowledge().vocabulary())) {
            if (f.getKey().equals(key)) continue;
            Fact known = current.fact(f.getKey());
            if (known != null && !known.getText().equalsIgnoreCase(f.getText())) return true;
        }
        return false;
    }

    /**
     * What a set of possible answers tells apart: the gain (counting a "don't know" as nothing), the
     * gain when the user can tell (whether the question can move the diagnosis at all), each answer's
     * preview, the causes any of them moves.
     */
    private record Scored(double gain, double ifTold, List<Planner.Preview> previews, List<String> causes) {}

    /**
     * Each possible answer (one fact, or facts given together) tried on the open session.
     * {@code canTell[h]}: the chance a user whose fault is hypothesis h can answer at all. A "don't
     * know" moves nothing, so the gain is that of the answers among the users who can tell (the
     * belief weighed by it) times the chance the user can tell. Each preview's chance is that of its
     * answer when the user can tell: the look-alike check asks whatever could overturn a diagnosis
     * (a "don't know" there costs a question, a missed look-alike a confident wrong).
     */
    private Scored score(FactSpec spec, List<Object> values, List<Fact[]> answers, double[] canTell) {
        double[][] cf = new double[values.size()][hypotheses.size()];
        Set<String> moved = new LinkedHashSet<>();
        List<Status> statuses = new ArrayList<>();
        List<Diagnosis> tops = new ArrayList<>();
        List<List<String>> ruledOuts = new ArrayList<>();
        List<List<String>> leadsOf = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            TrialOutcome o = trial.outcomeWith(answers.get(v));
            Map<String, Double> after = o.fromRules();
            List<String> ruledOut = new ArrayList<>();
            List<String> leads = new ArrayList<>();
            for (int h = 0; h < hypotheses.size(); h++) {
                String c = hypotheses.get(h);
                double before = cfBefore[h];
                cf[v][h] = after.getOrDefault(c, 0.0);
                if (Math.abs(cf[v][h] - before) > 1e-9) moved.add(c);
                if (before > Engine.RULED_OUT && cf[v][h] <= Engine.RULED_OUT) ruledOut.add(c);
                if (cf[v][h] > 0 && cf[v][h] > before + 1e-9 && planner.hasPath(c, o.needs())) leads.add(c);
            }
            statuses.add(o.status());
            tops.add(o.top());
            ruledOuts.add(ruledOut);
            leadsOf.add(leads);
        }
        double[][] likelihood = Planner.likelihood(spec, values, cf);
        double told = 0;
        double[] ifTold = new double[belief.length];
        for (int h = 0; h < belief.length; h++) told += ifTold[h] = belief[h] * canTell[h];
        if (told <= 0) return new Scored(0, 0, List.of(), List.of());
        for (int h = 0; h < belief.length; h++) ifTold[h] /= told;
        double ifAnswered = Planner.entropy(ifTold) - Planner.expectedEntropy(ifTold, likelihood);
        // an answer that settles the case (a diagnosis, or the leader ruled out) is worth asking
        // even when it tells the causes apart little: it confirms or refutes the front runner.
        // Worth as much as that answer is likely: "does Traefik log X?" for an unlikely cause is no shortcut
        double[] pAnswer = Planner.answerProbabilities(ifTold, likelihood);
        List<Planner.Preview> previews = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            Diagnosis top = tops.get(v);
            double right = statuses.get(v).isConclusive() && top != null ? told * jointChance(ifTold, likelihood, v, hypotheses.indexOf(top.cause())) : 0;
            Planner.Preview p = new Planner.Preview(values.get(v), statuses.get(v), top == null ? null : top.cause(),
                    top == null ? 0 : top.certainty(), ruledOuts.get(v), leadsOf.get(v), pAnswer[v], right);
            previews.add(p);
            boolean decisive = p.status().isConclusive()
                    || (current.top() != null && p.ruledOut().contains(current.top().cause()));
            if (decisive) ifAnswered += Planner.DECISIVE_BONUS * pAnswer[v];
        }
        return new Scored(told * ifAnswered, ifAnswered, previews, moved.stream().sorted().toList());
    }

    /** The chance that hypothesis {@code h} is the fault and its user answers value {@code v}; {@code likelihood[v][h]} is unnormalised over v. */
    private static double jointChance(double[] belief, double[][] likelihood, int v, int h) {
        if (h < 0) return 0;
        double norm = 0;
        for (double[] row : likelihood) norm += row[h];
        return norm <= 0 ? 0 : belief[h] * likelihood[v][h] / norm;
    }

    /** The case's session goes back to the pool. */
    @Override public void close() { trial.close(); }
}
