package dev.dokploydoctor.repl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.PrivateFiles;
import dev.dokploydoctor.knowledge.Redactor;
import dev.dokploydoctor.report.CaseView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** What a session leaves behind: a case file (to replay or learn from) and a Markdown report (to share). */
public final class SessionFiles {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private SessionFiles() {}

    /** The session as one case in batch format: {@code id, text, facts, unknown}. */
    public static String caseYaml(Session session, String caseId, Outcome outcome) {
        CaseInput c = session.toCase(caseId);
        StringBuilder sb = new StringBuilder();
        sb.append("# dokploy-doctor session, ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
        if (outcome != null) {
            sb.append("# result: ").append(outcome.status().label());
            if (outcome.top() != null) sb.append(' ').append(outcome.top().cause()).append(" (").append(Certainty.round(outcome.top().certainty())).append(')');
            sb.append('\n');
        }
        sb.append("# a batch case: add 'expect: {status: ..., cause: ...}' to keep it as a regression case (or use 'dokploy-doctor learn')\n");
        try {
            sb.append(YAML.writeValueAsString(Redactor.SHAPES.redactPlain(c.toPlain())));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    /** The whole session in Markdown: what was seen, the questions and answers, the facts, the result. */
    public static String markdown(Session session, Outcome o, Knowledge knowledge, double threshold) {
        StringBuilder sb = new StringBuilder();
        sb.append("# dokploy-doctor: ").append(title(o)).append("\n\n");
        sb.append("_Session of ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append(", certainty threshold ").append(threshold).append("._\n\n");
        if (!session.texts().isEmpty()) {
            sb.append("## What I see\n\n");
            for (String t : session.texts()) sb.append(fence(t, "text"));
        }
        List<Session.Exchange> exchanges = session.exchanges();
        if (!exchanges.isEmpty()) {
            sb.append("## Questions and answers\n\n| # | question | answer |\n|---|---|---|\n");
            int n = 0;
            for (Session.Exchange e : exchanges) {
                sb.append("| ").append(++n).append(" | ").append(cell(e.question())).append(" `").append(e.key()).append("` | ")
                        .append(cell(e.answer())).append(" |\n");
            }
            sb.append('\n');
        }
        if (!o.facts().isEmpty() || !o.unknown().isEmpty()) {
            sb.append("## Facts\n\n| fact | value | source |\n|---|---|---|\n");
            for (Fact f : o.facts()) {
                sb.append("| `").append(f.getKey()).append("` | ").append(cell(f.getText())).append(" | ")
                        .append(cell(Explanations.sourceOf(f))).append(" |\n");
            }
            for (String k : o.unknown()) sb.append("| `").append(k).append("` | _unknown_ | you |\n");
            sb.append('\n');
        }
        sb.append("## Result: ").append(o.status().label()).append("\n\n");
        Map<String, String> values = Engine.placeholderValues(o.facts());
        if (o.status().isConclusive() && o.top() != null) {
            diagnosis(sb, o.top(), values, knowledge);
            if (o.diagnoses().size() > 1) {
                sb.append("### Also considered\n\n");
                for (Diagnosis d : o.diagnoses().subList(1, o.diagnoses().size())) {
                    sb.append("- `").append(d.cause()).append("` (").append(Certainty.round(d.certainty())).append(") ").append(d.title()).append('\n');
                }
                sb.append('\n');
            }
        } else {
            if (o.diagnoses().isEmpty()) sb.append("No cause fits the facts so far.\n\n");
            else {
                sb.append("Candidates, none certain enough:\n\n");
                for (Diagnosis d : o.diagnoses()) {
                    sb.append("- `").append(d.cause()).append("` (").append(Certainty.round(d.certainty())).append(") ").append(d.title()).append('\n');
                }
                sb.append('\n');
            }
            if (!o.questions().isEmpty()) {
                sb.append("Would decide:\n\n");
                for (Question q : o.questions()) sb.append("- `").append(q.key()).append("`: ").append(q.text()).append('\n');
                sb.append('\n');
            }
        }
        return Redactor.SHAPES.redact(sb.toString());   // pasted text and answers are shown as typed
    }

    private static void diagnosis(StringBuilder sb, Diagnosis d, Map<String, String> values, Knowledge knowledge) {
        sb.append("**`").append(d.cause()).append("`** (certainty ").append(Certainty.round(d.certainty())).append("): ")
                .append(d.title()).append("\n\n");
        Cause c = d.info();
        if (c != null) sb.append(c.why()).append("\n\n");
        sb.append("### Evidence\n\n");
        for (String e : CaseView.evidence(d.evidence())) sb.append("- ").append(e).append('\n');
        sb.append('\n');
        if (c == null) return;
        sb.append("### Fix\n\n");
        for (String w : c.fillWarnings(values)) sb.append("> **Warning:** ").append(w).append("\n\n");
        int n = 0;
        for (Cause.Fix f : c.fixes()) {
            Cause.Fix filled = c.fill(f, values);
            sb.append(++n).append(". ").append(filled.title()).append(" (risk: ").append(filled.risk()).append(")\n\n");
            // the snippet first: the commands usually apply it (as in the text report)
            if (filled.compose() != null) sb.append(indent(fence(filled.compose(), "yaml")));
            if (!filled.commands().isEmpty()) sb.append(indent(fence(String.join("\n", filled.commands()), "sh")));
        }
        if (c.advice() != null && knowledge.cause(c.advice()) != null) {
            sb.append("Advice: ").append(knowledge.cause(c.advice()).title()).append("\n\n");
        }
        sb.append("### Verify\n\n").append(Cause.fill(c.verify(), values)).append("\n\n");
        if (!c.references().isEmpty()) {
            sb.append("### References\n\n");
            for (String r : c.references()) sb.append("- ").append(r).append('\n');
            sb.append('\n');
        }
    }

    private static String title(Outcome o) {
        return switch (o.status()) {
            case DIAGNOSED -> "diagnosed " + o.top().cause();
            case ADVICE -> "advice " + o.top().cause();
            case INCONCLUSIVE -> "inconclusive";
            case NO_FAULT -> "no fault found";
            default -> o.status().label();
        };
    }

    private static String fence(String text, String lang) {
        String t = text.stripTrailing();
        String ticks = t.contains("```") ? "````" : "```";
        return ticks + lang + "\n" + t + "\n" + ticks + "\n\n";
    }

    private static String indent(String block) {
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n", -1)) sb.append(line.isEmpty() ? "" : "   " + line).append('\n');
        return sb.toString().replaceAll("\n+$", "\n\n");
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replaceAll("\\s*\n\\s*", " ");
    }

    /**
     * Write a file the user named: secrets masked, mode 600 (issue 16.3). No folder is created behind
     * their back (a typo in the path would scatter files); a failure is one plain sentence, thrown
     * as IllegalArgumentException.
     */
    public static void write(Path file, String content) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write " + file + ": the folder " + parent + " does not exist (create it first)");
        }
        try {
            PrivateFiles.writeRedacted(file, content);
        } catch (UncheckedIOException wrapped) {
            IOException e = wrapped.getCause();
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason().toLowerCase(java.util.Locale.ROOT)
                    : String.valueOf(e.getMessage());
            throw new IllegalArgumentException("cannot write " + file + ": " + reason);
        }
    }
}
