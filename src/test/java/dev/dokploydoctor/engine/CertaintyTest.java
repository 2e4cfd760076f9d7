package dev.dokploydoctor.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CertaintyTest {
    @Test void mycinCombination() {
        assertEquals(0.76, Certainty.combine(0.6, 0.4), 1e-9);      // a + b(1-a)
        assertEquals(-0.76, Certainty.combine(-0.6, -0.4), 1e-9);   // a + b(1+a)
        assertEquals(0.2 / 0.6, Certainty.combine(0.6, -0.4), 1e-9); // (a+b)/(1-min(|a|,|b|))
        assertEquals(0, Certainty.combine(1, -1), 1e-9);
    }

    @Test void orderDoesNotMatter() {
        double a = Certainty.combineAll(List.of(0.4, -0.5, 0.3, 0.2));
        double b = Certainty.combineAll(List.of(-0.5, 0.2, 0.3, 0.4));
        assertEquals(a, b, 1e-12);
    }

    @Test void ruleFunctions() {
        assertTrue(RuleFunctions.isLoopback("127.0.0.1"));
        assertTrue(RuleFunctions.isLoopback("[::1]"));
        assertFalse(RuleFunctions.isLoopback("0.0.0.0"));
        assertTrue(RuleFunctions.versionAtLeast("1.52", "1.44"));
        assertFalse(RuleFunctions.traefikSupportsDocker29("v3.5.0"));
        assertTrue(RuleFunctions.traefikSupportsDocker29("3.6.7"));
        assertTrue(RuleFunctions.traefikSupportsDocker29("2.11.31"));
        assertFalse(RuleFunctions.traefikSupportsDocker29("2.10.7"));
    }
}
