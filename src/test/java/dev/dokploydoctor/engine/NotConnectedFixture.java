package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundled rules on top of one fixture rule that reads "not connected" apart from "stopped": the bundled
 * tunnel-not-connected rules no longer do (one state seen twice is one observation), but the engine's
 * mechanisms for a pasted line that gives two facts (observations, confirmation questions) still need a case.
 */
public final class NotConnectedFixture {
    private NotConnectedFixture() {}

    public static Engine load(Path checkout, Path scratch) throws IOException {
        Path rules = Files.createDirectories(scratch.resolve("rules"));
        Files.writeString(rules.resolve("not-connected-fixture.drl"), String.join("\n",
                "package dokploy.rules;",
                "dialect \"mvel\"",
                "import dev.dokploydoctor.knowledge.Fact;",
                "import function dev.dokploydoctor.engine.Conclude.support;",
                "rule \"tunnel-not-connected: fixture, not connected, read apart from the stopped process\"",
                "when",
                "    Fact(key == \"tunnel.connected\", flag == false)",
                "then",
                "    support(drools, 0.45);",
                "end", ""));
        return Engine.load(Knowledge.load(List.of(Layers.checkout(checkout), new Knowledge.Layer("fixture", rules, null))));
    }
}
