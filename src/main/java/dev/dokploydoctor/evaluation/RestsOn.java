package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.TextExtraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a trial's leading cause rests on, for {@code eval -v --format json}: each counted support
 * ({@link Certainty#counted}) with its certainty, its rule and the observations it read, each named
 * by the kind of evidence it is. The kinds are what a diagnosis may be judged by: a line the stack's
 * own software prints (a catalog entry with a source), our prose reading of the reporter's words, a
 * fact the reporter stated, an interview answer, a probe, a derived fact or the similar reports' vote.
 */
final class RestsOn {
    private RestsOn() {}

    static List<String> of(Trial t) {
        if (t.ranked().isEmpty()) return List.of();
        String top = t.top();
        List<Evidence> mine = new ArrayList<>();
        for (Evidence e : t.evidence()) if (e.getCause().equals(top)) mine.add(e);
        List<String> out = new ArrayList<>();
        for (Evidence e : Certainty.counted(mine)) {
            if (e.getCf() <= 0) continue;
            List<String> read = new ArrayList<>();
            for (String o : e.getObservations()) read.add(kind(o, t));
            out.add(String.format(Locale.ROOT, "%+.2f '%s' <- %s", e.getCf(), e.getRule(), String.join(" + ", read)));
        }
        return out;
    }

    /** The kind of one observation: kind:key (entry). */
    private static String kind(String origin, Trial t) {
        if (origin.startsWith(Fact.USER + ":")) {
            String key = origin.substring(Fact.USER.length() + 1);
            return (t.mode() == Mode.INTERVIEW && t.asked().contains(key) ? "answer:" : "stated:") + key;
        }
        if (origin.startsWith(Fact.PROBE + ":")) return "probe:" + origin.substring(Fact.PROBE.length() + 1);
        for (Fact f : t.textFacts()) {
            if (!Certainty.sameObservation(origin, f.getOrigin())) continue;
            String entry = between(f.getEvidence(), "extractor '", "'");
            return (TextExtraction.fromProse(f) ? "prose:" : "catalog:") + f.getKey() + " (" + entry + ")";
        }
        return "other:" + origin;
    }

    private static String between(String s, String start, String end) {
        int a = s.indexOf(start);
        if (a < 0) return null;
        int b = s.indexOf(end, a + start.length());
        return b < 0 ? null : s.substring(a + start.length(), b);
    }
}
