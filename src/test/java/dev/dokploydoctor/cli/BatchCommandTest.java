package dev.dokploydoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The batch command as a user meets it: formats, exit codes, and every kind of bad input. */
class BatchCommandTest {
    @TempDir Path dir;
    static final ObjectMapper JSON = new ObjectMapper();

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test void diagnosesAYamlCaseAndExitsThree() throws Exception {
        Path f = write("c.yaml", """
                cases:
                  - id: shop-502
                    text: "Bad Gateway after adding a domain; logs: getaddrinfo EAI_AGAIN postgres"
                    facts: { service.kind: compose, service.has_dependencies: true }
                """);
        CliRunner.Result r = CliRunner.run(null, "batch", f.toString(), "--format", "json");
        assertEquals(3, r.exit(), r.err());
        JsonNode root = JSON.readTree(r.out());
        JsonNode c = root.get("cases").get(0);
        assertEquals("shop-502", c.get("id").asText());
        assertEquals("diagnosed", c.get("status").asText());
        assertEquals("multi-container-isolation", c.get("diagnoses").get(0).get("cause").asText());
        assertTrue(c.get("diagnoses").get(0).get("certainty").asDouble() >= 0.7);
        assertTrue(c.get("error").isNull());
        assertEquals(1, root.get("summary").get("diagnosed").asInt());
    }

    @Test void jsonlStreamsOneObjectPerLineAndReportsBadLines() throws Exception {
        Path f = write("c.jsonl", """
                {"id":"a","text":"Error 1033"}
                {"id":"b","facts":{"http.stauts":502}}
                this is not json
                {"id":"a","text":"504"}
                {"id":"d","facts":{"user.goal":"route-advice","compose.editable":false}}
                """);
        CliRunner.Result r = CliRunner.run(null, "batch", f.toString(), "--format", "jsonl");
        assertEquals(2, r.exit(), "invalid input wins over a diagnosis");
        String[] lines = r.out().strip().split("\n");
        assertEquals(5, lines.length, r.out());
        assertEquals("tunnel-not-connected", JSON.readTree(lines[0]).get("diagnoses").get(0).get("cause").asText());
        JsonNode bad = JSON.readTree(lines[1]);
        assertEquals("invalid", bad.get("status").asText());
        assertTrue(bad.get("error").asText().contains(":2: http.stauts: unknown fact key 'http.stauts' (did you mean 'http.status'?)"), bad.toString());
        assertTrue(JSON.readTree(lines[2]).get("error").asText().contains(":3: malformed JSON"), lines[2]);
        assertTrue(JSON.readTree(lines[3]).get("error").asText().contains(":4: id: duplicate case id 'a'"), lines[3]);
        JsonNode advice = JSON.readTree(lines[4]);
        assertEquals("advice", advice.get("status").asText());
        assertEquals("route-via-direct-tunnel", advice.get("diagnoses").get(0).get("cause").asText());
    }

    @Test void noQuestionsLeavesOutOnlyTheQuestions() throws Exception {
        Path f = write("q.jsonl", """
                {"id":"vague","facts":{"http.status":502}}
                {"id":"loop","facts":{"http.redirect_loop":true}}
                {"id":"shop","text":"Bad Gateway; logs: getaddrinfo EAI_AGAIN postgres","facts":{"service.kind":"compose"}}
                {"id":"fine","facts":{"http.status":200}}
                """);
        CliRunner.Result asked = CliRunner.run(null, "batch", f.toString(), "--format", "jsonl");
        CliRunner.Result causes = CliRunner.run(null, "batch", f.toString(), "--format", "jsonl", "--no-questions");
        assertEquals(asked.exit(), causes.exit(), causes.err());
        String[] a = asked.out().strip().split("\n");
        String[] c = causes.out().strip().split("\n");
        assertEquals(4, a.length, asked.out());
        assertEquals(a.length, c.length, causes.out());
        int inconclusive = 0;
        for (int i = 0; i < a.length; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode withQuestions = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(a[i]);
            JsonNode without = JSON.readTree(c[i]);
            assertEquals(0, without.get("questions").size(), c[i]);
            if (withQuestions.get("status").asText().equals("inconclusive")) {
                inconclusive++;
                assertTrue(withQuestions.get("questions").size() > 0, a[i]);
            }
            withQuestions.set("questions", JSON.createArrayNode());
            assertEquals(withQuestions, without, "only the questions differ");
        }
        assertTrue(inconclusive >= 1, "the file has an inconclusive case: " + asked.out());
    }

    @Test void readsStandardInput() {
        CliRunner.Result r = CliRunner.run("{\"id\":\"x\",\"facts\":{\"http.status\":200}}\n{\"id\":\"y\",\"facts\":{\"http.status\":200}}\n", "batch", "-", "--format", "jsonl");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("\"status\":\"no-fault\""));
    }

    @Test void wrongTypeAndEnumValuesNameTheFieldAndLine() throws Exception {
        Path f = write("c.yaml", """
                cases:
                  - id: a
                    facts:
                      http.status: "abc"
                  - id: b
                    facts:
                      service.kind: swarm
                  - facts: { http.status: 502 }
                """);
        CliRunner.Result r = CliRunner.run(null, "batch", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("c.yaml:4: http.status: wrong value for http.status (int): expected a whole number, got 'abc'"), r.out());
        assertTrue(r.out().contains("c.yaml:7: service.kind: wrong value for service.kind (enum): 'swarm' is not one of [application, compose]"), r.out());
        assertTrue(r.out().contains("c.yaml:8: id: case has no id"), r.out());
    }

    @Test void theSimilarReportsFactsCannotBeStated() throws Exception {
        // similar.* are collected from the text (the nearest field reports): a case file that states them is refused
        Path f = write("c.yaml", """
                cases:
                  - id: a
                    text: "too many redirects through the tunnel"
                    facts:
                      similar.lookalike: true
                  - id: b
                    facts: { http.redirect_loop: true }
                    unknown: [similar.cause]
                """);
        CliRunner.Result r = CliRunner.run(null, "batch", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("c.yaml:5: similar.lookalike: similar.lookalike is collected from the text only"), r.out());
        assertTrue(r.out().contains("similar.cause: similar.cause is collected from the text only"), r.out());
    }

    @Test void noSimilarMeansNoSimilarReportInfluenceAtAll() throws Exception {
        // a refusal many field reports share: by default the nearest of them vote (similar.cause among the evidence);
        // --no-similar drops the vote and the look-alike sign too, not only the list
        Path f = write("c.yaml", """
                cases:
                  - id: api
                    text: "After the Docker update Traefik logs: Error response from daemon: client version 1.24 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version"
                """);
        CliRunner.Result with = CliRunner.run(null, "batch", f.toString(), "--format", "json", "-v");
        assertTrue(with.out().contains("\"similar.cause\""), with.out());
        CliRunner.Result without = CliRunner.run(null, "batch", f.toString(), "--format", "json", "-v", "--no-similar");
        assertEquals(with.exit(), without.exit(), without.err());
        assertFalse(without.out().contains("\"similar."), without.out());
        assertFalse(without.out().contains("held_by_lookalikes"), without.out());
    }

    @Test void malformedYamlIsOneClearErrorWithLine() throws Exception {
        Path f = write("c.yaml", "cases:\n  - id: a\n    text: \"unterminated\n  - id: b\n");
        CliRunner.Result r = CliRunner.run(null, "batch", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.out().contains("malformed YAML"), r.out());
        assertFalse(r.out().contains("Exception"), r.out());
        assertFalse(r.err().contains("at dev."), r.err());
    }

    @Test void emptyMissingBinaryAndDirectoryInputs() throws Exception {
        CliRunner.Result empty = CliRunner.run(null, "batch", write("e.yaml", "  \n").toString());
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("the file is empty"), empty.err());

        CliRunner.Result missing = CliRunner.run(null, "batch", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Path bin = dir.resolve("b.bin");
        Files.write(bin, new byte[]{0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
        CliRunner.Result binary = CliRunner.run(null, "batch", bin.toString());
        assertEquals(2, binary.exit());
        assertTrue(binary.err().contains("not a text file"), binary.err());

        CliRunner.Result directory = CliRunner.run(null, "batch", dir.toString());
        assertEquals(2, directory.exit());
        assertTrue(directory.err().contains("is a directory"), directory.err());
    }

    @Test void aLineLongerThanTheLimitIsReportedNotLoaded() throws Exception {
        Path f = dir.resolve("huge.jsonl");
        try (var w = Files.newBufferedWriter(f)) {
            w.write("{\"id\":\"ok\",\"text\":\"504\"}\n{\"id\":\"big\",\"text\":\"");
            char[] chunk = new char[1 << 16];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 80; i++) w.write(chunk); // 5 MiB, over the 4 MiB line limit
            w.write("\"}\n{\"id\":\"after\",\"text\":\"Error 1033\"}\n");
        }
        CliRunner.Result r = CliRunner.run(null, "batch", f.toString(), "--format", "jsonl");
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[1].contains("line longer than 4 MiB"), lines[1]);
        assertTrue(lines[2].contains("tunnel-not-connected"), "cases after the bad line still run");
    }

    @Test void sarifAndMarkdownAreWellFormed() throws Exception {
        // 1033 alone only leads (a route to a deleted tunnel gives it too); with cloudflared down it diagnoses, once the
        // user states it (read from the text alone, a cause on probation waits: CalibrationGate)
        Path f = write("c.yaml", "cases:\n  - id: a\n    text: \"Error 1033 and cloudflared is not running\"\n"
                + "    facts: { tunnel.connected: false }\n  - id: b\n    text: \"502\"\n");
        CliRunner.Result sarif = CliRunner.run(null, "batch", f.toString(), "--format", "sarif");
        JsonNode s = JSON.readTree(sarif.out());
        assertEquals("2.1.0", s.get("version").asText());
        JsonNode results = s.get("runs").get(0).get("results");
        assertEquals(2, results.size());
        assertEquals("tunnel-not-connected", results.get(0).get("ruleId").asText());
        assertEquals("error", results.get(0).get("level").asText());
        assertEquals("inconclusive", results.get(1).get("ruleId").asText());
        CliRunner.Result md = CliRunner.run(null, "batch", f.toString(), "--format", "markdown");
        assertTrue(md.out().startsWith("# dokploy-doctor report"));
        assertTrue(md.out().contains("## a — diagnosed"));
        assertTrue(md.out().contains("| case | status | cause | certainty |"));
    }

    @Test void usageErrorsExitTwo() throws Exception {
        Path f = write("c.yaml", "cases:\n  - id: a\n    text: \"502\"\n");
        assertEquals(2, CliRunner.run(null, "batch", f.toString(), "--format", "xml").exit());
        assertEquals(2, CliRunner.run(null, "batch", f.toString(), "--min-certainty", "7").exit());
        assertEquals(2, CliRunner.run(null, "batch").exit());
    }

    @Test void explainNamesTheNearestCauseOnATypo() {
        CliRunner.Result r = CliRunner.run(null, "explain", "multi-container-isolaton");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("did you mean 'multi-container-isolation'?"), r.err());
    }
}
