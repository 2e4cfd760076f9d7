package dev.dokploydoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Vocabulary;
import dev.dokploydoctor.probe.ProbeReport;
import dev.dokploydoctor.probe.ProbeResult;
import dev.dokploydoctor.probe.ProbeTarget;
import dev.dokploydoctor.probe.Probes;
import dev.dokploydoctor.report.FactMarks;
import dev.dokploydoctor.report.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** dokploy-doctor probe: look at this host and print what is observed, as facts with evidence. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Look at this DokPloy host and print what is observed.",
                "Docker, Traefik, the tunnel, the compose file and the URL: one fact per line with its evidence, marked"
                + " ✗ when it is a symptom or supports a diagnosed cause. Probes only read; nothing on the host is changed.",
                "The Docker engine is -H/--host, --context, DOCKER_HOST or the local socket (ssh:// goes through OpenSSH); DokPloy's API is used only with DOKPLOY_URL and DOKPLOY_API_KEY.",
                "Exit: 3 when what was seen diagnoses a fault, 4 when something that applied could not be checked or a symptom is left unexplained, 0 otherwise."})
public final class ProbeCommand implements Callable<Integer> {
    enum OutputFormat { text, json }

    @Mixin KnowledgeOptions knowledgeOptions;

    @Mixin DockerOptions dockerOptions = new DockerOptions();

    @Spec CommandSpec spec;

    @Option(names = "--service", paramLabel = "NAME", description = "Container name, or compose service name (with --project).")
    String service;

    @Option(names = "--project", paramLabel = "APP", description = "Compose project: the DokPloy appName (needs --service).")
    String project;

    @Option(names = "--url", paramLabel = "URL", description = "Public URL to GET (redirects are recorded, not followed).")
    String url;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--probe-timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Seconds each probe may take (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Show the evidence of each fact and everything the probes noticed.")
    boolean verbose;

    @Override public Integer call() {
        if (project != null && service == null) throw new Main.UsageError("--project needs --service (the compose service name in that project)");
        if (!(timeoutSeconds > 0) || timeoutSeconds > 600) throw new Main.UsageError("--probe-timeout must be between 0 and 600 seconds, got " + timeoutSeconds);
        dockerOptions.apply();
        PrintWriter out = spec.commandLine().getOut();
        Engine engine = knowledgeOptions.loadEngine(System.err);
        ProbeTarget target = new ProbeTarget(service, project, url);
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        ProbeReport report = Probes.run(target, timeout, engine.knowledge().vocabulary());
        Outcome o = engine.evaluate("probe", report.facts(), Set.of(), Engine.DEFAULT_THRESHOLD);
        if (format == OutputFormat.json) {
            out.println(json(target, report));
        } else {
            Style style = Style.detect();
            out.print(text(target, report, engine.knowledge().vocabulary(), style, verbose, FactMarks.of(o, engine.knowledge().vocabulary())));
            out.print(verdict(o, style, target, !report.gaps().isEmpty()));
        }
        out.flush();
        return exitCode(o.status(), !report.gaps().isEmpty());
    }

    /**
     * The cause the ✗ marks add up to, when they diagnose one (exit 3): named, with where its fix is
     * (user15 uc18: exit 3 and two ✗ lines, the reader left to infer the cause). "" otherwise.
     */
    static String verdict(Outcome o, Style style) {
        return verdict(o, style, ProbeTarget.NONE, false);
    }

    /**
     * As above; short of a diagnosis, the candidate the ! marks point to and the next command: the
     * interview asks what the probes cannot see (user24: "! app.listen_bound" and exit 4, no cause named,
     * no way on). With no candidate, a gap or a symptom left unexplained (exit 4) still gets the next command.
     */
    static String verdict(Outcome o, Style style, ProbeTarget target, boolean gaps) {
        String diagnose = "dokploy-doctor diagnose" + options(target);
        if (o.status() == Status.DIAGNOSED && o.top() != null) {
            String cause = o.top().cause();
            String title = o.top().info() == null ? "" : ": " + o.top().info().title();
            return style.bad() + " " + style.bold("diagnosis: " + cause) + String.format(" (%.2f)", o.top().certainty()) + title + '\n'
                    + "  the fix: dokploy-doctor explain " + cause + " (or " + diagnose + " to go on from here)\n";
        }
        if (exitCode(o.status(), gaps) == Main.OK) return "";
        if (o.top() != null && o.top().certainty() > 0) {
            String cause = o.top().cause();
            String title = o.top().info() == null ? "" : ": " + o.top().info().title();
            return style.warn() + " " + style.bold("leading: " + cause) + String.format(" (%.2f)", o.top().certainty()) + title + '\n'
                    + "  not a diagnosis from what the probes saw alone. next: " + diagnose
                    + " (it asks what you see and what would settle it; 'dokploy-doctor explain " + cause + "' shows its fix)\n";
        }
        return "  next: " + diagnose + " (tell it what you see; it asks what the probes could not check)\n";
    }

    /** The target's options, to repeat in the command suggested next. */
    private static String options(ProbeTarget t) {
        StringBuilder sb = new StringBuilder();
        if (t.service() != null) sb.append(" --service ").append(t.service());
        if (t.project() != null) sb.append(" --project ").append(t.project());
        if (t.url() != null) sb.append(" --url ").append(t.url());
        return sb.toString();
    }

    /**
     * 3 when what the probes saw diagnoses a fault; else 4 when something that applied could not be
     * checked or a symptom was seen that nothing explains (a script must not read either as healthy); else 0.
     */
    static int exitCode(Status status, boolean gaps) {
        if (status == Status.DIAGNOSED) return ExitCodes.DIAGNOSED;
        return gaps || status == Status.INCONCLUSIVE ? ExitCodes.INCONCLUSIVE : Main.OK;
    }

    /** The doctor-style checklist: one line per fact, "could not check" lines, evidence with -v. */
    public static String text(ProbeTarget target, ProbeReport report, Vocabulary vocabulary, Style style, boolean verbose) {
        return text(target, report, vocabulary, style, verbose, FactMarks.of(null, vocabulary));
    }

    /** The checklist with each fact marked: ✗ a symptom or support for a diagnosed cause, ! support for a candidate, ✓ otherwise. */
    static String text(ProbeTarget target, ProbeReport report, Vocabulary vocabulary, Style style, boolean verbose, FactMarks marks) {
        StringBuilder sb = new StringBuilder();
        sb.append(style.bold("probe " + describe(target))).append('\n');
        int facts = 0;
        int failed = 0;
        for (ProbeResult r : report.results()) {
            sb.append('\n').append(style.bold(r.probe())).append(style.dim("  " + r.millis() + " ms")).append('\n');
            for (Fact f : r.facts()) {
                facts++;
                String mark = marks.symbol(f, style);
                sb.append("  ").append(mark).append(' ').append(f.getKey()).append(" = ").append(shown(f)).append('\n');
                if (verbose && !f.getEvidence().isBlank()) sb.append(indent(f.getEvidence(), "      ", style)).append('\n');
            }
            switch (r.state()) {
                case COULD_NOT_CHECK -> {
                    failed++;
                    sb.append("  ").append(style.warn()).append(" could not check: ").append(r.reason()).append('\n');
                }
                case SKIPPED -> sb.append("  ").append(style.info()).append(' ').append(style.dim("skipped: " + r.reason())).append('\n');
                case OK -> {
                    if (r.reason() != null) sb.append("  ").append(style.warn()).append(" not checked: ").append(r.reason()).append('\n');
                }
            }
            if (verbose || r.facts().isEmpty()) {
                for (String o : r.observations()) sb.append("  ").append(style.info()).append(' ').append(style.dim(o)).append('\n');
            }
        }
        sb.append('\n').append(facts).append(" facts in ").append(report.millis()).append(" ms")
                .append(failed == 0 ? "" : "; " + failed + " probe" + (failed == 1 ? "" : "s") + " could not check")
                .append(verbose ? "" : "  (-v for the evidence)").append('\n');
        return sb.toString();
    }

    private static String describe(ProbeTarget t) {
        List<String> parts = new ArrayList<>();
        if (t.service() != null) parts.add("service " + t.service());
        if (t.project() != null) parts.add("project " + t.project());
        if (t.url() != null) parts.add("url " + t.url());
        return parts.isEmpty() ? "of this host" : String.join(", ", parts);
    }

    private static String shown(Fact f) {
        if (f.getValue() instanceof List<?> l) return "[" + f.getText() + "]";
        String text = f.getText();
        if (f.getValue() instanceof String) {
            String oneLine = text.replace("\n", "\\n");
            if (oneLine.length() > 100) oneLine = oneLine.substring(0, 100) + "...";
            return text.isEmpty() ? "\"\"" : "\"" + oneLine + "\"";
        }
        return text;
    }

    private static String indent(String text, String prefix, Style style) {
        List<String> lines = new ArrayList<>();
        for (String line : text.strip().split("\n")) lines.add(prefix + style.dim(line));
        return String.join("\n", lines);
    }

    /** The same report as JSON: per probe its state, facts with evidence and observations; plus all facts by key. */
    public static String json(ProbeTarget target, ProbeReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("service", target.service());
        t.put("project", target.project());
        t.put("url", target.url());
        root.put("target", t);
        root.put("millis", report.millis());
        List<Object> probes = new ArrayList<>();
        for (ProbeResult r : report.results()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("probe", r.probe());
            p.put("state", r.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            p.put("millis", r.millis());
            p.put("reason", r.reason());
            List<Object> facts = new ArrayList<>();
            for (Fact f : r.facts()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", f.getKey());
                m.put("value", f.getValue());
                m.put("evidence", f.getEvidence());
                facts.add(m);
            }
            p.put("facts", facts);
            p.put("observations", r.observations());
            probes.add(p);
        }
        root.put("probes", probes);
        Map<String, Object> all = new LinkedHashMap<>();
        for (Fact f : report.facts()) all.put(f.getKey(), f.getValue());
        root.put("facts", all);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
