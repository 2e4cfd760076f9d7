package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Redactor;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One case's rule session, kept open after it was judged so the {@link Planner} can try each
 * possible answer on it: the answer (and what it implies) goes in, the rules fire, the outcome is
 * read, and the answer comes out again, which takes its Evidence and Needs with it (insertLogical).
 * Only the rules the answer touches fire, instead of every rule of the case in a fresh session per
 * answer: that was three quarters of batch's CPU per inconclusive case. The outcome is the one a
 * fresh session gives (the rules only insert logically, so the result does not depend on the
 * order facts arrive in); when the answer would change a fact the case already has (an implication
 * filling a key differently), a fresh session judges it instead.
 */
final class Trial implements AutoCloseable {
    private final Engine engine;
    private final String id;
    private final Collection<Fact> stated;
    private final Set<String> unknown;
    private final double threshold;
    private final KieSession session;
    private final List<FactHandle> handles;
    /** The facts in the session before any answer, by key; null when keys repeat (then every answer is judged afresh). */
    private final Map<String, Fact> input;
    private final Engine.Judgement judgement;
    /** Made on the first answer tried the look-ahead's way. */
    private TrialReader reader;
    /** The last answer tried was deleted but the rules not fired yet: the next answer's firing does both. */
    private boolean unsettled;

    Trial(Engine engine, String id, Collection<Fact> stated, Set<String> unknown, double threshold,
          KieSession session, List<FactHandle> handles, List<Fact> input, Engine.Judgement judgement) {
        this.engine = engine;
        this.id = id;
        this.stated = stated;
        this.unknown = unknown;
        this.threshold = threshold;
        this.session = session;
        this.handles = handles;
        this.judgement = judgement;
        Map<String, Fact> byKey = new HashMap<>();
        for (Fact f : input) if (byKey.putIfAbsent(f.getKey(), f) != null) byKey = null;
        Set<String> statedKeys = new java.util.HashSet<>();
        for (Fact f : stated) if (!statedKeys.add(f.getKey())) byKey = null;
        this.input = byKey;
    }

    Engine.Judgement judgement() { return judgement; }

    /** The session with the case's facts alone (the last answer's removal fired). */
    KieSession session() {
        settle();
        return session;
    }

    private void settle() {
        if (unsettled) session.fireAllRules(Engine.MAX_FIRINGS);
        unsettled = false;
    }

    /** The outcome had the user also given {@code answer} (a key the case does not have yet). */
    Outcome with(Fact answer) { return judgementWith(answer).outcome(); }

    /** The outcome and the facts the rules would still need, had the user also given these answers. */
    Engine.Judgement judgementWith(Fact... answers) {
        return tried(answers, this::afresh, () -> engine.read(id, session, List.of(), unknown, threshold));
    }

    /** What the look-ahead reads of the outcome had the user also given these answers ({@link TrialReader}). */
    TrialOutcome outcomeWith(Fact... answers) {
        if (reader == null && input != null) reader = new TrialReader(engine, session(), unknown, threshold);
        TrialReader read = reader;
        return tried(answers, facts -> TrialOutcome.of(afresh(facts)), () -> read.read(session));
    }

    /**
     * The answers (and what they imply) put in the open session, the rules fired and {@code read},
     * the answers taken out again; or {@code afresh} over all the facts when they cannot go in the
     * open session (a key given twice, or an answer or implication that changes a fact it has).
     */
    private <T> T tried(Fact[] answers, Function<Collection<Fact>, T> afresh, Supplier<T> read) {
        Map<String, Fact> with = new LinkedHashMap<>();
        for (Fact f : stated) with.put(f.getKey(), f);
        boolean replaces = false;
        for (Fact answer : answers) {
            replaces |= with.containsKey(answer.getKey());
            with.put(answer.getKey(), answer);
        }
        if (input == null || replaces) return afresh.apply(with.values());
        List<Fact> added = implyingNothing(answers) ? List.of(answers) : new ArrayList<>();
        if (added.isEmpty()) {
            Knowledge knowledge = engine.knowledge();
            for (Fact f : knowledge.implications().apply(with.values(), knowledge.vocabulary())) {
                Fact before = input.get(f.getKey());
                if (before == null) added.add(f);
                else if (!same(before, f)) return afresh.apply(with.values());
            }
        }
        List<FactHandle> handles = new ArrayList<>(added.size());
        try {
            for (Fact f : added) handles.add(session.insert(Redactor.SHAPES.redactFact(f)));
            engine.fire(session);
            return read.get();
        } finally {
            // the answer goes; the rules take back what it gave when they next fire (the next answer's
            // firing, or close): one firing less per answer
            for (FactHandle h : handles) session.delete(h);
            unsettled = true;
        }
    }

    /**
     * Whether these answers, put beside the case's facts, imply nothing (so the implications need not
     * run again): no implication reads their keys, the case has no fact of those keys (an implied one
     * included) and no key comes twice. The case's facts already imply all they can, and an answer
     * neither feeds an implication nor stops one (it would have filled a key the case has).
     */
    private boolean implyingNothing(Fact[] answers) {
        Set<String> keys = new java.util.HashSet<>();
        for (Fact a : answers) {
            String key = a.getKey();
            if (!keys.add(key) || input.containsKey(key) || engine.knowledge().implications().reads(key)) return false;
        }
        return answers.length > 0;
    }

    private Engine.Judgement afresh(Collection<Fact> facts) {
        return engine.judge(id, facts, unknown, threshold);
    }

    /** The same fact as far as the rules and the outcome can tell. */
    private static boolean same(Fact a, Fact b) {
        return a == b || (a.equals(b) && Objects.equals(a.getSource(), b.getSource()) && Objects.equals(a.getEvidence(), b.getEvidence()));
    }

    /** The case's facts go, and with them everything the rules concluded: the empty session is used again. */
    @Override public void close() {
        try {
            for (FactHandle h : handles) session.delete(h);
            session.fireAllRules(Engine.MAX_FIRINGS);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
        engine.rules().release(session);
    }
}
