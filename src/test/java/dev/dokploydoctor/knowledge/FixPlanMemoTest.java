package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** A remembered fix plan is the plan {@link FixPlan#of} makes for the same facts, for every cause. */
class FixPlanMemoTest {
    static final Knowledge KNOWLEDGE = Knowledge.load(List.of(Layers.checkout(Path.of("").toAbsolutePath())));

    /** Values for every key a fix reads: none, good ones, refused ones, and ones the plan never reads. */
    static List<Map<String, String>> valueSets(Cause c) {
        String[] keys = FixPlan.Memo.keysRead(c, KNOWLEDGE.vocabulary());
        Map<String, String> good = new HashMap<>();
        Map<String, String> refused = new HashMap<>();
        Map<String, String> half = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            good.put(keys[i], "shop-2");
            refused.put(keys[i], "shop; touch /tmp/x");
            if (i % 2 == 0) half.put(keys[i], "80");
        }
        Map<String, String> unread = new HashMap<>(good);
        unread.put("not.read.by.any.fix", "x");
        return List.of(Map.of(), good, refused, half, unread, good);
    }

    @Test void rememberedPlansAreThePlansOfTheirFacts() {
        FixPlan.Memo memo = new FixPlan.Memo(KNOWLEDGE.vocabulary());
        int causes = 0;
        for (Cause c : KNOWLEDGE.causes().values()) {
            causes++;
            for (Map<String, String> values : valueSets(c)) {
                FixPlan expected = FixPlan.of(c, values, KNOWLEDGE.vocabulary());
                assertEquals(expected, memo.of(c, values), c.id() + " " + values);
                assertEquals(expected, memo.of(c, values), c.id() + " " + values + " (remembered)");
            }
        }
        assertTrue(causes > 20, "the bundled causes were read: " + causes);
    }

    /**
     * Every key a plan depends on is part of what the memo tells plans apart by: with the plan
     * without facts remembered first, a value of any key still gives that value's plan.
     */
    @Test void aValueAFixReadsMakesAnotherPlan() {
        FixPlan.Memo memo = new FixPlan.Memo(KNOWLEDGE.vocabulary());
        int checked = 0;
        for (Cause c : KNOWLEDGE.causes().values()) {
            Set<String> read = Set.of(FixPlan.Memo.keysRead(c, KNOWLEDGE.vocabulary()));
            assertTrue(read.containsAll(c.placeholders()), c.id() + " reads " + read + " but has placeholders " + c.placeholders());
            for (Cause.Fix f : c.fixes()) assertTrue(read.containsAll(f.when().keySet()), c.id());
            for (String key : read) {
                FixPlan without = memo.of(c, Map.of());
                FixPlan with = memo.of(c, Map.of(key, "shop-2"));
                assertEquals(FixPlan.of(c, Map.of(key, "shop-2"), KNOWLEDGE.vocabulary()), with, c.id() + " " + key);
                checked++;
            }
        }
        assertTrue(checked > 20, "keys checked: " + checked);
    }

    /** Past its bound the memo stops remembering and still answers right. */
    @Test void aFullMemoStillAnswers() {
        FixPlan.Memo memo = new FixPlan.Memo(KNOWLEDGE.vocabulary());
        Cause c = KNOWLEDGE.causes().values().stream().filter(x -> FixPlan.Memo.keysRead(x, KNOWLEDGE.vocabulary()).length > 0).findFirst().orElseThrow();
        String key = FixPlan.Memo.keysRead(c, KNOWLEDGE.vocabulary())[0];
        for (int i = 0; i < FixPlan.Memo.MAX_PLANS + 50; i++) {
            Map<String, String> values = Map.of(key, "svc-" + i);
            assertEquals(FixPlan.of(c, values, KNOWLEDGE.vocabulary()), memo.of(c, values), "svc-" + i);
        }
    }
}
