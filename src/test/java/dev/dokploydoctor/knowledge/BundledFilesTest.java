package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bundled knowledge read through the class loader and the build's list of its files (what explain does
 * in the jar, and batch) loads the same vocabulary, causes, rules, catalog and field corpus as the folder itself, and
 * never opens it as a folder.
 */
class BundledFilesTest {
    private static final Path FOLDER = folder();

    private static Path folder() {
        try {
            return Path.of(BundledFilesTest.class.getResource("/bundled/knowledge/facts.yaml").toURI()).getParent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Knowledge.Layer throughClassLoader() {
        BundledFiles files = BundledFiles.fromClassPath();
        assertNotNull(files, "the build writes " + ParsedDocuments.ROOT + BundledFiles.INDEX_NAME);
        return Knowledge.Layer.inJar(files, () -> { throw new AssertionError("the bundled knowledge was opened as a folder"); });
    }

    /** What the jar's zip file system would call a file of the folder. */
    private static String asInJar(Object o) {
        return o.toString().replace(FOLDER.toString() + "/", BundledFiles.ROOT);
    }

    @Test void theListHoldsEveryFileOfTheBundledKnowledge() throws Exception {
        List<String> walked = new ArrayList<>();
        try (Stream<Path> s = Files.walk(FOLDER)) {
            s.filter(Files::isRegularFile).forEach(p -> walked.add(FOLDER.relativize(p).toString().replace('\\', '/')));
        }
        BundledFiles files = BundledFiles.fromClassPath();
        for (String f : walked) assertTrue(files.isFile(f), f);
        assertFalse(files.isFile("causes"), "a folder is not a file");
        List<String> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(FOLDER.resolve("causes"))) {
            s.filter(Files::isDirectory).forEach(p -> dirs.add(p.getFileName().toString()));
        }
        dirs.sort(null);
        assertEquals(dirs, files.dirs("causes"));
        assertEquals(Knowledge.list(FOLDER.resolve("catalog"), ".yaml").stream().map(p -> p.getFileName().toString()).toList(),
                files.files("catalog", ".yaml"));
        assertEquals(List.of(), files.files("causes", ".yaml"), "the bundled causes are folders");
    }

    @Test void causesReadThroughTheClassLoaderAreTheFolders() {
        Knowledge.Layer folder = new Knowledge.Layer("bundled", null, FOLDER);
        Knowledge viaFolder = Knowledge.loadCauses(List.of(folder));
        Knowledge viaClassLoader = Knowledge.loadCauses(List.of(throughClassLoader()));
        assertFalse(viaFolder.causes().isEmpty());
        assertEquals(asInJar(viaFolder.causes()), viaClassLoader.causes().toString());
        assertEquals(asInJar(viaFolder.vocabulary().all()), viaClassLoader.vocabulary().all().toString());
        assertEquals(viaFolder.causeLayers(), viaClassLoader.causeLayers());
        assertEquals(viaFolder.notices(), viaClassLoader.notices());
        assertEquals(asInJar(viaFolder.implications().entries()), viaClassLoader.implications().entries().toString());

        String id = viaFolder.causes().keySet().iterator().next();
        Knowledge one = Knowledge.loadCause(List.of(throughClassLoader()), id);
        assertEquals(List.of(id), List.copyOf(one.causes().keySet()));
        assertEquals(viaClassLoader.cause(id), one.cause(id));
        assertTrue(Knowledge.loadCause(List.of(throughClassLoader()), "no-such-cause").causes().isEmpty());
    }

    @Test void aFullLoadThroughTheClassLoaderIsTheFolders() {
        Knowledge viaFolder = Knowledge.load(List.of(new Knowledge.Layer("bundled", null, FOLDER)));
        Knowledge viaClassLoader = Knowledge.load(List.of(throughClassLoader()));
        assertFalse(viaFolder.ruleSources().isEmpty());
        assertEquals(asInJar(viaFolder.ruleSources()), viaClassLoader.ruleSources().toString());
        assertFalse(viaFolder.extractors().isEmpty());
        assertEquals(asInJar(viaFolder.extractors()), viaClassLoader.extractors().toString());
        assertEquals(asInJar(viaFolder.causes()), viaClassLoader.causes().toString());
        assertEquals(asInJar(viaFolder.vocabulary().all()), viaClassLoader.vocabulary().all().toString());
        assertEquals(viaFolder.notices(), viaClassLoader.notices());
    }

    @Test void theFieldCorpusThroughTheClassLoaderIsTheFolders() {
        Knowledge k = Knowledge.load(List.of(new Knowledge.Layer("bundled", null, FOLDER)));
        List<FieldCorpus.Source> viaFolder = FieldCorpus.sources(k);
        List<FieldCorpus.Source> viaClassLoader = FieldCorpus.sources(Knowledge.load(List.of(throughClassLoader())));
        assertFalse(viaFolder.isEmpty());
        assertEquals(asInJar(viaFolder.stream().map(FieldCorpus.Source::name).toList()),
                viaClassLoader.stream().map(FieldCorpus.Source::name).toList().toString());
        FieldCorpus.Loaded a = FieldCorpus.loadSources(viaFolder, k);
        FieldCorpus.Loaded b = FieldCorpus.loadSources(viaClassLoader, k);
        assertFalse(a.records().isEmpty());
        assertEquals(List.of(), b.errors());
        assertEquals(asInJar(a.records()), b.records().toString());
    }
}
