package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 9 item 13: learn keeps the facts that tell the cause apart and never writes a rule that
 * fires without a symptom; rules check flags a rule that diagnoses a case with no symptom. Runs the
 * program as a separate JVM on a copy of the checkout's knowledge.
 */
class LearnSymptomTest {
    @TempDir Path dir;

    Path knowledge() throws IOException {
        Path k = dir.resolve("knowledge");
        PasteableFixesTest.copy(Path.of("knowledge"), k);
        return k;
    }

    @Test void learnKeepsTheDecidingFactAndTheSymptom() throws IOException {
        Path k = knowledge();
        Path session = dir.resolve("session.yaml");
        Files.writeString(session, """
                id: bound-loopback
                text: "site gives 502 bad gateway"
                facts:
                  http.status: 502
                  http.intermittent: false
                  app.listen_port: 3000
                  app.listen_bound: 127.0.0.1
                """);
        Launch.Result r = Launch.run(Map.of(), "", "learn", session.toString(), "--cause", "app-listens-on-localhost",
                "--knowledge", k.toString(), "--no-user-rules", "--yes", "--force");
        String drl = Files.readString(k.resolve("causes/app-listens-on-localhost/rules.drl"));
        int at = drl.indexOf("learned from bound-loopback");
        assertTrue(at > 0, r.all());
        String rule = drl.substring(at);
        assertTrue(rule.contains("key == \"app.listen_bound\""), "the fact the cause's rules decide on was dropped:\n" + rule + "\n" + r.all());
        assertTrue(rule.contains("key == \"http.status\""), "the symptom was dropped:\n" + rule);
    }

    @Test void learnRefusesARuleWithoutASymptom() throws IOException {
        Path k = knowledge();
        Path session = dir.resolve("quiet.yaml");
        Files.writeString(session, "id: quiet\nfacts:\n  http.intermittent: false\n  app.listen_port: 3000\n");
        Launch.Result r = Launch.run(Map.of(), "", "learn", session.toString(), "--cause", "wrong-container-port",
                "--knowledge", k.toString(), "--no-user-rules", "--yes", "--force");
        assertNotEquals(0, r.exit(), r.all());
        assertTrue(r.all().contains("none of them a sign that something is wrong"), r.all());
        assertFalse(Files.readString(k.resolve("causes/wrong-container-port/rules.drl")).contains("learned from quiet"));
    }

    @Test void rulesCheckFlagsARuleThatDiagnosesWithoutASymptom() throws IOException {
        Path k = knowledge();
        Files.writeString(k.resolve("causes/wrong-container-port/rules.drl"), Files.readString(k.resolve("causes/wrong-container-port/rules.drl"))
                + """

                rule "wrong-container-port: learned from quiet"
                when
                    Fact(key == "http.intermittent", flag == false)
                    Fact(key == "app.listen_port", num == 3000)
                then
                    support(drools, 0.8);
                end
                """);
        Launch.Result r = Launch.run(Map.of(), "", "rules", "check", "--knowledge", k.toString(), "--no-user-rules");
        assertTrue(r.all().contains("rule 'wrong-container-port: learned from quiet' diagnoses wrong-container-port at 0.80"), r.all());
        assertTrue(r.all().contains("[no-symptom]"), r.all());
    }
}
