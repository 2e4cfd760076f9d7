package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.AdversarialText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16.11: the parsers of text from outside a probe reads (an HTTP page's title, nslookup in a container) do
 * work linear in the text on adversarial input: runs of their own literals, spaces and line ends. Work is counted
 * in characters read, not timed (bench/ measures time). The redactor's patterns: RedactorTest.
 */
class ParserTimeBombTest {
    /**
     * How many times the nslookup answer pattern may read each character of an adversarial text. Measured (round 25):
     * at most 5.0 ("Name: x" and a run of line ends: the blank run after Name: is read, then given back looking for
     * Address); a pattern that re-read a run once per start would read each character thousands of times.
     */
    static final double READS_PER_CHAR = 16;

    @Test void nslookupAnswerReadsEachCharacterAFewTimes() {
        double worst = 0;
        String worstInput = null;
        for (String in : AdversarialText.INPUTS) {
            AdversarialText.Counting text = new AdversarialText.Counting(in);
            DnsProbe.answered(text);
            double perChar = (double) text.reads() / in.length();
            if (perChar > worst) { worst = perChar; worstInput = describe(in); }
        }
        System.out.printf("nslookup answer: most reads of each character of input: %.2f (%s)%n", worst, worstInput);
        assertTrue(worst <= READS_PER_CHAR, "the nslookup answer pattern reads each character of " + worstInput + " " + worst + " times");
    }

    /** The title is found with indexOf (linear by construction); without a closing tag, the first characters. */
    @Test void pageTitleIsExcerpted() {
        assertEquals("example.com | 502: Bad gateway", HttpProbe.excerpt("<html><TITLE lang=en>example.com |\n 502: Bad gateway</title>"));
        for (String in : AdversarialText.INPUTS) assertEquals(in.substring(0, 300), HttpProbe.excerpt(in));
    }

    @Test void nslookupAnswerIsRecognised() {
        assertTrue(DnsProbe.answered("Server:\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nName:\tdb\nAddress: 172.18.0.3\n"));
        assertFalse(DnsProbe.answered("Server:\t127.0.0.11\n\n** server can't find db: NXDOMAIN\n"));
    }

    /** An input's first characters and length, for a message. */
    static String describe(String in) {
        String head = in.length() > 12 ? in.substring(0, 12) + "..." : in;
        return "\"" + head.replace("\n", "\\n") + "\" (" + in.length() + " chars)";
    }
}
