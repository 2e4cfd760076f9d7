package dev.dokploydoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 9 items 6 and 21, issue 10: what batch prints, as a user pipes a symptom file in. */
class BatchOutputTest {
    /** Two causes above the threshold: multi-container-isolation (0.84) and wrong-container-port (0.82). */
    static final String TWO_FAULTS = "cases:\n- id: two\n  facts:\n    http.status: 502\n    dependency.shares_network: false\n"
            + "    app.dns_failure: true\n    service.has_dependencies: true\n    domain.port: 3000\n    app.listen_port: 8080\n"
            + "    app.listen_address: 0.0.0.0\n    containers.running: true\n    service.kind: compose\n"
            + "    domain.just_added: true\n";   // isolation follows a move of the routed service (a domain added)

    /** Item 6: every cause at or above the threshold is shown, in text and Markdown, with its fix. */
    @Test void everyDiagnosedCauseIsShown() {
        Launch.Result text = Launch.run(Map.of(), TWO_FAULTS, "batch", "-");
        assertEquals(3, text.exit(), text.all());
        // the certainties follow the calibrated rules; what matters is that both causes are shown
        assertTrue(text.out().matches("(?s).*two  multi-container-isolation \\(0\\.[789]\\d\\).*"), text.out());
        assertTrue(text.out().matches("(?s).*also diagnosed: wrong-container-port \\(0\\.[789]\\d\\).*"), text.out());
        assertTrue(text.out().contains("Set the compose domain's port to 8080"), "the second cause's fix too:\n" + text.out());
        Launch.Result md = Launch.run(Map.of(), TWO_FAULTS, "batch", "-", "-f", "markdown");
        assertTrue(md.out().contains("Also diagnosed: **Domain points at a port the app does not listen on** (`wrong-container-port`"), md.out());
    }

    /** Item 21: a verify command is one pasteable line, never broken inside $(...). */
    @Test void verifyLinesAreNotWrapped() {
        Launch.Result text = Launch.run(Map.of(), TWO_FAULTS, "batch", "-");
        String verify = text.out().lines().filter(l -> l.contains("verify: docker inspect $(docker ps -q")).findFirst().orElse("");
        assertTrue(verify.contains("| head -n1)"), "the $(...) closes on the same line:\n" + text.out());
    }

    /** Issue 10: Markdown prints a fix's file change before the commands that apply it, as text does. */
    @Test void markdownFixesInTheOrderOfText() {
        Launch.Result md = Launch.run(Map.of(), TWO_FAULTS, "batch", "-", "-f", "markdown");
        Launch.Result text = Launch.run(Map.of(), TWO_FAULTS, "batch", "-");
        String fix = "**Fix:** Put the routed service on both networks";
        int at = md.out().indexOf(fix);
        assertTrue(at >= 0, md.out());
        int yaml = md.out().indexOf("```yaml", at);
        int sh = md.out().indexOf("```sh", at);
        assertTrue(yaml > at && yaml < sh, "compose snippet first, then its commands:\n" + md.out());
        int t = text.out().indexOf("fix: Put the routed service on both networks");
        assertTrue(text.out().indexOf("in docker-compose.yml:", t) < text.out().indexOf("then run:", t), text.out());
    }

    /** The JSON summary still carries the exit code, now defined by the command line. */
    @Test void jsonSummaryCarriesTheExitCode() throws Exception {
        Launch.Result json = Launch.run(Map.of(), TWO_FAULTS, "batch", "-", "-f", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(3, root.path("summary").path("exit_code").asInt(), json.out());
    }

    /** Item 21: SARIF results point at the case (a relative uri and its line), and name no page that does not exist. */
    @Test void sarifPointsAtTheCase() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(Launch.buildDir(), "sarif");
        java.nio.file.Path f = dir.resolve("cases.yaml");
        java.nio.file.Files.writeString(f, "cases:\n  - id: a\n    text: \"Error 1033\"\n  - id: b\n    text: \"502\"\n");
        Launch.Result r = Launch.run(Map.of(), "", "batch", f.toString(), "-f", "sarif");
        JsonNode run = new ObjectMapper().readTree(r.out()).path("runs").get(0);
        String rel = "target/" + dir.getFileName() + "/cases.yaml";
        JsonNode first = run.path("results").get(0).path("locations").get(0).path("physicalLocation");
        assertEquals(rel, first.path("artifactLocation").path("uri").asText(), r.out());
        assertEquals(2, first.path("region").path("startLine").asInt(), r.out());
        JsonNode second = run.path("results").get(1).path("locations").get(0).path("physicalLocation");
        assertEquals(4, second.path("region").path("startLine").asInt(), r.out());
        assertTrue(run.path("tool").path("driver").path("informationUri").isMissingNode(), "no made-up project page: " + r.out());
        Launch.Result stdin = Launch.run(Map.of(), "cases:\n  - id: a\n    text: \"Error 1033\"\n", "batch", "-", "-f", "sarif");
        assertFalse(stdin.out().contains("<stdin>"), stdin.out());
    }
}
