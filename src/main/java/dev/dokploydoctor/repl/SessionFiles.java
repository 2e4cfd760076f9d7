package dev.dokploydoctor.repl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.PrivateFiles;
import dev.dokploydoctor.knowledge.Redactor;
import dev.dokploydoctor.report.CaseView;
import dev.dokploydoctor.report.Format;
import dev.dokploydoctor.report.MarkdownReport;
import dev.dokploydoctor.report.OutcomeView;
import dev.dokploydoctor.report.SimilarLookup;
import dev.dokploydoctor.report.Style;
import dev.dokploydoctor.report.TextReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What a session leaves behind: a case file (to replay or learn from) and a Markdown report (to share). */
public final class SessionFiles {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    /**
     * The result of one diagnosis in {@code format}, rendered from the one view batch renders
     * ({@link OutcomeView}, with the similar field reports): the case object for json, the session
     * report for markdown, the doctor's text otherwise. Used at the end of a session and by diagnose
     * without questions, so they cannot disagree with each other or with batch.
     */
    public static String result(Format format, Session session, Outcome o, Knowledge knowledge, double threshold,
                                boolean verbose, Style style) {
        OutcomeView view = OutcomeView.of(o, knowledge, verbose, new SimilarLookup(knowledge));
        return switch (format) {
            case JSON -> json(CaseView.of(view));
            case MARKDOWN -> markdown(session, o, view, threshold);
            default -> new TextReport(knowledge, style, verbose).render(view);
        };
    }

    /** The whole session in Markdown: what was seen, the questions and answers, the facts, the result. */
    public static String markdown(Session session, Outcome o, Knowledge knowledge, double threshold) {
        return markdown(session, o, OutcomeView.of(o, knowledge, false, new SimilarLookup(knowledge)), threshold);
    }

    private static String markdown(Session session, Outcome o, OutcomeView view, double threshold) {
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
        sb.append(MarkdownReport.result(view));
        return Redactor.SHAPES.redact(sb.toString());   // pasted text and answers are shown as typed
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

    private static String cell(String s) { return MarkdownReport.cell(s); }

    private static String json(Object plain) {
        try {
            return JSON.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
