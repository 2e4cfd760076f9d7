package dev.dokploydoctor.cli;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.RuleBase;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.CaseReader;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.authoring.Condition;
import dev.dokploydoctor.authoring.Expectation;
import dev.dokploydoctor.authoring.Learn;
import dev.dokploydoctor.authoring.NewCause;
import dev.dokploydoctor.authoring.RegressionRunner;
import dev.dokploydoctor.authoring.TestReport;
import dev.dokploydoctor.authoring.WriteTarget;
import dev.dokploydoctor.report.Style;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** dokploy-doctor learn: a saved session (or any case) and its confirmed cause become a rule and a regression case. */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Turn a case into a lesson: a rule, a regression case and, if new, a cause file.",
                "The rule's conditions are the case's telling facts (stated, and extracted from its text); the case becomes"
                + " a regression case. Runs every regression case before and after and shows what changed; if a case that"
                + " passed now fails, or the new case is not diagnosed, every file is put back (unless --force).",
                "Writes into the checkout in the working directory, else into $XDG_CONFIG_HOME/dokploy-doctor."},
        footer = {"", "Example: dokploy-doctor learn ~/shop-502.yaml --cause multi-container-isolation --yes",
                "", "Exit codes: 0 learned (or nothing written without --yes), 1 not learned because cases failed,",
                "2 invalid input (bad file, unknown cause without --layer, rules that do not compile)."})
public final class LearnCommand implements Callable<Integer> {
    @Mixin KnowledgeOptions knowledge = new KnowledgeOptions();
    @Parameters(index = "0", paramLabel = "CASE-FILE", description = "A case saved in the REPL ('save'), or a batch file (pick a case with --case).")
    Path file;
    @Option(names = "--case", paramLabel = "ID", description = "Which case of a file that holds several.")
    String caseId;
    @Option(names = "--cause", paramLabel = "ID", description = "The confirmed cause: an existing id, or a new one (then --layer). Asked when interactive.")
    String cause;
    @Option(names = "--layer", paramLabel = "LAYER", description = "Layer of a new cause (one of knowledge/layers.yaml). Default: the cause's layer.")
    String layer;
    @Option(names = "--title", description = "Title of a new cause (default: from the id).")
    String title;
    @Option(names = "--keep", paramLabel = "KEY", description = "Use this fact as a condition even if it looks like it tells nothing apart.")
    List<String> keep = new ArrayList<>();
    @Option(names = "--drop", paramLabel = "KEY", description = "Leave this fact out of the conditions.")
    List<String> drop = new ArrayList<>();
    @Option(names = "--cf", defaultValue = "" + NewCause.DEFAULT_CF, description = "Certainty the rule gives, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double cf;
    @Option(names = {"-y", "--yes"}, description = "Write without asking.")
    boolean yes;
    @Option(names = "--force", description = "Keep the new rule even if cases fail.")
    boolean force;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Reads answers; null when not interactive. Tests give their own. */
    Prompter prompter;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (prompter == null) prompter = Prompter.system(out);
        if (!(cf > 0 && cf <= 1)) throw new Main.UsageError("--cf: a supporting certainty is in (0, 1], not " + cf);
        if (!Files.isRegularFile(file)) throw new Main.UsageError("no such file: " + file);
        WriteTarget target = target(knowledge);
        Knowledge k = RulesCommand.load(knowledge, err);
        Engine engine = new Engine(k, RuleBase.load(k));
        CaseInput input = pickCase(CaseReader.readAll(file, k.vocabulary()));

        Outcome now = engine.diagnose(input, Engine.DEFAULT_THRESHOLD);
        out.println("case '" + input.id() + "' (" + file + "): the rules say now: " + Expectation.describe(now));
        if (cause == null) {
            if (prompter == null) throw new Main.UsageError("--cause is required when not interactive: which cause is it?");
            String guess = now.top() == null ? null : now.top().cause();
            cause = prompter.ask("Which cause is it (an existing id, or a new one)?" + (guess == null ? " " : " [" + guess + "] "), guess);
        }
        if (k.cause(cause) == null && layer == null) {
            if (prompter == null) throw new Main.UsageError("'" + cause + "' is a new cause: give its layer with --layer");
            layer = prompter.ask("'" + cause + "' is new. Its layer (" + String.join(", ", k.causeLayers().keySet()) + ")? ", null);
        }
        Learn.Plan plan;
        try {
            plan = Learn.plan(engine, input, file.getFileName().toString(), cause, layer, new LinkedHashSet<>(keep),
                    new LinkedHashSet<>(drop), target, cf, title);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError(e.getMessage());
        }
        printPlan(out, plan, target);
        if (!yes) {
            if (prompter == null) {
                out.println("nothing written: run again with --yes to write these files");
                return Main.OK;
            }
            String answer = prompter.ask("Write these files? [y/N] ", "n");
            if (!answer.toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                out.println("nothing written");
                return Main.OK;
            }
        }
        Learn.Report report = Learn.apply(plan, engine, () -> Knowledge.load(knowledge.layers()), force);
        return printReport(out, report);
    }

    private CaseInput pickCase(CaseReader.All read) {
        List<CaseInput> cases = read.cases();
        if (caseId != null) {
            for (CaseInput c : cases) if (c.id().equals(caseId)) return c;
            if (!read.errors().isEmpty()) throw read.errors().get(0);
            throw new Main.UsageError("no case '" + caseId + "' in " + file + " (cases: " + ids(cases) + ")");
        }
        if (!read.errors().isEmpty()) throw read.errors().get(0);
        if (cases.size() == 1) return cases.get(0);
        if (cases.isEmpty()) throw new KnowledgeError(file.toString(), 0, null, "no case in this file");
        throw new Main.UsageError(file + " holds " + cases.size() + " cases (" + ids(cases) + "); pick one with --case ID");
    }

    private static String ids(List<CaseInput> cases) {
        return String.join(", ", cases.stream().map(CaseInput::id).limit(8).toList()) + (cases.size() > 8 ? ", ..." : "");
    }

    private static void printPlan(PrintWriter out, Learn.Plan plan, WriteTarget target) {
        out.println("cause: " + plan.cause() + (plan.newCause() ? " (new, layer " + plan.layer() + ")" : ""));
        out.println("rule '" + plan.ruleName() + "' when:");
        for (Condition c : plan.conditions()) out.println("  " + c.describe());
        if (!plan.dropped().isEmpty()) {
            out.println("left out:");
            for (Map.Entry<String, String> e : plan.dropped().entrySet()) out.println("  " + e.getKey() + ": " + e.getValue());
        }
        out.println("will write into " + target.label() + ":");
        if (plan.newCause()) out.println("  " + RulesCommand.relative(plan.causeFile()) + " (new cause: then edit why, fixes, verify)");
        out.println("  " + RulesCommand.relative(plan.ruleFile()) + " (rule appended)");
        out.println("  " + RulesCommand.relative(plan.caseFile()) + " (regression case: expect cause " + plan.cause() + ")");
    }

    private static int printReport(PrintWriter out, Learn.Report report) {
        if (!report.compileErrors().isEmpty()) {
            out.println("not learned: the rules do not compile with the new rule; every file was put back:");
            for (KnowledgeError e : report.compileErrors()) out.println("  " + e.describe());
            out.flush();
            return Main.USAGE;
        }
        Style style = Style.detect();
        TestReport text = new TestReport(style.ok(), style.bad());
        out.println("outcomes that changed:" + (report.changes().isEmpty() ? " none" : ""));
        for (Learn.Change c : report.changes()) {
            out.println("  " + (c.passesAfter() ? style.ok() : style.bad()) + " " + c.caseId() + ": " + c.before() + " -> " + c.after()
                    + (c.broken() ? " (passed before, fails now)" : c.passesAfter() ? "" : " (failed before too)"));
        }
        for (RegressionRunner.Result r : report.after()) {
            if (r.passed()) continue;
            out.println(text.line(r));
            out.print(text.trace(r, "    "));
        }
        out.println("rules test: " + TestReport.summary(report.after()));
        RegressionRunner.Result own = report.own();
        boolean ownPasses = own != null && own.passed();
        if (!report.kept()) {
            String why = !ownPasses ? "the new rule does not diagnose its own case" : report.broken().size() + " case(s) that passed now fail";
            out.println("not learned: " + why + "; every file was put back as it was (--force keeps them).");
            out.flush();
            return 1;
        }
        out.println("learned: wrote " + report.written().size() + " file(s):");
        for (Path p : report.written()) out.println("  " + RulesCommand.relative(p));
        if (report.plan().newCause()) out.println("next: edit " + RulesCommand.relative(report.plan().causeFile()) + " (why, fixes, verify)");
        out.flush();
        return report.failed() == 0 ? Main.OK : 1;
    }

    /** Where rules new and learn write; the user folder only when user rules are read. */
    static WriteTarget target(KnowledgeOptions options) {
        WriteTarget target = WriteTarget.resolve(options.knowledge, Path.of("").toAbsolutePath());
        if (options.noUserRules && target.usesUserFolder()) {
            throw new Main.UsageError("nowhere to write: --no-user-rules excludes your folder; run inside a checkout or give --knowledge");
        }
        return target;
    }

    /** Questions on the terminal; {@link #system} is null when stdin is not interactive. */
    static final class Prompter {
        private final BufferedReader in;
        private final PrintWriter out;

        Prompter(BufferedReader in, PrintWriter out) {
            this.in = in;
            this.out = out;
        }

        static Prompter system(PrintWriter out) {
            if (System.console() == null) return null;
            return new Prompter(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        }

        /** The answer, or {@code fallback} for an empty line; end of input is a usage error. */
        String ask(String question, String fallback) {
            out.print(question);
            out.flush();
            try {
                String line = in.readLine();
                if (line == null) throw new Main.UsageError("no answer (end of input)");
                line = line.trim();
                if (line.isEmpty()) {
                    if (fallback == null) throw new Main.UsageError("no answer");
                    return fallback;
                }
                return line;
            } catch (IOException e) {
                throw new Main.UsageError("cannot read the answer: " + e.getMessage());
            }
        }
    }
}
