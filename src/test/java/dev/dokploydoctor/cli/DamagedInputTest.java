package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16, items 5-8 and 12: nothing lost. One damaged line, value or document makes only its own
 * case invalid, with file:line and the reason in the user's words; the cases after it are reported.
 * Each runs the batch command on a file, in-process (stdout not a terminal: plain, as with NO_COLOR):
 * what is tested is how the file is read, not the launch, which LauncherTest and BatchOutputTest cover.
 */
class DamagedInputTest {
    @TempDir Path dir;

    static final String GOOD_A = "{\"id\":\"a\",\"text\":\"502 bad gateway\"}\n";
    static final String GOOD_C = "{\"id\":\"c\",\"text\":\"502 bad gateway\"}\n";

    private Launch.Result batch(String file, byte[] content) throws IOException {
        Path f = dir.resolve(file);
        Files.write(f, content);
        return run("batch", f.toString());
    }

    /** The command line in this JVM, with empty stdin: its exit code, stdout and stderr. */
    private static Launch.Result run(String... args) {
        CliRunner.Result r = CliRunner.run("", args);
        return new Launch.Result(r.exit(), r.out(), r.err());
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static void reported(Launch.Result r, String... ids) {
        for (String id : ids) assertTrue(r.out().matches("(?s).*\\n?[!✓✗] " + id + " .*"), "case " + id + " not reported:\n" + r.all());
    }

    /** Item 5: a Latin-1 letter in one JSONL line makes that line invalid, with its number; the others run. */
    @Test void oneLineThatIsNotUtf8IsOnlyThatLine() throws IOException {
        Launch.Result r = batch("cases.jsonl", concat(utf8(GOOD_A), utf8("{\"id\":\"b\",\"text\":\"caf"), new byte[]{(byte) 0xE9},
                utf8(" 502\"}\n"), utf8(GOOD_C)));
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.out().contains("cases.jsonl:2: not valid UTF-8 text (byte 0xE9 at column 22); save the file as UTF-8"), r.all());
        reported(r, "a", "c");
        assertTrue(r.out().contains("3 cases: 2 inconclusive, 1 invalid"), r.all());
    }

    /** Item 6: a repeated key, a number too large, .nan, !!binary and deep nesting: each its own case, with its line. */
    @Test void oneBadValueIsOnlyItsCase() throws IOException {
        String yaml = "cases:\n"
                + "  - id: dup\n    facts: { http.status: 502, http.status: 503 }\n"
                + "  - id: big\n    facts: { http.status: 99999999999999999999999 }\n"
                + "  - id: nan\n    facts: { http.status: .nan }\n"
                + "  - id: bin\n    text: !!binary aGVsbG8=\n"
                + "  - id: deep\n    facts: { a: " + "[".repeat(70) + "1" + "]".repeat(70) + " }\n"
                + "  - id: last\n    text: \"502 bad gateway\"\n";
        Launch.Result r = batch("cases.yaml", utf8(yaml));
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.out().contains("cases.yaml:3: http.status: duplicate key (first at line 3)"), r.all());
        assertTrue(r.out().contains("cases.yaml:5: the number 99999999999999999999999 is too large (at most 9223372036854775807)"), r.all());
        assertTrue(r.out().contains("cases.yaml:7: '.nan' is not a number a case can use"), r.all());
        assertTrue(r.out().contains("cases.yaml:9: binary data (!!binary) is not a case value"), r.all());
        assertTrue(r.out().contains("cases.yaml:11: nested deeper than 32 levels"), r.all());
        reported(r, "dup", "big", "nan", "bin", "deep", "last");
        assertFalse(r.all().contains("StreamReadConstraints") || r.all().contains("Exception"), r.all());

        Launch.Result json = batch("cases.json", utf8("[{\"id\":\"dup\",\"text\":\"502\",\"text\":\"504\"},\n"
                + "{\"id\":\"big\",\"facts\":{\"http.status\":1" + "0".repeat(30) + "}},\n{\"id\":\"last\",\"text\":\"502 bad gateway\"}]\n"));
        assertTrue(json.out().contains("cases.json:1: text: duplicate key (first at line 1)"), json.all());
        assertTrue(json.out().contains("cases.json:2: the number 1000000000000000000000000000000 is too large"), json.all());
        reported(json, "dup", "big", "last");
    }

    /** Item 7: every document of a multi-document file is read; aliases resolve, and a runaway one is refused. */
    @Test void everyYamlDocumentIsReadAndAliasesResolve() throws IOException {
        Launch.Result multi = batch("multi.yaml", utf8("cases:\n  - id: a\n    text: \"502\"\n---\ncases:\n  - id: b\n    text: \"504\"\n"
                + "---\nid: c\ntext: \"502\"\n---\n- id: d\n  text: \"502\"\n"));
        reported(multi, "a", "b", "c", "d");
        assertTrue(multi.out().contains("4 cases"), multi.all());

        Launch.Result alias = batch("alias.yaml", utf8("cases:\n  - id: a\n    facts: &shared { http.status: 502 }\n"
                + "  - id: b\n    facts: *shared\n  - id: c\n    facts: *nowhere\n"));
        assertEquals(2, alias.exit(), alias.all());
        assertTrue(alias.out().contains("alias.yaml:7: the alias *nowhere names no anchor"), alias.all());
        Launch.Result explained = run("batch", dir.resolve("alias.yaml").toString(), "--format", "json");
        assertTrue(explained.out().matches("(?s).*\"id\" : \"b\",\\s*\"status\" : \"inconclusive\".*http.status=502 \\(user\\).*"),
                "*shared gives b the facts of a: " + explained.all());

        StringBuilder laughs = new StringBuilder("cases:\n  - id: lol\n    facts:\n      a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            laughs.append("      a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) laughs.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            laughs.append("]\n");
        }
        laughs.append("  - id: after\n    text: \"502 bad gateway\"\n");
        Launch.Result bomb = batch("laughs.yaml", utf8(laughs.toString()));
        assertTrue(bomb.out().contains("YAML aliases here expand to more than 100,000 values"), bomb.all());
        reported(bomb, "lol", "after");
    }

    /** Item 8: 10 KB of blank lines first is not an empty file; UTF-16 and a BOM are read; a NUL is one line's problem. */
    @Test void blankStartsEncodingsAndAStrayNulAreRead() throws IOException {
        String yaml = "cases:\n  - id: a\n    text: \"502\"\n  - id: b\n    facts: { http.status: 99999999999999999999999 }\n";
        Launch.Result blank = batch("blank.yaml", utf8("\n".repeat(10_000) + yaml));
        assertTrue(blank.out().contains("blank.yaml:10005: the number"), blank.all());
        reported(blank, "a", "b");

        for (String charset : new String[]{"UTF-16", "UTF-16LE", "UTF-16BE"}) {
            Launch.Result r = batch("u16.yaml", yaml.getBytes(java.nio.charset.Charset.forName(charset)));
            assertTrue(r.out().contains("u16.yaml:5: the number"), charset + ": " + r.all());
            reported(r, "a", "b");
        }
        Launch.Result bom = batch("bom.yaml", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(yaml)));
        reported(bom, "a", "b");

        Launch.Result nul = batch("nul.jsonl", utf8(GOOD_A + "{\"id\":\"b\",\"text\":\"x\u0000y\"}\n" + GOOD_C));
        assertTrue(nul.out().contains("nul.jsonl:2: malformed JSON: a control character (code 0) inside a text"), nul.all());
        reported(nul, "a", "c");

        byte[] noise = new byte[8192];
        new java.util.Random(16).nextBytes(noise);
        Launch.Result binary = batch("noise.jsonl", noise);
        assertEquals(2, binary.exit(), binary.all());
        assertTrue(binary.err().contains("not a text file (binary data)"), binary.all());
    }

    /** Item 12: a 10 MB quoted YAML string is cut at its line and reported invalid there; the next case is read. */
    @Test void aHugeYamlScalarIsInvalidAtItsLine() throws IOException {
        String yaml = "cases:\n  - id: huge\n    text: \"" + "x".repeat(10_000_000) + "\"\n  - id: after\n    text: \"502 bad gateway\"\n";
        Launch.Result r = batch("huge.yaml", utf8(yaml));
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.out().contains("huge.yaml:3: a line longer than 1 MiB"), r.all());
        reported(r, "huge", "after");
    }
}
