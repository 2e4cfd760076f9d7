package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * A rule whose then-block fails when it fires (a user rule that concludes without naming its
 * cause, a certainty out of range) is a mistake in a rule file, not in the program: it is reported
 * as a {@link KnowledgeError} at the rule's file and line, like a rule that does not compile.
 */
final class RuleFailure {
    private RuleFailure() {}

    static KnowledgeError of(Knowledge knowledge, ConsequenceException e) {
        String rule = e.getRule() == null ? "?" : e.getRule().getName();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String why = root.getMessage() == null ? root.toString() : root.getMessage();
        // our own checks already name the rule ("rule 'x': support takes ..."): said once
        String field = why.contains(rule) ? null : "rule '" + rule + "'";
        for (Knowledge.RuleSource src : knowledge.ruleSources().values()) {
            int at = src.text().indexOf("rule \"" + rule + "\"");
            if (at < 0) at = src.text().indexOf("rule '" + rule + "'");
            if (at < 0) continue;
            int line = 1;
            for (int i = 0; i < at; i++) if (src.text().charAt(i) == '\n') line++;
            return new KnowledgeError(src.displayPath(), line, field, "fails when it fires: " + why);
        }
        return new KnowledgeError(null, 0, field, "fails when it fires: " + why);
    }
}
