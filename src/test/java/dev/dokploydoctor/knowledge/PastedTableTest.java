package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PastedTableTest {
    private static boolean row(String line) { return PastedTable.row(line, 0, line.length()); }

    @Test void aDockerPsOrComposePsRowIsARow() {
        assertTrue(row("3f2a1b4c5d6e traefik:v3.1.2 \"/entrypoint.sh --gl...\" 2 hours ago Up 2 hours 0.0.0.0:80->80/tcp dokploy-traefik"));
        assertTrue(row("shop-web-1 ghcr.io/acme/shop:1.4.2 \"node server.js\" web 3 days ago Restarting (1) 4 seconds ago"));
        assertTrue(row("shop-db-1 postgres:16 \"docker-entrypoint.s...\" db 3 days ago Exited (1) 2 hours ago"));
        assertTrue(row("worker-1 acme/worker \"run\" 5 minutes ago Created"));
    }

    @Test void proseIsNoRow() {
        assertFalse(row("two days ago up to 2 hours of downtime"));
        assertFalse(row("I restarted it 2 hours ago. Up since then but 502"));
        assertFalse(row("the container exited 3 days ago"));
    }

    @Test void aComposePsRowIsNotJoinedToTheLongRowBefore() {
        String table = "shop-web-1           ghcr.io/acme/shop:1.4.2   \"node server.js\"         web       3 days ago    Restarting (1) 4 seconds ago\n"
                + "traefik              traefik:v3.0              \"/entrypoint.sh --pr…\"   traefik   3 days ago    Up 3 days";
        assertEquals(2, TextReader.read(table).text().split("\n").length);
    }

    @Test void aSentenceAfterARowIsNotJoinedToIt() {
        String text = "3c9d2e1f0a7b   traefik:v3.1.2   \"/entrypoint.sh --en…\"   5 weeks ago   Exited (255) 9 hours ago                 dokploy-traefik\n"
                + "Before that a deploy failed with 'port is already allocated'; I freed the port and that part is solved.";
        assertEquals(2, TextReader.read(text).text().split("\n").length);
    }

    @Test void aRowIsLookedAtOnlyUpToItsLongestLength() {
        String longLine = "x".repeat(PastedTable.LONGEST + 10) + " 2 hours ago Up 2 hours";
        assertFalse(DeniedClue.tableRowAt(longLine, longLine.length() - 3));
        assertTrue(DeniedClue.tableRowAt("a1b2c3d4e5f6 app \"run\" 2 hours ago Up 2 hours\nnext", 20));
    }
}
