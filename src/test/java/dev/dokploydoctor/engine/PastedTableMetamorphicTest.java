package dev.dokploydoctor.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * A pasted {@code docker ps} or {@code docker compose ps} table is read as a table: each row's state and
 * health are that row's container's. Added to every regression case with text, a table whose app row is
 * healthy and whose database rows are starting or unhealthy, with a cloudflared row ("--no-autoupdate") and
 * compose ps rows that start with their lower-case names, creates no diagnosis and loses none (on a9504ed it
 * created 25 container-unhealthy diagnoses from the redis row and lost 3: batch --no-questions --no-similar).
 */
class PastedTableMetamorphicTest {
    static final String TABLES = String.join("\n",
            "$ docker ps",
            "CONTAINER ID   IMAGE                             COMMAND                  CREATED        STATUS                          PORTS                      NAMES",
            "7a8b9c0d1e2f   ghcr.io/acme/shop:1.4.2           \"node server.js\"         3 days ago     Up 2 hours (healthy)            3000/tcp                   shop-web-1",
            "9c1d2e3f4a5b   postgres:16                       \"docker-entrypoint.s…\"   3 days ago     Up 2 hours (health: starting)   127.0.0.1:5432->5432/tcp   shop-db-1",
            "5e6f7a8b9c0d   redis:7-alpine                    \"docker-entrypoint.s…\"   3 days ago     Up 2 hours (unhealthy)          6379/tcp                   shop-redis-1",
            "1a2b3c4d5e6f   cloudflare/cloudflared:2024.6.1   \"cloudflared --no-au…\"   3 weeks ago    Up 3 days                                                  tunnel",
            "$ docker compose ps",
            "NAME                 IMAGE                     COMMAND                  SERVICE   CREATED       STATUS                 PORTS",
            "shop-web-1           ghcr.io/acme/shop:1.4.2   \"node server.js\"         web       3 days ago    Up 2 hours (healthy)   3000/tcp",
            "proxy                nginx:1.25                \"/docker-entrypoint.…\"   proxy     3 days ago    Up 3 days              0.0.0.0:80->80/tcp, 0.0.0.0:443->443/tcp");

    @Test
    void aPastedTableOfHealthyAppsCreatesAndLosesNoDiagnosis() {
        new Metamorphic().run((c, before) -> c.text() != null && !c.text().isBlank(),
                        List.of(new Metamorphic.Transform("+ docker ps / compose ps tables", t -> t.stripTrailing() + "\n\n" + TABLES)),
                        (c, before, after) -> {
                            String created = Metamorphic.NONE_CREATED.broken(c, before, after);
                            if (created != null) return created;
                            return Metamorphic.right(before, c) && !Metamorphic.right(after, c) ? "lost" : null;
                        })
                .assertHolds(250, "diagnoses changed");
    }
}
