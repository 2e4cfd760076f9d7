package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Knowledge;

import java.util.Map;

/** Markdown for one case: status, the cause with its fix, evidence, facts, open questions. */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String section(Outcome o, Knowledge knowledge, String heading) {
        StringBuilder sb = new StringBuilder();
        sb.append(heading).append(' ').append(o.id()).append(" — ").append(o.status().label()).append("\n\n");
        if (o.status() == Status.INVALID || o.status() == Status.ERROR) {
            sb.append("**Error:** ").append(o.error()).append("\n\n");
            return sb.toString();
        }
        Map<String, String> values = Engine.placeholderValues(o.facts());
        for (String gap : o.unchecked()) sb.append("**Not checked:** ").append(gap).append("\n\n");
        if (o.status().isConclusive() && o.top() != null) {
            boolean first = true;
            for (Diagnosis d : o.diagnosed()) {
                if (!first) sb.append("Also diagnosed: ");
                first = false;
                cause(sb, d, values);
            }
        } else if (o.status() == Status.INCONCLUSIVE) {
            if (!o.diagnoses().isEmpty()) {
                sb.append("Candidates:\n\n");
                for (Diagnosis d : o.diagnoses()) {
                    sb.append("- `").append(d.cause()).append("` ").append(String.format("%.2f", d.certainty()))
                            .append(" — ").append(d.title()).append('\n');
                }
                sb.append('\n');
            }
            if (!o.questions().isEmpty()) {
                sb.append("Would decide:\n\n");
                for (Question q : o.questions()) sb.append("- ").append(q.text()).append(" (`").append(q.key()).append("`)\n");
                sb.append('\n');
            }
        } else {
            sb.append("No problems found.\n\n");
        }
        if (!o.facts().isEmpty()) {
            sb.append("| fact | value | source |\n|---|---|---|\n");
            for (Fact f : o.facts()) {
                sb.append("| `").append(f.getKey()).append("` | ").append(cell(f.getText())).append(" | ").append(f.getSource()).append(" |\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One diagnosed cause: title, why, fixes (the file change before the commands that apply it, as in text), verify, evidence. */
    private static void cause(StringBuilder sb, Diagnosis d, Map<String, String> values) {
        sb.append("**").append(d.title()).append("** (`").append(d.cause()).append("`, certainty ")
                .append(String.format("%.2f", d.certainty())).append(")\n\n");
        Cause c = d.info();
        if (c != null) {
            sb.append(c.why()).append("\n\n");
            for (String w : c.fillWarnings(values)) sb.append("> **Warning:** ").append(w).append("\n\n");
            for (Cause.Fix f : c.fixes()) {
                Cause.Fix filled = c.fill(f, values);
                sb.append("**Fix:** ").append(filled.title()).append(" _(risk: ").append(filled.risk()).append(")_\n\n");
                if (filled.compose() != null) sb.append("```yaml\n").append(filled.compose().stripTrailing()).append("\n```\n\n");
                if (!filled.commands().isEmpty()) {
                    sb.append("```sh\n");
                    for (String cmd : filled.commands()) sb.append(cmd.stripTrailing()).append('\n');
                    sb.append("```\n\n");
                }
            }
            sb.append("**Verify:**\n\n```sh\n").append(Cause.fill(c.verify(), values).strip()).append("\n```\n\n");
        }
        sb.append("Evidence:\n\n");
        for (String e : CaseView.evidence(d.evidence())) sb.append("- ").append(e).append('\n');
        sb.append('\n');
    }

    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
