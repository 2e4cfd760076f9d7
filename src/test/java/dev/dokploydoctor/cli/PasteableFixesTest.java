package dev.dokploydoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 9 items 8-10 and 12: the fixes a diagnosis prints can be pasted as they stand. The program
 * runs as a separate JVM, reading its cases from piped stdin.
 */
class PasteableFixesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** A variable the set-these-first block declares: SERVICE_NAME=   # service.name: ... */
    static final Pattern DECLARED = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]*)=\\s+# ");

    static Launch.Result batch(String yaml, String... args) {
        List<String> all = new ArrayList<>(List.of("batch", "-"));
        all.addAll(List.of(args));
        return Launch.run(Map.of(), yaml, all.toArray(String[]::new));
    }

    static final String PORT_502 = """
            cases:
              - id: port
                text: "my domain gives 502 bad gateway, app logs Listening on port 8080"
                facts: { http.status: 502, app.listen_port: 8080, domain.port: 3000 }
            """;

    /** Item 8: no placeholder is left unfilled; each one is a variable the block declares, in text, Markdown and JSON alike. */
    @Test void unknownValuesBecomeVariablesSetFirst() throws Exception {
        for (String format : List.of("text", "markdown")) {
            Launch.Result r = batch(PORT_502, "--format", format);
            assertEquals(3, r.exit(), r.all());
            assertFalse(r.out().matches("(?s).*[<{](service|domain|app)\\.[a-z_]+[>}].*"), format + ": a placeholder left unfilled:\n" + r.out());
            assertTrue(r.out().toLowerCase().contains("set these first"), format + "\n" + r.out());
            TreeSet<String> declared = declared(r.out());
            assertTrue(declared.containsAll(List.of("SERVICE_PROJECT", "SERVICE_NAME", "DOMAIN_HOST")), format + ": " + declared);
            assertFalse(declared.contains("APP_LISTEN_PORT"), "known and safe, so filled in: " + declared);
            assertTrue(r.out().contains("label=com.docker.compose.project=$SERVICE_PROJECT"), format + "\n" + r.out());
            assertTrue(r.out().contains("{port: 8080}"), "the known port is filled in:\n" + r.out());
        }
        JsonNode d = JSON.readTree(batch(PORT_502, "--format", "json").out()).get("cases").get(0).get("diagnoses").get(0);
        List<String> names = new ArrayList<>();
        for (JsonNode v : d.get("set_first")) names.add(v.get("name").asText());
        assertTrue(names.containsAll(List.of("SERVICE_PROJECT", "SERVICE_NAME", "DOMAIN_HOST", "DOKPLOY_URL", "DOKPLOY_API_KEY")), names.toString());
    }

    /** Item 8: explain shows the same style as a diagnosis ($SERVICE_NAME, declared first), never {service.name}. */
    @Test void explainUsesTheSameStyle() {
        Launch.Result r = Launch.run(Map.of(), "", "explain", "wrong-container-port");
        assertEquals(0, r.exit(), r.all());
        assertFalse(r.out().matches("(?s).*[<{](service|domain|app)\\.[a-z_]+[>}].*"), r.out());
        assertTrue(declared(r.out()).containsAll(List.of("SERVICE_NAME", "APP_LISTEN_PORT", "DOKPLOY_URL")), r.out());
        assertTrue(r.out().contains("$SERVICE_NAME"), r.out());
    }

    /** Item 8: with the block's variables set, every filled-in command of every cause is valid shell (sh -n). */
    @Test void everyFilledCommandIsValidShell(@TempDir Path dir) throws Exception {
        Knowledge k = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        int checked = 0;
        for (Cause c : k.causes().values()) {
            var plan = dev.dokploydoctor.knowledge.FixPlan.of(c, Map.of(), k.vocabulary());
            List<String> commands = new ArrayList<>();
            for (var step : plan.fixes()) commands.addAll(step.fix().commands());
            if (plan.check() != null) commands.add(plan.check().run());
            for (String cmd : commands) {
                Path script = dir.resolve("c.sh");
                Files.writeString(script, cmd + "\n");
                Process p = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                assertEquals(0, p.waitFor(), c.id() + ": not valid shell:\n" + cmd + "\n" + out);
                checked++;
            }
        }
        assertTrue(checked > 40, "commands checked: " + checked);
    }

    /** Item 9: while service.kind is unknown both variants show, labelled; once known, only its own; the API's variables are declared. */
    @Test void composeOrApplicationFixesFollowTheServiceKind() throws Exception {
        String out = batch(PORT_502).out();
        // DokPloy's API fixes, for a case that never said DokPloy: labelled with both facts
        assertTrue(out.contains("(only if service.kind = compose and dokploy.used = true)") && out.contains("(only if service.kind = application and dokploy.used = true)"), out);
        assertTrue(declared(out).containsAll(List.of("DOKPLOY_URL", "DOKPLOY_API_KEY")), out);

        String app = batch(PORT_502.replace("domain.port: 3000", "domain.port: 3000, service.kind: application")).out();
        assertTrue(app.contains("domain.byApplicationId"), app);
        assertFalse(app.contains("compose.one") || app.contains("domain.byComposeId") || app.contains("only if service.kind"), app);

        String compose = batch(PORT_502.replace("domain.port: 3000", "domain.port: 3000, service.kind: compose")).out();
        assertTrue(compose.contains("domain.byComposeId"), compose);
        assertFalse(compose.contains("domain.byApplicationId") || compose.contains("only if service.kind"), compose);
    }

    /** Item 10: after "no" to "compose file in a repo you can modify?", the direct-route advice does not ask to edit it. */
    @Test void routeAdviceFollowsTheAnswer() {
        String no = batch("cases:\n  - id: r\n    facts: { user.goal: route-advice, compose.editable: false }\n").out();
        assertTrue(no.contains("route-via-direct-tunnel"), no);
        assertFalse(no.contains("in docker-compose.yml:"), "it was told the compose file cannot be edited:\n" + no);
        assertTrue(no.contains("already publishes"), no);

        String yes = batch("cases:\n  - id: r\n    facts: { user.goal: route-advice, compose.editable: true, compose.can_add_networks: false }\n").out();
        assertTrue(yes.contains("in docker-compose.yml:") && yes.contains("ports:"), yes);
        assertFalse(yes.contains("already publishes"), yes);
    }

    static String origin(String inDocker) {
        return "cases:\n  - id: o\n    text: \"cloudflared: Unable to reach the origin service. The service may be down\"\n"
                + "    facts: { http.status: 502, tunnel.used: true, domain.host: shop.example.com, tunnel.service: \"http://localhost:80\""
                + (inDocker == null ? "" : ", cloudflared.in_docker: " + inDocker) + " }\n";
    }

    /** Item 12: the tunnel-origin fix is chosen by where cloudflared runs, changes the route, and pulls no image. */
    @Test void tunnelOriginFixesFollowWhereCloudflaredRuns() {
        String docker = batch(origin("true"), "-v").out();
        assertTrue(docker.contains("tunnel-origin-unreachable"), docker);
        assertTrue(docker.contains("docker network connect dokploy-network"), docker);
        assertTrue(docker.contains("service: http://dokploy-traefik:80"), "the route change itself:\n" + docker);
        assertTrue(docker.contains("docker exec dokploy-traefik wget"), docker);
        assertFalse(docker.contains("docker run") || docker.contains("curlimages"), docker);

        String host = batch(origin("false"), "-v").out();
        assertTrue(host.contains("service: http://localhost:80"), host);
        assertFalse(host.contains("docker network connect") || host.contains("docker run"), host);

        String unknown = batch(origin(null), "-v").out();
        assertTrue(unknown.contains("(only if cloudflared.in_docker = true") && unknown.contains("(only if cloudflared.in_docker = false"), unknown);
    }

    /** Item 12: no fix runs a throw-away container from an image the host may not have, to test something. */
    @Test void noFixPullsAToolImage() {
        Knowledge k = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        for (Cause c : k.causes().values()) {
            for (Cause.Fix f : c.fixes()) {
                for (String cmd : f.commands()) assertFalse(cmd.contains("docker run --rm"), c.id() + ": " + f.title() + "\n" + cmd);
            }
        }
    }

    /** Item 9: rules check validates a fix's when: its key is a yes/no or choice fact, its value one of the fact's. */
    @Test void rulesCheckValidatesWhen(@TempDir Path dir) throws IOException {
        Path knowledge = dir.resolve("knowledge");
        copy(Path.of("knowledge"), knowledge);
        Path file = knowledge.resolve("causes/wrong-container-port/cause.yaml");
        Files.writeString(file, Files.readString(file).replace("when: { service.kind: application }", "when: { service.kind: lambda }")
                .replace("when: { service.kind: compose }", "when: { service.knd: compose }"));
        Launch.Result r = Launch.run(Map.of(), "", "rules", "check", "--knowledge", knowledge.toString());
        assertNotEquals(0, r.exit(), r.all());
        assertTrue(r.all().contains("'lambda' is not one of [application, compose]"), r.all());
        assertTrue(r.all().contains("unknown fact key 'service.knd' (did you mean 'service.kind'?)"), r.all());
    }

    static TreeSet<String> declared(String out) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = DECLARED.matcher(out);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
