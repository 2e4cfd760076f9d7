package dev.dokploydoctor.repl;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleWarmUpTest {
    @Test
    void aPromptLeftWaitingRunsTheWarmUpOnceOnItsOwnThread() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        String[] thread = new String[1];
        IdleWarmUp warmUp = new IdleWarmUp(() -> {
            thread[0] = Thread.currentThread().getName();
            runs.incrementAndGet();
            ran.countDown();
        });
        warmUp.waiting();
        assertTrue(ran.await(30, TimeUnit.SECONDS), "the warm-up never ran while the prompt waited");
        // later prompts wait too, but the work is done once
        warmUp.answered();
        warmUp.waiting();
        warmUp.answered();
        warmUp.waiting();
        Thread.sleep(3 * TimeUnit.NANOSECONDS.toMillis(IdleWarmUp.IDLE_NANOS));
        assertEquals(1, runs.get());   // the watching thread ended after its one run: no second can start
        assertEquals("warm-up", thread[0]);
    }
}
