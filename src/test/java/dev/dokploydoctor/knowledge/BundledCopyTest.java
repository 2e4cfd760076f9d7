package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** A checkout's rule file is the program's own copy only with the very same text (then the safety check is the bundled copy's: none). */
class BundledCopyTest {
    @Test
    void theCheckoutsUnchangedRuleFilesAreTheBundledOnes() throws IOException {
        List<Path> drl;
        try (Stream<Path> s = Files.walk(Path.of("knowledge"))) {
            drl = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        assertFalse(drl.isEmpty());
        for (Path file : drl) assertTrue(Layers.sameAsBundled(file, Files.readString(file)), file.toString());
    }

    @Test
    void oneCharacterMoreOrAnotherPlaceIsNot(@TempDir Path dir) throws IOException {
        Path shared;
        try (Stream<Path> s = Files.list(Path.of("knowledge/shared"))) {
            shared = s.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
        String text = Files.readString(shared);
        assertFalse(Layers.sameAsBundled(shared, text + " "));
        Path copy = dir.resolve("knowledge/shared").resolve(shared.getFileName());
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, text);
        assertTrue(Layers.sameAsBundled(copy, text), "the same text at the same place under a knowledge folder");
        assertFalse(Layers.sameAsBundled(dir.resolve("rules").resolve(shared.getFileName()), text), "a rules/ folder (--rules, older user folders)");
        assertFalse(Layers.sameAsBundled(dir.resolve("knowledge/shared/other.drl"), text), "another file's name");
    }
}
