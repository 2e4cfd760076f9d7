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

    /** The question asks about the app itself ("Which address does the app listen on ..."), not a sibling. */
    static boolean asksOfTheApp(String question) {
        if (question == null) return false;
        int end = question.indexOf('?');
        String core = (end < 0 ? question : question.substring(0, end)).toLowerCase(Locale.ROOT);
        return core.contains("the app ") || core.contains("the app's ");
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
        if (dependency != null && !dependency.isBlank()) {
            Matcher d = Pattern.compile("(?<![\\w.-])" + Pattern.quote(dependency.toLowerCase(Locale.ROOT)) + "(?![\\w.-])").matcher(before);
            if (d.find()) return dependency;
        }
        return null;
    }
}
