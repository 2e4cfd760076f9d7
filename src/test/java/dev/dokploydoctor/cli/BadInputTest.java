package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 9 item 19: bad input names file, line and column and what to change, in the user's words. */
class BadInputTest {
    @Test void aTabIsReportedWhereItIsWithWhatToDo() {
        Launch.Result r = Launch.run(Map.of(), "cases:\n\t- id: a\n", "batch", "-");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.out().contains("<stdin>:2:1: malformed YAML: a tab character: YAML indents with spaces only; replace the tab with spaces"), r.all());
    }

    @Test void badJsonlLinesLeakNoParserInternals() throws java.io.IOException {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("bad", ".jsonl");
        java.nio.file.Files.writeString(f, "{\"id\":\"a\",\"text\":\"502\"\n{\"id\": b}\n");
        Launch.Result r = Launch.run(Map.of(), "", "batch", f.toString(), "-f", "jsonl");
        java.nio.file.Files.delete(f);
        assertEquals(2, r.exit(), r.all());
        assertFalse(r.all().contains("StreamReadFeature"), r.all());
        assertFalse(r.all().contains("Source:"), r.all());
        assertTrue(r.out().contains("a closing '}' is missing"), r.out());
        assertTrue(r.out().contains("'b' is not a JSON value: put text in double quotes"), r.out());
    }

    @Test void noCasesIsAnErrorNotATick() {
        Launch.Result r = Launch.run(Map.of(), "cases: []\n", "batch", "-");
        assertEquals(2, r.exit(), r.all());
        assertFalse(r.out().contains("✓"), r.out());
        assertTrue(r.err().contains("<stdin> has no cases: add at least one case"), r.all());
    }

    /** A file of one case that does not parse names that case #1, the second case of a list #2. */
    @Test void aBrokenCaseIsNumberedAsItselfNotTheNextOne() {
        Launch.Result one = Launch.run(Map.of(), "facts:\n  http.status: [502\n", "batch", "-");
        assertEquals(2, one.exit(), one.all());
        assertTrue(one.out().contains("✗ #1  invalid: <stdin>:3:1: malformed YAML"), one.out());
        Launch.Result two = Launch.run(Map.of(), "- id: a\n  facts: {http.status: 502}\n- id: b\n  facts: {http.status: [502\n", "batch", "-");
        assertTrue(two.out().contains("✗ #2  invalid: <stdin>:5:1: malformed YAML"), two.out());
    }
}
