package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Someone else's claim, a guess, or an earlier problem told as solved is not this report's present
 * state: its clue is not read, a log string quoted in it included. The reporter's own account is.
 */
class AsideClueTest {
    private static final TextExtraction X = CatalogTest.X;

    @Test void aClaimOrAdviceIsNotAnObservation() {
        absent("The site gives 502 Bad Gateway. A forum post says it could be the app listening on 127.0.0.1 instead of 0.0.0.0.", "app.listen_bound");
        absent("The site gives 502 Bad Gateway. The docs say the app must not bind to localhost.", "app.listen_bound");
        absent("Deploy fails. A GitHub issue mentions 'client version 1.24 is too old' after a Docker update, maybe related?", "traefik.docker_api_error");
        absent("The site gives ERR_TOO_MANY_REDIRECTS. ChatGPT suggested setting Cloudflare SSL to Full instead of Flexible.", "cloudflare.ssl_mode");
        absent("The site gives 404 page not found. The Traefik docs say a container that is unhealthy gets no route.", "container.health");
        absent("The site gives 404. I read that you need the traefik.docker.network label when a container is on several networks.", "app.on_several_networks");
        absent("The site gives 404. On reddit people say you have to redeploy after changing the domain.", "domain.just_added");
        // a pattern's wide gap that runs from 'traefik' into the claim does not take the claim in
        absent("The certificate is only valid for abc.traefik.default A GitHub issue mentions 'client version 1.40 is too old', maybe related?",
                "traefik.docker_api_error");
        absent("Every route is gone, do I restart Traefik? A GitHub issue mentions 'client version 1.40 is too old' after a Docker update.",
                "traefik.docker_api_error");
        // the statement next to the claim stays read
        present("The site gives 502 Bad Gateway. A forum post says it could be the app listening on 127.0.0.1 instead of 0.0.0.0.", "http.status", 502);
    }

    @Test void aComponentsOwnOutputIsAnObservation() {
        present("docker ps says the container is unhealthy and the domain gives 404.", "container.health", "unhealthy");
        present("Traefik logs say 'client version 1.24 is too old'.", "traefik.docker_api_error", true);
        present("The docs say to use port 3000, but my app listens on 127.0.0.1:3000.", "app.listen_address", "127.0.0.1");
        // an attribution of what the reporter did is no claim: what follows is theirs
        present("I turned the plugin off as support suggested, and now the browser says too many redirects.", "http.redirect_loop", true);
        present("As someone on discord said, I restarted cloudflared, the domain still gives 502 Bad Gateway.", "http.status", 502);
    }

    @Test void anObservationPassedOnBySomeoneOfTheReportersOwnIsRead() {
        // the whole report relayed: its first sentence (here the refutation) is read like the rest
        present("My colleague says this happened on his server: nginx in a container proxies to http://docker-host:7005 for a dashboard on the host.",
                "upstream.on_host", true);
        present("Our admin told me the domain gives 502 Bad Gateway.", "http.status", 502);
        // someone's opinion or a stranger's claim is still no observation
        absent("My colleague thinks the app binds to 127.0.0.1.", "app.listen_bound");
        absent("The site gives 502. My friend says it could be the app listening on 127.0.0.1.", "app.listen_bound");
        absent("The site gives 502. Someone on discord said the app listens on 127.0.0.1.", "app.listen_bound");
    }

    @Test void aGuessIsNotAnObservation() {
        absent("The site gives 502. It might be the app listening on 127.0.0.1.", "app.listen_bound");
        absent("The site gives 404. Maybe the container is unhealthy.", "container.health");
        // a passive "could be reached" is no guess
        present("The app could be reached from inside, the container is unhealthy and the domain gives 404.", "container.health", "unhealthy");
    }

    @Test void anEarlierProblemToldAsSolvedIsNotThePresentOne() {
        absent("The site shows an error. Last week Let's Encrypt rate-limited me, that's over now.", "letsencrypt.rate_limited");
        absent("The site shows an error. Last month my tunnel was down for a day (Cloudflare error 1033), it has been fine since.", "tunnel.connected");
        absent("The site shows an error. Before that a deploy failed with 'port is already allocated'; I freed the port and that part is solved.", "host.port_conflict");
        absent("The site shows an error. A few days ago another app of mine gave 502 Bad Gateway because it listened on 127.0.0.1; I fixed that one.", "app.listen_bound");
        absent("I previously had ERR_TOO_MANY_REDIRECTS on my blog, solved it by switching SSL to Full. Now a different problem: the domain gives 404.", "http.redirect_loop");
        present("I previously had ERR_TOO_MANY_REDIRECTS on my blog, solved it by switching SSL to Full. Now a different problem: the domain gives 404.", "http.status", 404);
    }

    @Test void theSecondReadingOfACutLineDoesNotUndoIt() {
        // a docker ps row of 100 characters (a terminal's width) followed by the story: the reading that glues
        // a cut word makes "analytics-umami-1Last week"; it may add a whole word, not lift the first reading's judgement
        String row = "4f1c2b9a7d3e ghcr.io/umami-software/umami:postgresql-latest Up 3 hours (unhealthy) analytics-umami-1";
        String text = "domain shows 404 page not found:\n" + row + " ".repeat(100 - row.length()) + "\n"
                + "Last week Let's Encrypt rate-limited me, that's over now.";
        absent(text, "letsencrypt.rate_limited");
        present(text, "container.health", "unhealthy");
    }

    @Test void whatCameAfterTheFixOrIsNotSolvedIsThePresentOne() {
        present("Yesterday I fixed the port and now Traefik gives 502 Bad Gateway.", "http.status", 502);
        present("Yesterday I fixed the labels; the site gives 502 Bad Gateway.", "http.status", 502);
        present("Last week Let's Encrypt rate-limited me and nothing fixed it.", "letsencrypt.rate_limited", true);
        present("Since yesterday the container is unhealthy, I fixed nothing.", "container.health", "unhealthy");
        present("504 Gateway Timeout now and then on my compose app, only when an export runs for minutes. Last week Let's Encrypt "
                + "rate-limited me, that's over now.", "http.status", 504);
        absent("504 Gateway Timeout now and then on my compose app, only when an export runs for minutes\nLast week Let's Encrypt "
                + "rate-limited me, that's over now.", "letsencrypt.rate_limited");
        present("Last week I updated Docker and since then Traefik logs 'client version 1.24 is too old'.", "traefik.docker_api_error", true);
    }

    @Test void aQuestionAfterALeadInDoubts() {
        absent("So could the container be unhealthy? docker ps only says Up 2 hours.", "container.health");
        absent("Quick question: could the container be unhealthy? docker ps only says Up 2 hours.", "container.health");
        absent("I wonder if the container is unhealthy? docker ps only says Up 2 hours.", "container.health");
        absent("At 10:02 could the container be unhealthy? docker ps only says Up 2 hours.", "container.health");
        present("The container is unhealthy, is that the problem?", "container.health", "unhealthy");
        present("So why is my container unhealthy?", "container.health", "unhealthy");
    }

    private static void absent(String text, String key) {
        List<Fact> facts = X.extract(text);
        assertFalse(facts.stream().anyMatch(f -> f.getKey().equals(key)), text + " -> " + facts);
    }

    private static void present(String text, String key, Object value) {
        Fact f = X.extract(text).stream().filter(x -> x.getKey().equals(key)).findFirst().orElse(null);
        assertTrue(f != null, text + ": no " + key + " in " + X.extract(text));
        assertEquals(String.valueOf(value), String.valueOf(f.getValue()), text + ": " + f.getEvidence());
    }
}
