package dev.dokploydoctor.repl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dokploydoctor.knowledge.FactSpec;
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
     * The networks the answer names: the pasted output's keys (all of them), or a sentence's names
     * ("it's on dokploy-network and bridge"); null when it names none.
     */
    static List<String> named(String answer) {
        List<String> names = names(answer);
        return names != null ? names : ProseList.items(answer);
    }

    /**
     * Whether Traefik, whose networks the answer names, shares a network with the app: yes when it
     * names dokploy-network; otherwise, when the app's networks are known, yes when one is named and
     * no when the whole list is given (the pasted output, or "only"/"just" in a sentence) and none is;
     * null when it cannot tell ("just traefik_net" while the app's networks are not known: the app may
     * be on traefik_net too).
     */
    static Boolean sharesWithApp(String answer, List<String> appNetworks) {
        List<String> said = named(answer);
        if (said == null || said.isEmpty()) return null;
        if (said.contains(DOKPLOY_NETWORK)) return true;   // "it's on dokploy-network and bridge"
        if (appNetworks == null || appNetworks.isEmpty()) return null;
        if (said.stream().anyMatch(appNetworks::contains)) return true;
        boolean wholeList = names(answer) != null
                || Vocabulary.answerWords(answer).stream().anyMatch(w -> w.equals("only") || w.equals("just"));
        return wholeList ? false : null;
    }
}
