package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * An answer that says the question does not apply: the component the question is about (Traefik,
 * DokPloy, a Cloudflare Tunnel) is not in the user's stack ("there's no traefik here", "we use
 * Caddy", "I don't use a tunnel"). Such an answer is no "no": a "no" to "Is Traefik on the app's
 * network?" from a Caddy user would diagnose a Traefik fault on a host without Traefik. The asked fact
 * stays unknown; what the answer says of the stack is read by the message catalog
 * (catalog/87-prose-stack.yaml, 80-prose.yaml's no-tunnel) and recorded like any other text.
 */
final class StackAnswer {
    private StackAnswer() {}

    /** A part of the stack a question may take for granted, with the words that name it in a question. */
    enum Component {
        TRAEFIK("Traefik", "traefik"),
        DOKPLOY("DokPloy", "dokploy"),
        TUNNEL("a Cloudflare Tunnel", "tunnel", "cloudflared");

        final String name;
        private final String[] words;

        Component(String name, String... words) {
            this.name = name;
            this.words = words;
        }

        /**
         * The question itself names this component: its first sentence, up to the question mark, outside
         * parentheses. Asides, commands to run and the choices explained after it ("what do you see?
         * ... deploy-fails: DokPloy shows ...") take nothing for granted.
         */
        boolean presumedBy(String question) {
            if (question == null) return false;
            int end = question.indexOf('?');
            String core = (end < 0 ? question : question.substring(0, end)).replaceAll("\\(.*?\\)", " ").toLowerCase(Locale.ROOT);
            for (String w : words) if (core.contains(w)) return true;
            return false;
        }
    }

    /** Proxies that are not Traefik, as proxy.kind names them (facts.yaml). */
    private static final Set<String> NOT_TRAEFIK = Set.of("nginx", "nginx-proxy-manager", "caddy", "haproxy", "apache", "none", "other");

    /**
     * The component {@code question} takes for granted that the facts read from the answer say is
     * absent; null when there is none (the answer is read as usual).
     */
    static Component deniedBy(String question, Collection<Fact> saidInAnswer) {
        for (Fact f : saidInAnswer) {
            Component absent = absent(f);
            if (absent != null && absent.presumedBy(question)) return absent;
        }
        return null;
    }

    /** The component a fact says is not there, or null. */
    private static Component absent(Fact f) {
        String value = String.valueOf(f.getValue());
        return switch (f.getKey()) {
            case "traefik.used" -> Boolean.FALSE.equals(f.getValue()) ? Component.TRAEFIK : null;
            case "proxy.kind" -> NOT_TRAEFIK.contains(value) ? Component.TRAEFIK : null;
            case "dokploy.used" -> Boolean.FALSE.equals(f.getValue()) ? Component.DOKPLOY : null;
            case "platform.kind" -> !"dokploy".equals(value) ? Component.DOKPLOY : null;
            case "tunnel.used" -> Boolean.FALSE.equals(f.getValue()) ? Component.TUNNEL : null;
            default -> null;
        };
    }
}
