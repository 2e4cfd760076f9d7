package dev.dokploydoctor.cli;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.AnswersFile;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.probe.ProbeReport;
import dev.dokploydoctor.probe.ProbeResult;
import dev.dokploydoctor.probe.ProbeTarget;
import dev.dokploydoctor.probe.Probes;
import dev.dokploydoctor.report.Format;
import dev.dokploydoctor.report.Style;
import dev.dokploydoctor.repl.Console;
import dev.dokploydoctor.repl.Conversation;
import dev.dokploydoctor.repl.HistoryFile;
import dev.dokploydoctor.repl.PlainConsole;
import dev.dokploydoctor.repl.ReplOptions;
import dev.dokploydoctor.repl.Session;
import dev.dokploydoctor.repl.SessionFiles;
import dev.dokploydoctor.repl.TerminalConsole;
import dev.dokploydoctor.repl.Timing;
import dev.dokploydoctor.similar.SimilarVote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Guided diagnosis in the terminal; with --no-questions, one diagnosis from probes, answers and text. */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Guided diagnosis: asks what you see, probes the local Docker host, asks only what it cannot see, "
                + "and ends with the cause, its fix and how to check it.", "Same as running dokploy-doctor with no command."},
        footer = {"", "Exit codes: 0 no fault (or advice), 3 fault diagnosed, 4 inconclusive, 2 usage error or invalid input, 1 internal error."})
public final class DiagnoseCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", description = "Public URL of the failing site (probed over HTTP).")
    String url;

    @Option(names = "--service", paramLabel = "NAME", description = "Container name, or compose service name with --project.")
    String service;

    @Option(names = "--project", paramLabel = "APP", description = "DokPloy appName (the compose project) of --service.")
    String project;

    @Option(names = "--no-probe", description = "Do not look at the host; ask instead.")
    boolean noProbe;

    @Option(names = "--no-questions", description = "Do not ask: diagnose from probes, --answers and --text alone, print one result.")
    boolean noQuestions;

    @Option(names = "--answers", paramLabel = "FILE", description = "YAML map of fact keys to answers (e.g. http.status: 502); '?' marks unknown.")
    Path answers;

    @Option(names = "--text", paramLabel = "TEXT", description = "What you see (an error, log lines), as if typed at the first question.")
    String text;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Result format: text, json (the batch case object) or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--probe-timeout", paramLabel = "S", defaultValue = "10", description = "Seconds each probe may take. Default: ${DEFAULT-VALUE}.")
    double probeTimeout;

    @Option(names = "--min-certainty", paramLabel = "CF", defaultValue = "0.7",
            description = "Certainty a cause needs to be the diagnosis. Default: ${DEFAULT-VALUE}.")
    double minCertainty;

    @Option(names = {"-v", "--verbose"}, description = "More detail: all fixes, evidence, facts.")
    boolean verbose;

    @Mixin KnowledgeOptions knowledge = new KnowledgeOptions();

    @Mixin DockerOptions docker = new DockerOptions();

    @Override public Integer call() {
        Timing.mark("command parsed");
        Format fmt = parseFormat();
        if (project != null && service == null) throw new Main.UsageError("--project needs --service (the compose service name)");
        if (!(probeTimeout > 0) || probeTimeout > 600) throw new Main.UsageError("--probe-timeout must be between 0 and 600 seconds");
        if (!(minCertainty > 0) || minCertainty > 1) throw new Main.UsageError("--min-certainty must be in (0, 1]");
        if (!noProbe) docker.apply();
        ProbeTarget target = new ProbeTarget(service, project, url);
        Duration timeout = Duration.ofMillis((long) (probeTimeout * 1000));
        if (noQuestions) return diagnoseOnce(fmt, target, timeout);

        ReplOptions options = new ReplOptions(knowledge::layers, minCertainty, !noProbe, target, timeout, answers, verbose, fmt);
        boolean terminal = System.console() != null;
        // machine-readable results go to stdout; the conversation then goes to stderr unless it owns a terminal
        PrintStream talk = fmt == Format.TEXT || terminal ? System.out : System.err;
        Style style = Style.detect();
        Supplier<Console> consoles = terminal
                ? () -> new TerminalConsole(style, HistoryFile.prepare())
                : () -> new PlainConsole(System.in, talk, style, !PlainConsole.stdinIsTerminal());
        try {
            return ExitCodes.of(new Conversation(options, System.out).run(withText(consoles)));
        } finally {
            if (terminal) HistoryFile.secure(HistoryFile.location());
        }
    }

    /** --text in a conversation is typed at the first prompt, as the user would. */
    private Supplier<Console> withText(Supplier<Console> consoles) {
        if (text == null) return consoles;
        return () -> new Console() {
            private final Console inner = consoles.get();
            private boolean given;
            @Override public String readLine(String prompt) throws Interrupted, Woken {
                if (given) return inner.readLine(prompt);
                given = true;
                inner.println(prompt + text);
                return text;
            }
            @Override public void println(String t) { inner.println(t); }
            @Override public Style style() { return inner.style(); }
            @Override public boolean interactive() { return inner.interactive(); }
            @Override public void setCompletion(Completion c) { inner.setCompletion(c); }
            @Override public void wake() { inner.wake(); }
            @Override public void close() { inner.close(); }
        };
    }

    private Format parseFormat() {
        Format f;
        try {
            f = Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageError("--format: " + e.getMessage());
        }
        if (f != Format.TEXT && f != Format.JSON && f != Format.MARKDOWN) {
            throw new Main.UsageError("--format: diagnose writes text, json or markdown (batch writes " + format + ")");
        }
        return f;
    }

    /** No questions: answers file first, then the text, then the probes (each fills only what is not known). */
    private int diagnoseOnce(Format fmt, ProbeTarget target, Duration timeout) {
        Engine engine = knowledge.loadEngine(System.err);
        Session session = new Session("diagnose");
        if (answers != null) {
            AnswersFile a = AnswersFile.read(answers, engine.knowledge().vocabulary());
            session.add(Session.Kind.ANSWERS_FILE, "answers file", a.facts(), null, true);
            if (!a.unknown().isEmpty()) session.markUnknown(Session.Kind.ANSWERS_FILE, "answers file", a.unknown());
        }
        List<String> gaps = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            List<Fact> read = engine.extraction().extract(text);   // once: the facts and whether anything was understood
            List<Fact> known = new ArrayList<>(session.facts());
            known.addAll(read);   // the text's own facts count: "502 Bad Gateway" names its symptom
            if (engine.textWithoutSymptom(text, read, known)) gaps.add(Engine.notRecognised(text));
            // the field reports nearest to the text vote (a weak fallback when the rules barely know, engine/SimilarFallback)
            Map<String, Object> stated = new LinkedHashMap<>();
            for (Fact f : session.facts()) stated.putIfAbsent(f.getKey(), f.getValue());
            read = new ArrayList<>(read);
            read.addAll(SimilarVote.of(engine.knowledge()).collect(text, stated, engine.knowledge().vocabulary()));
            session.add(Session.Kind.OPENING, "--text", read, text, false);
        }
        if (!noProbe) {
            ProbeReport report = Probes.run(target, timeout, engine.knowledge().vocabulary());
            for (ProbeResult r : report.results()) {
                session.add(Session.Kind.PROBE, r.probe(), r.facts(), null, false);
                if (verbose && r.state() == ProbeResult.State.SKIPPED) System.err.println("note: " + r.probe() + " skipped: " + r.reason());
            }
            if (!target.namesAnApp()) gaps.add(ProbeTarget.APP_NOT_NAMED);
            gaps.addAll(report.gaps());
        } else if (session.facts().isEmpty() && (text == null || text.isBlank())) {
            // an answers file that tells nothing (empty, or only "?") is no more than no file at all
            gaps.add("nothing was checked: --no-probe, and no --answers or --text that tells anything");
        }
        // "no problems found" only when everything that applies was looked at and understood
        Outcome o = session.evaluate(engine, minCertainty).notChecked(gaps);
        String result = SessionFiles.result(fmt, session, o, engine.knowledge(), minCertainty, verbose, Style.detect());
        if (fmt == Format.JSON) System.out.println(result);
        else System.out.print(result);
        System.out.flush();
        return ExitCodes.of(o.status());
    }
}
