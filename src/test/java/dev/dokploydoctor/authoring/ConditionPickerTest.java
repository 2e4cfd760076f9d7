package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConditionPickerTest {
    @TempDir Path dir;

    private static CaseInput session(Knowledge k, Map<String, Object> facts, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "session");
        if (text != null) m.put("text", text);
        m.put("facts", facts);
        return CaseInput.fromNode(Node.ofMap(m, "session.yaml"), k.vocabulary(), "session", true);
    }

    @Test void aValueSeenWithManyCausesTellsNothingApart() {
        Tree t = Tree.clean(dir);
        // a 502 in the cases of three different causes (the threshold is at least 3)
        t.write("knowledge/cases/tunnel-down/a.yaml", "id: t\nfacts: { http.status: 502 }\nexpect: { status: inconclusive }\n");
        t.write("knowledge/cases/port-wrong/a.yaml", "id: p\nfacts: { http.status: 502 }\nexpect: { status: inconclusive }\n");
        Knowledge k = t.load();
        Engine engine = Engine.load(k);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("http.status", 502L);
        facts.put("dependency.shares_network", false);
        ConditionPicker.Picked picked = ConditionPicker.pick(engine, session(k, facts, "getaddrinfo EAI_AGAIN db"),
                RegressionRunner.load(k), Set.of(), Set.of());
        assertEquals(List.of("dependency.shares_network", "app.dns_failure"), picked.conditions().stream().map(Condition::key).toList());
        assertEquals(Map.of("http.status", "found in the cases of 3 different causes, so it tells none apart; --keep http.status to use it"),
                picked.dropped());
    }

    @Test void keepMustNameAFactOfTheCase() {
        Tree t = Tree.clean(dir);
        Knowledge k = t.load();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConditionPicker.pick(Engine.load(k),
                session(k, Map.of("http.status", 502L), null), RegressionRunner.load(k), Set.of("service.kind"), Set.of()));
        assertEquals("--keep service.kind: the case has no fact 'service.kind'", e.getMessage());
    }
}
