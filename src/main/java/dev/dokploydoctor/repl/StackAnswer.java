package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.TextExtraction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An answer that says the question does not apply: the component the question is about (Traefik,
 * DokPloy, a Cloudflare Tunnel) is not in the user's stack ("there's no traefik here", "we use
 * Caddy", "I don't use a tunnel"). Such an answer is no "no": a "no" to "Is Traefik on the app's
 * network?" from a Caddy user would diagnose a Traefik fault on a host without Traefik. The asked fact
 * stays unknown; what the answer says of the stack is read by the message catalog
 * (catalog/87-prose-stack.yaml, 80-prose.yaml's no-tunnel) and recorded like any other text.
 * The same holds for the dependency a question takes for granted: "there's no dependency" or "it's
 * not a container" to "Is that dependency's container running?" is no "it is stopped".
 */
final class StackAnswer {
    private StackAnswer() {}

    /** A part of the stack a question may take for granted, with the words that name it in a question. */
    enum Component {
        TRAEFIK("Traefik", "traefik"),
        DOKPLOY("DokPloy", "dokploy"),
        TUNNEL("Cloudflare Tunnel", "tunnel", "cloudflared"),
        /** A proxied record: "Which SSL/TLS mode is set in Cloudflare?" takes one for granted. */
        CLOUDFLARE("Cloudflare proxy", "cloudflare"),
        /** A sibling the app talks to: "Is that dependency's container running?" takes one for granted. */
        DEPENDENCY("dependency", "dependency"),
        /** The dependency as a Docker container: "it's not a container, it runs on the host". */
        CONTAINER("container for the dependency", "dependency"),
        /**
         * Traefik's container, there but not running or gone: "there's no traefik container anymore"
         * to "Is Traefik's own container attached to ...?" says nothing of its networks (user13 F4).
         */
        TRAEFIK_CONTAINER("running Traefik container", "traefik");

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
            // "does it also loop without Cloudflare in the way?" asks about a test around it: "no Cloudflare" answers it
            if (core.contains("without " + words[0])) return false;
            // "Is the Traefik container itself running?" asks what "traefik is gone" answers: a no
            if (this == TRAEFIK_CONTAINER && ASKS_IF_RUNNING.matcher(core).find()) return false;
            for (String w : words) if (core.contains(w)) return true;
            return false;
        }
    }

    /** A question about whether a thing runs at all. */
    private static final Pattern ASKS_IF_RUNNING = Pattern.compile("\\b(?:running|runs?|up|started|alive|exists?|stopped|exited)\\b");

    /** Proxies that are not Traefik, as proxy.kind names them (facts.yaml). */
    private static final Set<String> NOT_TRAEFIK = Set.of("nginx", "nginx-proxy-manager", "caddy", "haproxy", "apache", "none", "other");

    /**
     * The component {@code question} takes for granted that the facts read from the answer say is
     * absent; null when there is none (the answer is read as usual).
     */
    static Component deniedBy(String question, Collection<Fact> saidInAnswer) { return deniedBy(question, saidInAnswer, ""); }

    /**
     * As above; {@code answer}, the words typed, may also say the dependency the question asks about
     * is no container at all ("it's not a container, the proxy runs on the host", "redis is not in
     * docker"): a stopped container it is not. An answer that leads with yes is read as usual.
     */
    static Component deniedBy(String question, Collection<Fact> saidInAnswer, String answer) {
        for (Fact f : saidInAnswer) {
            Component absent = absent(f);
            if (absent != null && absent.presumedBy(question)) return absent;
        }
        if (Component.CONTAINER.presumedBy(question) && NOT_A_CONTAINER.matcher(normalised(answer)).find()
                && !Boolean.TRUE.equals(ProseAnswer.yesOrNo(answer))) return Component.CONTAINER;
        if (Component.TRAEFIK_CONTAINER.presumedBy(question) && TRAEFIK_DOWN.matcher(normalised(answer)).find()
                && !Boolean.TRUE.equals(ProseAnswer.yesOrNo(answer))) return Component.TRAEFIK_CONTAINER;
        return null;
    }

    /**
     * Words that say Traefik's container is gone or not running: "there's no traefik container",
     * "traefik is gone", "dokploy-traefik isn't even running", "the traefik container exited". Traefik
     * is in the stack (no traefik.used = false): it is down, which a question about its networks or its
     * log cannot be answered for.
     */
    private static final Pattern TRAEFIK_DOWN = Pattern.compile(
            "\\b(?:no|not\\s+an?y?)\\s+(?:dokploy-)?traefik\\s+containers?\\b"
            + "|\\b(?:dokploy-)?traefik(?:\\s+container)?\\s+(?:is\\s+|was\\s+|has\\s+|got\\s+)?(?:even\\s+|just\\s+|simply\\s+|completely\\s+)?"
            + "(?:gone|missing|deleted|removed|vanished|disappeared|not\\s+(?:even\\s+)?running|isnt\\s+(?:even\\s+)?running|not\\s+(?:even\\s+)?there"
            + "|stopped|exited|dead|crashed|down|not\\s+up|doesnt\\s+exist|does\\s+not\\s+exist"
            + "|(?:wont|doesnt|didnt|does\\s+not|did\\s+not)\\s+start|keeps\\s+restarting|restarting)\\b");

    /**
     * Words that place a thing outside Docker: "not a container", "isn't in docker", "not
     * containerised", "runs on the host". "The container is not running" is a container that is down.
     */
    private static final Pattern NOT_A_CONTAINER = Pattern.compile(
            "\\b(?:not|isnt|arent|wasnt)\\s+(?:(?:an?|in|inside)\\s+)*(?:docker\\s+)?(?:container|containers|docker)\\b"
            // "not in docker ps anymore" is a container that stopped: the listing, not Docker, leaves it out
            + "(?!\\s+(?:ps|ls|compose\\s+ps|container\\s+ls)\\b)"
            + "|\\bnot\\s+containeri[sz]ed\\b|\\boutside\\s+(?:of\\s+)?docker\\b"
            + "|\\b(?:runs?|running|lives?)\\s+(?:directly\\s+|natively\\s+)?on\\s+the\\s+(?:host|runner|server|machine)\\b");

    private static String normalised(String answer) {
        return answer == null ? "" : answer.toLowerCase(Locale.ROOT).replaceAll("['\\u2018\\u2019`]", "");
    }

    /**
     * The facts of an answer that says the question does not apply, with what it says of the stack
     * recorded as the user's word (source user, an observation of its own): stack.drl refutes a
     * component's causes on that alone, never on a reading of free text ("tried it without traefik",
     * "we use caddy for the other sites" speak of tests and of other apps).
     */
    static List<Fact> stated(List<Fact> also) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : also) out.add(absent(f) == null ? f : new Fact(f.getKey(), f.getValue(), Fact.USER, f.getEvidence()));
        return List.copyOf(out);
    }

    /**
     * A fact read from an answer that says a component the question takes for granted is absent:
     * "just docker compose" to "a DokPloy Application or a Docker Compose service?" picks a choice
     * the question offers, it says nothing of DokPloy's absence. Said in so many words beside the choice
     * ("neither, no dokploy, it's plain docker compose with my own traefik", user13 X1), the absence is the
     * user's word and is noted: DokPloy's domainType was asked next, and its fixes followed.
     */
    static boolean deniesThePremise(String question, Fact f) {
        Component absent = absent(f);
        return absent != null && absent.presumedBy(question) && !saidInSoManyWords(f);
    }

    /** "no dokploy", "no traefik here": the component's own absence (its {@code .used} fact), not a platform or proxy named. */
    private static boolean saidInSoManyWords(Fact f) {
        return (f.getKey().equals("dokploy.used") || f.getKey().equals("traefik.used")) && Boolean.FALSE.equals(f.getValue());
    }

    /** The parts of the stack an answer may deny in passing ("no traefik here" to a question about containers). */
    private static final Set<Component> STACK = Set.of(Component.TRAEFIK, Component.DOKPLOY, Component.TUNNEL, Component.CLOUDFLARE);

    /**
     * The part of the stack the facts read from an answer deny, when the answer's no is that denial
     * and not a no to {@code question} ("no traefik here, I use caddy", "there's no traefik here" to
     * "Are the containers running?"): null when the question takes the component for granted (the
     * answer does not apply, {@link #deniedBy}) or a no closed by punctuation answers it ("no, there's
     * no traefik here").
     */
    static Component deniedInPassing(String question, Collection<Fact> saidInAnswer, String answer) {
        if (ProseAnswer.leadsWithAFullNo(answer)) return null;
        // "yes, coolify-proxy is on the coolify network": a yes answers the question, whatever platform it names (user13 O5)
        if (Boolean.TRUE.equals(ProseAnswer.yesOrNo(answer, question))) return null;
        for (Fact f : saidInAnswer) {
            Component absent = absent(f);
            if (absent != null && STACK.contains(absent) && !absent.presumedBy(question)) return absent;
        }
        return null;
    }

    /**
     * The part of the stack the facts read from an answer deny that {@code question} names only in an
     * aside, as one case among others ("How did the last deployment end (DokPloy's deployment status,
     * or your platform's ...)?"): the question still applies to the user's own stack. Null when none.
     */
    static Component deniedInAnAside(String question, Collection<Fact> saidInAnswer) {
        if (question == null) return null;
        String q = question.toLowerCase(Locale.ROOT);
        for (Fact f : saidInAnswer) {
            Component absent = absent(f);
            if (absent != null && STACK.contains(absent) && !absent.presumedBy(question) && q.contains(absent.words[0])) return absent;
        }
        return null;
    }

    /**
     * A fact the session holds that only {@code c}'s presence produces: a Traefik, cloudflared or
     * Cloudflare line read from a pasted log or error page, or probed; DokPloy's version or domain type;
     * DokPloy named as the platform (it always runs dokploy-traefik). An answer that says {@code c} is
     * not there is asked to confirm rather than believed (knowledge/shared/stack.drl has the same
     * guards). Null when there is none.
     */
    static Fact shownThere(Component c, Collection<Fact> held) {
        for (Fact f : held) {
            String key = f.getKey();
            if (key.equals("platform.kind") && "dokploy".equals(f.getText()) && (c == Component.TRAEFIK || c == Component.DOKPLOY)) return f;
            if (Fact.USER.equals(f.getSource()) || Fact.DERIVED.equals(f.getSource()) || TextExtraction.fromProse(f)) continue;
            boolean there = switch (c) {
                case TRAEFIK -> key.startsWith("traefik.") && !key.equals("traefik.used");
                case DOKPLOY -> key.equals("dokploy.version") || key.equals("domain.type");
                case TUNNEL -> (key.startsWith("tunnel.") && !key.equals("tunnel.used")) || key.startsWith("cloudflared.");
                case CLOUDFLARE -> key.startsWith("cloudflare.") && !key.equals("cloudflare.proxied");
                default -> false;
            };
            if (there) return f;
        }
        return null;
    }

    /** Whether {@code f} says a component is not there that a fact of {@code held} shows is ({@link #shownThere}). */
    static boolean deniesWhatIsShown(Fact f, Collection<Fact> held) {
        Component c = absent(f);
        return c != null && STACK.contains(c) && shownThere(c, held) != null;
    }

    /** The component {@code f} says is not there, or null. */
    static Component absentIn(Fact f) { return absent(f); }

    /** Whether {@code f} says {@code c} is not there. */
    static boolean denies(Fact f, Component c) { return absent(f) == c; }

    /** The component a fact says is not there, or null. */
    private static Component absent(Fact f) {
        String value = String.valueOf(f.getValue());
        return switch (f.getKey()) {
            case "traefik.used" -> Boolean.FALSE.equals(f.getValue()) ? Component.TRAEFIK : null;
            case "proxy.kind" -> NOT_TRAEFIK.contains(value) ? Component.TRAEFIK : null;
            case "dokploy.used" -> Boolean.FALSE.equals(f.getValue()) ? Component.DOKPLOY : null;
            case "platform.kind" -> !"dokploy".equals(value) ? Component.DOKPLOY : null;
            case "tunnel.used" -> Boolean.FALSE.equals(f.getValue()) ? Component.TUNNEL : null;
            case "cloudflare.proxied" -> Boolean.FALSE.equals(f.getValue()) ? Component.CLOUDFLARE : null;
            case "service.has_dependencies" -> Boolean.FALSE.equals(f.getValue()) ? Component.DEPENDENCY : null;
            default -> null;
        };
    }
}
