package dev.dokploydoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.RuleBase;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.CaseReader;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.RuleSafety;
import dev.dokploydoctor.knowledge.Suggest;
import dev.dokploydoctor.authoring.CheckReport;
import dev.dokploydoctor.authoring.Condition;
import dev.dokploydoctor.authoring.Coverage;
import dev.dokploydoctor.authoring.Finding;
import dev.dokploydoctor.authoring.NewCause;
import dev.dokploydoctor.authoring.RegressionRunner;
import dev.dokploydoctor.authoring.RulesCheck;
import dev.dokploydoctor.authoring.TestReport;
import dev.dokploydoctor.authoring.WriteTarget;
import dev.dokploydoctor.report.Style;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** dokploy-doctor rules check|test|coverage|new: keep the rule base honest and grow it without Java. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Check, test and extend the rule base (knowledge/: causes/<id>/ and shared/).",
                "Field guide: knowledge/README.md; a worked example: docs/ADD-A-RULE.md."},
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class, RulesCommand.CoverageCommand.class, RulesCommand.New.class})
public final class RulesCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.USAGE;
    }

    /** Load the layers and say which user files replace bundled ones. */
    static Knowledge load(KnowledgeOptions options, PrintWriter err) {
        Knowledge k = Knowledge.load(options.layers());
        for (String notice : k.notices()) err.println("note: " + notice);
        return k;
    }

    static String relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        if (!abs.startsWith(cwd)) return abs.toString();
        String relative = cwd.relativize(abs).toString();
        return relative.isEmpty() ? "." : relative;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Compile the rules and verify the rule base.",
                    "Reports unknown fact keys and enum values (with the nearest name), wrong properties, concluded causes"
                    + " without a cause file, causes no rule reaches, causes without a positive case or a near-miss, unreadable"
                    + " cases, dead rules (fired by no case), conflicting and redundant rules,"
                    + " questions no rule needs."},
            footer = {"", "Exit codes: 0 no errors (warnings allowed), 2 errors (or warnings with --strict)."})
    static final class Check implements Callable<Integer> {
        @Mixin KnowledgeOptions knowledge = new KnowledgeOptions();
        @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
        String format;
        @Option(names = "--strict", description = "Warnings fail the check too.")
        boolean strict;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public Integer call() throws Exception {
            boolean json = switch (format) {
                case "json" -> true;
                case "text" -> false;
                default -> throw new Main.UsageError("--format: use text or json, not '" + format + "'");
            };
            PrintWriter out = spec.commandLine().getOut();
            CheckReport report;
            try {
                report = RulesCheck.run(load(knowledge, spec.commandLine().getErr()));
            } catch (RuleSafety.UnsafeRuleError e) {
                // refused before compiling: every unsafe place of the file, not only the first
                report = new CheckReport(RulesCheck.unsafe(relative(Path.of(e.file())), e.places()),
                        0, 0, 0, 0, new CheckReport.Timings(0, 0, 0, 0));
            } catch (KnowledgeError e) {
                // a file that does not load is a finding like any other, in the format asked for
                report = new CheckReport(List.of(Finding.error("load", e.file() == null ? null : relative(Path.of(e.file())), e.line(),
                        (e.field() == null || e.field().isEmpty() ? "" : e.field() + ": ") + e.getMessage())),
                        0, 0, 0, 0, new CheckReport.Timings(0, 0, 0, 0));
            }
            if (json) out.println(json(report.toPlain()));
            else out.print(report.toText());
            out.flush();
            return report.exitCode(strict);
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Run the regression cases (knowledge/causes/<id>/cases/).",
                    "A line per case, expected versus got; for a failure, the trace (facts, rules fired, evidence with"
                    + " certainties). Ends with 'N passed, N failed'.",
                    "expect.status must equal the outcome; expect.cause must be the top cause, diagnosed (or advice) unless",
                    "a status is given; expect.not must not be diagnosed (inconclusive with it as a candidate is fine)."},
            footer = {"", "Exit codes: 0 all passed, 1 a case failed, 2 invalid input (a case file or the rules do not load)."})
    static final class Test implements Callable<Integer> {
        @Mixin KnowledgeOptions knowledge = new KnowledgeOptions();
        @Option(names = "--cause", paramLabel = "ID", description = "Only the cases about this cause (expect.cause or expect.not, or its folder).")
        String cause;
        @Option(names = {"-v", "--verbose"}, description = "Show the trace of passing cases too.")
        boolean verbose;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Knowledge k = load(knowledge, spec.commandLine().getErr());
            Engine engine = new Engine(k, RuleBase.load(k));
            List<RegressionRunner.LoadedCase> cases = RegressionRunner.load(k);
            if (cause != null) cases = about(k, cases, cause);
            Style style = Style.detect();
            TestReport text = new TestReport(style.ok(), style.bad());
            List<RegressionRunner.Result> results = new ArrayList<>();
            for (RegressionRunner.LoadedCase c : cases) {
                RegressionRunner.Result r = RegressionRunner.run(engine, c);
                results.add(r);
                out.println(text.line(r));
                if (!r.passed() || verbose) out.print(text.trace(r, "    "));
            }
            out.println(TestReport.summary(results));
            out.flush();
            if (results.stream().anyMatch(RegressionRunner.Result::invalid)) return Main.USAGE;
            return results.stream().allMatch(RegressionRunner.Result::passed) ? Main.OK : 1;
        }

        static List<RegressionRunner.LoadedCase> about(Knowledge k, List<RegressionRunner.LoadedCase> cases, String cause) {
            List<RegressionRunner.LoadedCase> out = new ArrayList<>();
            for (RegressionRunner.LoadedCase c : cases) {
                boolean folder = c.file().causeFolder().equals(cause);
                CaseInput.Expect e = c.readable() ? c.input().expect() : null;
                if (folder || (e != null && (cause.equals(e.cause()) || cause.equals(e.not())))) out.add(c);
            }
            if (out.isEmpty() && k.cause(cause) == null) {
                String hint = Suggest.nearest(cause, k.causes().keySet());
                throw new Main.UsageError("--cause: no cause '" + cause + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
            }
            return out;
        }
    }

    @Command(name = "coverage", mixinStandardHelpOptions = true,
            description = {"Show which rules and causes the cases reach.",
                    "For each rule, how many cases fired it; for each cause, how many cases gave it evidence or a diagnosis;"
                    + " rules never fired and causes never reached. Markdown. Uses the regression cases, or the cases of FILE"
                    + " (a batch symptom file: YAML, JSON or JSONL)."})
    static final class CoverageCommand implements Callable<Integer> {
        @Mixin KnowledgeOptions knowledge = new KnowledgeOptions();
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "A batch symptom file instead of the regression cases.")
        Path file;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Knowledge k = load(knowledge, err);
            Engine engine = new Engine(k, RuleBase.load(k));
            List<CaseInput> cases = new ArrayList<>();
            List<KnowledgeError> skipped = new ArrayList<>();
            String source;
            if (file != null) {
                if (!Files.isRegularFile(file)) throw new Main.UsageError("no such file: " + file);
                CaseReader.All read = CaseReader.readAll(file, k.vocabulary());
                cases.addAll(read.cases());
                skipped.addAll(read.errors());
                source = file.toString();
            } else {
                for (RegressionRunner.LoadedCase c : RegressionRunner.load(k)) {
                    if (c.readable()) cases.add(c.input());
                    else skipped.add(c.error());
                }
                source = "the regression cases (knowledge/causes/*/cases)";
            }
            for (KnowledgeError e : skipped) err.println("skipped: " + e.describe());
            out.print(Coverage.of(engine, cases, source).toMarkdown());
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Scaffold a lesson: a cause folder with a rule and two cases.",
                    "Writes the folder knowledge/causes/<id>/ with cause.yaml, a rule in rules.drl, and the cases"
                    + " cases/positive.yaml and cases/near-miss.yaml; then runs 'rules check'. Writes into the checkout in the"
                    + " working directory, else into $XDG_CONFIG_HOME/dokploy-doctor/knowledge; --knowledge chooses the folder."},
            footer = {"", "Example: dokploy-doctor rules new letsencrypt-rate-limited --layer traefik --when letsencrypt.rate_limited=true",
                    "", "Exit codes: 0 written, checked and its cases pass; 1 a new case fails (another cause claims the same facts:",
                    "sharpen the conditions); 2 refused (bad or taken id, bad layer, unknown key) or the check found errors."})
    static final class New implements Callable<Integer> {
        @Mixin KnowledgeOptions knowledge = new KnowledgeOptions();
        @Parameters(index = "0", paramLabel = "CAUSE-ID", description = "The new cause id: lower-case words joined by dashes.")
        String id;
        @Option(names = "--layer", required = true, paramLabel = "LAYER", description = "A layer of knowledge/layers.yaml: cloudflare, tunnel, traefik, docker, compose, dokploy or app.")
        String layer;
        @Option(names = "--when", paramLabel = "KEY=VALUE", description = "A fact that shows the cause (repeat for several); asked when interactive.")
        List<String> when = new ArrayList<>();
        @Option(names = "--title", description = "The cause's title (default: from the id).")
        String title;
        @Option(names = "--cf", defaultValue = "" + NewCause.DEFAULT_CF, description = "Certainty the rule gives, in (0, 1] (default: ${DEFAULT-VALUE}).")
        double cf;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!(cf > 0 && cf <= 1)) throw new Main.UsageError("--cf: a supporting certainty is in (0, 1], not " + cf);
            WriteTarget target = LearnCommand.target(knowledge);
            Knowledge k = load(knowledge, err);
            List<Condition> conditions = new ArrayList<>();
            try {
                NewCause.validate(k, target, id, layer);
                List<String> assignments = new ArrayList<>(when);
                if (assignments.isEmpty()) {
                    LearnCommand.Prompter prompter = LearnCommand.Prompter.system(out);
                    if (prompter == null) {
                        throw new Main.UsageError("say which fact shows the cause: --when KEY=VALUE (e.g. --when letsencrypt.failing=true)");
                    }
                    assignments.add(prompter.ask("Which fact shows " + id + "? KEY=VALUE: ", null));
                }
                for (String a : assignments) conditions.add(Condition.parse(a, k.vocabulary()));
            } catch (IllegalArgumentException e) {
                throw new Main.UsageError(e.getMessage());
            }
            List<Path> written = NewCause.create(k, target, new NewCause.Request(id, layer, title, conditions, cf));
            out.println("wrote into " + target.label() + ":");
            for (Path p : written) out.println("  " + relative(p));
            CheckReport report = RulesCheck.run(load(knowledge, err));
            List<String> own = new ArrayList<>();
            for (Path p : written) if (!p.toString().endsWith(".drl")) own.add(relative(p));
            List<Finding> mine = report.about(id, own);
            for (Finding f : mine) out.println(f.describe());
            out.println(report.summary() + (report.findings().size() > mine.size()
                    ? " (" + (report.findings().size() - mine.size()) + " about other causes: see 'rules check')" : ""));
            int exit = report.exitCode(false);
            if (exit == Main.OK) {
                // the new cases right away: another cause may claim the same facts more strongly
                Knowledge after = load(knowledge, err);
                Engine engine = new Engine(after, RuleBase.compile(after));
                Style style = Style.detect();
                TestReport text = new TestReport(style.ok(), style.bad());
                for (RegressionRunner.LoadedCase c : Test.about(after, RegressionRunner.load(after), id)) {
                    RegressionRunner.Result r = RegressionRunner.run(engine, c);
                    out.println(text.line(r));
                    if (!r.passed()) {
                        out.print(text.trace(r, "    "));
                        exit = 1;
                    }
                }
            }
            out.println("next: edit the cause file and the two cases (make them real reports), then run");
            out.println("  dokploy-doctor rules check && dokploy-doctor rules test --cause " + id);
            out.flush();
            return exit;
        }
    }

    /** JSON text of plain data, pretty-printed. */
    static String json(Object plain) throws Exception {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plain);
    }
}
