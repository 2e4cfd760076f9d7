package dev.dokploydoctor.knowledge;

import java.util.Set;

/**
 * Whether a matched word is only the front part of a name the user gave ("tunnel-api", "traefik-dashboard",
 * "db_backup", "tunnel.example.com"): joined by '-', '_' or '.' to the word after it. Such a word is not
 * the word: a service named tunnel-api is no tunnel. The last part of a name is its head and stays the word:
 * "dokploy-traefik" is Traefik, "cloudflare-tunnel" a tunnel; so does the front of an English compound
 * ("tunnel-related", "Postgres-backed"). RE2 has no lookarounds, so the catalog matcher asks this of a match
 * instead of each entry spelling it out.
 */
final class NamePart {
    private NamePart() {}

    /** Second parts that make an English compound about the first word, not a name. */
    private static final Set<String> COMPOUND = Set.of("related", "based", "backed", "side", "level", "like", "specific",
            "only", "wide", "style", "type", "free", "enabled", "managed", "proxied", "powered", "ready", "compatible",
            "aware", "owned", "facing", "bound", "issued", "signed", "generated", "provided", "routed");

    /** Whether {@code text[start, end)} ends on a letter or digit that a joiner ties to a following word of a name. */
    static boolean front(String text, int start, int end) {
        if (end <= start || end + 1 >= text.length()) return false;
        if (!Character.isLetterOrDigit(text.charAt(end - 1))) return false;
        char joiner = text.charAt(end), next = text.charAt(end + 1);
        // a dot ends a sentence, a number ("port 3000.", "v1.2") or a file's stem ("docker-compose.yml" is about compose):
        // it joins a name when two labels or more follow ("tunnel.example.com")
        boolean joined = joiner == '-' || joiner == '_' ? Character.isLetterOrDigit(next) : joiner == '.' && hostGoesOn(text, end + 1);
        return joined && !COMPOUND.contains(nextWord(text, end + 1));
    }

    /** File types: a dotted name that ends in one is a file, whose stem says what it is about. */
    private static final Set<String> FILE_TYPES = Set.of("yml", "yaml", "json", "toml", "env", "conf", "cfg", "ini", "js", "mjs",
            "ts", "py", "sh", "txt", "log", "md", "xml", "lock", "d", "service", "example", "sample", "bak");

    /** Whether {@code text} from {@code from} is a label, a dot and more labels ("example.com"), not a file's type ("override.yaml"). */
    private static boolean hostGoesOn(String text, int from) {
        int k = from, labels = 0, last = from;
        while (k < text.length() && Character.isLetter(text.charAt(k))) {
            last = k;
            while (k < text.length() && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '-')) k++;
            labels++;
            if (k + 1 < text.length() && text.charAt(k) == '.' && Character.isLetter(text.charAt(k + 1))) k++;
            else break;
        }
        return labels >= 2 && !FILE_TYPES.contains(text.substring(last, k).toLowerCase(java.util.Locale.ROOT));
    }

    private static String nextWord(String text, int from) {
        int k = from;
        while (k < text.length() && Character.isLetter(text.charAt(k))) k++;
        return text.substring(from, k).toLowerCase(java.util.Locale.ROOT);
    }
}
