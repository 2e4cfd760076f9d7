package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.TextExtraction;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One reading of a setting in the reporter's own words is no diagnosis: a cause whose every counted
 * support reads observations that our prose patterns made of the text (catalog entries of source
 * {@code prose: ours}), and that found one thing beyond what the user sees (that something fails, its
 * status), a setting that is no fault sign by itself (the address the app binds: a loopback bind is
 * a fault only for a container that our proxy reaches from outside), is held below a diagnosis at
 * {@link Certainty#WEAK_SIGNS_CEILING}. It stays leading, the case is
 * inconclusive, and the interview asks. A line the stack printed (a catalog entry with a source), a
 * stated, answered or probed fact, or a second finding lifts the hold; the guard never raises a cause.
 *
 * <p>Why: scored by the rules before each late corpus file joined (field-4 to field-16, their dev
 * records only), diagnoses resting on one prose finding were right 8 times and confidently wrong 9
 * (a host process's loopback bind, a proxy's buffer, a health check's own status read as the
 * container's), where every other kind of evidence was right at least 10 times for each wrong one.
 * On dev the same class was right 103 times and wrong once: the prose patterns were written from
 * those very reports, so dev cannot show how they read other people's words.
 *
 * <p>Judged in the conclusion, as {@link LookalikeGuard} is; it shows as a judgement of cf 0 beside
 * the cause's evidence so that {@code -v}, JSON, {@code how} and {@code why-not} say why the cause waits.
 */
final class OneReadingGuard {
    /** The judgement's rule name, as `how`, `why-not`, -v and JSON show it. */
    static final String RULE = "one reading of the reporter's own words: held below a diagnosis until a log line,"
            + " a second finding, or a stated, answered or probed fact confirms it";

    /** What the user sees rather than why: that something fails and how it shows. Not a finding of its own. */
    static final Set<String> SEEN = Set.of("fault.reported", "http.status", "symptom.kind");

    private OneReadingGuard() {}

    /** The hold for every cause this case would diagnose on one prose finding. */
    static List<Evidence> holds(Collection<Fact> facts, Map<String, List<Evidence>> byCause, Vocabulary vocabulary, double threshold) {
        Map<String, List<Fact>> byOrigin = new HashMap<>();
        for (Fact f : facts) if (Fact.TEXT.equals(f.getSource())) byOrigin.computeIfAbsent(f.getOrigin(), k -> new ArrayList<>()).add(f);
        if (byOrigin.isEmpty()) return List.of(); // nothing read from a text: no support can rest on a prose reading
        List<Evidence> out = new ArrayList<>();
        for (Map.Entry<String, List<Evidence>> e : byCause.entrySet()) {
            if (Certainty.ofCause(e.getValue()) < threshold || !restsOnOneProseSetting(e.getValue(), byOrigin, vocabulary)) continue;
            out.add(new Evidence(e.getKey(), 0, RULE, List.of()));
        }
        return out;
    }

    /**
     * Whether every counted support reads prose observations only, and what they found beyond what the
     * user sees is one observation at most that is no fault sign of its own (no value its fact's
     * {@code symptom} lists): a setting, such as the address the app binds, that is only a fault where
     * our stack reaches it.
     */
    static boolean restsOnOneProseSetting(List<Evidence> evidence, Map<String, List<Fact>> textFactsByOrigin, Vocabulary vocabulary) {
        List<String> findings = new ArrayList<>();
        boolean any = false;
        for (Evidence e : Certainty.counted(evidence)) {
            if (e.getCf() <= 0) continue;
            if (e.getObservations().isEmpty()) return false;
            for (String o : e.getObservations()) {
                List<Fact> read = textFacts(o, textFactsByOrigin);
                if (read.isEmpty()) return false;   // a stated, answered, probed or derived-from-those fact
                boolean seenOnly = true;
                for (Fact f : read) {
                    if (!TextExtraction.fromProse(f)) return false;   // a line the stack printed
                    if (SEEN.contains(f.getKey())) continue;
                    if (faultSign(f, vocabulary)) return false;   // the reporter names a fault, not a setting
                    seenOnly = false;
                }
                if (!seenOnly && !Certainty.countedAlready(o, findings)) findings.add(o);
            }
            any = true;
        }
        return any && findings.size() <= 1;
    }

    private static boolean faultSign(Fact f, Vocabulary vocabulary) {
        var spec = vocabulary.get(f.getKey());
        return spec != null && spec.isSymptom(f.getValue());
    }

    /** The text facts read from observation {@code o} (the same span, or one that overlaps it). */
    private static List<Fact> textFacts(String o, Map<String, List<Fact>> byOrigin) {
        List<Fact> exact = byOrigin.get(o);
        if (exact != null) return exact;
        List<Fact> out = new ArrayList<>();
        for (Map.Entry<String, List<Fact>> e : byOrigin.entrySet()) if (Certainty.sameObservation(o, e.getKey())) out.addAll(e.getValue());
        return out;
    }

    /** Whether the guard holds this cause (its evidence carries the hold). */
    static boolean held(List<Evidence> evidence) {
        for (Evidence e : evidence) if (RULE.equals(e.getRule())) return true;
        return false;
    }
}
