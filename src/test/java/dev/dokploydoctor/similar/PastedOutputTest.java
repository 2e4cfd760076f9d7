package dev.dokploydoctor.similar;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A similarity query leaves out pasted tables and response headers, and keeps the prose, the status and the logs. */
class PastedOutputTest {
    @Test void aDockerPsTableIsLeftOut() {
        String text = """
                The domain gives 502 Bad Gateway.
                CONTAINER ID   IMAGE             COMMAND                  CREATED       STATUS       PORTS     NAMES
                3f2a9c1b7d4e   traefik:v3.1.2    "/entrypoint.sh --gl…"   2 hours ago   Up 2 hours   80/tcp    dokploy-traefik
                9b8c7d6e5f4a   myapp:latest      "docker-entrypoint.s…"   2 hours ago   Up 2 hours   3000/tcp  myapp-web-1
                traefik logs: level=error msg="dial tcp 10.0.1.5:3000: connect: connection refused"
                """;
        assertEquals("""
                The domain gives 502 Bad Gateway.
                traefik logs: level=error msg="dial tcp 10.0.1.5:3000: connect: connection refused"
                """, PastedOutput.strip(text));
    }

    @Test void responseHeadersAreLeftOutAndTheStatusLineStays() {
        String text = "Inside the container:\n$ curl -sI http://localhost:3000\nHTTP/1.1 200 OK\nContent-Type: text/html\n"
                + "Date: Fri, 10 Jan 2025 09:12:01 GMT\nServer: uvicorn\n\nBut the domain says: 404 page not found";
        assertEquals("Inside the container:\n$ curl -sI http://localhost:3000\nHTTP/1.1 200 OK\n\nBut the domain says: 404 page not found",
                PastedOutput.strip(text));
    }

    @Test void proseWithAColonIsNoHeaderAndOneLineIsKept() {
        String text = "Error: the site gives 502\nNote: it worked yesterday";
        assertEquals(text, PastedOutput.strip(text));
        assertEquals("The site gives 502 Bad Gateway.", PastedOutput.strip("The site gives 502 Bad Gateway."));
    }
}
