package dev.dokploydoctor.report;

import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Cause;
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

    /** The headline of a case: mark, id, status and the top cause or candidates. */
    public String headline(Outcome o) {
        StringBuilder sb = new StringBuilder();
        sb.append(mark(o.status())).append(' ').append(style.bold(o.id())).append("  ");
        switch (o.status()) {
            case DIAGNOSED, ADVICE -> {
                Diagnosis d = o.top();
                sb.append(d.cause()).append(' ').append(certainty(d.certainty())).append("  ").append(style.dim(d.title()));
            }
            case INCONCLUSIVE -> sb.append("inconclusive").append(o.diagnoses().isEmpty() ? "" : ": " + candidates(o.diagnoses(), 3));
            case NO_FAULT -> sb.append("no problems found");
            case INVALID -> sb.append(style.red("invalid: ")).append(o.error());
            case ERROR -> sb.append(style.red("error: ")).append(o.error());
        }
        return sb.toString();
    }

    public String candidates(List<Diagnosis> ds, int max) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(max, ds.size()); i++) {
            parts.add(ds.get(i).cause() + " " + certainty(ds.get(i).certainty()));
        }
        return String.join(", ", parts);
    }

    public String certainty(double cf) { return String.format("(%.2f)", Certainty.round(cf)); }

    /** The full block of one case: headline, then why, fixes, verify; or what would decide. */
    public String render(Outcome o) {
        StringBuilder sb = new StringBuilder(headline(o)).append('\n');
        Map<String, String> values = Engine.placeholderValues(o.facts());
        for (String gap : o.unchecked()) sb.append("    ").append(style.warn()).append(' ').append(gap).append('\n');
        if (o.status().isConclusive() && o.top() != null) {
            sb.append(detail(o.top(), values, "    "));
            List<Diagnosis> diagnosed = o.diagnosed();
            // every cause at or above the threshold is a finding of its own, with its fix
            for (Diagnosis d : diagnosed.subList(Math.min(1, diagnosed.size()), diagnosed.size())) {
                sb.append("    ").append(mark(o.status())).append(" also diagnosed: ").append(d.cause()).append(' ')
                        .append(certainty(d.certainty())).append("  ").append(style.dim(d.title())).append('\n');
                sb.append(detail(d, values, "      "));
            }
            List<Diagnosis> rest = o.diagnoses().subList(Math.min(diagnosed.size(), o.diagnoses().size()), o.diagnoses().size());
            if (verbose && !rest.isEmpty()) {
                sb.append("    also considered: ").append(candidates(rest, 4)).append('\n');
            }
        } else if (o.status() == Status.INCONCLUSIVE) {
            if (!o.unchecked().isEmpty() && o.questions().isEmpty()) {
                // the not-checked lines above say what to do
            } else if (!o.questions().isEmpty()) {
                sb.append("    would decide:\n");
                for (Question q : o.questions().subList(0, Math.min(verbose ? 8 : 3, o.questions().size()))) {
                    sb.append("      ").append(style.info()).append(' ').append(q.key()).append(": ").append(q.text()).append('\n');
                }
            } else {
                sb.append("    no rule can narrow this down further; see 'dokploy-doctor explain <cause>' for the candidates\n");
            }
        }
        if (verbose && !o.facts().isEmpty()) {
            sb.append("    facts:\n");
            for (Fact f : o.facts()) {
                sb.append("      ").append(f.getKey()).append(" = ").append(f.getText())
                        .append(style.dim("  [" + f.getSource() + (f.getEvidence().isEmpty() ? "" : ": " + f.getEvidence()) + "]")).append('\n');
            }
        }
        return sb.toString();
    }

    /** Why, evidence (verbose), fixes with placeholders filled, how to verify. */
    public String detail(Diagnosis d, Map<String, String> values, String indent) {
        StringBuilder sb = new StringBuilder();
        Cause c = d.info();
        if (c == null) return sb.toString();
        sb.append(indent).append(style.bold("why: ")).append(wrap(c.why(), indent + "     ")).append('\n');
        if (verbose) {
            sb.append(indent).append(style.bold("evidence:")).append('\n');
            for (String e : CaseView.evidence(d.evidence())) sb.append(indent).append("  ").append(e).append('\n');
        }
        for (String w : c.fillWarnings(values)) sb.append(indent).append(style.warn()).append(' ').append(w).append('\n');
        int n = 0;
        for (Cause.Fix f : c.fixes()) {
            if (!verbose && n++ >= 2) {
                sb.append(indent).append(style.dim("(" + (c.fixes().size() - 2) + " more fix(es): -v or 'explain " + c.id() + "')")).append('\n');
                break;
            }
            Cause.Fix filled = c.fill(f, values);
            sb.append(indent).append(style.bold("fix: ")).append(filled.title())
                    .append(style.dim("  [risk: " + filled.risk() + "]")).append('\n');
            sb.append(fixBody(filled, indent + "  ", style));
        }
        if (c.advice() != null && knowledge != null && knowledge.cause(c.advice()) != null) {
            sb.append(indent).append(style.bold("advice: ")).append(knowledge.cause(c.advice()).title()).append('\n');
        }
        // not wrapped: a verify line is usually a command, and a break inside $(...) cannot be pasted
        sb.append(indent).append(style.bold("verify: ")).append(Cause.fill(c.verify(), values).strip().replace("\n", "\n" + indent + "        ")).append('\n');
        return sb.toString();
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
