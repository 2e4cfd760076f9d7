package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the regression cases (knowledge/causes/&lt;id&gt;/cases/) through the engine and judges each outcome
 * against its {@code expect}. A case file that cannot be read is a result too (with its file and
 * line), never an exception. The cases test the rules, so they run without the calibration gate
 * ({@link Engine#ungated()}): whether a cause has earned diagnoses from the text alone is the corpus's
 * verdict, which moves with the corpus (a case would flip when its cause graduates, and a rule that
 * {@code learn} writes from a text would never pass its own case); CalibrationGateTest tests the gate.
 */
public final class RegressionRunner {
    /** A case file and what reading it gave: the case, or the error that made it unreadable. */
    public record LoadedCase(Knowledge.CaseFile file, CaseInput input, KnowledgeError error) {
        public boolean readable() { return error == null; }
        public String id() { return input != null ? input.id() : Knowledge.stripExtension(file.path().getFileName().toString()); }
    }

    /** One case's verdict: the outcome and null failure when it passed. Invalid cases have no outcome. */
    public record Result(LoadedCase loaded, Outcome outcome, String failure) {
        public boolean passed() { return failure == null; }
        public boolean invalid() { return !loaded.readable(); }
    }

    private RegressionRunner() {}

    /** Read every case file of every layer; unreadable ones carry their error. */
    public static List<LoadedCase> load(Knowledge knowledge) {
        List<LoadedCase> out = new ArrayList<>();
        for (Knowledge.CaseFile file : knowledge.loadCases()) out.add(read(knowledge, file));
        return out;
    }

    static LoadedCase read(Knowledge knowledge, Knowledge.CaseFile file) {
        try {
            CaseInput c = file.read(knowledge.vocabulary());
            if (c.expect() == null) {
                return new LoadedCase(file, c, new KnowledgeError(c.file(), c.line(), "expect",
                        "a regression case needs expect (cause, not and/or status)"));
            }
            return new LoadedCase(file, c, null);
        } catch (KnowledgeError e) {
            return new LoadedCase(file, null, e);
        }
    }

    public static Result run(Engine engine, LoadedCase c) {
        if (!c.readable()) return new Result(c, null, c.error().describe());
        Outcome o;
        try {
            o = engine.ungated().diagnose(c.input(), Engine.DEFAULT_THRESHOLD);
        } catch (KnowledgeError e) {
            // a then-block that throws: where that rule is, and why
            return new Result(c, Outcome.failed(c.input().id(), e.describe()), "the rules failed on this case: " + e.describe());
        } catch (RuntimeException e) {
            // a rule that throws (a certainty out of range, a bad cast) fails its cases, not the run
            String message = rootMessage(e);
            return new Result(c, Outcome.failed(c.input().id(), message), "the rules failed on this case: " + message);
        }
        return new Result(c, o, Expectation.failure(c.input().expect(), o));
    }

    public static List<Result> runAll(Engine engine, List<LoadedCase> cases) {
        List<Result> out = new ArrayList<>();
        for (LoadedCase c : cases) out.add(run(engine, c));
        return out;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
