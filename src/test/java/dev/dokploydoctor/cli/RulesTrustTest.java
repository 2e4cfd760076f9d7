package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 16.2: rules are code. A knowledge folder in the working directory is not loaded unless it
 * is the program's own checkout or named with --knowledge/--rules; a shared (group/world-writable)
 * or foreign-owned rules folder is refused; {@code rules check} flags a rule that calls Java, and
 * does not run it. The CLI runs as its own process: the working directory and $XDG_CONFIG_HOME matter.
 */
class RulesTrustTest {
    @TempDir Path home;

    /** A then part that ends the program: if it ran, the exit code is 7 and nothing is printed. */
    static final String EVIL = """
            package dokploy.rules;
            dialect "mvel"
            import dev.dokploydoctor.knowledge.Fact;
            rule "evil: exit"
            when
                Fact(key == "http.status")
            then
                System.exit(7);
            end
            """;

    private CliRunner.Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return CliRunner.separate(home, workDir, args);
    }

    /** A directory that looks like a checkout (knowledge/ with facts.yaml and causes/) with one evil rule in it. */
    Path evilCheckout() throws IOException {
        Path work = home.resolve("work");
        copy(Path.of("knowledge").toAbsolutePath(), work.resolve("knowledge"));
        Files.writeString(work.resolve("knowledge/shared/evil.drl"), EVIL);
        Files.writeString(work.resolve("case.yaml"), "cases:\n  - id: a\n    facts: { http.status: 502 }\n");
        return work;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    @Test void aKnowledgeFolderInTheWorkingDirectoryIsNotLoadedUnlessAskedFor() throws Exception {
        Path work = evilCheckout();
        CliRunner.Result plain = run(work, "batch", "case.yaml", "--format", "json");
        assertNotEquals(7, plain.exit(), "the working directory's rules ran: " + plain.err());
        assertTrue(plain.out().contains("\"cases\""), plain.out() + plain.err());

        CliRunner.Result asked = run(work, "batch", "case.yaml", "--knowledge", "knowledge");
        assertNotEquals(7, asked.exit(), "--knowledge loads the folder, but never runs a rule that calls Java: " + asked.err());
        assertEquals(2, asked.exit(), asked.out() + asked.err());
        assertTrue(asked.err().contains("evil.drl:8: refusing to load this rule file: the rule uses System. (a Java class, package or the engine itself)"),
                asked.err());

        CliRunner.Result check = run(work, "rules", "check", "--knowledge", "knowledge");
        assertNotEquals(7, check.exit(), "rules check must not run an unsafe rule: " + check.out() + check.err());
        assertEquals(2, check.exit(), "errors in the rule base: " + check.out() + check.err());
        assertTrue(check.out().contains("evil.drl:8: error: the rule uses System. (a Java class, package or the engine itself)"), check.out());
        assertTrue(check.out().contains("[unsafe-rule]"), check.out());
    }

    @Test void theBundledRulesPassTheSafetyCheck() throws Exception {
        CliRunner.Result check = run(Path.of("").toAbsolutePath(), "rules", "check");
        assertFalse(check.out().contains("unsafe-rule"), check.out());
    }

    @Test void aSharedOrForeignUserFolderIsRefused() throws Exception {
        Path rules = Files.createDirectories(home.resolve("config/dokploy-doctor/rules"));
        Files.writeString(rules.resolve("mine.drl"), "package dokploy.rules;\n");
        Path work = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(work.resolve("case.yaml"), "cases:\n  - id: a\n    facts: { http.status: 502 }\n");

        Files.setPosixFilePermissions(rules, PosixFilePermissions.fromString("rwxrwxrwx"));
        CliRunner.Result shared = run(work, "batch", "case.yaml");
        assertEquals(2, shared.exit(), shared.out() + shared.err());
        assertTrue(shared.err().contains("refusing to load the rules of user " + home.resolve("config/dokploy-doctor") + ": "
                + rules + " is writable by everyone; fix: chmod go-w " + rules), shared.err());

        Files.setPosixFilePermissions(rules, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(rules.resolve("mine.drl"), PosixFilePermissions.fromString("rw-rw-r--"));
        CliRunner.Result group = run(work, "batch", "case.yaml");
        assertEquals(2, group.exit(), group.err());
        assertTrue(group.err().contains("mine.drl is writable by its group"), group.err());

        Files.setPosixFilePermissions(rules.resolve("mine.drl"), PosixFilePermissions.fromString("rw-r--r--"));
        assertNotEquals(2, run(work, "batch", "case.yaml").exit(), "a private folder loads");

        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file to another user");
        UserPrincipal nobody = rules.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(rules.resolve("mine.drl"), nobody);
        CliRunner.Result foreign = run(work, "batch", "case.yaml");
        assertEquals(2, foreign.exit(), foreign.err());
        assertTrue(foreign.err().contains("mine.drl is owned by nobody, not by you (root); fix: chown root"), foreign.err());
    }

    /** Issue 16.2: a System.exit(0) rule in the user's own (private) folder is refused at load; batch never ends silently with 0. */
    @Test void anUnsafeUserRuleIsRefusedAtLoadWithItsLine() throws Exception {
        Path rules = Files.createDirectories(home.resolve("config/dokploy-doctor/rules"));
        Files.setPosixFilePermissions(home.resolve("config/dokploy-doctor"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(home.resolve("config"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(rules, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(rules.resolve("exit.drl"), EVIL.replace("System.exit(7)", "System.exit(0)"));
        Files.setPosixFilePermissions(rules.resolve("exit.drl"), PosixFilePermissions.fromString("rw-------"));
        Path work = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(work.resolve("case.yaml"), "cases:\n  - id: a\n    facts: { http.status: 502 }\n");
        CliRunner.Result r = run(work, "batch", "case.yaml");
        assertEquals(2, r.exit(), "a rule calling System.exit(0) must not end batch with 0 and nothing printed: " + r.out() + r.err());
        assertTrue(r.err().contains(rules.resolve("exit.drl") + ":8: refusing to load this rule file: the rule uses System."), r.err());
        assertTrue(r.err().contains("a rule file is code"), r.err());
    }
}
