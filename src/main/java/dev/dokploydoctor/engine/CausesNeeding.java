package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Cause;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The causes that live in a layer of the stack (their cause.yaml {@code needs:}), for the rules that know
 * the layer is absent: the stack rules name the layer, each cause's folder says that it needs it, so a new
 * Traefik cause is covered by writing {@code needs: {traefik: 0.9}} in its own folder. The rules reach it as
 * the global {@code causesNeeding} (knowledge/shared/stack.drl).
 */
public final class CausesNeeding {
    /** The name the rules declare it under. */
    public static final String GLOBAL = "causesNeeding";

    private record Tie(String cause, double cf) {}

    private final Map<String, List<Tie>> byLayer;

    public CausesNeeding(Collection<Cause> causes) {
        Map<String, List<Tie>> ties = new TreeMap<>();
        for (Cause c : causes) {
            for (Map.Entry<String, Double> need : c.needs().entrySet()) {
                ties.computeIfAbsent(need.getKey(), k -> new ArrayList<>()).add(new Tie(c.id(), need.getValue()));
            }
        }
        ties.replaceAll((layer, list) -> List.copyOf(list));
        this.byLayer = Map.copyOf(ties);
    }

    /**
     * The rule's finding that {@code layer} is not on the request's path refutes every cause that needs it, each at
     * {@code cf} or at its own tie to the layer when that is weaker: one Evidence per cause, made by the calling rule.
     */
    public void refute(RuleContext drools, String layer, double cf) {
        for (DirectConsequences.Call c : refutations(layer, cf)) Conclude.refute(drools, c.cause(), c.cf());
    }

    /**
     * The rule's finding that {@code layer} may not be on the request's path holds every cause that needs it below a
     * diagnosis ({@link Evidence#hold}): one hold per cause, made by the calling rule.
     */
    public void hold(RuleContext drools, String layer) {
        for (DirectConsequences.Call c : holds(layer)) Conclude.hold(drools, c.cause());
    }

    /** Those holds as calls, in the order the causes were given. */
    List<DirectConsequences.Call> holds(String layer) {
        return byLayer.getOrDefault(layer, List.of()).stream()
                .map(t -> new DirectConsequences.Call("hold", t.cause(), null, null, 0)).toList();
    }

    /** Those refutations as calls, in the order the causes were given ({@link DirectConsequences} runs them directly). */
    List<DirectConsequences.Call> refutations(String layer, double cf) {
        return byLayer.getOrDefault(layer, List.of()).stream()
                .map(t -> new DirectConsequences.Call("refute", t.cause(), null, null, Math.min(cf, t.cf()))).toList();
    }

    /** The ids of the causes that need {@code layer}, in the order the causes were given. */
    public List<String> of(String layer) {
        return byLayer.getOrDefault(layer, List.of()).stream().map(Tie::cause).toList();
    }
}
