package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Knowledge;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SmokeTest {
    @Test void compilesAndRuns() {
        long t0 = System.nanoTime();
        Knowledge k = Knowledge.load(List.of(Knowledge.checkout(Path.of(""))));
        long t1 = System.nanoTime();
        Engine e = Engine.load(k);
        long t2 = System.nanoTime();
        Outcome o = e.evaluate("x", List.of(new Fact("app.dns_failure", true, "user", "")), Set.of(), 0.7);
        long t3 = System.nanoTime();
        System.out.printf("load %d ms, compile %d ms, first eval %d ms%n", (t1-t0)/1000000, (t2-t1)/1000000, (t3-t2)/1000000);
        assertEquals(Status.INCONCLUSIVE, o.status());
        assertEquals("multi-container-isolation", o.top().cause());
        assertEquals("dependency.shares_network", o.questions().get(0).key());
        long t4 = System.nanoTime();
        for (int i = 0; i < 20000; i++) e.evaluate("x", List.of(new Fact("app.dns_failure", true, "user", ""), new Fact("http.status", 502L, "user", "")), Set.of(), 0.7);
        System.out.printf("20000 evals %d ms%n", (System.nanoTime()-t4)/1000000);
    }
}
