package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Checks every knowledge/causes/&lt;id&gt;/cause.yaml of the checkout: it loads, the public cause ids are all there,
 * each cause can be acted on, placeholders name real facts, shell commands parse and compose snippets
 * are valid YAML once their placeholders are filled.
 */
class CauseFilesTest {
    private static final Path CAUSES = Path.of("knowledge", "causes");
    private static final Path FACTS = Path.of("knowledge", "facts.yaml");

    /** The cause ids of DESIGN §4: a public contract that rules, cases and users depend on. */
    private static final Set<String> CONTRACT = Set.of(
            "multi-container-isolation", "traefik-not-on-dokploy-network", "tunnel-to-websecure-without-cert",
            "host-port-conflict", "deploy-error-but-containers-created", "sqlite-with-queue-mode",
            "admin-role-missing-permissions", "wrong-domain-type", "https-redirect-loop-behind-tunnel",
            "domain-change-not-redeployed", "external-compose-without-network", "traefik-network-label-missing",
            "wrong-container-port", "app-listens-on-localhost", "cloudflare-flexible-ssl-loop",
            "container-unhealthy", "tunnel-not-connected", "docker-api-too-new-for-traefik",
            "tunnel-origin-unreachable", "dependency-not-running", "route-via-traefik", "route-via-direct-tunnel");
    private static final Set<String> ADVICE = Set.of("route-via-traefik", "route-via-direct-tunnel");

    /** Same shape as Cause's placeholder pattern: a dotted lower-case fact key in braces. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)+)}");
    private static final Pattern REFERENCE = Pattern.compile("guide: (knowledge/guide/\\S+\\.md)|.*\\(https?://\\S+\\)");

    private static Vocabulary vocabulary;
    private static Map<String, Cause> causes;
    private static Map<String, String> rawText;

    @BeforeAll
    static void load() throws IOException {
        vocabulary = Vocabulary.load(FACTS);
        causes = new TreeMap<>();
        rawText = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(CAUSES)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String id = dir.getFileName().toString();
                Path file = dir.resolve("cause.yaml");
                causes.put(id, Cause.fromNode(id, Documents.read(file)));
                rawText.put(id, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void everyContractCauseHasAFileAndNoOtherFilesExist() {
        // new lessons add causes without touching Java; the contract's ids must all stay
        TreeSet<String> missing = new TreeSet<>(CONTRACT);
        missing.removeAll(causes.keySet());
        assertTrue(missing.isEmpty(), "contract cause ids without a file: " + missing);
    }

    @Test
    void adviceAndFaultsAreTellApart() {
        for (Cause c : causes.values()) {
            assertEquals(ADVICE.contains(c.id()), c.isAdvice(), c.id() + ": kind");
            if (c.advice() != null) {
                assertTrue(ADVICE.contains(c.advice()), c.id() + ": advice names an advice cause, not " + c.advice());
            }
        }
    }

    @Test
    void everyFixCanBeActedOn() {
        for (Cause c : causes.values()) {
            assertFalse(c.fixes().isEmpty(), c.id());
            for (Cause.Fix f : c.fixes()) {
                assertTrue(!f.commands().isEmpty() || f.compose() != null, c.id() + ": fix '" + f.title() + "' has neither commands nor compose");
                assertTrue(f.risk().matches("(low|medium|high)(: .+)?"), c.id() + ": risk '" + f.risk() + "'");
            }
            assertFalse(c.verify().isBlank(), c.id() + ": verify");
        }
    }

    @Test
    void whyIsShortAndReferencesAreRealSources() {
        for (Cause c : causes.values()) {
            long sentences = Pattern.compile("[.!?](\\s|$)").matcher(c.why()).results().count();
            assertTrue(sentences >= 2 && sentences <= 5, c.id() + ": why has " + sentences + " sentences");
            assertFalse(c.references().isEmpty(), c.id() + ": references");
            for (String ref : c.references()) {
                Matcher m = REFERENCE.matcher(ref);
                assertTrue(m.matches(), c.id() + ": reference is neither a guide nor a URL: " + ref);
                if (m.group(1) != null) assertTrue(Files.isRegularFile(Path.of(m.group(1))), c.id() + ": missing " + m.group(1));
            }
        }
    }

    @Test
    void placeholdersAreFactKeys() {
        for (Map.Entry<String, String> e : rawText.entrySet()) {
            Matcher m = PLACEHOLDER.matcher(e.getValue());
            while (m.find()) {
                assertTrue(vocabulary.contains(m.group(1)), e.getKey() + ": {" + m.group(1) + "} is not in facts.yaml");
            }
        }
        for (Cause c : causes.values()) {
            // title, why and risk are shown as written, so a placeholder there would never be filled
            assertFalse(PLACEHOLDER.matcher(c.title()).find(), c.id() + ": placeholder in title");
            assertFalse(PLACEHOLDER.matcher(c.why()).find(), c.id() + ": placeholder in why");
            for (Cause.Fix f : c.fixes()) {
                assertFalse(PLACEHOLDER.matcher(f.risk()).find(), c.id() + ": placeholder in the risk of '" + f.title() + "'");
            }
            for (String key : c.placeholders()) assertTrue(vocabulary.contains(key), c.id() + ": " + key);
        }
    }

    @Test
    void composeSnippetsAreYamlOnceFilled() {
        Map<String, String> sample = sampleValues();
        for (Cause c : causes.values()) {
            for (Cause.Fix f : c.fixes()) {
                Cause.Fix filled = c.fill(f, sample);
                if (filled.compose() == null) continue;
                Node n = assertDoesNotThrow(() -> Documents.parse(filled.compose(), c.id() + ".snippet.yaml"), c.id() + ": " + f.title());
                assertTrue(n.isMap(), c.id() + ": snippet of '" + f.title() + "' is not a YAML map");
                for (Cause.Snippet s : f.composeFor()) {   // each stack's snippet too (compose_for)
                    String one = Cause.fill(s.compose(), sample);
                    Node m = assertDoesNotThrow(() -> Documents.parse(one, c.id() + ".snippet.yaml"), c.id() + ": " + f.title() + " for " + s.matches());
                    assertTrue(m.isMap(), c.id() + ": snippet of '" + f.title() + "' for " + s.matches() + " is not a YAML map");
                }
            }
        }
    }

    @Test
    void commandsAreValidShell() throws Exception {
        Map<String, String> sample = sampleValues();
        List<String> failures = new ArrayList<>();
        for (Cause c : causes.values()) {
            for (Cause.Fix f : c.fixes()) {
                for (String cmd : c.fill(f, sample).commands()) {
                    String error = bashSyntaxError(cmd);
                    if (error != null) failures.add(c.id() + ": " + cmd.lines().findFirst().orElse("") + " -> " + error);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** A value of the right type for every fact key, so filled snippets and commands can be parsed. */
    private static Map<String, String> sampleValues() {
        Map<String, String> values = new HashMap<>();
        for (FactSpec spec : vocabulary.all()) {
            values.put(spec.key(), switch (spec.type()) {
                case INT -> "3000";
                case BOOL -> "true";
                case ENUM -> spec.values().get(0);
                default -> "sample-" + spec.key().replace('.', '-').replace('_', '-');
            });
        }
        return values;
    }

    /** {@code bash -n} on the command: null when it parses, else bash's message. */
    private static String bashSyntaxError(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        p.getOutputStream().write(command.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "bash -n did not finish");
        return p.exitValue() == 0 ? null : out;
    }

    @Test
    void everyLookalikeIsAKnownCauseShownByANearMissCaseOfItsFolder() {
        int seen = 0;
        for (Cause c : causes.values()) {
            for (Cause.Lookalike l : c.lookalikes()) {
                seen++;
                assertTrue(causes.containsKey(l.cause()), c.id() + ": look-alike " + l.cause() + " is not a cause");
                assertTrue(l.caseId() != null && Files.isRegularFile(CAUSES.resolve(c.id()).resolve("cases").resolve(l.caseId() + ".yaml")),
                        c.id() + ": look-alike " + l.cause() + " names no case of causes/" + c.id() + "/cases: " + l.caseId());
                assertFalse(l.differs().isBlank(), c.id() + ": say how " + l.cause() + " differs");
            }
        }
        assertTrue(seen > 20, "look-alikes read: " + seen);
    }
}
