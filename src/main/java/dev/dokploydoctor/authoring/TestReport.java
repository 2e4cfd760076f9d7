package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.knowledge.KnowledgeError;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code rules test}: a line per case (mark, id, expected versus got), the trace of a
 * failure (facts with their source, rules fired, evidence with certainties, open questions) and
 * the closing {@code N passed, N failed}.
 */
public final class TestReport {
    private final String ok;
    private final String bad;

    /** {@code ok} and {@code bad} are the marks to use (✓ and ✗, or ASCII, maybe coloured). */
    public TestReport(String ok, String bad) {
        this.ok = ok;
        this.bad = bad;
    }

    public String line(RegressionRunner.Result r) {
        if (r.invalid()) {
            KnowledgeError e = r.loaded().error();
            String file = Display.path(e.file() != null ? e.file() : r.loaded().file().path().toString());
            return bad + " " + new KnowledgeError(file, e.line(), e.field(), e.getMessage()).describe();
        }
        String expected = Expectation.describe(r.loaded().input().expect());
        String got = Expectation.describe(r.outcome());
        return (r.passed() ? ok : bad) + " " + r.loaded().id() + ": expected " + expected + ", got " + got
                + (r.passed() ? "" : " (" + r.failure() + ")");
    }

    /** How the engine got there: everything needed to see why a case failed. */
    public String trace(RegressionRunner.Result r, String indent) {
        if (r.invalid()) return "";
        Outcome o = r.outcome();
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("file: ").append(Display.path(r.loaded().input().file()));
        if (r.loaded().input().line() > 0) sb.append(':').append(r.loaded().input().line());
        sb.append('\n');
        sb.append(indent).append("facts:").append(o.facts().isEmpty() ? " none" : "").append('\n');
        for (Fact f : o.facts()) {
            sb.append(indent).append("  ").append(f.getKey()).append(" = ").append(f.getText()).append("  [").append(f.getSource())
                    .append(f.getEvidence().isEmpty() ? "" : ": " + f.getEvidence()).append("]\n");
        }
        sb.append(indent).append("fired: ").append(o.fired().isEmpty() ? "no rule" : quoted(o.fired())).append('\n');
        if (!o.evidence().isEmpty()) {
            sb.append(indent).append("evidence:\n");
            for (Evidence e : o.evidence()) {
                List<String> matched = new ArrayList<>();
                for (Fact f : e.getMatched()) matched.add(f.getKey() + "=" + f.getText());
                sb.append(indent).append("  ").append(e.getCause()).append(String.format(" %+.2f", Certainty.round(e.getCf())))
                        .append(" by '").append(e.getRule()).append("'")
                        .append(matched.isEmpty() ? "" : " on " + String.join(", ", matched)).append('\n');
            }
        }
        if (!o.questions().isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (Question q : o.questions()) keys.add(q.key());
            sb.append(indent).append("would ask: ").append(String.join(", ", keys)).append('\n');
        }
        return sb.toString();
    }

    public static String summary(List<RegressionRunner.Result> results) {
        long failed = results.stream().filter(r -> !r.passed()).count();
        return (results.size() - failed) + " passed, " + failed + " failed";
    }

    private static String quoted(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) out.add("'" + n + "'");
        return String.join(", ", out);
    }
}
