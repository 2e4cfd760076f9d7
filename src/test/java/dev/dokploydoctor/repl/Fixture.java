package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The tiny rule base in src/test/resources/.../repl/planner, compiled once for the unit tests. */
final class Fixture {
    private static Engine engine;

    private Fixture() {}

    static synchronized Engine engine() {
        if (engine == null) {
            try {
                Path dir = Path.of(Fixture.class.getResource("planner").toURI());
                engine = Engine.load(Knowledge.load(List.of(new Knowledge.Layer("fixture", dir.resolve("rules"), dir.resolve("knowledge")))));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return engine;
    }

    static Fact user(String key, Object value) { return new Fact(key, value, Fact.USER, "test"); }
}
