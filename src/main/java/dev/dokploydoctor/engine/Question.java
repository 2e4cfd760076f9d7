package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.FactSpec;

import java.util.List;

/** An open question: a fact some rules need, the causes it would help decide, and why. */
public record Question(String key, FactSpec spec, double score, List<String> causes, List<Need> needs) {
    public String text() {
        return spec != null && spec.question() != null ? spec.question() : "What is " + key + "?";
    }
}
