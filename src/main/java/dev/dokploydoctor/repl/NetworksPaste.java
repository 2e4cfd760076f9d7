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
     * Whether the answer puts the container on {@code network}: the pasted output's keys, or a
     * sentence naming it ("it's on dokploy-network") or naming the only networks without it ("it's
     * only on bridge", "just bridge and app_default"); null when it says neither.
     */
    static Boolean on(String answer, String network) {
        List<String> names = names(answer);
        if (names != null) return names.contains(network);
        List<String> said = ProseList.items(answer);
        if (said == null) return null;
        if (said.contains(network)) return true;   // "it's on dokploy-network and bridge"
        return Vocabulary.answerWords(answer).stream().anyMatch(w -> w.equals("only") || w.equals("just")) ? false : null;
    }
}
