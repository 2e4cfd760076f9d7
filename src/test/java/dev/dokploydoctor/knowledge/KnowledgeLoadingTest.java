package dev.dokploydoctor.knowledge;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.RuleBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Bad knowledge and rule files give one located message, never a stack trace. */
class KnowledgeLoadingTest {
    @TempDir Path dir;

    Path tree(String facts, String drl) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("knowledge/causes"));
        Files.writeString(dir.resolve("knowledge/facts.yaml"), facts);
        Files.writeString(dir.resolve("rules/app.drl"), drl);
        return dir;
    }

    static final String OK_DRL = """
            package dokploy.rules;
            import dev.dokploydoctor.knowledge.Fact;
            import dev.dokploydoctor.engine.Evidence;
            rule "x"
            when
                Fact(key == "http.status", num == 502)
            then
                insertLogical(new Evidence(drools, "some-cause", 0.5));
            end
            """;

    @Test void duplicateFactKeyNamesBothLines() throws IOException {
        tree("facts:\n  http.status:\n    type: int\n  http.status:\n    type: int\n", OK_DRL);
        KnowledgeError e = assertThrows(KnowledgeError.class, () -> Knowledge.load(List.of(Layers.checkout(dir))));
        assertEquals("" + dir.resolve("knowledge/facts.yaml") + ":4: http.status: duplicate key (first at line 2)", e.describe());
    }

    @Test void unknownTypeIsNamed() throws IOException {
        tree("facts:\n  http.status:\n    type: integr\n", OK_DRL);
        KnowledgeError e = assertThrows(KnowledgeError.class, () -> Knowledge.load(List.of(Layers.checkout(dir))));
        assertTrue(e.describe().endsWith(":3: http.status.type: unknown type 'integr' (use int, string, bool, enum or list)"), e.describe());
    }

    @Test void drlSyntaxErrorNamesFileAndLine() throws IOException {
        tree("facts:\n  http.status:\n    type: int\n", OK_DRL.replace("num == 502)", "num == 502"));
        Knowledge k = Knowledge.load(List.of(Layers.checkout(dir)));
        RuleBase.RuleCompileException e = assertThrows(RuleBase.RuleCompileException.class, () -> Engine.load(k));
        assertFalse(e.errors().isEmpty());
        KnowledgeError first = e.errors().get(0);
        assertEquals(dir.resolve("rules/app.drl").toString(), first.file());
        assertTrue(first.line() >= 6 && first.line() <= 7, "line " + first.line() + ": " + first.getMessage());
    }

    @Test void extractorWithUnknownKeySuggestsTheNearest() throws IOException {
        tree("facts:\n  http.status:\n    type: int\n", OK_DRL);
        Files.writeString(dir.resolve("knowledge/extractors.yaml"),
                "extractors:\n  - id: x\n    pattern: 'Bad Gateway'\n    facts: { http.statu: 502 }\n");
        KnowledgeError e = assertThrows(KnowledgeError.class, () -> Knowledge.load(List.of(Layers.checkout(dir))));
        assertTrue(e.describe().contains("extractors.yaml:4: http.statu: unknown fact key 'http.statu' (did you mean 'http.status'?)"), e.describe());
    }

    @Test void causesAloneReadNeitherRulesNorCatalog() throws IOException {
        Knowledge all = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        Knowledge causes = Knowledge.loadCauses(List.of(Layers.checkout(Path.of(""))));
        assertEquals(all.causes().keySet(), causes.causes().keySet());
        assertEquals(all.vocabulary().all().size(), causes.vocabulary().all().size());
        assertTrue(causes.ruleSources().isEmpty() && causes.extractors().isEmpty());
        // explain still works beside a catalog entry that would stop a full load
        tree("facts:\n  http.status:\n    type: int\n", OK_DRL);
        Files.writeString(dir.resolve("knowledge/extractors.yaml"),
                "extractors:\n  - id: x\n    pattern: 'Bad Gateway'\n    facts: { http.statu: 502 }\n");
        assertThrows(KnowledgeError.class, () -> Knowledge.load(List.of(Layers.checkout(dir))));
        assertEquals(1, Knowledge.loadCauses(List.of(Layers.checkout(dir))).vocabulary().all().size());
    }

    @Test void causeFileWithoutFixesIsRejected() throws IOException {
        tree("facts:\n  http.status:\n    type: int\n", OK_DRL);
        Files.writeString(dir.resolve("knowledge/causes/some-cause.yaml"),
                "title: T\nlayer: app\nwhy: W\nverify: V\n");
        KnowledgeError e = assertThrows(KnowledgeError.class, () -> Knowledge.load(List.of(Layers.checkout(dir))));
        assertTrue(e.describe().contains("some-cause.yaml:1: fixes: at least one fix is required"), e.describe());
    }

    @Test void textExtractionFillsGroupsAndTypes() throws IOException {
        Knowledge k = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        var facts = k.textExtraction().extract("Bind for 0.0.0.0:5678 failed: port is already allocated\ngetaddrinfo EAI_AGAIN redis");
        var byKey = new java.util.HashMap<String, Object>();
        facts.forEach(f -> byKey.put(f.getKey(), f.getValue()));
        assertEquals(5678L, byKey.get("host.port"));
        assertEquals(Boolean.TRUE, byKey.get("host.port_conflict"));
        assertEquals("redis", byKey.get("dependency.name"));
        assertEquals(Boolean.TRUE, byKey.get("app.dns_failure"));
    }

    @Test void aStatusOrUrlAloneIsUnderstood() {
        Knowledge k = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        assertEquals(502L, k.textExtraction().extract("502").get(0).getValue());
        var url = k.textExtraction().extract("https://shop.example.com/login");
        assertEquals("shop.example.com", url.stream().filter(f -> f.getKey().equals("domain.host")).findFirst().orElseThrow().getValue());
        assertTrue(k.textExtraction().extract("port 443 and 10.0.1.5:5678").stream().noneMatch(f -> f.getKey().equals("http.status")),
                "port numbers and addresses are not HTTP statuses");
    }
}
