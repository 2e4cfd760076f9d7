package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Redactor;

import java.util.List;
import java.util.Set;

/**
 * The result of one case: status, ranked diagnoses, open questions, every fact (stated, extracted,
 * probed, derived), all evidence including refutations (for why-not) and the rules that fired.
 */
public record Outcome(String id, Status status, List<Diagnosis> diagnoses, List<Question> questions,
                      List<Fact> facts, List<Evidence> evidence, List<String> fired, Set<String> unknown,
                      String error) {

    public static Outcome invalid(String id, KnowledgeError error) {
        return new Outcome(id, Status.INVALID, List.of(), List.of(), List.of(), List.of(), List.of(), Set.of(), Redactor.SHAPES.redact(error.describe()));
    }

    public static Outcome failed(String id, String message) {
        return new Outcome(id, Status.ERROR, List.of(), List.of(), List.of(), List.of(), List.of(), Set.of(), Redactor.SHAPES.redact(message));
    }

    public Diagnosis top() { return diagnoses.isEmpty() ? null : diagnoses.get(0); }

    public Fact fact(String key) {
        for (Fact f : facts) if (f.getKey().equals(key)) return f;
        return null;
    }
}
