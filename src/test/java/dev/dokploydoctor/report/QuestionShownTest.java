package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch, Markdown and JSON list a case's questions as the REPL asks them: with the values the case knows filled in. */
class QuestionShownTest {
    private static final FactSpec HOLDER = new FactSpec("host.port_holder_found", FactType.BOOL, List.of(),
            "Does anything hold it? sudo ss -ltnp 'sport = :{host.port}'", null, null, null, "f", 1);

    private static Outcome withPort(List<Fact> facts) {
        return new Outcome("c", Status.INCONCLUSIVE, List.of(), List.of(new Question("host.port_holder_found", HOLDER, 0.1, List.of("host-port-conflict"), List.of())),
                facts, List.of(), List.of(), Set.of(), null);
    }

    @Test
    void thePortTheTextGaveIsInTheListedQuestion() {
        Outcome o = withPort(List.of(new Fact("host.port", 9432L, Fact.TEXT, "Bind for 0.0.0.0:9432 failed: port is already allocated")));
        assertEquals("Does anything hold it? sudo ss -ltnp 'sport = :9432'", OutcomeView.shown(o).get(0).text());
        assertEquals("Does anything hold it? sudo ss -ltnp 'sport = :PORT'", OutcomeView.shown(withPort(List.of())).get(0).text());
    }

    /** The planner's first question from nothing names no rule's need: JSON gives its why as null (the schema allows it), not a crash. */
    @Test
    void aQuestionNoRuleNeedsIsListedWithoutAWhy() {
        java.util.Map<String, Object> m = CaseView.question(withPort(List.of()).questions().get(0));
        assertTrue(m.containsKey("why"));
        assertNull(m.get("why"));
    }
}
