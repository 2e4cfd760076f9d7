package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message catalog: sources, samples, the reader, the prefilter, the golden extraction, linear time. */
class CatalogTest {
    static final Path CHECKOUT = Path.of("").toAbsolutePath();
    static final Knowledge K = Knowledge.load(List.of(Layers.checkout(CHECKOUT)));
    static final TextExtraction X = K.textExtraction();

    @Test void everyEntryNamesItsSourceAndProvesItselfOnItsSamples() {
        for (Extractor e : X.extractors()) {
            assertTrue(e.source() != null && !e.source().isBlank(), e.id() + " has no source");
            assertFalse(e.samples().isEmpty(), e.id() + " has no sample");
        }
        List<CatalogCheck.Problem> problems = CatalogCheck.check(X);
        assertTrue(problems.isEmpty(), problems.stream().map(p -> p.file() + ":" + p.line() + " " + p.id() + ": " + p.message())
                .reduce("", (a, b) -> a + "\n" + b));
    }

    @Test void catalogHasAtLeast250Entries() {
        assertTrue(X.extractors().size() >= 250, "catalog has " + X.extractors().size() + " entries");
    }

    /** Extraction of every case and example text is pinned: a change of engine or entry shows here. */
    @Test void extractionMatchesTheGoldenFile() throws Exception {
        List<String> golden = Files.readAllLines(CHECKOUT.resolve("src/test/resources/extraction-golden.tsv"));
        List<String> now = ExtractionSnapshot.lines(CHECKOUT);
        List<String> diff = new ArrayList<>();
        for (String l : now) if (!golden.contains(l)) diff.add("+ " + l);
        for (String l : golden) if (!now.contains(l)) diff.add("- " + l);
        assertTrue(diff.isEmpty(), "extraction changed (rewrite the golden file with ExtractionSnapshot.main and say why):\n"
                + String.join("\n", diff));
    }

    @Test void textIsReadAsPasted() {
        // JSON-escaped log line, compose prefix, timestamp, typographic quotes, ellipsis
        assertFact("{\"level\":\"error\",\"msg\":\"Could not find network named \\\"dokploy-network\\\" for container \\\"/web\\\"\"}",
                "traefik.docker_network_label", "dokploy-network");
        assertFact("web-1  | 2024-05-01T10:00:00.123Z Error: getaddrinfo EAI_AGAIN postgres", "dependency.name", "postgres");
        // docker service logs (a DokPloy app is a swarm service) and journalctl -u docker
        assertFact("shop_web.1.k2x9q8ab7c1d@node-1    | Image myapp:abc123 Error pull access denied for myapp", "deploy.status", "error");
        assertFact("Nov 02 09:14:03 vps-1 dockerd[812]: Image myapp:abc123 Error pull access denied for myapp", "deploy.status", "error");
        assertFact("Nov  2 09:14:03 vps-1 3f2a1b9c[812]: #19 210.5 \"message\": \"getaddrinfo ENOTFOUND db\",", "app.dns_failure_at_build", true);
        assertFact("time=\"2024-05-01T10:00:00Z\" level=error msg=\"Could not find network named \\\"shop_default\\\" for container \\\"/x\\\"\"",
                "traefik.docker_network_label", "shop_default");
        assertFact("the app can\u2019t reach the database", "service.has_dependencies", true);
        // a wrapped line: the phrase is cut by the terminal
        assertFact("I get this every time after the deploy finished and traefik reloaded the configuration: Could not\nfind network named \"web\" for container \"/x\"",
                "traefik.network_not_found", true);
        // excerpts quote the original, escapes and all
        Fact f = X.extract("{\"msg\":\"getaddrinfo EAI_AGAIN redis\"}").stream().filter(x -> x.getKey().equals("app.dns_failure")).findFirst().orElseThrow();
        assertTrue(f.getEvidence().contains("getaddrinfo EAI_AGAIN redis") && f.getEvidence().contains("(source: "), f.getEvidence());
    }

    /** Prose filled to 72 columns by an editor or a mail client reads as the lines it was written as; log lines stay apart. */
    @Test void filledProseIsJoinedAndLogLinesAreNot() {
        String filled = "The app answers 502 on every domain since this morning and nothing in\n"
                + "Traefik's log says why, although the containers are up and healthy and\n"
                + "the deploy log ends with Done.";
        assertEquals(filled.replace('\n', ' '), TextReader.read(filled).text());
        // shorter than the 70 columns a terminal cuts at, so only the fill tells the break
        assertFact("Every few days, right after the deploy finished, I get Could not\n"
                + "find network named \"web\" for container \"/x\" in the traefik log.", "traefik.network_not_found", true);
        String logs = "Creating network \"shop_default\" with the default driver and then some\n"
                + "Creating shop_db_1 ... done\n"
                + "INFO server started on port 3000 and is ready to accept connections now\n"
                + "ERROR: for web Cannot start service web: driver failed programming\n"
                + "Error response from daemon: Bind for 0.0.0.0:80 failed: port is already allocated";
        assertEquals(logs, TextReader.read(logs).text());
        // a quoted message the fill broke before its opening quote
        assertFact("Running the examples as the docs say, the stack deploy fails with `network\n"
                + "\"kollaps_network\" is declared as external, but could not be found`.", "compose.external_network", "kollaps_network");
    }

    /** A log line a terminal cut mid-word at 80 columns (fold -w80) reads whole again. */
    @Test void aWordCutAtTheTerminalWidthIsWholeAgain() {
        assertFact(cutAt80("Bind for 0.0.0.0:80 failed: port is already allocated", "alr"),
                "host.port_conflict", true);
        assertFact("downloads break half way behind caddy, the log says\n"
                + cutAt80("\"msg\":\"aborting with incomplete response\",\"upstream\":\"app:3000\"}", "inco"),
                "upstream.accepted", true);
        // prose is still read with the space: the cut reading only adds facts
        assertEquals("a b", TextReader.read("a\nb").text().replace('\n', ' '));
    }

    /** {@code line} after as much of a daemon's message as puts the cut after {@code at} at column 80, then cut there. */
    private static String cutAt80(String line, String at) {
        String head = "Jan 10 09:12:01 vps-1 dockerd[812]: time=2024-05-01T10:00:00.123Z level=error web-1 (9f1c2ab3): ";
        int cut = line.indexOf(at) + at.length();
        String padded = head.substring(head.length() - (80 - cut)) + line;
        return padded.substring(0, 80) + "\n" + padded.substring(80);
    }

    /** Line-anchored entries read a line under an indent, a journald head or docker's json-file record. */
    @Test void aLineUnderAnIndentOrAWrapperIsReadAsTheLine() {
        String step = "#19 210.5       \"message\": \"getaddrinfo ENOTFOUND artigence-db-tkllgu\",";
        for (String prefixed : List.of("    " + step, "\t" + step, "Jan 10 09:12:01 vps dockerd[812]: " + step,
                "{\"log\":\"" + step.replace("\"", "\\\"") + "\\n\",\"stream\":\"stderr\",\"time\":\"2024-05-01T10:00:00.1Z\"}")) {
            assertFact("the build fails\n" + prefixed, "app.dns_failure_at_build", true);
        }
    }

    /** A JSON escape before a quote an editor made curly is the quote (msg=\u201CCould not find network named \\\u201Dproxy\\\u201C...). */
    @Test void anEscapedCurlyQuoteIsAQuote() {
        assertFact("level=error msg=\u201CCould not find network named \\\u201Dproxy\\\u201C for container \\\u201D/photoprism\\\u201C\u201D",
                "traefik.docker_network_label", "proxy");
    }

    /** A line escaped for a web page or a log viewer (&quot;, &lt;, &#39;) reads as the plain line; an ampersand of its own stays. */
    @Test void anHtmlEscapedLineIsTheLine() {
        assertFact("ERR Provider error error=&quot;Error response from daemon: client version 1.24 is too old. Minimum supported API version is 1.44&quot; providerName=docker",
                "traefik.docker_api_error", true);
        assertFact("level=warning msg=&quot;Could not find network named &#39;frontend&#39; for container &#39;/matrix_nginx_1&#39;!&quot;",
                "traefik.docker_network_label", "frontend");
        assertFact("WRN Could not find network named &#x27;proxy&#x27; for container &lt;web-1&gt; &amp; more", "traefik.docker_network_label", "proxy");
        assertFact("level=debug msg=&quot;Could not find network named \\&quot;proxy\\&quot; for container \\&quot;/photoprism\\&quot;.&quot;",
                "traefik.docker_network_label", "proxy");
        assertEquals("a & b &amp c", TextReader.read("a & b &amp c").text());
    }

    /** A paste from a coloured terminal (compose's service colours, a log level in red): its codes are no text (user18 ug17). */
    @Test void aTerminalsColourCodesAreNoText() {
        assertFact("ERROR app-1 | Error: getaddrinfo EAI_AGAIN \u001b[1mpostgres\u001b[0m", "dependency.name", "postgres");
        assertFact("{\"log\":\"Error: getaddrinfo EAI_AGAIN \\u001b[1mredis\\u001b[0m\\n\"}", "dependency.name", "redis");
        assertFact("\u001b[33m502 Bad Gateway\u001b[0m", "http.status", 502L);
        assertEquals("ERROR web-1 listening", TextReader.read("\u001b[31;1mERROR\u001b[0m \u001b(Bweb-1 listening\u001b").text());
        // the excerpt quotes the original, codes and all
        Fact f = X.extract("\u001b[36mapp-1 |\u001b[0m getaddrinfo EAI_AGAIN db").stream()
                .filter(x -> x.getKey().equals("dependency.name")).findFirst().orElseThrow();
        assertEquals("db", f.getValue());
        assertEquals("ERROR 502", TerminalCodes.strip("\u001b[31mERROR\u001b[0m \u001b[1;33m502\u001b[m"));
        assertSame("plain", TerminalCodes.strip("plain"));
    }

    /** A scraped or mailed issue shows HTML entities and Markdown's bold marks: read as the characters they stand for. */
    @Test void entitiesAndBoldMarksAreReadAsTheText() {
        assertFact("Deploy fails: network &quot;proxy&quot; declared as external, but could not be found", "compose.external_network", "proxy");
        assertFact("Listening on http:&#x2F;&#x2F;127.0.0.1:3000", "app.listen_address", "127.0.0.1");
        assertEquals("it's <b> & \"x\" - y...", TextReader.read("it&#39;s &lt;b&gt; &amp; &ldquo;x&rdquo; &mdash; y&hellip;").text());
        assertEquals("&unknown; & &#xZZ; &;", TextReader.read("&unknown; & &#xZZ; &;").text());
        assertEquals("502 and \"Bad Gateway\" at *.example.com", TextReader.read("**502** and **\"Bad Gateway\"** at *.example.com").text());
        // a denial written with an entity or an emphasis is a denial
        for (String text : List.of("Getting 502 Bad Gateway through Traefik. I don&#39;t think the server binds to localhost.",
                "Getting 502 Bad Gateway through Traefik. I don&rsquo;t think the server binds to localhost.",
                "The container is healthy (docker ps says healthy, _not_ unhealthy), the domain says 404 page not found.")) {
            assertTrue(X.extract(text).stream().noneMatch(f -> f.getKey().equals("app.listen_bound") || f.getKey().equals("container.health")
                    && "unhealthy".equals(f.getValue())), text + " -> " + X.extract(text));
        }
    }

    /** A line that closes a quotation (a log line's error="...") is no filled prose: a capitalised line after it starts anew. */
    @Test void aCapitalisedLineAfterAClosedQuoteIsNotJoined() {
        String text = "Let's Encrypt renewal fails and Cloudflare now shows 526. Traefik logs:\n"
                + "[app.example.com] acme: error: 403 :: urn:ietf:params:acme:error:unauthorized\"\n"
                + "Last week Let's Encrypt rate-limited me, that's over now.";
        assertTrue(TextReader.read(text).text().contains("unauthorized\"\nLast week"), TextReader.read(text).text());
    }

    /** A quoted reply ("> " marks) is read as its text, its filled paragraph joined; a "> " line after plain text starts its own. */
    @Test void aQuotedReplyIsReadAsItsText() {
        String quoted = "> I deployed the app again and waited a few minutes for the health check. The new container\n"
                + "> is running and healthy now, Traefik still answers 404.";
        assertEquals("I deployed the app again and waited a few minutes for the health check. The new container "
                + "is running and healthy now, Traefik still answers 404.", TextReader.read(quoted).text());
        assertEquals("He wrote:\nthe app listens on 127.0.0.1\n", TextReader.read("He wrote:\n> the app listens on 127.0.0.1\n>").text());
        assertFact("> Deploy fails:\n> network dokploy-network declared as external, but could not be found", "compose.external_network", "dokploy-network");
    }

    /** A token in passing is not a fact: an address counts only where it says what the app listens on. */
    @Test void aTokenInPassingIsNotAFact() {
        for (String text : List.of("curl 127.0.0.1:3000 works from inside the container",
                "Error: connect ECONNREFUSED 127.0.0.1:6379", "dial tcp 127.0.0.1:5432: connect: connection refused",
                "I tried http://localhost:3000 in the browser", "redis at 127.0.0.1 does not answer")) {
            for (Fact f : X.extract(text)) {
                assertFalse(Set.of("app.listen_address", "app.listen_bound").contains(f.getKey()), text + " -> " + f + " " + f.getEvidence());
            }
        }
        assertFact("Listening on 127.0.0.1:3000", "app.listen_address", "127.0.0.1");
        assertFact("HOST=127.0.0.1", "app.listen_bound", "127.0.0.1");
    }

    /**
     * Every pattern runs in linear time: adversarial texts of 100 KB each. Measured as work, not time: the characters
     * the entry's search loop ({@link Extractor#find(String)}) hands RE2/J to scan, from each search's start to the end
     * of its match (or of the text, when none is left), every restart after a rejected match counted. RE2/J scans
     * in linear time; a loop that searched again from each position would scan each text once per match, hundreds of
     * times its length.
     */
    @Test void everyPatternIsLinearOnAdversarialText() {
        List<String> slow = new ArrayList<>();
        String spaces = " ".repeat(100_000), newlines = "\n".repeat(100_000), errors = "error ".repeat(17_000);
        double worst = 0;
        String worstId = null;
        for (Extractor e : X.extractors()) {
            Set<String> lits = Prefilter.requiredLiterals(e.pattern().pattern());
            String lit = lits == null ? e.samples().get(0).text() : lits.iterator().next();
            String sample = e.samples().get(0).text();
            List<String> inputs = List.of(spaces, newlines, errors, repeat(lit + " ", 100_000), repeat(lit, 100_000),
                    repeat(sample + "\n", 100_000), "error" + spaces);
            long scanned = 0, length = 0;
            for (String in : inputs) {
                String text = TextReader.read(in).text();
                com.google.re2j.Matcher m = e.pattern().matcher(text);
                long[] span = {0};
                e.find(text, new Extractor.Search() {
                    public boolean find(int from) {
                        boolean found = m.find(from);
                        span[0] += (found ? m.end(0) : text.length()) - from;
                        return found;
                    }
                    public int start(int group) { return m.start(group); }
                    public int end(int group) { return m.end(group); }
                });
                scanned += span[0];
                length += text.length();
            }
            double perChar = (double) scanned / length;
            if (perChar > worst) { worst = perChar; worstId = e.id(); }
            if (perChar > SCANS_PER_CHAR) slow.add(e.id() + " " + String.format("%.1f", perChar) + " scans of each character");
        }
        System.out.printf("most scans of each character of input: %.2f (%s)%n", worst, worstId);
        assertTrue(slow.isEmpty(), "patterns scanning 700 KB of adversarial text more than " + SCANS_PER_CHAR + " times: " + slow);
    }

    /**
     * How many times an entry's search loop may scan each character of its input. Measured (round 24): at most
     * 1.00 (every text scanned once); a search restarted at every match of a 100 KB text scans it thousands of times.
     */
    static final double SCANS_PER_CHAR = 16;

    private static String repeat(String s, int length) {
        if (s.isEmpty()) return "";
        return s.repeat(Math.max(1, length / s.length()));
    }

    private static void assertFact(String text, String key, Object value) {
        List<Fact> facts = X.extract(text);
        Fact f = facts.stream().filter(x -> x.getKey().equals(key)).findFirst().orElse(null);
        assertTrue(f != null, text + ": no " + key + " in " + facts);
        assertEquals(String.valueOf(value), String.valueOf(f.getValue()), text + ": " + f.getEvidence());
    }
}
