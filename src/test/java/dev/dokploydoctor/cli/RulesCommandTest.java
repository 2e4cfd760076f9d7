package dev.dokploydoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dokploydoctor.authoring.Scaffold;
import dev.dokploydoctor.authoring.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulesCommandTest {
    @TempDir Path dir;

    private Cli rules(Tree t, String sub, String... more) {
        String[] flags = t.flags(more);
        String[] args = new String[flags.length + 2];
        args[0] = "rules";
        args[1] = sub;
        System.arraycopy(flags, 0, args, 2, flags.length);
        return Cli.run(args);
    }

    @Test void checkOnACleanTreeExitsZero() {
        Cli r = rules(Tree.clean(dir), "check");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("rules check: 3 rules in 1 files, 2 causes, 4 cases: 0 errors, 0 warnings\n", r.out());
    }

    @Test void checkWarningsPassUnlessStrict() {
        Tree t = Tree.clean(dir).delete("knowledge/cases/app-down/ok.yaml");
        Cli lenient = rules(t, "check");
        assertEquals(0, lenient.exit());
        assertEquals(t.path("knowledge/causes/app-down.yaml") + ": warning: cause 'app-down' has no near-miss case "
                + "(a similar case with expect: {not: app-down}) [no-near-miss]\n"
                + "rules check: 3 rules in 1 files, 2 causes, 3 cases: 0 errors, 1 warning\n", lenient.out());
        assertEquals(2, rules(t, "check", "--strict").exit());
    }

    @Test void checkAsJson() throws Exception {
        Tree t = Tree.clean(dir);
        t.write("rules/compose.drl", Tree.DNS_RULES.replace("key == \"app.dns_failure\"", "key == \"app.dns_failur\""));
        Cli r = rules(t, "check", "--format", "json");
        assertEquals(2, r.exit());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.at("/summary/errors").asInt());
        JsonNode finding = json.at("/findings/0");
        assertEquals("error", finding.get("severity").asText());
        assertEquals("unknown-key", finding.get("check").asText());
        assertEquals(t.path("rules/compose.drl"), finding.get("file").asText());
        assertEquals(9, finding.get("line").asInt());
    }

    @Test void checkReportsAKnowledgeFileThatDoesNotLoad() {
        Tree t = Tree.clean(dir);
        t.write("knowledge/extractors.yaml", """
                extractors:
                  - id: eai-again
                    pattern: 'getaddrinfo EAI_AGAIN'
                    facts: { app.dns_failur: true }
                """);
        Cli r = rules(t, "check");
        assertEquals(2, r.exit());
        assertEquals(t.path("knowledge/extractors.yaml") + ":4: error: app.dns_failur: unknown fact key 'app.dns_failur' "
                + "(did you mean 'app.dns_failure'?) [load]\n", r.out().lines().findFirst().orElseThrow() + "\n");
    }

    @Test void checkRejectsAnUnknownFormat() {
        Cli r = rules(Tree.clean(dir), "check", "--format", "xml");
        assertEquals(2, r.exit());
        assertEquals("error: --format: use text or json, not 'xml'\n", r.err());
    }

    @Test void testPrintsALinePerCaseAndTheSummary() {
        Cli r = rules(Tree.clean(dir), "test");
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(" isolation-eai-again: expected cause multi-container-isolation, "
                + "got diagnosed multi-container-isolation (0.80)")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(" plain-502: expected cause app-down, status inconclusive, "
                + "got inconclusive: app-down (0.30)")), r.out());
        assertEquals("4 passed, 0 failed", lines.get(lines.size() - 1));
    }

    @Test void testFailureExitsOneAndShowsTheTrace() {
        Tree t = Tree.clean(dir);
        t.write("knowledge/cases/app-down/ok.yaml", "id: all-fine\nfacts: { http.status: 502 }\nexpect: { status: no-fault }\n");
        Cli r = rules(t, "test");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains(" all-fine: expected status no-fault, got inconclusive: app-down (0.30) (status no-fault expected)\n"
                + "    file: " + t.path("knowledge/cases/app-down/ok.yaml") + ":1\n"
                + "    facts:\n"
                + "      http.status = 502  [user: stated in case all-fine]\n"
                + "    fired: 'gateway: 502 alone'\n"
                + "    evidence:\n"
                + "      app-down +0.30 by 'gateway: 502 alone' on http.status=502\n"), r.out());
        assertTrue(r.out().endsWith("3 passed, 1 failed\n"), r.out());
    }

    @Test void testOfOneCauseAndAnInvalidCase() {
        Tree t = Tree.clean(dir);
        t.write("knowledge/cases/app-down/broken.yaml", "id: broken\nfacts: { http.status: 502\n");
        Cli r = rules(t, "test", "--cause", "app-down");
        assertEquals(2, r.exit());
        assertTrue(r.out().endsWith("2 passed, 1 failed\n"), r.out());
        Cli unknown = rules(t, "test", "--cause", "app-dwn");
        assertEquals(2, unknown.exit());
        assertEquals("error: --cause: no cause 'app-dwn' (did you mean 'app-down'?)\n", unknown.err());
    }

    @Test void testRefusesRulesThatDoNotCompile() {
        Tree t = Tree.clean(dir);
        t.write("rules/broken.drl", Tree.HEADER + "rule \"x\"\nwhen\n    Fact(key == )\nthen\nend\n");
        Cli r = rules(t, "test");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: the rules do not compile:\n  " + t.path("rules/broken.drl") + ":9: "), r.err());
    }

    @Test void coverageCountsTheCasesThatFiredEachRule() {
        Tree t = Tree.clean(dir);
        Cli r = rules(t, "coverage");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("| isolation: sibling name does not resolve | " + t.path("rules/compose.drl") + ":7 | 2 |\n"), r.out());
        assertTrue(r.out().contains("| gateway: 502 alone | " + t.path("rules/compose.drl") + ":23 | 1 |\n"), r.out());
        assertTrue(r.out().contains("| multi-container-isolation | 2 | 1 |\n"), r.out());
        assertTrue(r.out().endsWith("Rules never fired: none.\nCauses never reached: none.\n"), r.out());
    }

    @Test void coverageOfABatchFile() {
        Tree t = Tree.clean(dir);
        t.write("batch.jsonl", "{\"id\": \"a\", \"facts\": {\"http.status\": 502}}\n{\"id\": \"b\", \"facts\": {\"http.status\": \"x\"}}\n");
        Cli r = Cli.run(Cli.args("rules", new String[]{"coverage", t.path("batch.jsonl")}, t.flags()));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("1 cases from " + t.path("batch.jsonl")), r.out());
        assertTrue(r.out().contains("Rules never fired: 2 (isolation: sibling name does not resolve, isolation: they share a network).\n"
                + "Causes never reached: 1 (multi-container-isolation).\n"), r.out());
        assertEquals("skipped: " + t.path("batch.jsonl") + ":2: http.status: wrong value for http.status (int): "
                + "expected a whole number, got 'x'\n", r.err());
    }

    @Test void newScaffoldsACauseThatPassesCheckAndTest() {
        Tree t = Tree.clean(dir);
        Cli r = Cli.run(Cli.args("rules", new String[]{"new"}, "tunnel-down", "--layer", "tunnel", "--when", "http.status=530",
                "--rules", t.rules().toString(), "--knowledge", t.knowledge().toString(), "--no-user-rules"));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("wrote into the folder given on the command line:\n"
                + "  " + t.path("knowledge/causes/tunnel-down/cause.yaml") + "\n"
                + "  " + t.path("knowledge/causes/tunnel-down/rules.drl") + "\n"
                + "  " + t.path("knowledge/causes/tunnel-down/cases/positive.yaml") + "\n"
                + "  " + t.path("knowledge/causes/tunnel-down/cases/near-miss.yaml") + "\n"), r.out());
        // the only finding is the reminder to write the real lesson
        assertTrue(r.out().contains(t.path("knowledge/causes/tunnel-down/cause.yaml") + ": warning: cause 'tunnel-down' still has the sentences"), r.out());
        assertTrue(r.out().contains("0 errors, 1 warning\n"), r.out());
        assertTrue(r.out().contains(" tunnel-down-positive: expected cause tunnel-down, got diagnosed tunnel-down (0.80)\n"), r.out());
        String drl = t.read("knowledge/causes/tunnel-down/rules.drl");
        assertTrue(drl.startsWith(Scaffold.DRL_HEADER), "a new rules file gets the header the bundled ones have");
        assertTrue(drl.contains("""
                rule "tunnel-down: http.status is 530"
                when
                    Fact(key == "http.status", num == 530)
                then
                    support(drools, 0.8);
                end
                """), drl);
        Cli test = rules(t, "test", "--cause", "tunnel-down");
        assertEquals(0, test.exit(), test.out());
        assertTrue(test.out().endsWith("2 passed, 0 failed\n"), test.out());
        assertEquals(0, rules(t, "test").exit());
    }

    @Test void newPutsEveryConditionIntoTheRuleInTheCauseFolder() {
        Tree t = Tree.clean(dir);
        Cli r = Cli.run(Cli.args("rules", new String[]{"new"}, "dns-broken", "--layer", "compose", "--when", "app.dns_failure=true",
                "--when", "service.kind=application", "--rules", t.rules().toString(), "--knowledge", t.knowledge().toString(), "--no-user-rules"));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(Tree.DNS_RULES, t.read("rules/compose.drl"), "the existing rules are left as they were");
        String drl = t.read("knowledge/causes/dns-broken/rules.drl");
        assertTrue(drl.contains("Fact(key == \"app.dns_failure\", flag == true)\n    Fact(key == \"service.kind\", text == \"application\")"), drl);
        assertTrue(t.read("knowledge/causes/dns-broken/cases/near-miss.yaml").contains("facts:\n  app.dns_failure: false\n  service.kind: \"application\"\n"));
        assertEquals(0, rules(t, "test").exit());
    }

    @Test void newShowsANewCaseThatAnotherCauseClaims() {
        Tree t = Tree.clean(dir);
        // app-down already concludes from a 502; a weaker new rule on the same fact loses its own case
        Cli r = Cli.run(Cli.args("rules", new String[]{"new"}, "gateway-flaky", "--layer", "traefik", "--when", "http.status=502",
                "--cf", "0.2", "--rules", t.rules().toString(), "--knowledge", t.knowledge().toString(), "--no-user-rules"));
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(" gateway-flaky-positive: expected cause gateway-flaky, got inconclusive: app-down (0.30), gateway-flaky (0.20) "
                + "(gateway-flaky is not the top cause)\n"), r.out());
    }

    @Test void newRefusesATakenIdABadIdABadLayerAndAnUnknownKey() {
        Tree t = Tree.clean(dir);
        String[] flags = {"--rules", t.rules().toString(), "--knowledge", t.knowledge().toString(), "--no-user-rules"};
        Cli taken = Cli.run(Cli.args("rules", new String[]{"new", "app-down", "--layer", "app", "--when", "http.status=502"}, flags));
        assertEquals(2, taken.exit());
        assertEquals("error: cause 'app-down' exists already (" + t.path("knowledge/causes/app-down.yaml") + ")\n", taken.err());
        t.write("knowledge/causes/half-done/cases/one.yaml", "id: one\nfacts: { http.status: 502 }\nexpect: { not: half-done }\n");
        Cli folder = Cli.run(Cli.args("rules", new String[]{"new", "half-done", "--layer", "app", "--when", "http.status=502"}, flags));
        assertEquals("error: cause 'half-done' exists already (" + t.path("knowledge/causes/half-done") + ")\n", folder.err());
        Cli bad = Cli.run(Cli.args("rules", new String[]{"new", "App_Down", "--layer", "app", "--when", "http.status=502"}, flags));
        assertEquals("error: 'App_Down' is not a cause id: use lower-case words joined by dashes, like letsencrypt-rate-limited\n", bad.err());
        Cli layer = Cli.run(Cli.args("rules", new String[]{"new", "x-y", "--layer", "trafik", "--when", "http.status=502"}, flags));
        assertEquals("error: unknown layer 'trafik' (did you mean 'traefik'?); one of [app, cloudflare, compose, docker, dokploy, traefik, tunnel]\n",
                layer.err());
        Cli key = Cli.run(Cli.args("rules", new String[]{"new", "x-y", "--layer", "app", "--when", "http.statu=502"}, flags));
        assertEquals(2, key.exit());
        assertEquals("error: http.statu: unknown fact key 'http.statu' (did you mean 'http.status'?)\n", key.err());
        Cli noWhen = Cli.run(Cli.args("rules", new String[]{"new", "x-y", "--layer", "app"}, flags));
        assertEquals("error: say which fact shows the cause: --when KEY=VALUE (e.g. --when letsencrypt.failing=true)\n", noWhen.err());
        assertFalse(t.exists("knowledge/causes/x-y"));
    }

    @Test void rulesAloneShowsUsage() {
        Cli r = Cli.run("rules");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("check"), r.err());
    }
}
