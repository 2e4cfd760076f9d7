package dev.dokploydoctor.repl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An opening that says all is well, and the ways a fault hides in words that sound well. */
class AllWellTest {
    @Test void aFaultWordUnderANegationIsNoFault() {
        assertTrue(AllWell.says("everything works fine, no problem"));
        assertTrue(AllWell.says("all good, no errors"));
        assertTrue(AllWell.says("The site is fine, not any issues"));
        assertTrue(AllWell.says("it runs perfectly without any errors"));
        assertTrue(AllWell.says("all good, nothing is broken"));
        assertTrue(AllWell.says("everything is fine, nothing's wrong"));
    }

    @Test void aContrastOrAFaultSaidOutrightIsAFault() {
        assertFalse(AllWell.says("it works fine locally but not through the domain"));
        assertFalse(AllWell.says("everything works fine until I redeploy"));
        assertFalse(AllWell.says("everything works, except the API gives an error"));
        assertFalse(AllWell.says("it is not working, no idea why"));
        assertFalse(AllWell.says("no problem with the build, the site is down"));
        assertFalse(AllWell.says("is everything fine?"));
        assertFalse(AllWell.says("all good, nothing is broken except the API"));
        assertFalse(AllWell.says("all good until the redeploy, now everything is broken"));
    }

    @Test void wordsThatSayNothingOfHealthAreNotAllWell() {
        assertFalse(AllWell.says("my app on dokploy"));
        assertFalse(AllWell.says("502"));
    }
}
