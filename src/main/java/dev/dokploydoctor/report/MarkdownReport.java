package dev.dokploydoctor.report;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.FixPlan;
import dev.dokploydoctor.knowledge.Knowledge;


/** Markdown for one case: status, the cause with its fix, evidence, facts, open questions. */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String section(Outcome o, Knowledge knowledge, String heading) {
        return section(OutcomeView.of(o, knowledge, false), heading);
    }

    public static String section(OutcomeView v, String heading) {
        StringBuilder sb = new StringBuilder();
        sb.append(heading).append(' ').append(v.id()).append(" — ").append(v.status().label()).append("\n\n");
        sb.append(result(v));
        if (v.status() == Status.INVALID || v.status() == Status.ERROR) return sb.toString();
        if (!v.facts().isEmpty()) {
            sb.append("| fact | value | source |\n|---|---|---|\n");
            for (Fact f : v.facts()) {
                sb.append("| `").append(f.getKey()).append("` | ").append(cell(f.getText())).append(" | ").append(f.getSource()).append(" |\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * What a case comes to, without heading or facts: the error, what was not checked, each
     * finding with its fix, or the candidates and what would decide, and the similar reports.
     * The REPL's session report shows the same under its own headings.
     */
    public static String result(OutcomeView v) {
        StringBuilder sb = new StringBuilder();
        if (v.status() == Status.INVALID || v.status() == Status.ERROR) {
            sb.append("**Error:** ").append(v.error()).append("\n\n");
            return sb.toString();
        }
        for (String gap : v.unchecked()) sb.append("**Not checked:** ").append(gap).append("\n\n");
        if (v.status().isConclusive() && !v.findings().isEmpty()) {
            boolean first = true;
            for (OutcomeView.CauseView d : v.findings()) {
                if (!first) sb.append("Also diagnosed: ");
                first = false;
                cause(sb, d);
            }
        } else if (v.status() == Status.INCONCLUSIVE) {
            if (!v.others().isEmpty()) {
                sb.append("Candidates:\n\n");
                for (OutcomeView.CauseView d : v.others()) {
                    sb.append("- `").append(d.cause()).append("` ").append(String.format("%.2f", d.certainty()))
                            .append(" — ").append(d.title()).append('\n');
                }
                sb.append('\n');
            }
            if (!v.questions().isEmpty()) {
                sb.append("Would decide:\n\n");
                for (Question q : v.questions()) sb.append("- ").append(q.text()).append(" (`").append(q.key()).append("`)\n");
                sb.append('\n');
            }
        } else {
            sb.append("No problems found.\n\n");
        }
        if (!v.similar().isEmpty()) {
            sb.append("Similar field reports:\n\n");
            for (OutcomeView.SimilarView s : v.similar()) {
                sb.append("- <").append(s.link()).append("> — `").append(s.cause()).append('`');
                if (s.fix() != null && !s.fix().isBlank()) sb.append("; fix that worked: ").append(cell(s.fix()));
                sb.append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One diagnosed cause: title, why, set-these-first, fixes (the file change before the commands that apply it, as in text), verify, evidence. */
    private static void cause(StringBuilder sb, OutcomeView.CauseView d) {
        sb.append("**").append(d.title()).append("** (`").append(d.cause()).append("`, certainty ")
                .append(String.format("%.2f", d.certainty())).append(")\n\n");
        FixPlan plan = d.plan();
        if (d.why() != null) sb.append(d.why()).append("\n\n");
        if (plan != null) {
            for (String w : d.warnings()) sb.append("> **Warning:** ").append(w).append("\n\n");
            if (!plan.setFirst().isEmpty()) {
                sb.append("**Set these first** (the commands below use them):\n\n```sh\n");
                for (FixPlan.Variable var : plan.setFirst()) sb.append(var.line()).append('\n');
                sb.append("```\n\n");
            }
            for (FixPlan.Step step : plan.fixes()) {
                Cause.Fix f = step.fix();
                sb.append("**Fix:** ").append(step.onlyIf() == null ? "" : "_(" + step.onlyIf() + ")_ ").append(f.title())
                        .append(" _(risk: ").append(f.risk()).append(")_\n\n");
                if (f.compose() != null) sb.append("```yaml\n").append(f.compose().stripTrailing()).append("\n```\n\n");
                if (!f.commands().isEmpty()) {
                    sb.append("```sh\n");
                    for (String cmd : f.commands()) sb.append(cmd.stripTrailing()).append('\n');
                    sb.append("```\n\n");
                }
            }
            sb.append("**Verify:**\n\n```sh\n").append(plan.verify().strip()).append("\n```\n\n");
        }
        sb.append("Evidence:\n\n");
        for (String e : d.evidence()) sb.append("- ").append(e).append('\n');
        sb.append('\n');
    }

    /** Text for a table cell: pipes escaped, one line. */
    public static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
