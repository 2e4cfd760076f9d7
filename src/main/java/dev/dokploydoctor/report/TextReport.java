package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.FixPlan;
import dev.dokploydoctor.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Doctor-style text: one glanceable line per case, the fix to paste, more with verbose. */
public final class TextReport {
    private final Knowledge knowledge;
    private final Style style;
    private final boolean verbose;

    public TextReport(Knowledge knowledge, Style style, boolean verbose) {
        this.knowledge = knowledge;
        this.style = style;
        this.verbose = verbose;
    }

    public String mark(Status s) {
        return switch (s) {
            case NO_FAULT, ADVICE -> style.ok();
            case INCONCLUSIVE -> style.warn();
            default -> style.bad();
        };
    }

    /** The first {@code max} causes with their certainty: "a (0.80), b (0.40)". */
    public String candidates(List<OutcomeView.CauseView> ds, int max) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(max, ds.size()); i++) parts.add(ds.get(i).cause() + " " + certainty(ds.get(i).certainty()));
        return String.join(", ", parts);
    }

    public String certainty(double cf) { return String.format("(%.2f)", Certainty.round(cf)); }

    /** The full block of one case: headline, then why, fixes, verify; or what would decide. */
    public String render(Outcome o) { return render(OutcomeView.of(o, knowledge, verbose)); }

    public String render(OutcomeView v) {
        StringBuilder sb = new StringBuilder(headline(v)).append('\n');
        for (String gap : v.unchecked()) sb.append("    ").append(style.warn()).append(' ').append(gap).append('\n');
        if (v.status().isConclusive() && !v.findings().isEmpty()) {
            sb.append(detail(v.findings().get(0), "    "));
            // every cause at or above the threshold is a finding of its own, with its fix
            for (OutcomeView.CauseView d : v.findings().subList(1, v.findings().size())) {
                sb.append("    ").append(mark(v.status())).append(" also diagnosed: ").append(d.cause()).append(' ')
                        .append(certainty(d.certainty())).append("  ").append(style.dim(d.title())).append('\n');
                sb.append(detail(d, "      "));
            }
            if (verbose && !v.others().isEmpty()) sb.append("    also considered: ").append(candidates(v.others(), 4)).append('\n');
        } else if (v.status() == Status.INCONCLUSIVE) {
            if (verbose && !v.others().isEmpty() && CaseView.heldAtCeiling(v.others().get(0))) {
                sb.append("    ").append(v.others().get(0).cause()).append(' ').append(style.dim(CaseView.WEAK_SIGNS)).append('\n');
            }
            if (verbose && !v.others().isEmpty() && CaseView.heldByLookalikes(v.others().get(0))) {
                sb.append("    ").append(v.others().get(0).cause()).append(' ').append(style.dim(CaseView.LOOKALIKES)).append('\n');
            }
            if (!v.unchecked().isEmpty() && v.questions().isEmpty()) {
                // the not-checked lines above say what to do
            } else if (!v.questions().isEmpty()) {
                sb.append("    would decide:\n");
                for (Question q : v.questions().subList(0, Math.min(verbose ? 8 : 3, v.questions().size()))) {
                    sb.append("      ").append(style.info()).append(' ').append(q.key()).append(": ").append(q.text()).append('\n');
                }
            } else {
                sb.append("    no rule can narrow this down further; see 'dokploy-doctor explain <cause>' for the candidates\n");
            }
        }
        sb.append(similar(v.similar(), "    "));
        if (verbose && !v.facts().isEmpty()) {
            sb.append("    facts:\n");
            for (Fact f : v.facts()) {
                sb.append("      ").append(f.getKey()).append(" = ").append(f.getText())
                        .append(style.dim("  [" + f.getSource() + (f.getEvidence().isEmpty() ? "" : ": " + f.getEvidence()) + "]")).append('\n');
            }
        }
        return sb.toString();
    }

    /** The headline of a case: mark, id, status and the top cause or candidates. */
    public String headline(OutcomeView v) {
        StringBuilder sb = new StringBuilder();
        sb.append(mark(v.status())).append(' ').append(style.bold(v.id())).append("  ");
        switch (v.status()) {
            case DIAGNOSED, ADVICE -> {
                OutcomeView.CauseView d = v.top();
                sb.append(d.cause()).append(' ').append(certainty(d.certainty())).append("  ").append(style.dim(d.title()));
            }
            case INCONCLUSIVE -> sb.append("inconclusive").append(v.others().isEmpty() ? "" : ": " + candidates(v.others(), 3));
            case NO_FAULT -> sb.append("no problems found");
            case INVALID -> sb.append(style.red("invalid: ")).append(v.error());
            case ERROR -> sb.append(style.red("error: ")).append(v.error());
        }
        return sb.toString();
    }

    /** Similar field reports: one compact line, or one line each with -v. */
    public String similar(List<OutcomeView.SimilarView> similar, String indent) {
        if (similar.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        if (!verbose) {
            OutcomeView.SimilarView s = similar.get(0);
            sb.append(indent).append(style.dim("similar report: " + s.link() + " (" + s.cause() + ")"
                    + (similar.size() > 1 ? ", " + (similar.size() - 1) + " more with -v" : ""))).append('\n');
            return sb.toString();
        }
        sb.append(indent).append(style.bold("similar field reports:")).append('\n');
        for (OutcomeView.SimilarView s : similar) {
            sb.append(indent).append("  ").append(s.link()).append("  ").append(style.dim(s.cause())).append('\n');
            if (s.fix() != null && !s.fix().isBlank()) sb.append(indent).append("    ").append(style.dim("fix that worked: " + s.fix())).append('\n');
        }
        return sb.toString();
    }

    /** Why, evidence (verbose), fixes with placeholders filled, how to verify. */
    public String detail(Diagnosis d, Map<String, String> values, String indent) {
        return detail(OutcomeView.cause(d, values, knowledge, verbose), indent);
    }

    public String detail(OutcomeView.CauseView d, String indent) {
        StringBuilder sb = new StringBuilder();
        if (d.why() == null) return sb.toString();
        sb.append(indent).append(style.bold("why: ")).append(wrap(d.why(), indent + "     ")).append('\n');
        if (verbose) {
            sb.append(indent).append(style.bold("evidence:")).append('\n');
            for (String e : d.evidence()) sb.append(indent).append("  ").append(e).append('\n');
        }
        FixPlan plan = d.plan();
        if (plan == null) return sb.toString();
        for (String w : d.warnings()) sb.append(indent).append(style.warn()).append(' ').append(w).append('\n');
        sb.append(setFirst(plan, indent, style));
        int slots = 0;
        String previousOnlyIf = null;
        List<FixPlan.Step> steps = plan.fixes();
        for (int i = 0; i < steps.size(); i++) {
            FixPlan.Step step = steps.get(i);
            // variants for a host not yet known (compose or application) share one slot
            boolean sameSlot = step.onlyIf() != null && previousOnlyIf != null;
            previousOnlyIf = step.onlyIf();
            if (!sameSlot) slots++;
            if (!verbose && slots > 2) {
                sb.append(indent).append(style.dim("(" + (steps.size() - i) + " more fix(es): -v or 'explain " + d.cause() + "')")).append('\n');
                break;
            }
            Cause.Fix f = step.fix();
            sb.append(indent).append(style.bold("fix: ")).append(step.onlyIf() == null ? "" : style.yellow("(" + step.onlyIf() + ") "))
                    .append(f.title()).append(style.dim("  [risk: " + f.risk() + "]")).append('\n');
            sb.append(fixBody(f, indent + "  ", style));
        }
        if (d.advice() != null && d.advice().contains(": ")) {
            sb.append(indent).append(style.bold("advice: ")).append(d.advice().substring(d.advice().indexOf(": ") + 2)).append('\n');
        }
        // not wrapped: a verify line is usually a command, and a break inside $(...) cannot be pasted
        sb.append(indent).append(style.bold("verify: ")).append(plan.verify().strip().replace("\n", "\n" + indent + "        ")).append('\n');
        return sb.toString();
    }

    /** The "set these first" block: one shell variable per value the fixes need and the facts did not give. */
    public static String setFirst(FixPlan plan, String indent, Style style) {
        return setFirst(plan.setFirst(), indent, style);
    }

    /** The block for these variables only (an inconclusive ending's one-line check uses a few of the plan's). */
    public static String setFirst(List<FixPlan.Variable> variables, String indent, Style style) {
        if (variables.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append(style.bold("set these first")).append(style.dim(" (the commands below use them):")).append('\n');
        for (FixPlan.Variable v : variables) sb.append(indent).append("  ").append(style.cyan(v.line())).append('\n');
        return sb.toString();
    }

    /** The plan's variables that {@code text} uses ($NAME or ${NAME}). */
    public static List<FixPlan.Variable> usedIn(FixPlan plan, String text) {
        List<FixPlan.Variable> out = new ArrayList<>();
        if (text == null) return out;
        for (FixPlan.Variable v : plan.setFirst()) {
            if (java.util.regex.Pattern.compile("\\$(?:\\{" + v.name() + "\\}|" + v.name() + "(?![A-Za-z0-9_]))").matcher(text).find()) out.add(v);
        }
        return out;
    }

    /**
     * The snippet and commands of a fix, ready to paste. The snippet comes first (the commands
     * usually redeploy it); it is labelled docker-compose.yml unless it names its file itself in a
     * leading comment (traefik.yml, cloudflared's config.yml).
     */
    public static String fixBody(Cause.Fix fix, String indent, Style style) {
        StringBuilder sb = new StringBuilder();
        if (fix.compose() != null) {
            boolean namesItsFile = fix.compose().stripLeading().startsWith("#");
            sb.append(indent).append(style.dim(namesItsFile ? "edit:" : "in docker-compose.yml:")).append('\n');
            for (String line : fix.compose().stripTrailing().split("\n")) sb.append(indent).append("  ").append(style.cyan(line)).append('\n');
        }
        if (!fix.commands().isEmpty()) {
            if (fix.compose() != null) sb.append(indent).append(style.dim("then run:")).append('\n');
            for (String cmd : fix.commands()) {
                for (String line : cmd.split("\n")) sb.append(indent).append("  ").append(style.cyan(line)).append('\n');
            }
        }
        return sb.toString();
    }

    static String wrap(String text, String indent) {
        String[] words = text.replaceAll("\\s+", " ").trim().split(" ");
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (String w : words) {
            if (col > 0 && col + w.length() > 88) {
                sb.append('\n').append(indent);
                col = 0;
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(w);
            col += w.length();
        }
        return sb.toString();
    }
}
