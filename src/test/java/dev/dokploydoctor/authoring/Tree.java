package dev.dokploydoctor.authoring;

import dev.dokploydoctor.knowledge.Knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small rules/ + knowledge/ tree in a temp folder, for tests. {@link #clean} builds one that
 * passes every check with no warning; tests then break one thing and look for that one finding.
 */
public final class Tree {
    public static final String HEADER = """
            package dokploy.rules;

            import dev.dokploydoctor.knowledge.Fact;
            import dev.dokploydoctor.engine.Evidence;
            import dev.dokploydoctor.engine.Need;

            """;

    /** Five keys: a status, a DNS failure flag, an enum, a flag a rule needs, a name (no question). */
    public static final String FACTS = """
            facts:
              http.status:
                type: int
                question: "What HTTP status does the URL return?"
                symptom: ">=400"
              app.dns_failure:
                type: bool
                question: "Does the app fail to resolve a sibling?"
                symptom: [true]
              service.kind:
                type: enum
                values: [application, compose]
                question: "Application or compose?"
              dependency.shares_network:
                type: bool
                question: "Do the app and its dependency share a network?"
              service.name:
                type: string
            """;

    public static final String DNS_RULES = HEADER + """
            rule "isolation: sibling name does not resolve"
            when
                Fact(key == "app.dns_failure", flag == true)
                Fact(key == "service.kind", text == "compose")
            then
                insertLogical(new Evidence(drools, "multi-container-isolation", 0.8));
                insertLogical(new Need(drools, "dependency.shares_network", "multi-container-isolation", "isolation means no shared network"));
            end

            rule "isolation: they share a network"
            when
                Fact(key == "dependency.shares_network", flag == true)
            then
                insertLogical(new Evidence(drools, "multi-container-isolation", -0.9));
            end

            rule "gateway: 502 alone"
            when
                Fact(key == "http.status", num == 502)
            then
                insertLogical(new Evidence(drools, "app-down", 0.3));
            end
            """;

    public final Path root;

    public Tree(Path root) { this.root = root; }

    /** Two causes, three rules, an extractor, and a positive and a near-miss case for each cause. */
    public static Tree clean(Path root) {
        Tree t = new Tree(root);
        t.write("knowledge/facts.yaml", FACTS);
        t.write("knowledge/layers.yaml", "layers: { cloudflare: edge, tunnel: cloudflared, traefik: proxy, docker: engine, "
                + "compose: compose file, dokploy: settings, app: the app }\n");
        t.cause("multi-container-isolation", "compose");
        t.cause("app-down", "app");
        t.write("knowledge/extractors.yaml", """
                extractors:
                  - id: eai-again
                    pattern: 'getaddrinfo (EAI_AGAIN|ENOTFOUND)'
                    facts: { app.dns_failure: true }
                """);
        t.write("rules/compose.drl", DNS_RULES);
        t.write("knowledge/cases/multi-container-isolation/eai-again.yaml", """
                id: isolation-eai-again
                text: "getaddrinfo EAI_AGAIN postgres"
                facts: { service.kind: compose }
                expect: { cause: multi-container-isolation }
                """);
        t.write("knowledge/cases/multi-container-isolation/shared.yaml", """
                id: isolation-but-shared
                text: "getaddrinfo EAI_AGAIN postgres"
                facts: { service.kind: compose, dependency.shares_network: true }
                expect: { not: multi-container-isolation }
                """);
        t.write("knowledge/cases/app-down/bad-gateway.yaml", """
                id: plain-502
                facts: { http.status: 502 }
                expect: { status: inconclusive, cause: app-down }
                """);
        t.write("knowledge/cases/app-down/ok.yaml", """
                id: all-fine
                facts: { http.status: 200, service.kind: compose }
                expect: { not: app-down }
                """);
        return t;
    }

    public Tree cause(String id, String layer) {
        return write("knowledge/causes/" + id + ".yaml", "title: \"" + id + "\"\nlayer: " + layer + "\n"
                + "why: \"Something real breaks.\"\nfixes:\n  - title: \"Fix it\"\n    commands: [\"docker restart {service.name}\"]\n"
                + "verify: \"It works again.\"\n");
    }

    public Tree write(String relative, String text) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Tree delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String relative) { return Files.exists(root.resolve(relative)); }

    /** A path as the checks print it (these trees live outside the working directory: absolute). */
    public String path(String relative) { return root.resolve(relative).toString(); }

    public Path rules() { return root.resolve("rules"); }
    public Path knowledge() { return root.resolve("knowledge"); }

    public Knowledge load() { return Knowledge.load(List.of(new Knowledge.Layer("test", rules(), knowledge()))); }

    public CheckReport check() { return RulesCheck.run(load()); }

    /** The command-line flags that point at this tree and nothing else. */
    public String[] flags(String... more) {
        String[] base = {"--rules", rules().toString(), "--knowledge", knowledge().toString(), "--no-user-rules"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
