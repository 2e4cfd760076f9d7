package dev.dokploydoctor.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dokploydoctor.knowledge.Documents;
import dev.dokploydoctor.knowledge.FieldRecord;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.knowledge.Node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ratchet: the dev split's right and confident-wrong counts per mode, checked in as
 * knowledge/field/scoreboard.json. A change may not lower right nor raise confident-wrong; the
 * figures are deterministic, so this is a plain test. {@code corpus} fingerprints the reports the
 * figures were measured on: a changed corpus needs a deliberately written new baseline.
 */
public record Baseline(String split, int records, String corpus, Map<Mode, Figures> modes) {
    public static final String FILE = "scoreboard.json";

    /** What the ratchet holds for one mode. */
    public record Figures(int right, int confidentWrong) {}

    /** How the current run compares: what got worse (fails), what got better (paste the new file). */
    public record Comparison(List<String> worse, List<String> better, String corpusChange) {
        public boolean holds() { return worse.isEmpty() && corpusChange == null; }
    }

    public static Baseline of(Scoreboard s, String split) {
        Map<Mode, Figures> modes = new EnumMap<>(Mode.class);
        for (Mode m : Mode.values()) {
            Scoreboard.Board b = s.board(m);
            modes.put(m, new Figures(b.known().right(), b.all().confidentWrong()));
        }
        return new Baseline(split, s.runs().size(), fingerprint(s.runs().stream().map(r -> r.record()).toList()), modes);
    }

    /** sha256 over the sorted sources, shortened: the same reports give the same fingerprint. */
    static String fingerprint(List<FieldRecord> records) {
        List<String> sources = new ArrayList<>(records.stream().map(r -> r.source().trim()).toList());
        sources.sort(null);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : sources) md.update((s + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public Comparison compare(Baseline now) {
        String corpusChange = corpus.equals(now.corpus) ? null
                : "the " + split + " split changed since the baseline (" + records + " reports then, " + now.records + " now)";
        List<String> worse = new ArrayList<>();
        List<String> better = new ArrayList<>();
        for (Mode m : Mode.values()) {
            Figures was = modes.get(m);
            Figures is = now.modes.get(m);
            if (was == null || is == null) continue;
            if (is.right() < was.right()) worse.add(m.label() + ": right fell from " + was.right() + " to " + is.right());
            if (is.right() > was.right()) better.add(m.label() + ": right rose from " + was.right() + " to " + is.right());
            if (is.confidentWrong() > was.confidentWrong()) {
                worse.add(m.label() + ": confident-wrong rose from " + was.confidentWrong() + " to " + is.confidentWrong());
            }
            if (is.confidentWrong() < was.confidentWrong()) {
                better.add(m.label() + ": confident-wrong fell from " + was.confidentWrong() + " to " + is.confidentWrong());
            }
        }
        return new Comparison(worse, better, corpusChange);
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("split", split);
        root.put("records", records);
        root.put("corpus", corpus);
        Map<String, Object> m = new LinkedHashMap<>();
        modes.forEach((mode, f) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("right", f.right());
            one.put("confident_wrong", f.confidentWrong());
            m.put(mode.label(), one);
        });
        root.put("modes", m);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Path file) {
        try {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KnowledgeError(file.toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    public static Baseline read(Path file) {
        Node root = Documents.read(file);
        if (!root.isMap()) throw root.error(null, "expected a map with split, records, corpus, modes");
        Node modesNode = root.get("modes");
        if (modesNode == null || !modesNode.isMap()) throw root.error("modes", "expected a map of mode to figures");
        Map<Mode, Figures> modes = new EnumMap<>(Mode.class);
        for (Map.Entry<String, Node> e : modesNode.fields().entrySet()) {
            Mode mode = Mode.fromLabel(e.getKey());
            if (mode == null) throw e.getValue().error(e.getKey(), "unknown mode (text+facts, text or interview)");
            modes.put(mode, new Figures(count(e.getValue(), "right"), count(e.getValue(), "confident_wrong")));
        }
        return new Baseline(root.text("split", "dev"), count(root, "records"), root.text("corpus", ""), modes);
    }

    private static int count(Node n, String field) {
        Node v = n.get(field);
        if (v == null || !(v.scalar() instanceof Long l)) throw n.error(field, "expected a whole number");
        return l.intValue();
    }
}
