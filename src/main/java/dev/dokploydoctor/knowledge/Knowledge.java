package dev.dokploydoctor.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything the engine knows, loaded from one or more layers of knowledge/ folders: the
 * vocabulary, the causes (knowledge/causes/&lt;id&gt;/ with cause.yaml, rules.drl and cases/), the
 * rules many causes share (knowledge/shared/*.drl) and the extractors. Later layers extend earlier
 * ones; a cause or rule file with the same name replaces the earlier one (reported in {@link #notices()}).
 * Older user folders keep working: causes/&lt;id&gt;.yaml, cases/&lt;id&gt;/ and a rules/ folder of *.drl.
 */
public final class Knowledge {
    /** In knowledge/causes/&lt;id&gt;/: what the cause is; its rules are the folder's *.drl, its cases cases/*.yaml. */
    public static final String CAUSE_FILE = "cause.yaml";

    /** One layer: a rules folder and a knowledge folder (either may be null), and a label for messages. */
    public static final class Layer {
        private final String label;
        private final Path rules;
        private final java.util.function.Supplier<Path> opener; // the jar's copy: its zip file system, opened on first use
        private final BundledFiles bundledFiles;
        private Path knowledge;

        public Layer(String label, Path rules, Path knowledge) {
            this(label, rules, knowledge, null, null);
        }

        private Layer(String label, Path rules, Path knowledge, java.util.function.Supplier<Path> opener, BundledFiles bundledFiles) {
            this.label = label;
            this.rules = rules;
            this.knowledge = knowledge;
            this.opener = opener;
            this.bundledFiles = bundledFiles;
        }

        /** The copy in the jar: read through the class loader where it can be, opened as a folder only when asked. */
        static Layer inJar(BundledFiles files, java.util.function.Supplier<Path> opener) {
            return new Layer("bundled", null, null, opener, files);
        }

        public String label() { return label; }
        public Path rules() { return rules; }
        /** The knowledge folder (null: none); the jar's copy is opened as a zip file system on the first call. */
        public synchronized Path knowledge() {
            if (knowledge == null && opener != null) knowledge = opener.get();
            return knowledge;
        }
        /** The copy inside the program itself: trusted like the program. */
        public boolean isBundled() { return label.equals("bundled"); }
        /** The jar's copy read through the class loader, or null (a folder). */
        BundledFiles bundledFiles() { return bundledFiles; }

        @Override public String toString() { return "Layer[label=" + label + ", rules=" + rules + ", knowledge=" + knowledge() + "]"; }
    }

    private final List<Layer> layers;
    private final Vocabulary vocabulary;
    private final Map<String, String> causeLayers;
    private final Map<String, Cause> causes;
    private final List<Extractor> extractors;
    private final Map<String, RuleSource> ruleSources;
    private final List<String> notices;
    private final Implications implications;
    private final Priors priors;
    private final FixPlan.Memo fixPlans;
    private TextExtraction extraction; // built on first use: its prefilter and search plans cost ~0.1 s of CPU

    /** A DRL file: where it came from (for file:line messages) and its text. */
    public record RuleSource(String name, String displayPath, String text) {}

    private Knowledge(List<Layer> layers, Vocabulary vocabulary, Map<String, String> causeLayers, Map<String, Cause> causes, List<Extractor> extractors,
                      Map<String, RuleSource> ruleSources, List<String> notices, Implications implications, Priors priors) {
        this.implications = implications;
        this.priors = priors;
        this.layers = layers;
        this.vocabulary = vocabulary;
        this.causeLayers = causeLayers;
        this.causes = causes;
        this.extractors = extractors;
        this.ruleSources = ruleSources;
        this.notices = notices;
        this.fixPlans = new FixPlan.Memo(vocabulary);
    }

    public List<Layer> layers() { return layers; }
    public Vocabulary vocabulary() { return vocabulary; }
    public Map<String, Cause> causes() { return causes; }
    /** The layers a cause may sit in (knowledge/layers.yaml), with what each covers; empty: any name goes. */
    public Map<String, String> causeLayers() { return causeLayers; }
    public Cause cause(String id) { return causes.get(id); }
    public List<Extractor> extractors() { return extractors; }
    public Map<String, RuleSource> ruleSources() { return ruleSources; }
    public List<String> notices() { return notices; }
    /** Facts that follow from other facts (facts.yaml {@code implications:}). */
    public Implications implications() { return implications; }
    /** How common each cause is (priors.yaml), for choosing questions. */
    public Priors priors() { return priors; }
    /** {@link FixPlan#of} with this vocabulary, remembered: a batch's cases mostly share their plans. */
    public FixPlan fixPlan(Cause cause, Map<String, String> values) { return fixPlans.of(cause, values); }
    /** The catalog ready to read texts: one per knowledge, shared (it holds no state between texts). */
    public synchronized TextExtraction textExtraction() {
        if (extraction == null) extraction = new TextExtraction(extractors, vocabulary);
        return extraction;
    }

    /** Load and check all layers, in order. Throws {@link KnowledgeError} on the first bad file. */
    public static Knowledge load(List<Layer> layers) {
        return load(layers, true, id -> true);
    }

    /**
     * The vocabulary and the causes alone, for reading about causes (explain): no rules and no
     * catalog are read or checked (they were most of its start-up), so this knowledge extracts
     * nothing from texts and has no rules to run.
     */
    public static Knowledge loadCauses(List<Layer> layers) {
        return load(layers, false, id -> true);
    }

    /**
     * The vocabulary and one cause ({@link #loadCauses} reading only that cause's file in each layer):
     * explaining one cause parses a fifth of the YAML. The cause is absent when no layer has it.
     */
    public static Knowledge loadCause(List<Layer> layers, String id) {
        return load(layers, false, id::equals);
    }

    private static Knowledge load(List<Layer> layers, boolean rulesAndCatalog, java.util.function.Predicate<String> wantCause) {
        Map<String, FactSpec> specs = new LinkedHashMap<>();
        List<String> notices = new ArrayList<>();
        boolean haveVocabulary = false;
        List<Node> factFiles = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer.isBundled()) continue;
            FolderTrust.require("the rules of " + layer.label(), layer.rules());
            FolderTrust.require("the knowledge of " + layer.label(), layer.knowledge());
            EditJournal.recover(layer.knowledge()); // a learn killed half-way: back to the state before it
        }
        List<KnowledgeFolder> folders = new ArrayList<>();
        java.util.Set<String> quiet = new java.util.LinkedHashSet<>();
        for (Layer layer : layers) folders.add(KnowledgeFolder.of(layer));
        for (KnowledgeFolder folder : folders) {
            Layer layer = folder.layer();
            if (folder.isFile("facts.yaml")) {
                Node root = folder.read("facts.yaml");
                factFiles.add(root);
                Vocabulary own = Vocabulary.fromNode(root);
                for (FactSpec s : own.all()) {
                    if (specs.containsKey(s.key()) && haveVocabulary) notices.add(layer.label() + " redefines fact " + s.key());
                    specs.put(s.key(), s);
                    if (own.quiet(s.key())) quiet.add(s.key()); else quiet.remove(s.key());   // the last definition's
                }
                haveVocabulary = true;
            }
        }
        if (!haveVocabulary) {
            throw new KnowledgeError(layers.isEmpty() ? null : String.valueOf(layers.get(0).knowledge()), 0, null,
                    "no knowledge/facts.yaml found");
        }
        Vocabulary vocabulary = new Vocabulary(specs, quiet);
        List<Implications.Implication> implied = new ArrayList<>();
        for (Node root : factFiles) implied.addAll(Implications.fromNode(root, vocabulary).entries());
        Priors priors = Priors.uniform();
        Map<String, String> causeLayers = new LinkedHashMap<>();
        for (KnowledgeFolder folder : folders) {
            if (!folder.isFile("layers.yaml")) continue;
            Node root = folder.read("layers.yaml");
            Node map = root.isMap() ? root.get("layers") : null;
            if (map == null || !map.isMap()) throw root.error("layers", "expected 'layers:', a map of layer name to what it covers");
            for (String name : map.fields().keySet()) causeLayers.put(name, map.text(name, ""));
        }

        Map<String, Cause> causes = new LinkedHashMap<>();
        List<Extractor> extractors = new ArrayList<>();
        Map<String, RuleSource> rules = new LinkedHashMap<>();
        for (KnowledgeFolder folder : folders) {
            Layer layer = folder.layer();
            if (folder.exists()) {
                if (folder.isFile("priors.yaml")) priors = Priors.fromNode(folder.read("priors.yaml"));
                java.util.Set<String> known = causeLayers.isEmpty() ? null : causeLayers.keySet();
                // the flat layout of older user folders (causes/<id>.yaml) still loads
                for (String name : folder.files("causes", ".yaml")) {
                    String id = stripExtension(name);
                    if (wantCause.test(id)) addCause(causes, known, notices, layer, id, folder, "causes/" + name);
                }
                for (String id : folder.dirs("causes")) {
                    String file = "causes/" + id + "/" + CAUSE_FILE;
                    if (wantCause.test(id) && folder.isFile(file)) addCause(causes, known, notices, layer, id, folder, file);
                    if (!rulesAndCatalog) continue;
                    for (String drl : folder.files("causes/" + id, ".drl")) addRules(rules, notices, layer, folder, "causes/" + id + "/" + drl);
                }
                if (!rulesAndCatalog) continue;
                for (String drl : folder.files("shared", ".drl")) addRules(rules, notices, layer, folder, "shared/" + drl);
                // a later layer's entries come first: the user's patterns are more specific
                List<Extractor> layerExtractors = new ArrayList<>();
                if (folder.isFile("extractors.yaml")) {
                    layerExtractors.addAll(readExtractors(folder.read("extractors.yaml"), "extractors", vocabulary, false));
                }
                for (String file : folder.files("catalog", ".yaml")) {
                    layerExtractors.addAll(readExtractors(folder.read("catalog/" + file), "entries", vocabulary, true));
                }
                Map<String, Extractor> ids = new java.util.HashMap<>();
                for (Extractor e : layerExtractors) {
                    Extractor before = ids.put(e.id(), e);
                    if (before != null) {
                        throw new KnowledgeError(e.file(), e.line(), e.id(), "duplicate extractor id '" + e.id()
                                + "' (first at " + before.file() + ":" + before.line() + ")");
                    }
                }
                extractors.addAll(0, layerExtractors);
            }
            if (layer.rules() != null && rulesAndCatalog) {
                // a separate rules/ folder: the layout of older user folders and of --rules
                for (Path file : list(layer.rules(), ".drl")) addRules(rules, notices, layer, file.getFileName().toString(), file);
            }
        }
        if (rules.isEmpty() && rulesAndCatalog) throw new KnowledgeError(null, 0, null, "no rules (*.drl) found in " + layers);
        return new Knowledge(List.copyOf(layers), vocabulary, java.util.Collections.unmodifiableMap(causeLayers), causes, List.copyOf(extractors), rules, notices,
                new Implications(implied), priors);
    }

    /**
     * The entries of one file: knowledge/extractors.yaml ({@code extractors:}, the old single-file
     * form, still read for user folders) or knowledge/catalog/&lt;origin&gt;.yaml ({@code entries:},
     * each with a source and samples). Catalog files are read in file-name order.
     */
    private static List<Extractor> readExtractors(Node root, String field, Vocabulary vocabulary, boolean catalog) {
        Node list = root.isMap() ? root.get(field) : root;
        if (list == null || !list.isList()) throw root.error(field, "expected a list of " + (catalog ? "catalog entries" : "extractors"));
        List<Extractor> out = new ArrayList<>();
        for (Node n : list.items()) out.add(Extractor.fromNode(n, vocabulary, catalog));
        return out;
    }

    /**
     * Regression cases of every layer, by cause folder name, in file order: causes/&lt;id&gt;/cases/
     * and, in older user folders, cases/&lt;id&gt;/.
     */
    public List<CaseFile> loadCases() {
        List<CaseFile> out = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer.knowledge() == null) continue;
            Path causesDir = layer.knowledge().resolve("causes");
            if (Files.isDirectory(causesDir)) {
                for (Path dir : listDirs(causesDir)) {
                    for (Path file : list(dir.resolve("cases"), ".yaml")) out.add(new CaseFile(dir.getFileName().toString(), file));
                }
            }
            Path flat = layer.knowledge().resolve("cases");
            if (!Files.isDirectory(flat)) continue;
            for (Path dir : listDirs(flat)) {
                for (Path file : list(dir, ".yaml")) out.add(new CaseFile(dir.getFileName().toString(), file));
            }
        }
        return out;
    }

    private static void addCause(Map<String, Cause> causes, java.util.Set<String> causeLayers, List<String> notices, Layer layer,
                                 String id, KnowledgeFolder folder, String file) {
        Cause c = Cause.fromNode(id, folder.read(file), causeLayers);
        if (causes.put(id, c) != null) notices.add(layer.label() + " replaces cause " + id + " (" + folder.name(file) + ")");
    }

    /** A rules file of a knowledge folder (causes/&lt;id&gt;/*.drl, shared/*.drl). */
    private static void addRules(Map<String, RuleSource> rules, List<String> notices, Layer layer, KnowledgeFolder folder, String name) {
        addRules(rules, notices, layer, new RuleSource(name, folder.name(name), folder.text(name)), folder.path(name));
    }

    /** A rules file of a separate rules/ folder. */
    private static void addRules(Map<String, RuleSource> rules, List<String> notices, Layer layer, String name, Path file) {
        addRules(rules, notices, layer, new RuleSource(name, file.toString(), readString(file)), file);
    }

    /** {@code onDisk}: the file, or null when it is read from the jar. */
    private static void addRules(Map<String, RuleSource> rules, List<String> notices, Layer layer, RuleSource src, Path onDisk) {
        String file = src.displayPath();
        // rules are code: outside the copy inside the program, a then part that does more than our rules do is never
        // compiled (a checkout's file with the very text of the program's copy is that copy: ~8 % of the start-up's CPU)
        if (!layer.isBundled() && !Layers.sameAsBundled(onDisk, src.text())) RuleSafety.require(file, src.text());
        if (rules.put(src.name(), src) != null) notices.add(layer.label() + " replaces rules " + src.name() + " (" + file + ")");
    }

    /** A regression case file and the cause folder it sits in. */
    public record CaseFile(String causeFolder, Path path) {
        public CaseInput read(Vocabulary vocabulary) {
            return CaseInput.fromNode(Documents.read(path), vocabulary, stripExtension(path.getFileName().toString()), false);
        }
    }

    static List<Path> list(Path dir, String suffix) {
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new KnowledgeError(dir.toString(), 0, null, "cannot list: " + e.getMessage());
        }
    }

    static List<Path> listDirs(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new KnowledgeError(dir.toString(), 0, null, "cannot list: " + e.getMessage());
        }
    }

    static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KnowledgeError(file.toString(), 0, null, "cannot read: " + e.getMessage());
        }
    }

    public static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
