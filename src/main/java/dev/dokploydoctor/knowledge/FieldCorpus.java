package dev.dokploydoctor.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads the field corpus: JSONL files of {@link FieldRecord}s, checked against the vocabulary and
 * the causes of a {@link Knowledge}. Every problem is collected with its file and line, so one run
 * lists all of them; a record with a problem is left out.
 */
public final class FieldCorpus {
    /** The longest text a record may carry (the schema asks for about 600). */
    public static final int MAX_TEXT = 700;
    public static final Set<String> LABELS = Set.of("high", "medium", "low");
    private static final Set<String> FIELDS = Set.of("source", "text", "facts", "cause", "fix", "label", "truth");
    private static final Pattern FAMILY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The records that passed, and the problems of those that did not. */
    public record Loaded(List<FieldRecord> records, List<KnowledgeError> errors) {
        public List<FieldRecord> in(CorpusSplit split) {
            return records.stream().filter(split::includes).toList();
        }
    }

    private FieldCorpus() {}

    /** The corpus files of a knowledge folder: field/*.jsonl, sorted by name. */
    public static List<Path> files(Path knowledgeDir) {
        return Knowledge.list(knowledgeDir.resolve("field"), ".jsonl");
    }

    /** A corpus file: its name for messages, and how to open it (a file on disk, or in the jar through the class loader). */
    public interface Source {
        String name();
        BufferedReader open() throws IOException;
    }

    /**
     * Every layer's corpus files (field/*.jsonl) of {@code knowledge}; the jar's copy is read through the class
     * loader, so batch and the REPL open no zip file system of the whole jar for the similar reports.
     */
    public static List<Source> sources(Knowledge knowledge) {
        List<Source> out = new ArrayList<>();
        for (Knowledge.Layer layer : knowledge.layers()) {
            BundledFiles jar = layer.bundledFiles();
            if (jar != null) {
                for (String f : jar.files("field", ".jsonl")) out.add(new JarSource(jar, "field/" + f));
            } else if (layer.knowledge() != null && Files.isDirectory(layer.knowledge())) {
                for (Path file : files(layer.knowledge())) out.add(new FileSource(file));
            }
        }
        return List.copyOf(out);
    }

    private record FileSource(Path file) implements Source {
        public String name() { return file.toString(); }
        public BufferedReader open() throws IOException { return Files.newBufferedReader(file, StandardCharsets.UTF_8); }
    }

    private record JarSource(BundledFiles jar, String relative) implements Source {
        public String name() { return BundledFiles.name(relative); }
        public BufferedReader open() { return jar.reader(relative); }
    }

    public static Loaded load(List<Path> files, Knowledge knowledge) {
        return loadSources(files.stream().<Source>map(FileSource::new).toList(), knowledge);
    }

    public static Loaded loadSources(List<Source> sources, Knowledge knowledge) {
        List<FieldRecord> records = new ArrayList<>();
        List<KnowledgeError> errors = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Source source : sources) {
            String name = source.name();
            try (BufferedReader in = source.open()) {
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) continue;
                    try {
                        FieldRecord r = read(line, name, n, knowledge);
                        String first = seen.putIfAbsent(r.source().trim(), r.where());
                        if (first != null) throw new KnowledgeError(name, n, "source", "the same report as " + first);
                        records.add(r);
                    } catch (KnowledgeError e) {
                        errors.add(e);
                    }
                }
            } catch (IOException e) {
                errors.add(new KnowledgeError(name, 0, null, "cannot read: " + e.getMessage()));
            }
        }
        return new Loaded(List.copyOf(records), List.copyOf(errors));
    }

    /** One JSONL line as a checked record; throws a located error on the first problem. */
    public static FieldRecord read(String json, String file, int line, Knowledge knowledge) {
        Node parsed;
        try {
            parsed = Documents.parse(json, file.endsWith(".jsonl") ? file : file + ".jsonl");
        } catch (KnowledgeError e) {
            throw new KnowledgeError(file, line, null, e.getMessage()); // the parser counted lines of this line alone
        }
        Node n = Node.relocated(parsed, file, line);
        if (!n.isMap()) throw n.error(null, "a record is a JSON object with " + FIELDS);
        for (String field : n.fields().keySet()) {
            if (!FIELDS.contains(field)) {
                String hint = Suggest.nearest(field, FIELDS);
                throw n.error(field, "unknown field" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
            }
        }
        String source = requiredText(n, "source");
        checkUrl(n, source);
        String text = requiredText(n, "text");
        if (text.length() > MAX_TEXT) throw n.error("text", "is " + text.length() + " characters; at most " + MAX_TEXT);
        String cause = requiredText(n, "cause");
        checkCause(n, cause, knowledge);
        String fix = requiredText(n, "fix");
        String label = requiredText(n, "label");
        if (!LABELS.contains(label)) throw n.error("label", "'" + label + "' is not one of high, medium, low");
        Map<String, Object> facts = typedFacts(n, "facts", knowledge.vocabulary());
        Map<String, Object> truth = typedFacts(n, "truth", knowledge.vocabulary());
        for (Map.Entry<String, Object> e : facts.entrySet()) {
            Object t = truth.get(e.getKey());
            if (t == null) throw n.error("truth", "lacks " + e.getKey() + " (truth holds every fact)");
            if (!Objects.equals(t, e.getValue())) {
                throw n.error("truth", e.getKey() + " is " + t + " but facts say " + e.getValue());
            }
        }
        return new FieldRecord(source, text, facts, cause, fix, label, truth, file, line);
    }

    private static String requiredText(Node n, String field) {
        Node v = n.get(field);
        if (v == null || v.isNull()) throw n.error(field, "missing");
        if (!v.isScalar() || !(v.scalar() instanceof String s)) throw n.error(field, "must be a string");
        if (s.isBlank()) throw n.error(field, "is empty");
        return s;
    }

    private static void checkUrl(Node n, String source) {
        try {
            URI uri = URI.create(source.trim());
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (!web || uri.getHost() == null || !uri.getHost().contains(".")) throw new IllegalArgumentException("not a web address");
        } catch (IllegalArgumentException e) {
            throw n.error("source", "'" + source + "' is not an http(s) URL");
        }
    }

    private static void checkCause(Node n, String cause, Knowledge knowledge) {
        if (cause.startsWith(FieldRecord.OTHER)) {
            String family = cause.substring(FieldRecord.OTHER.length());
            if (!FAMILY.matcher(family).matches()) {
                throw n.error("cause", "'" + cause + "': the family after other: is lower-case words joined by dashes");
            }
            if (knowledge.cause(family) != null) throw n.error("cause", "'" + cause + "' is our cause " + family + "; use its id");
            return;
        }
        if (knowledge.cause(cause) == null) {
            String hint = Suggest.nearest(cause, knowledge.causes().keySet());
            throw n.error("cause", "unknown cause '" + cause + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                    + "; use a cause id or other:<family>");
        }
    }

    /** A map of fact keys to values whose JSON type is the key's type (no "502" for an int). */
    private static Map<String, Object> typedFacts(Node n, String field, Vocabulary vocabulary) {
        Node m = n.get(field);
        if (m == null || m.isNull()) throw n.error(field, "missing (use {} when empty)");
        if (!m.isMap()) throw n.error(field, "must be a map of fact keys to values");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.fields().entrySet()) {
            String key = e.getKey();
            FactSpec spec = vocabulary.require(key, n);
            Node v = e.getValue();
            if (!hasJsonType(spec, v)) {
                throw n.error(field + "." + key, "expected " + jsonType(spec) + ", got " + (v.isNull() ? "null" : v.toString()));
            }
            out.put(key, vocabulary.coerce(key, v.toPlain(), n));
        }
        return out;
    }

    private static boolean hasJsonType(FactSpec spec, Node v) {
        return switch (spec.type()) {
            case INT -> v.isScalar() && v.scalar() instanceof Long;
            case BOOL -> v.isScalar() && v.scalar() instanceof Boolean;
            case STRING -> v.isScalar() && v.scalar() instanceof String;
            case ENUM -> v.isScalar() && v.scalar() instanceof String s && spec.values().contains(s);
            case LIST -> v.isList() && v.items().stream().allMatch(i -> i.isScalar() && i.scalar() instanceof String);
        };
    }

    private static String jsonType(FactSpec spec) {
        return switch (spec.type()) {
            case INT -> "a whole number";
            case BOOL -> "true or false";
            case STRING -> "a string";
            case ENUM -> "one of " + spec.values();
            case LIST -> "a list of strings";
        };
    }
}
