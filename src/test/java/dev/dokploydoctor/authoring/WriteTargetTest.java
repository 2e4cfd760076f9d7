package dev.dokploydoctor.authoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteTargetTest {
    @TempDir Path dir;

    @Test void insideACheckoutItWritesThere() {
        Tree t = Tree.clean(dir);
        WriteTarget target = WriteTarget.resolve(null, null, t.root);
        assertEquals(t.rules(), target.rules());
        assertEquals(t.knowledge(), target.knowledge());
        assertFalse(target.usesUserFolder());
        assertEquals(t.rules().resolve("traefik.drl"), target.ruleFile("traefik"));
        assertEquals(t.knowledge().resolve("causes/x.yaml"), target.causeFile("x"));
        assertEquals(t.knowledge().resolve("cases/x"), target.caseDir("x"));
    }

    @Test void elsewhereItWritesIntoTheUserFolderWithoutShadowingBundledFiles() {
        WriteTarget target = WriteTarget.resolve(null, null, dir);
        assertTrue(target.usesUserFolder());
        assertEquals(WriteTarget.userDir().resolve("rules"), target.rules());
        assertEquals(WriteTarget.userDir().resolve("knowledge"), target.knowledge());
        // rules/traefik.drl in the user folder would replace the bundled traefik.drl
        assertEquals(WriteTarget.userDir().resolve("rules/my-traefik.drl"), target.ruleFile("traefik"));
    }

    @Test void flagsOverrideEachHalf() {
        Tree t = Tree.clean(dir.resolve("checkout"));
        Path rules = dir.resolve("my-rules");
        WriteTarget target = WriteTarget.resolve(rules, null, t.root);
        assertEquals(rules, target.rules());
        assertEquals(t.knowledge(), target.knowledge());
        assertEquals(rules.resolve("app.drl"), target.ruleFile("app"));
        assertEquals("the folders given on the command line", target.label());
    }
}
