package dev.dokploydoctor.authoring;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The regression cases: each must be readable and name real causes, and each cause needs at
 * least one positive case ({@code expect.cause}) and one near-miss ({@code expect.not}).
 */
final class CaseCheck {
    private CaseCheck() {}

    static void check(Knowledge knowledge, List<RegressionRunner.LoadedCase> cases, ReferenceCheck references, List<Finding> out) {
        Map<String, Integer> positives = new HashMap<>();
        Map<String, Integer> nearMisses = new HashMap<>();
        for (RegressionRunner.LoadedCase c : cases) {
            if (!c.readable()) {
                KnowledgeError e = c.error();
                String where = e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ";
                out.add(Finding.error("invalid-case", Display.path(e.file() != null ? e.file() : c.file().path().toString()),
                        e.line(), where + e.getMessage()));
                continue;
            }
            CaseInput.Expect expect = c.input().expect();
            String file = Display.path(c.input().file());
            int line = c.input().line();
            if (expect.cause() != null && references.knownCause("case '" + c.id() + "' expects", expect.cause(), file, line)) {
                positives.merge(expect.cause(), 1, Integer::sum);
            }
            if (expect.not() != null && references.knownCause("case '" + c.id() + "' rules out", expect.not(), file, line)) {
                nearMisses.merge(expect.not(), 1, Integer::sum);
            }
        }
        for (Cause cause : knowledge.causes().values()) {
            String file = Display.path(cause.file());
            if (!positives.containsKey(cause.id())) {
                out.add(Finding.warning("no-positive-case", file, 0, "cause '" + cause.id()
                        + "' has no positive case (a case in knowledge/causes/" + cause.id() + "/cases/ with expect: {cause: " + cause.id() + "})"));
            }
            if (!nearMisses.containsKey(cause.id())) {
                out.add(Finding.warning("no-near-miss", file, 0, "cause '" + cause.id()
                        + "' has no near-miss case (a similar case with expect: {not: " + cause.id() + "})"));
            }
        }
    }
}
