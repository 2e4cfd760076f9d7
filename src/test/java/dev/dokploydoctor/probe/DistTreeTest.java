package dev.dokploydoctor.probe;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** What `mvn package` puts in the distribution besides the runtime: man pages, completion, the tarball. */
@Tag("e2e")
class DistTreeTest {
    @Test void manPagesGeneratedFromTheCommandModel() throws IOException {
        Path man = Dist.dir().resolve("share/man/man1");
        for (String page : List.of("dokploy-doctor", "dokploy-doctor-probe", "dokploy-doctor-diagnose", "dokploy-doctor-batch",
                "dokploy-doctor-explain", "dokploy-doctor-rules-test")) {
            String roff = Files.readString(man.resolve(page + ".1"));
            assertTrue(roff.startsWith(".TH \"" + page.toUpperCase() + "\" \"1\""), page + ":\n" + roff);
            assertTrue(roff.contains(".SH SYNOPSIS") && roff.contains(".SH OPTIONS") || page.equals("dokploy-doctor"), page + ":\n" + roff);
        }
        String probe = Files.readString(man.resolve("dokploy-doctor-probe.1"));
        assertTrue(probe.contains("\\fB\\-H\\fR, \\fB\\-\\-host\\fR"), probe);
        assertTrue(probe.contains(".SH NAME\ndokploy\\-doctor\\-probe \\- Look at this DokPloy host"), probe);
        if (Files.isExecutable(Path.of("/usr/bin/man"))) {
            Dist.Run r = Dist.run(List.of("man", "--warnings", "-l", man.resolve("dokploy-doctor-probe.1").toString()), Map.of("MANPAGER", "cat", "MANWIDTH", "100"), 60);
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.stdout().contains("--probe-timeout"), r::toString);
            assertEquals("", r.stderr(), "man should render the page without warnings");
        }
    }

    @Test void bashCompletionCompletesCommandsAndOptions() {
        Path script = Dist.dir().resolve("share/bash-completion/completions/dokploy-doctor");
        assertTrue(Files.isRegularFile(Dist.dir().resolve("share/zsh/site-functions/dokploy-doctor.zsh")));
        Dist.Run r = Dist.run(List.of("bash", "-c", "source \"$0\"; COMP_LINE='dokploy-doctor pro'; COMP_WORDS=(dokploy-doctor pro); COMP_CWORD=1; _complete_dokploy-doctor; echo \"${COMPREPLY[*]}\";"
                + " COMP_LINE='dokploy-doctor probe --con'; COMP_WORDS=(dokploy-doctor probe --con); COMP_CWORD=2; _complete_dokploy-doctor; echo \"${COMPREPLY[*]}\"", script.toString()), Map.of(), 60);
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("probe", "--context"), r.stdout().strip().lines().map(String::strip).toList(), r::toString);
    }

    /** The trimmed runtime holds what the libraries load by name: a user sees no JVM or library warning. */
    @Test void batchFromTheDistributionWarnsAboutNothing(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path cases = tmp.resolve("cases.jsonl");
        Files.writeString(cases, "{\"id\":\"a\",\"text\":\"502 Bad Gateway after adding a domain; logs: getaddrinfo EAI_AGAIN postgres\"}\n");
        Dist.Run r = Dist.run(Dist.command("batch", cases.toString(), "-v"), Map.of(), 180);
        assertEquals(4, r.code(), r::toString);
        assertTrue(r.stdout().contains("similar field reports"), r::toString);   // Lucene ran
        assertFalse(r.stderr().contains("WARNING"), r::toString);
    }

    @Test void theTarballHoldsTheTree() {
        Dist.Run r = Dist.run(List.of("tar", "-tzf", Dist.tarball().toString()), Map.of(), 120);
        assertEquals(0, r.code(), r::toString);
        for (String entry : List.of("dokploy-doctor/bin/dokploy-doctor", "dokploy-doctor/runtime/bin/java", "dokploy-doctor/lib/dokploy-doctor.jar",
                "dokploy-doctor/lib/dokploy-doctor.jsa", "dokploy-doctor/lib/dokploy-doctor.classlist",
                "dokploy-doctor/lib/dokploy-doctor-batch.jsa", "dokploy-doctor/lib/dokploy-doctor-batch.classlist", "dokploy-doctor/share/man/man1/dokploy-doctor.1",
                "dokploy-doctor/share/dokploy-doctor/knowledge/facts.yaml", "dokploy-doctor/Dockerfile")) {
            assertTrue(r.stdout().lines().anyMatch(entry::equals), "tarball lacks " + entry);
        }
    }
}
