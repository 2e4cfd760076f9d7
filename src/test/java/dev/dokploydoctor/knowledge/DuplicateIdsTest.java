package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateIdsTest {
    /** A 100k-case stream (12 spills to the file): a repeat of an id from its start, middle and end is found. */
    @Test
    void repeatsOfTheStartMiddleAndEndOfALongStreamAreFound() throws Exception {
        try (DuplicateIds ids = new DuplicateIds()) {
            for (int i = 0; i < 100_000; i++) {
                assertTrue(ids.add("case-" + i), "case-" + i);
                if (i == 50_000) assertFalse(ids.add("case-0"), "the first id, repeated in the middle");
            }
            assertFalse(ids.add("case-0"), "the first id, repeated at the end");
            assertFalse(ids.add("case-50000"), "an id from the middle");
            assertFalse(ids.add("case-99999"), "the last id");
            assertFalse(ids.add("case-91000"), "an id spilled with the last run");
            assertTrue(ids.add("case-100000"));
            assertTrue(ids.add("Case-0"));
            assertEquals(100_002, ids.remembered());
            assertFalse(ids.saturated());
        }
    }

    /** Through many spills (a small table) and a filter grown from 512 ids' size, it answers as a set of the ids does. */
    @Test
    void answersAsASetOfTheIdsDoes() throws Exception {
        try (DuplicateIds ids = new DuplicateIds(2048, 1 << 12, s -> (long) s.hashCode() * 0x9e3779b97f4a7c15L)) {
            Set<String> seen = new HashSet<>();
            Random random = new Random(7);
            for (int i = 0; i < 100_000; i++) {
                // mostly new ids, some repeats of old and of recent ones
                String id = random.nextInt(10) == 0 ? "case-" + random.nextInt(i + 1)
                        : random.nextInt(20) == 0 ? "case-" + Math.max(0, i - random.nextInt(50)) : "case-" + i;
                assertEquals(seen.add(id), ids.add(id), id + " at " + i);
            }
            assertEquals(seen.size(), ids.remembered());
        }
    }

    /** Ids that share a hash are told apart by the ids themselves, in the table and in the file. */
    @Test
    void idsWithOneHashAreNotTakenForRepeats() throws Exception {
        // every id of one length collides; runs of 200 ids span four blocks of the file's index
        try (DuplicateIds ids = new DuplicateIds(200, 1 << 12, s -> s.length())) {
            for (int i = 0; i < 1000; i++) assertTrue(ids.add(String.format("id-%04d", i)));
            for (int i = 0; i < 1000; i += 7) assertFalse(ids.add(String.format("id-%04d", i)), "repeat of id-" + i);
            assertTrue(ids.add("id-9999"));
            assertTrue(ids.add("di-0000"));
            assertFalse(ids.add("di-0000"));
            assertEquals(1002, ids.remembered());
        }
    }

    /** Ids of any length and script are kept as they are: UTF-8 in the file, compared byte for byte. */
    @Test
    void longAndNonAsciiIdsSurviveTheFile() throws Exception {
        try (DuplicateIds ids = new DuplicateIds(8, 1 << 12, s -> 42)) {
            String long1 = "x".repeat(100_000), long2 = "x".repeat(99_999) + "y";
            assertTrue(ids.add(long1));
            assertTrue(ids.add(long2));
            for (int i = 0; i < 20; i++) assertTrue(ids.add("fall-" + i + "-é-☃"));
            assertFalse(ids.add(long1));
            assertFalse(ids.add(long2));
            assertFalse(ids.add("fall-3-é-☃"));
            assertTrue(ids.add("fall-3-e-☃"));
        }
    }
}
