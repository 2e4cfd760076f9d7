package dev.dokploydoctor.cli;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.RuleBase;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** --rules / --knowledge, shared by every command that loads the rule base. */
public class KnowledgeOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "An extra folder of rules (*.drl), loaded after the knowledge's own (the layout of older user folders).")
    public Path rules;

    @Option(names = "--knowledge", paramLabel = "DIR", description = "Knowledge folder (facts.yaml, layers.yaml, causes/<id>/, shared/, catalog/) to use instead of the bundled or checkout one.")
    public Path knowledge;

    @Option(names = "--no-user-rules", description = "Ignore the user's rules in $XDG_CONFIG_HOME/dokploy-doctor.")
    public boolean noUserRules;

    public List<Knowledge.Layer> layers() {
        return Layers.defaultLayers(rules, knowledge, !noUserRules);
    }

    /** Load knowledge (and report replaced bundled causes on {@code err}). */
    public Knowledge loadKnowledge(PrintStream err) {
        return noted(Knowledge.load(layers()), err);
    }

    /** The vocabulary and the causes only ({@link Knowledge#loadCauses}), with the same notes. */
    public Knowledge loadCauses(PrintStream err) {
        return noted(Knowledge.loadCauses(layers()), err);
    }

    /** The vocabulary and one cause only ({@link Knowledge#loadCause}), with the same notes. */
    public Knowledge loadCause(PrintStream err, String id) {
        return noted(Knowledge.loadCause(layers(), id), err);
    }

    private static Knowledge noted(Knowledge k, PrintStream err) {
        for (String notice : k.notices()) err.println("note: " + notice);
        return k;
    }

    public Engine loadEngine(PrintStream err) {
        Knowledge k = loadKnowledge(err);
        return new Engine(k, RuleBase.load(k));
    }
}
