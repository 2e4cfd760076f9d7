package dev.dokploydoctor.repl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer to a question that suggests {@code docker inspect -f '{{json .NetworkSettings.Networks}}'}:
 * the command's output pasted as it is (an object keyed by network name), or a sentence that says
 * the only networks ("it's only on bridge"). Only this command's output is read, no other JSON.
 */
final class NetworksPaste {
    private NetworksPaste() {}

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String COMMAND = ".NetworkSettings.Networks";
    /** The network a yes/no question about that command asks after. */
    static final String DOKPLOY_NETWORK = "dokploy-network";

    /** The question (or its help) suggests the command, so its output is an answer. */
    static boolean suggestedBy(FactSpec spec) {
        return (spec.question() != null && spec.question().contains(COMMAND)) || (spec.help() != null && spec.help().contains(COMMAND));
    }

    /**
     * The network names of the command's output ({"bridge":{"IPAMConfig":null,...}}): its keys, each
     * holding an endpoint object; null when the answer is not that output (or is cut short).
     */
    static List<String> names(String answer) {
        String a = answer.strip();
        if (!a.startsWith("{")) return null;
        try {
            JsonNode n = JSON.readTree(a);
            if (n == null || !n.isObject()) return null;
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!e.getValue().isObject() && !e.getValue().isNull()) return null;
                names.add(e.getKey());
            }
            return names;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The answer read as networks: the pasted output's keys for a list question; for a yes/no one,
     * whether Traefik shares a network with the app ({@link #sharesWithApp}), checked against a yes or
     * no said beside it. Null when it names no networks that decide (read on as any other answer).
     */
    static Reply read(String answer, FactSpec spec, List<String> appNetworks) {
        List<String> pasted = names(answer);
        if (pasted != null && spec.type() == FactType.LIST && !pasted.isEmpty()) return new Reply.Value(pasted, true);
        if (spec.type() != FactType.BOOL) return null;
        List<String> named = pasted != null ? pasted : ProseList.items(answer);   // "it's on dokploy-network and bridge"
        boolean wholeList = pasted != null || Vocabulary.answerWords(answer).stream().anyMatch(w -> w.equals("only") || w.equals("just"));
        Boolean on = sharesWithApp(named, wholeList, appNetworks);
        Boolean said = pasted != null ? null : ProseAnswer.yesOrNo(answer, spec.question());
        if (on == null) {
            return said == null && named != null && !named.isEmpty()
                    ? new Reply.Invalid("those networks do not name dokploy-network; is the app on one of them too (yes or no)?") : null;
        }
        if (said == null && pasted == null && on && ProseAnswer.leadsWithNo(answer)) said = false;   // "no, it's on dokploy-network"
        if (said != null && !said.equals(on)) return new Reply.Invalid("you said " + (said ? "yes" : "no") + " but named its networks the other way: which is it?");
        return new Reply.Value(on, true);
    }

    /**
     * Whether Traefik, whose networks are {@code said}, shares a network with the app: yes when it
     * names dokploy-network; otherwise, when the app's networks are known, yes when one is named and
     * no when {@code said} is the whole list (the pasted output, or "only"/"just" in a sentence) and
     * none is; null when it cannot tell ("just traefik_net" while the app's networks are not known:
     * the app may be on traefik_net too).
     */
    private static Boolean sharesWithApp(List<String> said, boolean wholeList, List<String> appNetworks) {
        if (said == null || said.isEmpty()) return null;
        if (said.contains(DOKPLOY_NETWORK)) return true;
        if (appNetworks == null || appNetworks.isEmpty()) return null;
        if (said.stream().anyMatch(appNetworks::contains)) return true;
        return wholeList ? false : null;
    }
}
