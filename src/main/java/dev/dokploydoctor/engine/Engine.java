package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Redactor;
import dev.dokploydoctor.knowledge.TextExtraction;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facts in, ranked diagnoses out. One compiled {@link RuleBase} per process, a fresh session per
 * evaluation. Thread-safe: sessions are not shared.
 */
public final class Engine {
    public static final double DEFAULT_THRESHOLD = 0.7;
    /** A cause whose combined certainty fell below this is ruled out: its questions are not asked. */
    public static final double RULED_OUT = -0.2;
    /** Runaway rules (a derive loop) stop here instead of hanging the session. */
    static final int MAX_FIRINGS = 10_000;

    private final Knowledge knowledge;
    private final RuleBase rules;
    private volatile TextExtraction extraction; // on first use: a session whose first words are a menu pick or a status code never needs it
    private final Map<String, Integer> keyOrder = new HashMap<>();
    /**
     * Evidence by cause, then rule: a cause's certainty must not depend on the order rules fired in; a rule's
     * refutation before its hold of the same cause (stack.drl makes both).
     */
    static final Comparator<Evidence> EVIDENCE_ORDER = Engine::evidenceOrder;
    /**
     * Session order follows firing order, which follows the order rule files load in; a question's
     * first "why" must not depend on that.
     */
    static final Comparator<Need> NEED_ORDER = Engine::needOrder;
    /** Facts in facts.yaml order; two facts of one key (the user's and a rule's) come in the session's hash order: the user's first. */
    final Comparator<Fact> factOrder = this::factOrder;
    /*
     * The three orders written out (as the Comparator.comparing chains they were: the same keys, each compared
     * by its natural order): the look-ahead sorts a case's evidence again for every answer it tries, and the
     * chains' lambdas and boxing were ~1.5 % of a batch with questions (Round 23).
     */
    private static int evidenceOrder(Evidence a, Evidence b) {
        int c = a.getCause().compareTo(b.getCause());
        if (c == 0) c = a.getRule().compareTo(b.getRule());
        return c != 0 ? c : Boolean.compare(a.isHold(), b.isHold());
    }

    private static int needOrder(Need a, Need b) {
        int c = a.getKey().compareTo(b.getKey());
        if (c == 0) c = a.getCause().compareTo(b.getCause());
        return c != 0 ? c : a.getRule().compareTo(b.getRule());
    }

    private int factOrder(Fact a, Fact b) {
        int c = Integer.compare(keyOrder.getOrDefault(a.getKey(), Integer.MAX_VALUE), keyOrder.getOrDefault(b.getKey(), Integer.MAX_VALUE));
        if (c == 0) c = a.getKey().compareTo(b.getKey());
        if (c == 0) c = Boolean.compare(!Fact.USER.equals(a.getSource()), !Fact.USER.equals(b.getSource()));
        if (c == 0) c = String.valueOf(a.getSource()).compareTo(String.valueOf(b.getSource()));
        return c != 0 ? c : a.getText().compareTo(b.getText());
    }

    /** Whether the calibration gate holds causes on probation ({@link #ungated()}). */
    private final boolean gated;
    private volatile Engine ungated;
    private volatile AnswerSpace answerSpace;
    private volatile Observations observations;
    private final CausesNeeding causesNeeding;
    /** The causes that are routing advice ({@link #isAdvice}). */
    private final Set<String> adviceCauses;
    private final Map<Double, Planner> planners = new java.util.concurrent.ConcurrentHashMap<>();

    /** One evaluation before any question is chosen: the outcome and the facts the rules still need. */
    /** The outcome, the open needs, and every need the rules inserted (moot ones too: a rule's whole request). */
    record Judgement(Outcome outcome, List<Need> needs, List<Need> allNeeds) {}

    public Engine(Knowledge knowledge, RuleBase rules) {
        this(knowledge, rules, true);
    }

    private Engine(Knowledge knowledge, RuleBase rules, boolean gated) {
        this.knowledge = knowledge;
        this.rules = rules;
        this.gated = gated;
        this.causesNeeding = new CausesNeeding(knowledge.causes().values());
        Set<String> advice = new HashSet<>();
        knowledge.causes().forEach((id, c) -> { if (c != null && c.isAdvice()) advice.add(id); });
        this.adviceCauses = Set.copyOf(advice);
        int i = 0;
        for (String key : knowledge.vocabulary().keys()) keyOrder.put(key, i++);
    }

    public static Engine load(Knowledge knowledge) { return new Engine(knowledge, RuleBase.load(knowledge)); }

    /**
     * The same rules without the calibration gate ({@link CalibrationGate}): what the rules alone
     * conclude, as {@code eval --write-priors} measures each cause's record (with the gate on, a cause
     * on probation could never earn one) and as the regression cases test the rules.
     */
    public Engine ungated() {
        if (!gated) return this;
        Engine twin = ungated;
        if (twin == null) ungated = twin = new Engine(knowledge, rules, false);   // one twin: its caches are built once
        return twin;
    }

    /** Whether causes on probation are held (the calibration gate). */
    boolean gated() { return gated; }

    public Knowledge knowledge() { return knowledge; }
    public RuleBase rules() { return rules; }
    public TextExtraction extraction() {
        TextExtraction e = extraction;
        if (e == null) extraction = e = knowledge.textExtraction(); // one per knowledge, built once (Knowledge is synchronized)
        return e;
    }

    /** Stated facts first; facts extracted from the text fill only keys not stated. */
    public List<Fact> factsOf(CaseInput c) {
        return factsOf(c, extraction().extract(c.text()));
    }

    private static List<Fact> factsOf(CaseInput c, List<Fact> extracted) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        String stated = "stated in case " + c.id();
        c.facts().forEach((k, v) -> facts.put(k, new Fact(k, v, Fact.USER, stated)));
        for (Fact f : extracted) facts.putIfAbsent(f.getKey(), f);
        return new ArrayList<>(facts.values());
    }

    /**
     * A case's text in which no symptom was recognised (no fact at all, or only facts such as a
     * host name) was not understood: someone wrote it because something is wrong, so the case can
     * then not be "no fault".
     */
    public Outcome diagnose(CaseInput c, double threshold) {
        return diagnose(c, threshold, List.of());
    }

    /**
     * As {@link #diagnose(CaseInput, double)}, with facts collected from the case elsewhere (the
     * similar field reports' vote, {@code similar.cause}); they fill only keys not known otherwise
     * and do not count as a symptom read from the text.
     */
    public Outcome diagnose(CaseInput c, double threshold, List<Fact> collected) {
        return diagnose(c, threshold, collected, true);
    }

    /** As {@link #diagnose(CaseInput, double, List)}; without {@code questions}, an inconclusive case lists none (batch --no-questions). */
    public Outcome diagnose(CaseInput c, double threshold, List<Fact> collected, boolean questions) {
        // a case of facts alone never builds the catalog's matcher (a batch of fact cases: ~0.3 s of CPU at start)
        List<Fact> extracted = c.text() == null || c.text().isBlank() ? List.of() : extraction().extract(c.text());
        List<Fact> facts = factsOf(c, extracted);
        for (Fact f : collected) if (facts.stream().noneMatch(known -> known.getKey().equals(f.getKey()))) facts.add(f);
        Outcome o = evaluate(c.id(), facts, c.unknown(), threshold, questions);
        if (textWithoutSymptom(c.text(), extracted, facts)) o = o.notChecked(List.of(notRecognised(c.text())));
        return o;
    }

    /**
     * The causes these facts speak against: the rules alone, without questions, give each a combined
     * certainty below zero (a loopback bind when the log says the app listens on 0.0.0.0). The similar
     * reports' vote leaves such reports out (similar/SimilarVote): a report whose cause the user's own
     * facts rule out is not like the user's case.
     */
    public Set<String> refutedBy(Collection<Fact> facts, double threshold) {
        if (facts.isEmpty()) return Set.of();
        Set<String> out = new java.util.TreeSet<>();
        Certainty.byCause(evaluate("refuted", facts, Set.of(), threshold, false).evidence()).forEach((cause, cf) -> {
            if (cf < 0) out.add(cause);
        });
        return out;
    }

    /** Whether {@code text} was given but neither it nor the other facts name a symptom. */
    public boolean textWithoutSymptom(String text, List<Fact> extracted, List<Fact> allFacts) {
        if (text == null || text.isBlank()) return false;
        return extracted.isEmpty() || !hasSymptom(allFacts);
    }

    /** The one line for text that matched no extractor: what was not understood and what to give instead. */
    public static String notRecognised(String text) {
        // redacted before it is cut: a secret cut in half would no longer look like one
        String shown = Redactor.SHAPES.redact(text).strip().replaceAll("\\s+", " ");
        if (shown.length() > 60) shown = shown.substring(0, 57) + "...";
        return "did not recognise a symptom in \"" + shown + "\": give the HTTP status, the exact error message or the log line";
    }

    /** What the rules read from the DRL text, once: the planner's literals and what each rule tests (Observations). */
    private AnswerSpace answerSpace() {
        AnswerSpace space = answerSpace;
        if (space == null) answerSpace = space = AnswerSpace.of(knowledge).sharingNames(rules.ruleNames());
        return space;
    }

    Observations observations() {
        Observations o = observations;
        if (o == null) observations = o = new Observations(answerSpace());
        return o;
    }

    /** The question planner for this rule base (the REPL, batch's questions and eval use the same one). */
    public Planner planner(double threshold) {
        return planner(threshold, Set.of());
    }

    /** {@code probeAnswerable}: the facts a probe may still answer (the REPL's); each can always be told. */
    public Planner planner(double threshold, Set<String> probeAnswerable) {
        // one planner per threshold while no probe runs: batch and eval ask for one per case, and it holds only
        // what the knowledge fixes (the facts' order, the hypotheses, how often each fact can be told)
        if (probeAnswerable.isEmpty()) return planners.computeIfAbsent(threshold, t -> new Planner(this, answerSpace(), t, Set.of()));
        return new Planner(this, answerSpace(), threshold, probeAnswerable);
    }

    public Planner planner() { return planner(DEFAULT_THRESHOLD); }

    /**
     * Run the rules over these facts (with the facts they imply, facts.yaml {@code implications}).
     * Keys in {@code unknown} were asked and not known: never asked again. An inconclusive outcome
     * lists the questions that would decide, ranked by the {@link Planner}.
     */
    public Outcome evaluate(String id, Collection<Fact> input, Set<String> unknown, double threshold) {
        return evaluate(id, input, unknown, threshold, true);
    }

    /**
     * As {@link #evaluate(String, Collection, Set, double)}; without {@code questions} no answer is
     * tried and an inconclusive outcome lists none. Only an inconclusive case builds the look-ahead
     * (the planner's belief over the causes): the others' outcome is the rules' judgement alone.
     */
    public Outcome evaluate(String id, Collection<Fact> input, Set<String> unknown, double threshold, boolean questions) {
        try (Trial trial = trial(id, input, unknown, threshold)) {
            Outcome o = trial.judgement().outcome();
            if (!questions || o.status() != Status.INCONCLUSIVE) return o;
            return withDecidingQuestions(planner(threshold).look(trial, unknown)); // the look-ahead closes with its trial
        }
    }

    /** Judge these facts once, for a step of the interview (its outcome and its questions share the session). */
    Lookahead look(String id, Collection<Fact> input, Set<String> unknown, double threshold) {
        return planner(threshold).look(trial(id, input, unknown, threshold), unknown);
    }

    /**
     * The step's outcome; when inconclusive, with the questions the rules named as deciding, ranked. When the rules
     * name none (a fault reported and nothing else: "my site is broken"), the planner's best question, the one the
     * REPL asks first (issue 13: from zero facts batch listed no question while the interview asked the status).
     */
    static Outcome withDecidingQuestions(Lookahead look) {
        Outcome o = look.outcome();
        if (o.status() != Status.INCONCLUSIVE) return o;
        List<Question> questions = new ArrayList<>();
        for (Planner.Plan p : look.rank(look.neededKeys())) questions.add(p.question());
        if (questions.isEmpty()) {
            Planner.Plan first = look.next();
            if (first != null) questions.add(first.question());
        }
        return new Outcome(o.id(), o.status(), o.diagnoses(), questions, o.facts(), o.evidence(), o.fired(), o.unknown(), o.error(),
                o.threshold(), o.unchecked());
    }

    /** The rules over these facts and what they imply, without choosing questions. */
    Judgement judge(String id, Collection<Fact> stated, Set<String> unknown, double threshold) {
        try (Trial trial = trial(id, stated, unknown, threshold)) {
            return trial.judgement();
        }
    }

    /** Judge these facts and keep the session open, so the planner can try answers on it; the caller closes it. */
    Trial trial(String id, Collection<Fact> stated, Set<String> unknown, double threshold) {
        List<Fact> input = knowledge.implications().apply(stated, knowledge.vocabulary());
        KieSession session = rules.session();
        if (rules.declares(CausesNeeding.GLOBAL)) session.setGlobal(CausesNeeding.GLOBAL, causesNeeding);
        List<FactHandle> handles = new ArrayList<>(input.size());
        try {
            List<String> fired = new ArrayList<>();
            DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
                @Override public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            };
            session.addEventListener(listener);
            // secrets stop here: every output (batch, REPL, saved files) shows facts and evidence from the session
            for (Fact f : Redactor.SHAPES.redactFacts(input)) handles.add(session.insert(f));
            fire(session);
            session.removeEventListener(listener);
            Judgement j = read(id, session, fired, unknown, threshold);
            return new Trial(this, id, stated, unknown, threshold, session, handles, input, j);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    /** Fire the rules; a then-block that fails is a mistake at its rule's file and line. */
    void fire(KieSession session) {
        try {
            session.fireAllRules(MAX_FIRINGS);
        } catch (ConsequenceException e) {
            throw RuleFailure.of(knowledge, e);
        }
    }

    /** The session's facts, evidence and needs, in an order that does not depend on firing order, concluded. */
    Judgement read(String id, KieSession session, List<String> fired, Set<String> unknown, double threshold) {
        List<Fact> facts = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        List<Need> needs = new ArrayList<>();
        for (Object o : session.getObjects()) {
            if (o instanceof Fact f) facts.add(f);
            else if (o instanceof Evidence e) evidence.add(e);
            else if (o instanceof Need n) needs.add(n);
        }
        evidence.sort(EVIDENCE_ORDER);
        evidence = observations().attach(evidence, facts);
        needs.sort(NEED_ORDER);
        facts.sort(factOrder);
        return conclude(id, facts, evidence, needs, fired, unknown == null ? Set.of() : unknown, threshold);
    }

    private Judgement conclude(String id, List<Fact> facts, List<Evidence> evidence, List<Need> needs, List<String> fired,
                             Set<String> unknown, double threshold) {
        Map<String, List<Evidence>> byCause = new LinkedHashMap<>();
        for (Evidence e : evidence) byCause.computeIfAbsent(e.getCause(), k -> new ArrayList<>()).add(e);
        boolean wantsAdvice = wantsAdvice(facts);
        // similar field reports speak only when the rules barely know (SimilarFallback)
        Evidence similar = SimilarFallback.evidence(facts, byCause, knowledge, wantsAdvice, threshold);
        if (similar != null) {
            evidence = new ArrayList<>(evidence);
            evidence.add(similar);
            byCause.computeIfAbsent(similar.getCause(), k -> new ArrayList<>()).add(similar);
        }
        // a diagnosis on text alone, when the nearest field reports were mostly look-alikes, waits for a fact (LookalikeGuard)
        List<Evidence> holds = LookalikeGuard.holds(facts, byCause, threshold);
        if (!holds.isEmpty()) {
            evidence = new ArrayList<>(evidence);
            evidence.addAll(holds);
            for (Evidence h : holds) byCause.get(h.getCause()).add(h);
        }
        // a diagnosis on one reading of the reporter's own words waits for a log line, a second finding or a fact (OneReadingGuard)
        List<Evidence> oneReading = OneReadingGuard.holds(facts, byCause, knowledge.vocabulary(), threshold);
        if (!oneReading.isEmpty()) {
            evidence = new ArrayList<>(evidence);
            evidence.addAll(oneReading);
            for (Evidence h : oneReading) byCause.get(h.getCause()).add(h);
        }
        // a cause on probation diagnosed from the text alone waits for a stated, answered or probed fact (CalibrationGate)
        List<Evidence> probation = gated ? CalibrationGate.holds(byCause, null, knowledge.priors(), threshold,
                observations().exceptionChecked(facts, CalibrationGate::seen, CalibrationGate.exceptionLook(knowledge.vocabulary())),
                observations().restated(facts, knowledge.implications(), knowledge.vocabulary())) : List.of();
        if (!probation.isEmpty()) {
            evidence = new ArrayList<>(evidence);
            evidence.addAll(probation);
            for (Evidence h : probation) byCause.get(h.getCause()).add(h);
        }
        Map<String, Double> certainty = new HashMap<>();
        List<Diagnosis> all = new ArrayList<>();
        for (Map.Entry<String, List<Evidence>> e : byCause.entrySet()) {
            double cf = Certainty.ofCause(e.getValue());
            certainty.put(e.getKey(), cf);
            all.add(new Diagnosis(e.getKey(), cf, knowledge.cause(e.getKey()), List.copyOf(e.getValue())));
        }
        all.sort(Comparator.comparingDouble(Diagnosis::certainty).reversed().thenComparing(Diagnosis::cause));

        List<Diagnosis> shown = new ArrayList<>();
        for (Diagnosis d : all) if (d.certainty() > 0 && d.isAdvice() == wantsAdvice) shown.add(d);

        Diagnosis top = shown.isEmpty() ? null : shown.get(0);
        Status status = status(top, wantsAdvice, facts, threshold);
        List<Need> open = openNeeds(needs, facts, unknown, certainty);
        return new Judgement(new Outcome(id, status, shown, List.of(), facts, evidence, fired, unknown, null, threshold, List.of()), open, needs);
    }

    /** Whether the user asked for route advice (user.goal = route-advice): then only advice causes are shown. */
    static boolean wantsAdvice(List<Fact> facts) {
        for (Fact f : facts) if (f.getKey().equals("user.goal") && f.getText().equals("route-advice")) return true;
        return false;
    }

    /** Whether {@code cause} is routing advice (cause.yaml {@code kind: advice}); the ids read once. */
    boolean isAdvice(String cause) { return adviceCauses.contains(cause); }

    /** The case's status from its leading shown cause (null: none) and its facts. */
    Status status(Diagnosis top, boolean wantsAdvice, List<Fact> facts, double threshold) {
        if (wantsAdvice) return top != null && top.certainty() >= threshold ? Status.ADVICE : Status.INCONCLUSIVE;
        if (top != null && top.certainty() >= threshold) return Status.DIAGNOSED;
        if (top != null || hasSymptom(facts)) return Status.INCONCLUSIVE;
        return Status.NO_FAULT;
    }

    /** The needs still open: not of a known or unknown fact, nor of a ruled-out cause (those are moot). */
    List<Need> openNeeds(List<Need> needs, List<Fact> facts, Set<String> unknown, Map<String, Double> certainty) {
        Set<String> known = new HashSet<>();
        for (Fact f : facts) known.add(f.getKey());
        List<Need> open = new ArrayList<>();
        for (Need n : needs) {
            if (known.contains(n.getKey()) || unknown.contains(n.getKey())) continue;
            if (certainty.getOrDefault(n.getCause(), 0.0) <= RULED_OUT) continue;
            if (knowledge.vocabulary().contains(n.getKey())) open.add(n);
        }
        return open;
    }

    private boolean hasSymptom(List<Fact> facts) {
        for (Fact f : facts) {
            FactSpec spec = knowledge.vocabulary().get(f.getKey());
            if (spec != null && spec.isSymptom(f.getValue())) return true;
        }
        return false;
    }

    /** Fact values as text, for filling {placeholders} in fixes. */
    public static Map<String, String> placeholderValues(List<Fact> facts) {
        Map<String, String> values = new HashMap<>();
        for (Fact f : facts) values.putIfAbsent(f.getKey(), f.getText());
        return values;
    }

    public Cause cause(String id) { return knowledge.cause(id); }
}
