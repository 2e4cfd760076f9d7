package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Tab completion: command names and the choices of the question being read for the first word;
 * cause ids after how, why-not and explain; the facts given after change; example ids; file
 * names after save and report.
 */
final class Completions implements Console.Completion {
    private final Supplier<FactSpec> asking;
    private final Supplier<Engine> engine;
    private final Supplier<Outcome> outcome;
    private final Session session;
    private final Supplier<Set<String>> exampleIds;

    Completions(Supplier<FactSpec> asking, Supplier<Engine> engine, Supplier<Outcome> outcome, Session session,
                Supplier<Set<String>> exampleIds) {
        this.asking = asking;
        this.engine = engine;
        this.outcome = outcome;
        this.session = session;
        this.exampleIds = exampleIds;
    }

    @Override public List<String> complete(List<String> words, int index) {
        Set<String> out = new TreeSet<>();
        if (index == 0) {
            out.addAll(Command.names());
            FactSpec spec = asking.get();
            if (spec != null) {
                if (spec.type() == FactType.ENUM) out.addAll(spec.values());
                if (spec.type() == FactType.BOOL) out.addAll(List.of("yes", "no"));
                out.add("unknown");
            }
            return new ArrayList<>(out);
        }
        Engine e = engine.get();
        if (index != 1 || e == null) return List.of();
        switch (words.get(0)) {
            case "how", "why-not", "explain" -> {
                Outcome o = outcome.get();
                if (o != null) o.evidence().forEach(ev -> out.add(ev.getCause()));
                out.addAll(e.knowledge().causes().keySet());
            }
            case "change" -> {
                for (Fact f : session.facts()) out.add(f.getKey());
                out.addAll(session.unknown());
                if (out.isEmpty()) out.addAll(e.knowledge().vocabulary().keys());
            }
            case "example" -> out.addAll(exampleIds.get());
            default -> { }
        }
        return new ArrayList<>(out);
    }

    @Override public boolean wantsFile(List<String> words, int index) {
        return index == 1 && !words.isEmpty() && (words.get(0).equals("save") || words.get(0).equals("report"));
    }
}
