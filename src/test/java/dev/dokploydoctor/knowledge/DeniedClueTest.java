package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A clue denied or doubted in prose is not read; a log line's own "not" and a failure ("could not") are. */
class DeniedClueTest {
    private static final TextExtraction X = CatalogTest.X;

    @Test void aDeniedClueIsNotRead() {
        absent("Getting 502 Bad Gateway through Traefik. I don't think the server binds to localhost.", "app.listen_bound");
        absent("Getting 502 Bad Gateway through Traefik, the server does not bind to localhost.", "app.listen_bound");
        present("I'm not using a tunnel, the A record points at my VPS. SSL mode is Full (strict), not Flexible.", "cloudflare.ssl_mode", "strict");
        absent("The A record points at my VPS, the SSL mode is not Flexible.", "cloudflare.ssl_mode");
        absent("The container is healthy (docker ps says healthy, not unhealthy), the domain says 404 page not found.", "container.health");
        absent("There is no 'Unable to reach the origin service' in the cloudflared logs.", "tunnel.origin_unreachable");
        absent("Every app returns 404. Traefik does not log 'client version 1.24 is too old'.", "traefik.docker_api_error");
        absent("504 Gateway Timeout. I haven't restarted traefik or changed anything.", "traefik.recreated");
        absent("It does not use sqlite, it uses postgres.", "database.kind");
    }

    @Test void aDoubtedClueIsNotRead() {
        absent("Could the container be unhealthy? docker ps just says Up 3 hours.", "container.health");
        absent("Could it be that the server binds to localhost?", "app.listen_bound");
        // after a clause that leads in with a colon, the question starts anew
        absent("This happened on my server: could the container be unhealthy? docker ps only says Up 2 hours.", "container.health");
        // a question that asks about a clue it states reads it
        present("Why is my container unhealthy?", "container.health", "unhealthy");
        present("The domain gives 404: why is my container unhealthy?", "container.health", "unhealthy");
    }

    @Test void theClueItselfStillCounts() {
        present("It is not the tunnel, the server binds to localhost.", "app.listen_bound", "127.0.0.1");
        absent("The app does not listen on 127.0.0.1, it listens on 0.0.0.0:3000.", "app.listen_bound");
        present("My site is not reachable and Traefik shows 502 Bad Gateway", "http.status", 502);
        present("The site doesn't load, 502 Bad Gateway", "http.status", 502);
        present("I don't know why the container is unhealthy", "container.health", "unhealthy");
    }

    @Test void aDenialOfAShortListReachesItsLastItem() {
        // round 16: "no traefik or cloudflared" was read as a tunnel in use
        absent("no, there is no traefik or cloudflared, the cloudflare proxy times out", "tunnel.used");
        absent("I don't use nginx or cloudflared, the domain times out", "tunnel.used");
        // the pair denied where it ends its clause says neither is there (round 17): never a tunnel in use
        present("neither traefik nor cloudflared, just nginx", "tunnel.used", false);
        // an item after an article, or after a clause of its own, is said for itself
        present("I get no response or a 502 error", "http.status", 502);
        present("There was nothing in the log of the app or the proxy, then cloudflared logged it", "tunnel.used", true);
        present("no idea if it's traefik or cloudflared, the tunnel shows healthy", "tunnel.used", true);
    }

    @Test void logLinesKeepTheirOwnNegation() {
        present("time=\"2024-05-01T10:00:00Z\" level=error msg=\"Could not find network named \\\"shop_default\\\" for container \\\"/x\\\"\"",
                "traefik.docker_network_label", "shop_default");
        present("Error response from daemon: Bind for 0.0.0.0:80 failed: port is already allocated", "host.port_conflict", true);
        present("Error response from daemon: network dokploy-network declared as external, but could not be found", "compose.external_network", "dokploy-network");
    }

    @Test void aLogStringInAnotherSentenceOfTheLineLeavesTheDenialStanding() {
        // one line of prose with a log string or a clock in it: only the match's own sentence is judged for log shape
        absent("Getting 502 Bad Gateway through Traefik. I don't think the server binds to localhost. Traefik logs level=error msg=\"bad gateway\"",
                "app.listen_bound");
        absent("Getting 502 Bad Gateway through Traefik since 10:05:12 today. I don't think the server binds to localhost.", "app.listen_bound");
        absent("At 10:05:12 I got 502 Bad Gateway through Traefik; the server did not bind to localhost.", "app.listen_bound");
        // a browser's code is not a log level: ERR_TOO_MANY_REDIRECTS does not make the sentence a log line
        String strict = "I get ERR_TOO_MANY_REDIRECTS through Cloudflare. SSL mode is Full (strict), not Flexible.";
        present(strict, "cloudflare.ssl_mode", "strict");
        assertFalse(X.extract(strict).stream().anyMatch(f -> f.getKey().equals("cloudflare.ssl_mode") && "flexible".equals(f.getValue())), strict);
        // a quoted log message closed, then a new sentence with no period before it; a log record pasted first on the line
        absent("Traefik logs level=error msg=\"bad gateway\" I don't think the server binds to localhost.", "app.listen_bound");
        absent("[error] 31#31: connect() failed (111: Connection refused), host: \"app.example.com\" Before that I checked: the server does not bind to localhost.",
                "app.listen_bound");
    }

    @Test void aLogRecordInASentenceOfProseKeepsItsOwnNegation() {
        // the record's sentence carries its timestamp or key=value; a ". " inside its quoted message is no sentence end
        present("The app is down. traefik: time=\"2024-05-01T10:00:00Z\" level=error msg=\"Could not find network named \\\"shop_default\\\" for container \\\"/x\\\"\"",
                "traefik.docker_network_label", "shop_default");
        present("Deploy fails. 2024-05-01T10:00:00Z ERR Provider error error=\"Error response from daemon: client version 1.24 is too old. "
                + "Minimum supported API version is 1.44, please upgrade your client to a newer version\" providerName=docker",
                "traefik.docker_api_error", true);
    }

    @Test void workStaysBoundedOnALongLine() {
        String line = "no binds to localhost ".repeat(20_000);
        long t0 = System.nanoTime();
        X.extract(line);
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000);
    }

    private static void absent(String text, String key) {
        List<Fact> facts = X.extract(text);
        assertFalse(facts.stream().anyMatch(f -> f.getKey().equals(key)), text + " -> " + facts);
    }

    private static void present(String text, String key, Object value) {
        Fact f = X.extract(text).stream().filter(x -> x.getKey().equals(key)).findFirst().orElse(null);
        assertTrue(f != null, text + ": no " + key);
        assertEquals(String.valueOf(value), String.valueOf(f.getValue()), text + ": " + f.getEvidence());
    }
}
