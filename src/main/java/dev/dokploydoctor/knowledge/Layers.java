package dev.dokploydoctor.knowledge;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the layers of knowledge come from: the copy bundled in the jar, this program's own
 * checkout, the user's folder, and the usual stack of them that every command loads.
 */
public final class Layers {
    private Layers() {}

    /**
     * The rules and knowledge bundled in the jar (or target/classes when run from a build). In the jar,
     * the folder is a zip file system of the whole jar, opened only when a caller needs it as a folder:
     * reading the vocabulary and causes alone goes through the class loader ({@link BundledFiles}).
     */
    public static Knowledge.Layer bundled() {
        URL url = Layers.class.getResource("/bundled/knowledge/facts.yaml");
        if (url == null) throw new KnowledgeError(null, 0, null, "the bundled knowledge is missing from the jar");
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) return new Knowledge.Layer("bundled", null, Path.of(uri).getParent());
            BundledFiles files = BundledFiles.fromClassPath();
            if (files == null) return new Knowledge.Layer("bundled", null, inJar(uri));
            return Knowledge.Layer.inJar(files, () -> inJar(uri));
        } catch (KnowledgeError e) {
            throw e;
        } catch (Exception e) {
            throw new KnowledgeError(null, 0, null, "cannot open the bundled knowledge: " + e.getMessage());
        }
    }

    /** The bundled knowledge folder in the jar's zip file system. */
    private static Path inJar(URI facts) {
        try {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(facts, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(facts);
            }
            return fs.getPath("/bundled/knowledge/facts.yaml").getParent();
        } catch (Exception e) {
            throw new KnowledgeError(null, 0, null, "cannot open the bundled knowledge: " + e.getMessage());
        }
    }

    /**
     * Whether {@code file} (under a folder named knowledge) holds exactly the text of the same file in
     * the copy bundled with this program: a checkout's unchanged rule file is the program's own.
     */
    static boolean sameAsBundled(Path file, String text) {
        String relative = ParsedDocuments.underKnowledge(file);
        if (relative == null) return false;
        try (java.io.InputStream in = Layers.class.getResourceAsStream("/bundled/knowledge/" + relative)) {
            return in != null && java.util.Arrays.equals(in.readAllBytes(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The checkout this program was built in (its classes or jar sit in target/), or null when it
     * runs from elsewhere (an installed jar).
     */
    public static Path ownCheckout() {
        try {
            java.security.CodeSource src = Layers.class.getProtectionDomain().getCodeSource();
            if (src == null) return null;
            Path code = Path.of(src.getLocation().toURI()).toAbsolutePath();
            Path target = code.getParent();
            if (target == null || target.getParent() == null) return null;
            Path dir = target.getParent();
            return Files.isRegularFile(dir.resolve("pom.xml")) ? dir.toRealPath() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** knowledge/ of a checkout in {@code dir} (and a rules/ folder beside it, if there is one). */
    public static Knowledge.Layer checkout(Path dir) {
        Path rules = dir.resolve("rules");
        Path knowledge = dir.resolve("knowledge");
        if (Files.isRegularFile(knowledge.resolve("facts.yaml")) && Files.isDirectory(knowledge.resolve("causes"))) {
            return new Knowledge.Layer("checkout " + dir.toAbsolutePath().normalize(), Files.isDirectory(rules) ? rules : null, knowledge);
        }
        return null;
    }

    public static boolean isOwnCheckout(Path dir) {
        Path own = ownCheckout();
        try {
            return own != null && dir.toRealPath().equals(own);
        } catch (IOException e) {
            return false;
        }
    }

    /** The user's own additions: $XDG_CONFIG_HOME/dokploy-doctor (or ~/.config/dokploy-doctor). */
    public static Knowledge.Layer user() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        Path dir = base.resolve("dokploy-doctor");
        Path rules = dir.resolve("rules");
        Path knowledge = dir.resolve("knowledge");
        if (!Files.isDirectory(rules) && !Files.isDirectory(knowledge)) return null;
        return new Knowledge.Layer("user " + dir, Files.isDirectory(rules) ? rules : null, Files.isDirectory(knowledge) ? knowledge : null);
    }

    /**
     * The usual stack: --rules/--knowledge when given, else the working directory when it is this
     * program's own checkout, else the bundled copy; then the user's folder on top. Rules are code:
     * a knowledge/ folder in whatever directory you happen to run from is never loaded by itself.
     */
    public static List<Knowledge.Layer> defaultLayers(Path rulesFlag, Path knowledgeFlag, boolean includeUser) {
        List<Knowledge.Layer> layers = new ArrayList<>();
        Knowledge.Layer base = isOwnCheckout(Path.of("")) ? checkout(Path.of("").toAbsolutePath()) : null;
        if (base == null) base = bundled();
        if (rulesFlag != null || knowledgeFlag != null) {
            base = new Knowledge.Layer("command line", rulesFlag != null ? rulesFlag : base.rules(),
                    knowledgeFlag != null ? knowledgeFlag : base.knowledge());
        }
        layers.add(base);
        if (includeUser) {
            Knowledge.Layer user = user();
            if (user != null) layers.add(user);
        }
        return layers;
    }
}
