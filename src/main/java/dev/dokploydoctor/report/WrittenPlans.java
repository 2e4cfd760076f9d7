package dev.dokploydoctor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.dokploydoctor.knowledge.FixPlan;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fix plans' {@code set_first} and {@code fixes} as compact JSON text, written once per plan and pasted into each
 * case that has the same plan (JSONL). A fact case's line is ~3 KB, mostly its causes' fixes, and the knowledge's
 * memo ({@link dev.dokploydoctor.knowledge.FixPlan.Memo}) hands out the same plan object for cases whose facts fill
 * them alike, so serializing its maps again was most of a line's JSON work (bench/README.md, Round 9, perf-batch3).
 * <p>
 * The first {@value #MAX_PLANS} plans seen are kept, none replaced: a table that let newer plans take older ones'
 * places turned each replaced text into garbage in the old generation, which the serial collector lets pile up to its
 * cap before collecting (+7 MiB of peak RSS on 20k fact cases). A plan not kept is serialized as before. The text is
 * what the same maps give: {@link CaseView} is the one schema.
 */
final class WrittenPlans {
    /** ~2 KB of text each: the plans of the first cases are the common ones (86 % of 20k bench cases' causes). */
    static final int MAX_PLANS = 128;

    private record Written(RawValue setFirst, RawValue fixes) {}

    /** By identity: the memo's plans are the same objects; another plan equal to one of them is merely a miss. */
    private record Same(FixPlan plan) {
        @Override public boolean equals(Object o) { return o instanceof Same s && s.plan == plan; }
        @Override public int hashCode() { return System.identityHashCode(plan); }
    }

    private final ConcurrentHashMap<Same, Written> written = new ConcurrentHashMap<>();

    Object setFirst(FixPlan plan) {
        Written w = written(plan);
        return w != null ? w.setFirst() : CaseView.setFirst(plan);
    }

    Object fixes(FixPlan plan) {
        Written w = written(plan);
        return w != null ? w.fixes() : CaseView.fixes(plan);
    }

    private Written written(FixPlan plan) {
        Same key = new Same(plan);
        Written w = written.get(key);
        if (w != null || written.size() >= MAX_PLANS) return w;
        w = new Written(plan.setFirst().isEmpty() ? null : json(CaseView.setFirst(plan)), json(CaseView.fixes(plan)));
        Written before = written.putIfAbsent(key, w);
        return before != null ? before : w;
    }

    private static RawValue json(List<Object> value) {
        try {
            return new RawValue(Writers.JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
