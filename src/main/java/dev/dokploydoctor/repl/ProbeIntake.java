package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Vocabulary;
import dev.dokploydoctor.probe.ProbeReport;
import dev.dokploydoctor.probe.ProbeResult;
import dev.dokploydoctor.probe.ProbeTarget;
import dev.dokploydoctor.report.FactMarks;
import dev.dokploydoctor.report.Style;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Takes what the background probe runs found into the session: a "checked: key = value" line per
 * new fact, marked as 'probe' marks it (✗ a fault, ! suspect, ✓ fine: {@link FactMarks}), one line when no Docker engine can be reached (the probes that need Docker too stay
 * quiet), a short note for any other probe that could not check. Skipped probes are not news.
 */
final class ProbeIntake {
    /** What one intake brought: lines to show, and whether any fact was added. */
    record Intake(List<String> lines, boolean added) {}

    private final List<ProbeRunner> runners = new CopyOnWriteArrayList<>();
    private boolean dockerNoticeShown;
    private volatile List<String> gaps = List.of();

    /**
     * What applied and was not checked, as of the latest report taken (a later run, with the URL the
     * user gave, supersedes an earlier one): a "no fault" is no all-clear while any is left.
     */
    List<String> gaps() {
        if (runners.stream().allMatch(ProbeRunner::taken)) return gaps;
        List<String> out = new ArrayList<>(gaps);
        out.add(STILL_RUNNING);
        return out;
    }

    /** Left when the session ends (or judges) before a probe run has reported. */
    static final String STILL_RUNNING = "the host probes had not reported yet: wait for them, or raise --probe-timeout";

    void add(ProbeRunner runner) { runners.add(runner); }

    boolean pending() { return runners.stream().anyMatch(ProbeRunner::pending); }

    /** The facts a probe run not yet taken may still answer (none once every report is in). */
    Set<String> stillAnswerable() {
        Set<String> out = new LinkedHashSet<>();
        for (ProbeRunner r : runners) out.addAll(r.stillAnswerable());
        return out;
    }

    /** Take the reports that are in (or wait for them) into {@code session}, each fact marked as symptoms alone mark it. */
    Intake take(Session session, boolean wait, Style style, boolean examplesAvailable, Vocabulary vocabulary) {
        return take(session, wait, style, examplesAvailable, s -> FactMarks.of(null, vocabulary));
    }

    /**
     * Take the reports that are in (or wait for them) into {@code session}. {@code marks} judges the session once
     * everything is taken: a fact that supports a fault wears its mark, never a ✓ (user24: "✓ checked:
     * app.listen_bound = 127.0.0.1" on the host whose fault it was).
     */
    Intake take(Session session, boolean wait, Style style, boolean examplesAvailable, Function<Session, FactMarks> marks) {
        List<Object> lines = new ArrayList<>();   // a line, or a fact taken (shown once the marks are known)
        boolean added = false;
        for (ProbeRunner runner : runners) {
            ProbeReport report = runner.take(wait);
            if (report == null) continue;
            List<String> left = new ArrayList<>();
            if (!runner.target().namesAnApp()) left.add(ProbeTarget.APP_NOT_NAMED);
            for (String g : report.gaps()) if (!left.contains(g)) left.add(g);
            gaps = List.copyOf(left);
            String dockerDown = null;
            for (ProbeResult r : report.results()) {
                switch (r.state()) {
                    case OK -> {
                        List<Fact> taken = session.add(Session.Kind.PROBE, r.probe(), r.facts(), null, false);
                        for (Fact f : taken) {
                            lines.add(f);
                            added = true;
                        }
                        for (Fact f : r.facts()) {
                            String seen = differsFromTold(f, taken, session);
                            if (seen != null) lines.add("  " + style.warn() + " " + seen);
                        }
                        // a part it could not look at (the app not found, the tunnel's routes); the app not named is no news
                        if (r.reason() != null && !r.reason().equals(ProbeTarget.APP_NOT_NAMED)) {
                            lines.add("  " + style.warn() + " not checked: " + abbreviate(r.reason(), 140));
                        }
                    }
                    case COULD_NOT_CHECK -> {
                        if (r.probe().equals("docker")) {
                            dockerDown = String.valueOf(r.reason());
                            if (dockerNoticeShown) continue;
                            dockerNoticeShown = true;
                            lines.add(dockerNotice(dockerDown, style, examplesAvailable));
                        } else if (!sameCause(r.reason(), dockerDown)) {
                            lines.add("  " + style.dim("could not check " + r.probe() + ": " + abbreviate(String.valueOf(r.reason()), 100)));
                        }
                    }
                    case SKIPPED -> { /* nothing to look at for this probe (no --url, no DokPloy key) */ }
                }
            }
        }
        FactMarks marked = added ? marks.apply(session) : null;
        List<String> out = new ArrayList<>();
        for (Object line : lines) out.add(line instanceof Fact f ? checked(f, marked, style) : (String) line);
        return new Intake(out, added);
    }

    /**
     * The Docker line before anything is described: a report that is in and could not reach Docker is said at the
     * first prompt, not only after the first answer (the examples are looked up only then, off the start-up path) (user25: with no dockerd, the line came after Ctrl-D, below
     * "I will ask instead", as the session ended). Its facts are not taken: at the opening they wait for what the user sees.
     */
    List<String> earlyNotice(Style style, java.util.function.BooleanSupplier examplesAvailable) {
        if (dockerNoticeShown) return List.of();
        for (ProbeRunner runner : runners) {
            ProbeReport report = runner.peek();
            if (report == null) continue;
            for (ProbeResult r : report.results()) {
                if (r.state() == ProbeResult.State.COULD_NOT_CHECK && r.probe().equals("docker")) {
                    dockerNoticeShown = true;
                    return List.of(dockerNotice(String.valueOf(r.reason()), style, examplesAvailable.getAsBoolean()));
                }
            }
        }
        return List.of();
    }

    /** The reason whole enough to act on: "is Docker running (systemctl status docker)? Set DOCKER_HOST ..." was cut at "is..." (user25). */
    private static String dockerNotice(String reason, Style style, boolean examplesAvailable) {
        // a busy engine that did not answer in time is there: not "no Docker engine" (user25, at load 30)
        String what = reason.startsWith("timed out") ? "The Docker engine did not answer in time" : "No Docker engine to look at";
        return "  " + style.warn() + " " + what + " (" + abbreviate(reason, 200) + "): I will ask instead."
                + (examplesAvailable ? " 'example' tries a bundled case." : "");
    }

    /** One "checked:" line: the fact with its mark and, when it supports a cause, which. */
    static String checked(Fact f, FactMarks marks, Style style) {
        FactMarks.Mark mark = marks.of(f);
        String cause = mark == FactMarks.Mark.FINE ? null : marks.supports(f);
        String why = switch (mark) {
            case FAULT -> cause == null ? "a symptom" : "a fault: supports " + cause;
            case SUSPECT -> "suspect: supports " + cause;
            case FINE -> null;
        };
        return "  " + marks.symbol(f, style) + " checked: " + f.getKey() + " = " + shown(f)
                + (why == null ? "" : "  " + style.bold("(" + why + ")"))
                + (f.getEvidence().isBlank() ? "" : style.dim("  (" + abbreviate(f.getEvidence(), 80) + ")"));
    }

    /**
     * A probe's fact that differs from what the user's text or answer gave for the same key: the told value is
     * kept (the user may describe another server than this one), but never silently over what this host shows
     * (user24 s5: "upgraded docker to 29" read docker.api_version = 1.52, the probe's 1.41 dropped unsaid). Null
     * when the probe's fact was taken or agrees.
     */
    static String differsFromTold(Fact probed, List<Fact> taken, Session session) {
        if (taken.contains(probed)) return null;
        Fact told = session.fact(probed.getKey());
        if (told == null || Fact.PROBE.equals(told.getSource()) || Fact.DERIVED.equals(told.getSource())
                || String.valueOf(told.getValue()).equalsIgnoreCase(String.valueOf(probed.getValue()))) return null;
        return "this host shows " + probed.getKey() + " = " + probed.getText() + ", not " + told.getText()
                + (Fact.TEXT.equals(told.getSource()) ? " as read from your text" : " as you said")
                + "; I keep yours (about another server?). 'change " + probed.getKey() + "' if this is the server in question";
    }

    /** A fact's value as the checked line shows it: an empty one (no such label) says so instead of "key = " and nothing (user24 h2). */
    static String shown(Fact f) {
        String t = f.getText();
        return t == null || t.isBlank() ? "(none)" : t;
    }

    /** A probe that failed because Docker cannot be reached (it needs Docker too) adds nothing to the Docker line. */
    private static boolean sameCause(String reason, String dockerDown) {
        return dockerDown != null && reason != null && (reason.equals(dockerDown) || reason.startsWith("Docker engine not reachable"));
    }

    /** At most {@code max} characters, cut at a word's end where one is near (user13: "is Doc..." cut mid-word). */
    static String abbreviate(String s, int max) {
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 3);
        return s.substring(0, cut > max / 2 ? cut : max - 3) + "...";
    }
}
