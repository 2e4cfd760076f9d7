package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A word at the front of a user's name is not the word; the name's head and an English compound's front are. */
class NamePartTest {
    /** Whether the first {@code word} in {@code text} is the front part of a name. */
    static boolean front(String text, String word) {
        int at = text.indexOf(word);
        return NamePart.front(text, at, at + word.length());
    }

    @Test void theFrontOfAHyphenatedUnderscoredOrDottedNameIsNotTheWord() {
        assertEquals(true, front("The service is named tunnel-api.", "tunnel"));
        assertEquals(true, front("my app traefik-dashboard is down", "traefik"));
        assertEquals(true, front("the db_backup job", "db"));
        assertEquals(true, front("open tunnel.example.com", "tunnel"));
    }

    @Test void theHeadOfANameAndAPlainWordAreTheWord() {
        assertEquals(false, front("the dokploy-traefik container restarts", "traefik"));
        assertEquals(false, front("the cloudflare-tunnel is down", "tunnel"));
        assertEquals(false, front("the tunnel is down", "tunnel"));
        assertEquals(false, front("it goes through the tunnel.", "tunnel"));
        assertEquals(false, front("it goes through the tunnel", "tunnel"));
    }

    @Test void aCompoundAboutTheWordOrANumberGoingOnIsNoName() {
        assertEquals(false, front("a tunnel-related error", "tunnel"));
        assertEquals(false, front("a Postgres-backed app", "Postgres"));
        assertEquals(false, front("it listens on port 3000.5 times", "3000"));
        assertEquals(false, front("my docker-compose.yml has two services", "compose"));
        assertEquals(false, front("with a docker-compose.override.yaml", "compose"));
    }
}
