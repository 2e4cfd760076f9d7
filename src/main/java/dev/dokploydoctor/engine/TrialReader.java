package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Reads a {@link Trial}'s session after an answer was tried, as {@link Engine#read} concludes it, but
 * only what the look-ahead uses ({@link TrialOutcome}) and with the case's own reading kept for every
 * cause the answer left alone: the same judgements on the same matched facts, none of whose rules
 * tests a key whose facts changed, rest on the same observations and so have the same certainty.
 * Attaching observations and combining every cause again for every answer tried was ~15 % of a
 * batch of fact cases. Made before the first answer goes in, on the case's own session.
 */
final class TrialReader {
    private final Engine engine;
    private final Set<String> unknown;
    private final double threshold;
    /** The case's facts before any answer, by identity. */
    private final Set<Fact> baseFacts = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Each cause's reading before any answer. */
    private final Map<String, CauseReading> base;

    /**
     * A cause's evidence as the session holds it, with its observations attached, its certainty, and
     * the keys its rules test (whose facts' origins the observations came from).
     */
    private record CauseReading(List<Evidence> raw, List<Evidence> attached, double cf, Set<String> tested) {}

    TrialReader(Engine engine, KieSession session, Set<String> unknown, double threshold) {
        this.engine = engine;
        this.unknown = unknown == null ? Set.of() : unknown;
        this.threshold = threshold;
        Contents objects = objects(session);
        baseFacts.addAll(objects.facts);
        this.base = readings(objects, null, Set.of());
    }

    private record Contents(List<Fact> facts, List<Evidence> evidence, List<Need> needs) {}

    private Contents objects(KieSession session) {
        List<Fact> facts = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        List<Need> needs = new ArrayList<>();
        int votes = 0;
        for (Object o : session.getObjects()) {
            if (o instanceof Fact f) {
                facts.add(f);
                if (f.getKey().equals(SimilarFallback.KEY)) votes++;
            } else if (o instanceof Evidence e) evidence.add(e);
            else if (o instanceof Need n) needs.add(n);
        }
        // by cause, then rule: a cause's certainty combines its refutations in this order. Facts and
        // needs stay in session order: what is read of them does not depend on it (but which of two
        // similar reports' votes counts), and the look-ahead asks only whether a cause has a need left
        evidence.sort(Engine.EVIDENCE_ORDER);
        if (votes > 1) facts.sort(engine.factOrder);
        return new Contents(facts, evidence, needs);
    }

    /** The session as it stands, concluded as {@link Engine#read} would. */
    TrialOutcome read(KieSession session) {
        Contents now = objects(session);
        Map<String, CauseReading> readings = readings(now, base, changedKeys(now.facts));
        Map<String, List<Evidence>> byCause = new LinkedHashMap<>();
        Map<String, Double> fromRules = new LinkedHashMap<>();
        readings.forEach((cause, r) -> {
            byCause.put(cause, r.attached);
            fromRules.put(cause, r.cf);
        });
        Knowledge knowledge = engine.knowledge();
        // as Engine.conclude: one prose reading of a setting waits (OneReadingGuard); the vote never reaches the threshold
        for (Evidence hold : OneReadingGuard.holds(now.facts, byCause, knowledge.vocabulary(), threshold)) {
            List<Evidence> with = new ArrayList<>(byCause.get(hold.getCause()));
            with.add(hold);
            byCause.put(hold.getCause(), with);
            fromRules.put(hold.getCause(), Certainty.ofCause(with));
        }
        // as Engine.conclude: a cause on probation diagnosed from the text alone waits (CalibrationGate)
        if (engine.gated()) {
            // fromRules holds each cause's certainty from its evidence in byCause (the guard's holds included)
            Predicate<Evidence> checked = engine.observations().exceptionChecked(now.facts, CalibrationGate::seen,
                    CalibrationGate.exceptionLook(knowledge.vocabulary()));
            UnaryOperator<List<Evidence>> restated = engine.observations().restated(now.facts, knowledge.implications(), knowledge.vocabulary());
            for (Evidence hold : CalibrationGate.holds(byCause, fromRules, knowledge.priors(), threshold, checked, restated)) {
                List<Evidence> with = new ArrayList<>(byCause.get(hold.getCause()));
                with.add(hold);
                byCause.put(hold.getCause(), with);
                fromRules.put(hold.getCause(), Certainty.ofCause(with));
            }
        }
        boolean wantsAdvice = Engine.wantsAdvice(now.facts);
        Map<String, Double> certainty = fromRules;
        Evidence similar = SimilarFallback.evidence(now.facts, byCause, knowledge, wantsAdvice, threshold);
        if (similar != null) {
            List<Evidence> with = new ArrayList<>(byCause.getOrDefault(similar.getCause(), List.of()));
            with.add(similar);
            byCause.put(similar.getCause(), with);
            certainty = new HashMap<>(fromRules);
            certainty.put(similar.getCause(), Certainty.ofCause(with));
        }
        // the leader as Engine.conclude sorts them: highest certainty, then cause id, among those shown
        String top = null;
        double topCf = 0;
        for (Map.Entry<String, Double> e : certainty.entrySet()) {
            double cf = e.getValue();
            if (cf <= 0 || engine.isAdvice(e.getKey()) != wantsAdvice) continue;
            if (top == null || cf > topCf || (cf == topCf && e.getKey().compareTo(top) < 0)) {
                top = e.getKey();
                topCf = cf;
            }
        }
        Diagnosis leader = top == null ? null : new Diagnosis(top, topCf, knowledge.cause(top), List.copyOf(byCause.get(top)));
        return new TrialOutcome(engine.status(leader, wantsAdvice, now.facts, threshold), leader, fromRules,
                engine.openNeeds(now.needs, now.facts, unknown, certainty));
    }

    /** Each cause's reading, in evidence order; taken from {@code before} where nothing it rests on changed. */
    private Map<String, CauseReading> readings(Contents now, Map<String, CauseReading> before, Set<String> changed) {
        Map<String, CauseReading> out = new LinkedHashMap<>();
        Map<String, List<String>> origins = null;
        List<Evidence> all = now.evidence;
        for (int i = 0, j; i < all.size(); i = j) {
            String cause = all.get(i).getCause();
            for (j = i + 1; j < all.size() && all.get(j).getCause().equals(cause); j++) { /* the cause's evidence */ }
            List<Evidence> raw = all.subList(i, j);
            CauseReading kept = before == null ? null : before.get(cause);
            if (kept != null && sameJudgements(kept.raw, raw) && Collections.disjoint(kept.tested, changed)) {
                out.put(cause, kept);
            } else {
                if (origins == null) origins = Observations.originsOfKey(now.facts);
                List<Evidence> attached = engine.observations().attach(raw, origins);
                Set<String> tested = new HashSet<>();
                for (Evidence e : raw) tested.addAll(engine.observations().testedKeysOf(e.getRule()));
                out.put(cause, new CauseReading(List.copyOf(raw), attached, Certainty.ofCause(attached), tested));
            }
        }
        return out;
    }

    /** The keys of facts that are not the case's own (an answer, what it implies or what the rules derived), or are gone. */
    private Set<String> changedKeys(List<Fact> facts) {
        Set<String> changed = new HashSet<>();
        int kept = 0;
        for (Fact f : facts) {
            if (baseFacts.contains(f)) kept++;
            else changed.add(f.getKey());
        }
        if (kept < baseFacts.size()) {
            Set<Fact> now = Collections.newSetFromMap(new IdentityHashMap<>());
            now.addAll(facts);
            for (Fact f : baseFacts) if (!now.contains(f)) changed.add(f.getKey());
        }
        return changed;
    }

    /** The same rules' judgements with the same certainty factors, on the very same facts. */
    private static boolean sameJudgements(List<Evidence> a, List<Evidence> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            Evidence x = a.get(i);
            Evidence y = b.get(i);
            if (x == y) continue;
            if (!x.getRule().equals(y.getRule()) || Double.compare(x.getCf(), y.getCf()) != 0) return false;
            List<Fact> mx = x.getMatched();
            List<Fact> my = y.getMatched();
            if (mx == my) continue;
            if (mx == null || my == null || mx.size() != my.size()) return false;
            for (int k = 0; k < mx.size(); k++) if (mx.get(k) != my.get(k)) return false;
        }
        return true;
    }
}
