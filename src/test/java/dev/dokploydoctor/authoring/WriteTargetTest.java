package dev.dokploydoctor.authoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteTargetTest {
    @TempDir Path dir;

    @Test void insideItsOwnCheckoutItWritesIntoTheCauseFolder() {
        Path own = Path.of("").toAbsolutePath();
        Tree t = Tree.clean(dir);
        WriteTarget target = WriteTarget.resolve(null, own);
        assertEquals(own.resolve("knowledge"), target.knowledge());
        assertFalse(target.usesUserFolder());
        assertEquals(own.resolve("knowledge/causes/x/rules.drl"), target.ruleFile("x", t.load()));
        assertEquals(own.resolve("knowledge/causes/x/cause.yaml"), target.causeFile("x"));
        assertEquals(own.resolve("knowledge/causes/x/cases"), target.caseDir("x"));
        // a cause of the checkout itself gets its rule in its own rules.drl
        assertEquals(own.resolve("knowledge/causes/app-down/rules.drl"), target.ruleFile("app-down", t.load()));
    }

    /** Issue 16.2: a folder that only looks like a checkout is not loaded, so it is not written either. */
    @Test void aLookAlikeCheckoutIsNotWrittenInto() {
        Tree t = Tree.clean(dir);
        WriteTarget target = WriteTarget.resolve(null, t.root);
        assertTrue(target.usesUserFolder());
        assertEquals(WriteTarget.userDir().resolve("knowledge"), target.knowledge());
    }

    @Test void elsewhereItWritesIntoTheUserFolderWithoutShadowingBundledFiles() {
        Tree t = Tree.clean(dir.resolve("checkout"));
        WriteTarget target = WriteTarget.resolve(null, dir.resolve("elsewhere"));
        assertTrue(target.usesUserFolder());
        assertEquals(WriteTarget.userDir().resolve("knowledge"), target.knowledge());
        // causes/app-down/rules.drl in the user folder would replace the cause's rules below it
        assertEquals(WriteTarget.userDir().resolve("knowledge/causes/app-down/my-rules.drl"), target.ruleFile("app-down", t.load()));
        assertEquals(WriteTarget.userDir().resolve("knowledge/causes/x/rules.drl"), target.ruleFile("x", t.load()));
    }

    @Test void theFlagOverridesIt() {
        Tree t = Tree.clean(dir.resolve("checkout"));
        Path knowledge = dir.resolve("my-knowledge");
        WriteTarget target = WriteTarget.resolve(knowledge, t.root);
        assertEquals(knowledge, target.knowledge());
        assertEquals(knowledge.resolve("causes/app/rules.drl"), target.ruleFile("app", t.load()));
        assertEquals("the folder given on the command line", target.label());
    }
}
