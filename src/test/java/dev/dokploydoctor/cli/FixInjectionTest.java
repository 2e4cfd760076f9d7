package dev.dokploydoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16.1: a fact value from a symptom file or an answers file never reaches a pasteable fix
 * unchecked. Each hostile value is refused: the fix keeps the placeholder and says why.
 */
class FixInjectionTest {
    @TempDir Path dir;

    /** Shell syntax through each channel: ; $() backticks quotes newlines. */
    static final List<String> PAYLOADS = List.of("shop; touch /tmp/PWNED #", "shop$(touch /tmp/PWNED)", "shop`touch /tmp/PWNED`",
            "shop'; touch /tmp/PWNED; '", "shop\"; touch /tmp/PWNED; \"", "shop\ntouch /tmp/PWNED");

    static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test void batchNeverInlinesAHostileValue() throws Exception {
        StringBuilder yaml = new StringBuilder("cases:\n");
        int i = 0;
        for (String p : PAYLOADS) {
            yaml.append("  - id: c").append(i++).append("\n")
                    .append("    text: \"compose app from someone else's repo, domain gives 404 page not found\"\n")
                    .append("    facts:\n")
                    .append("      app.networks: [ghost_default]\n")
                    .append("      compose.networks_declared: false\n")
                    .append("      service.project: ").append(yamlString(p)).append('\n')
                    .append("      service.name: ").append(yamlString(p)).append('\n')
                    .append("      domain.host: ").append(yamlString(p.replace("shop", "shop.example.com"))).append('\n');
        }
        Path f = dir.resolve("hostile.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        for (String format : List.of("json", "text", "markdown")) {
            CliRunner.Result r = CliRunner.run(null, "batch", f.toString(), "--format", format);
            assertEquals(3, r.exit(), format + ": " + r.err() + r.out());
            assertFalse(r.out().contains("touch /tmp/PWNED\n") || r.out().contains("\ntouch /tmp/PWNED"),
                    format + ": a newline payload became its own command line:\n" + r.out());
            for (String line : r.out().split("\n")) {
                if (line.contains("docker ps --filter label=com.docker.compose.project=")) {
                    assertFalse(line.contains("PWNED"), format + ": " + line);
                    assertTrue(line.contains("$SERVICE_PROJECT"), format + ": " + line);
                }
            }
            assertTrue(r.out().contains("{service.project} was not filled in"), format + ": no warning\n" + r.out());
        }
        JsonNode root = new ObjectMapper().readTree(CliRunner.run(null, "batch", f.toString(), "--format", "json").out());
        for (JsonNode c : root.get("cases")) {
            JsonNode d = c.get("diagnoses").get(0);
            assertEquals("external-compose-without-network", d.get("cause").asText());
            for (JsonNode fix : d.get("fixes")) {
                assertFalse(fix.toString().contains("PWNED"), fix.toString());
            }
            assertFalse(d.get("verify").asText().contains("PWNED"));
            assertEquals(3, d.get("warnings").size(), d.toString());
        }
    }

    @Test void answersFileNeverInlinesAHostileValue() throws Exception {
        for (String p : PAYLOADS) {
            Path answers = dir.resolve("answers.yaml");
            Files.writeString(answers, "app.networks: [ghost_default]\ncompose.networks_declared: false\n"
                    + "service.project: " + yamlString(p) + "\nservice.name: " + yamlString(p) + "\n", StandardCharsets.UTF_8);
            CliRunner.Result r = CliRunner.run(null, "diagnose", "--no-questions", "--no-probe", "--answers", answers.toString(),
                    "--text", "compose app from someone else's repo, domain gives 404 page not found");
            assertTrue(r.out().contains("external-compose-without-network") || r.out().contains("External compose"), r.out() + r.err());
            for (String line : r.out().split("\n")) {
                assertTrue(!line.contains("PWNED") || line.contains("was not filled in"), "only the warning may show the value: " + line);
            }
            assertTrue(r.out().contains("$SERVICE_PROJECT"), r.out());
        }
    }
}
