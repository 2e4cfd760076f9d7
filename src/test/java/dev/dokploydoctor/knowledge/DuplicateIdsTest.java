package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateIdsTest {
    @Test
    void repeatsAreFoundWhileTheTableHasRoom() {
        DuplicateIds ids = new DuplicateIds(100);
        for (int i = 0; i < 100; i++) assertTrue(ids.add("case-" + i));
        assertFalse(ids.add("case-42"));
        assertFalse(ids.saturated());
    }

    @Test
    void aFullTableKeepsCheckingAgainstWhatItHoldsButRemembersNoMore() {
        DuplicateIds ids = new DuplicateIds(2);
        assertTrue(ids.add("a"));
        assertTrue(ids.add("b"));
        assertTrue(ids.add("c"));          // new, let through unremembered
        assertTrue(ids.saturated());
        assertFalse(ids.add("a"));         // a remembered id is still caught
        assertTrue(ids.add("c"));          // a repeat of an unremembered id is not
        assertEquals(2, ids.remembered());
    }

    @Test
    void theTableStopsGrowingAtItsLimit() {
        DuplicateIds ids = new DuplicateIds(5000);
        for (int i = 0; i < 20_000; i++) ids.add("id-" + i);
        assertEquals(5000, ids.remembered());
        assertTrue(ids.saturated());
        for (int i = 0; i < 5000; i++) assertFalse(ids.add("id-" + i), "id-" + i);
    }

    /** Through many flushes and merges of its runs, it answers as a set of the strings does. */
    @Test
    void answersAsASetOfTheIdsDoes() {
        DuplicateIds ids = new DuplicateIds(DuplicateIds.MAX_REMEMBERED);
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 600_000; i++) {
            // mostly new ids, some repeats of old and of recent ones
            String id = random.nextInt(10) == 0 ? "case-" + random.nextInt(i + 1) : random.nextInt(20) == 0 ? "case-" + Math.max(0, i - random.nextInt(50)) : "case-" + i;
            assertEquals(seen.add(id), ids.add(id), id + " at " + i);
        }
        assertEquals(seen.size(), ids.remembered());
        assertFalse(ids.saturated());
    }
}
