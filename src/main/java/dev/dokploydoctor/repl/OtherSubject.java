package dev.dokploydoctor.repl;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer to a question about the app (where it listens, on which port) whose value is said of
 * another service, one the app uses: "clickhouse listens on 127.0.0.1 only, the backend I don't know"
 * (user14b ub11). The routed app's fact it is not: read as the app's, a database bound to loopback
 * became app-listens-on-localhost 0.86 with the fix to rebind the app. Asked again instead.
 */
final class OtherSubject {
    private OtherSubject() {}

    /**
     * Services an app uses and is never routed to by the proxy: databases, caches, queues, search and
     * object stores, by their usual names (the image's or the compose service's).
     */
    private static final Pattern SERVICE = Pattern.compile("(?<![\\w.-])(postgres(?:ql)?|pg|mysql|mariadb|mongo(?:db)?|redis|valkey|keydb"
            + "|clickhouse|elasticsearch|opensearch|meilisearch|rabbitmq|memcached|kafka|minio|the (?:database|db|cache|queue))(?![\\w.-])");

    /**
     * The proxy as the subject of the clause up to the value, said of how it runs ("it's my own traefik in docker
     * compose", "nginx runs with docker-compose"): an answer about the proxy, not about the app (round 16: read as
     * the app's service kind). "traefik labels are in my compose" speaks of the app's labels, and "behind traefik with docker
     * compose" of the app deployed with compose: no such clause.
     */
    private static final Pattern PROXY = Pattern.compile("(?<![\\w.-])(?<!behind )(?<!via )(?<!through )(?<!to )(?<!on )(traefik|nginx|caddy|haproxy|cloudflared|npm|the proxy)"
            + "(?:\\s+(?:container|instance|itself|also|too|runs?|running|is|deployed|started|installed|in|via|with|using|through|from|under"
            + "|as|a|an|my|its|own|the|separate|standalone|another|docker))*[\\s-]*$");

    /** How to say whose the value is: a service the app uses, or the proxy in front of it. */
    static String whose(String other) {
        return PROXY.matcher(other).find() ? other + "'s, the proxy in front of the app, not the app's own"
                : other + "'s, a service the app uses, not the app's own";
    }

    /** The question asks about the app itself ("Which address does the app listen on ..."), not a sibling. */
    static boolean asksOfTheApp(String question) {
        if (question == null) return false;
        int end = question.indexOf('?');
        String core = (end < 0 ? question : question.substring(0, end)).toLowerCase(Locale.ROOT);
        // "Is the service a DokPloy Application or a Docker Compose service?": the service is the app
        return core.contains("the app ") || core.contains("the app's ") || core.contains("the service ") || core.contains("the service's ");
    }

    /**
     * The service other than the app that the clause holding {@code value} names as its subject, before the
     * value ("clickhouse listens on 127.0.0.1"; also {@code dependency}, a sibling's name the session knows);
     * null when the clause names none.
     */
    static String named(String answer, String value, String dependency) {
        String a = answer.toLowerCase(Locale.ROOT);
        int at = a.indexOf(value.toLowerCase(Locale.ROOT));
        if (at < 0) return null;
        int start = Math.max(Math.max(a.lastIndexOf(',', at), a.lastIndexOf(';', at)), a.lastIndexOf(". ", at)) + 1;
        String before = a.substring(start, at);
        Matcher m = SERVICE.matcher(before);
        if (m.find()) return m.group(1);
        Matcher p = PROXY.matcher(before);
        if (p.find()) return p.group(1);
        if (dependency != null && !dependency.isBlank()) {
            Matcher d = Pattern.compile("(?<![\\w.-])" + Pattern.quote(dependency.toLowerCase(Locale.ROOT)) + "(?![\\w.-])").matcher(before);
            if (d.find()) return dependency;
        }
        return null;
    }
}
