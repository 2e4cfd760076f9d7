package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field corpus: every record of knowledge/field is valid, and a bad record is named by file and line. */
class FieldCorpusTest {
    private static final Knowledge CHECKOUT = Knowledge.load(List.of(Layers.checkout(Path.of(""))));

    @Test
    void everyRecordOfTheCorpusHasTheSchemaAndTheVocabulary() {
        FieldCorpus.Loaded corpus = FieldCorpus.load(FieldCorpus.files(Path.of("knowledge")), CHECKOUT);
        assertEquals(List.of(), corpus.errors().stream().map(KnowledgeError::describe).toList());
        for (FieldRecord r : corpus.records()) {
            assertTrue(r.truth().entrySet().containsAll(r.facts().entrySet()), r.where());
            assertTrue(r.text().length() <= FieldCorpus.MAX_TEXT, r.where());
        }
    }

    @Test
    void recordsAreTypedByTheVocabulary() {
        FieldRecord r = FieldCorpus.read("""
                {"source": " https://github.com/Dokploy/dokploy/issues/1 ", "text": "502 after adding a domain", \
                "facts": {"http.status": 502, "service.kind": "compose"}, "cause": "other:platform-bug", "fix": "upgrade", \
                "label": "high", "truth": {"http.status": 502, "service.kind": "compose", "app.networks": ["a", "b"]}}""",
                "c.jsonl", 3, CHECKOUT);
        assertEquals(502L, r.facts().get("http.status"));
        assertEquals(List.of("a", "b"), r.truth().get("app.networks"));
        assertTrue(r.isOther());
        assertEquals("platform-bug", r.family());
        assertEquals("c.jsonl:3", r.where());
    }

    @Test
    void everyProblemIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        String ok = "\"text\": \"t\", \"fix\": \"f\", \"label\": \"low\"";
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"source\": \"https://a.example/1\", " + ok + ", \"cause\": \"tunnel-not-connected\", \"facts\": {}, \"truth\": {}}",
                "{\"source\": \"https://a.example/2\", " + ok + ", \"cause\": \"tunnel-not-conected\", \"facts\": {}, \"truth\": {}}",
                "{\"source\": \"https://a.example/3\", " + ok + ", \"cause\": \"other:Platform Bug\", \"facts\": {}, \"truth\": {}}",
                "{\"source\": \"a thread\", " + ok + ", \"cause\": \"other:x\", \"facts\": {}, \"truth\": {}}",
                "{\"source\": \"https://a.example/5\", " + ok + ", \"cause\": \"other:x\", \"facts\": {\"http.status\": \"502\"}, \"truth\": {\"http.status\": \"502\"}}",
                "{\"source\": \"https://a.example/6\", " + ok + ", \"cause\": \"other:x\", \"facts\": {\"http.stauts\": 502}, \"truth\": {}}",
                "{\"source\": \"https://a.example/7\", " + ok + ", \"cause\": \"other:x\", \"facts\": {\"http.status\": 502}, \"truth\": {}}",
                "{\"source\": \"https://a.example/8\", " + ok + ", \"cause\": \"other:x\", \"facts\": {\"http.status\": 502}, \"truth\": {\"http.status\": 504}}",
                "{\"source\": \"https://a.example/1\", " + ok + ", \"cause\": \"other:x\", \"facts\": {}, \"truth\": {}}",
                "",
                "{\"source\": \"https://a.example/11\", \"text\": \"" + "x".repeat(701) + "\", \"fix\": \"f\", \"label\": \"low\", \"cause\": \"other:x\", \"facts\": {}, \"truth\": {}}",
                "{\"source\": \"https://a.example/12\", " + ok + ", \"cause\": \"other:x\", \"facts\": {}, \"truth\": {}, \"note\": 1}",
                "{\"source\": \"https://a.example/13\", " + ok + ", \"cause\": \"other:x\", \"facts\": {}",
                "{\"source\": \"https://a.example/14\", \"text\": \"t\", \"fix\": \"f\", \"label\": \"sure\", \"cause\": \"other:x\", \"facts\": {}, \"truth\": {}}"));
        FieldCorpus.Loaded loaded = FieldCorpus.load(List.of(file), CHECKOUT);
        assertEquals(1, loaded.records().size());
        List<String> errors = loaded.errors().stream().map(e -> e.describe().replace(file.toString(), "bad.jsonl")).toList();
        List<String> expected = List.of(
                "bad.jsonl:2: cause: unknown cause 'tunnel-not-conected' (did you mean 'tunnel-not-connected'?); use a cause id or other:<family>",
                "bad.jsonl:3: cause: 'other:Platform Bug': the family after other: is lower-case words joined by dashes",
                "bad.jsonl:4: source: 'a thread' is not an http(s) URL",
                "bad.jsonl:5: facts.http.status: expected a whole number, got 502",
                "bad.jsonl:6: http.stauts: unknown fact key 'http.stauts' (did you mean 'http.status'?)",
                "bad.jsonl:7: truth: lacks http.status (truth holds every fact)",
                "bad.jsonl:8: truth: http.status is 504 but facts say 502",
                "bad.jsonl:9: source: the same report as bad.jsonl:1",
                "bad.jsonl:11: text: is 701 characters; at most 700",
                "bad.jsonl:12: note: unknown field");
        assertEquals(expected, errors.subList(0, expected.size()));
        assertTrue(errors.get(10).startsWith("bad.jsonl:13: malformed JSON"), errors.get(10));
        assertEquals("bad.jsonl:14: label: 'sure' is not one of high, medium, low", errors.get(11));
        assertEquals(12, errors.size());
    }

    @Test
    void theSplitIsFixedByTheUrl() {
        // sha256("https://github.com/Dokploy/dokploy/issues/1686") starts 317cd948 = 830265672 = 3 x 276755224
        assertEquals(830265672L, CorpusSplit.bucket("https://github.com/Dokploy/dokploy/issues/1686"));
        assertEquals(CorpusSplit.TEST, CorpusSplit.of("https://github.com/Dokploy/dokploy/issues/1686"));
        assertEquals(CorpusSplit.TEST, CorpusSplit.of("  https://github.com/Dokploy/dokploy/issues/1686\n"), "the URL is trimmed");
        // 2436415265 mod 3 = 2
        assertEquals(CorpusSplit.DEV, CorpusSplit.of("https://github.com/traefik/traefik/issues/1"));
    }
}
