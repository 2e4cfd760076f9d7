package dev.dokploydoctor.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Knowledge;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The streaming writers of every batch format. */
public final class Writers {
    private Writers() {}

    public static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    public static CaseWriter create(Format format, OutputStream out, Knowledge knowledge, Style style, boolean verbose,
                                    String inputName) throws IOException {
        return create(format, out, knowledge, style, verbose, inputName, null);
    }

    /**
     * A writer of {@code format}; {@code similar}, when not null, adds similar field reports to
     * each diagnosed or inconclusive case (SARIF has no place for them and never asks).
     */
    public static CaseWriter create(Format format, OutputStream out, Knowledge knowledge, Style style, boolean verbose,
                                    String inputName, SimilarLookup similar) throws IOException {
        return switch (format) {
            case TEXT -> new Text(out, knowledge, style, verbose, similar);
            case JSON -> new Json(out, knowledge, verbose, similar);
            case JSONL -> new Jsonl(out, knowledge, verbose, similar);
            case MARKDOWN -> new Markdown(out, knowledge, similar);
            case SARIF -> new Sarif(out, knowledge, inputName);
        };
    }

    /** Doctor-style lines, a blank line between cases, the summary last. */
    static final class Text implements CaseWriter {
        private final PrintStream out;
        private final TextReport report;
        private final Style style;
        private final Knowledge knowledge;
        private final boolean verbose;
        private final SimilarLookup similar;

        Text(OutputStream out, Knowledge knowledge, Style style, boolean verbose, SimilarLookup similar) {
            this.out = new PrintStream(out, false, StandardCharsets.UTF_8);
            this.report = new TextReport(knowledge, style, verbose);
            this.style = style;
            this.knowledge = knowledge;
            this.verbose = verbose;
            this.similar = similar;
        }

        @Override public Object prepare(Outcome o) { return report.render(OutcomeView.of(o, knowledge, verbose, similar)) + "\n"; }

        @Override public void write(Outcome o, Object prepared) { out.print((String) prepared); }

        @Override public void finish(Summary s) {
            Status w = s.worst();
            String mark = s.total() == 0 ? style.bad() : w == Status.NO_FAULT || w == Status.ADVICE ? style.ok()
                    : w == Status.DIAGNOSED || w == Status.INCONCLUSIVE ? style.warn() : style.bad();
            out.println(mark + " " + s.line());
            out.flush();
        }
    }

    /** {"cases": [...], "summary": {...}}, written case by case. */
    static final class Json implements CaseWriter {
        private final JsonGenerator gen;
        private final Knowledge knowledge;
        private final boolean verbose;
        private final SimilarLookup similar;

        Json(OutputStream out, Knowledge knowledge, boolean verbose, SimilarLookup similar) throws IOException {
            this.similar = similar;
            this.gen = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
            this.gen.setCodec(JSON);
            this.gen.useDefaultPrettyPrinter();
            this.knowledge = knowledge;
            this.verbose = verbose;
            gen.writeStartObject();
            gen.writeArrayFieldStart("cases");
        }

        @Override public Object prepare(Outcome o) { return CaseView.of(OutcomeView.of(o, knowledge, verbose, similar)); }

        @Override public void write(Outcome o, Object prepared) throws IOException { gen.writeObject(prepared); }

        @Override public void finish(Summary s) throws IOException {
            gen.writeEndArray();
            gen.writeObjectField("summary", s.toPlain());
            gen.writeEndObject();
            gen.writeRaw('\n');
            gen.flush();
        }
    }

    /** One JSON object per line; no summary line (the exit code carries it). */
    static final class Jsonl implements CaseWriter {
        private final OutputStream out;
        private final Knowledge knowledge;
        private final boolean verbose;
        private final SimilarLookup similar;

        Jsonl(OutputStream out, Knowledge knowledge, boolean verbose, SimilarLookup similar) {
            this.similar = similar;
            this.out = out;
            this.knowledge = knowledge;
            this.verbose = verbose;
        }

        /** Each plan's fixes written once (most of a line's bytes, the same for every case whose facts fill them alike). */
        private final WrittenPlans plans = new WrittenPlans();

        @Override public Object prepare(Outcome o) throws IOException {
            return JSON.writeValueAsBytes(CaseView.of(OutcomeView.of(o, knowledge, verbose, similar), plans));
        }

        @Override public void write(Outcome o, Object prepared) throws IOException {
            out.write((byte[]) prepared);
            out.write('\n');
        }

        @Override public void finish(Summary s) throws IOException { out.flush(); }
    }

    /** A section per case, a summary table last: for a forum post or a ticket. */
    static final class Markdown implements CaseWriter {
        private final PrintStream out;
        private final Knowledge knowledge;
        private final List<String[]> rows = new ArrayList<>();
        private final SimilarLookup similar;

        Markdown(OutputStream out, Knowledge knowledge, SimilarLookup similar) {
            this.similar = similar;
            this.out = new PrintStream(out, false, StandardCharsets.UTF_8);
            this.knowledge = knowledge;
            this.out.println("# dokploy-doctor report\n");
        }

        @Override public Object prepare(Outcome o) { return MarkdownReport.section(OutcomeView.of(o, knowledge, false, similar), "##"); }

        @Override public void write(Outcome o, Object prepared) {
            out.print((String) prepared);
            if (rows.size() < 10_000) { // the table is a glance, not a second copy of a huge batch
                Diagnosis top = o.top();
                rows.add(new String[]{o.id(), o.status().label(), top == null ? "" : top.cause(),
                        top == null ? "" : String.format("%.2f", top.certainty())});
            }
        }

        @Override public void finish(Summary s) {
            out.println("## Summary\n");
            out.println("| case | status | cause | certainty |");
            out.println("|---|---|---|---|");
            for (String[] r : rows) out.println("| " + MarkdownReport.cell(r[0]) + " | " + r[1] + " | " + r[2] + " | " + r[3] + " |");
            out.println();
            out.println(s.line());
            out.flush();
        }
    }

    /**
     * SARIF 2.1.0: one result per diagnosed or inconclusive case; the rule is the cause id (or
     * "inconclusive" / "invalid-input"), the level error for a diagnosis, warning otherwise.
     */
    static final class Sarif implements CaseWriter {
        private final JsonGenerator gen;
        private final Knowledge knowledge;
        private final String uri;
        private final Set<String> ruleIds = new LinkedHashSet<>();

        Sarif(OutputStream out, Knowledge knowledge, String inputName) throws IOException {
            this.gen = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
            this.gen.setCodec(JSON);
            this.knowledge = knowledge;
            this.uri = relativeUri(inputName);
            gen.writeStartObject();
            gen.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            gen.writeStringField("version", "2.1.0");
            gen.writeArrayFieldStart("runs");
            gen.writeStartObject();
            gen.writeArrayFieldStart("results");
        }

        @Override public Object prepare(Outcome o) { return OutcomeView.of(o, knowledge, false); }

        @Override public void write(Outcome o, Object prepared) throws IOException { write(o, prepared, 0); }

        @Override public void write(Outcome outcome, Object prepared, int line) throws IOException {
            OutcomeView o = prepared instanceof OutcomeView v ? v : OutcomeView.of(outcome, knowledge, false);
            if (o.status() == Status.NO_FAULT) return;
            Map<String, Object> r = new LinkedHashMap<>();
            OutcomeView.CauseView top = o.top();
            String ruleId;
            String level;
            String text;
            switch (o.status()) {
                case DIAGNOSED, ADVICE -> {
                    ruleId = top.cause();
                    level = o.status() == Status.ADVICE ? "note" : "error";
                    text = o.id() + ": " + top.title() + String.format(" (certainty %.2f)", top.certainty());
                }
                case INCONCLUSIVE -> {
                    ruleId = "inconclusive";
                    level = "warning";
                    List<String> c = new ArrayList<>();
                    for (OutcomeView.CauseView d : o.causes()) if (c.size() < 3) c.add(d.cause() + String.format(" %.2f", d.certainty()));
                    List<String> q = new ArrayList<>();
                    for (Question question : o.questions()) if (q.size() < 3) q.add(question.key());
                    text = o.id() + ": inconclusive" + (c.isEmpty() ? "" : "; candidates " + String.join(", ", c))
                            + (q.isEmpty() ? "" : "; would decide: " + String.join(", ", q))
                            + (o.unchecked().isEmpty() ? "" : "; " + String.join("; ", o.unchecked()));
                }
                default -> {
                    ruleId = "invalid-input";
                    level = "error";
                    text = o.id() + ": " + o.error();
                }
            }
            ruleIds.add(ruleId);
            r.put("ruleId", ruleId);
            r.put("level", level);
            r.put("message", Map.of("text", text));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", uri));
            if (line > 0) physical.put("region", Map.of("startLine", line));
            r.put("locations", List.of(Map.of("physicalLocation", physical)));
            r.put("partialFingerprints", Map.of("caseId", o.id()));
            gen.writeObject(r);
        }

        /**
         * The input as a URI relative to the working directory (where code scanning resolves it);
         * standard input has no file, so it is named "stdin".
         */
        static String relativeUri(String inputName) {
            if (inputName == null || inputName.equals("<stdin>") || inputName.equals("-")) return "stdin";
            java.nio.file.Path p = java.nio.file.Path.of(inputName).toAbsolutePath().normalize();
            java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
            java.nio.file.Path rel = p.startsWith(cwd) ? cwd.relativize(p) : p.getFileName();
            StringBuilder sb = new StringBuilder();
            for (java.nio.file.Path part : rel) {
                if (!sb.isEmpty()) sb.append('/');
                sb.append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return sb.toString();
        }

        @Override public void finish(Summary s) throws IOException {
            gen.writeEndArray();
            gen.writeObjectFieldStart("tool");
            gen.writeObjectFieldStart("driver");
            gen.writeStringField("name", "dokploy-doctor");
            gen.writeArrayFieldStart("rules");
            for (String id : ruleIds) {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("id", id);
                Cause c = knowledge.cause(id);
                if (c != null) {
                    rule.put("shortDescription", Map.of("text", c.title()));
                    rule.put("fullDescription", Map.of("text", c.why()));
                    rule.put("help", Map.of("text", c.fixes().get(0).title()));
                } else {
                    rule.put("shortDescription", Map.of("text", id.equals("inconclusive")
                            ? "A fault is evident but no cause is certain" : "The case could not be read"));
                }
                gen.writeObject(rule);
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeRaw('\n');
            gen.flush();
        }
    }
}
