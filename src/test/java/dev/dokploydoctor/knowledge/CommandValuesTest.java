package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Fact values filled into pasteable commands: hostile ones stay placeholders, good ones are literal to a real shell. */
class CommandValuesTest {
    static final List<String> KEYS = List.of("service.project", "service.name", "dependency.name", "domain.host",
            "domain.port", "host.port", "app.listen_port", "tunnel.service", "traefik.version", "docker.api_version", "some.word");

    /** Shell syntax in every shape a value can carry it. */
    static final List<String> HOSTILE = List.of(
            "shop; touch /tmp/PWNED #", "shop$(touch /tmp/PWNED)", "shop`touch /tmp/PWNED`", "shop'; touch /tmp/PWNED; '",
            "shop\"; touch /tmp/PWNED; \"", "shop\ntouch /tmp/PWNED", "shop\rtouch", "shop && touch /tmp/PWNED", "shop | sh",
            "shop > /etc/passwd", "shop < x", "*", "~root", "shop\\", "${IFS}", "shop\u0000x", "a b", "shop\u001b[2J",
            "evil.example.com';touch /tmp/p;'", "-rf", "");

    @Test void hostileValuesAreNeverFilledIn() {
        for (String key : KEYS) {
            for (String v : HOSTILE) {
                String filled = Cause.fill("docker ps --filter label=x={" + key + "} && echo '\"{" + key + "}\"'", Map.of(key, v));
                // never inlined: the value becomes a shell variable the user sets first (FixPlan's block)
                String var = "$" + ShellText.variable(key);
                assertEquals("docker ps --filter label=x=" + var + " && echo '\"" + var + "\"'", filled,
                        key + " = " + v.replace("\n", "\\n"));
                if (!v.isEmpty()) {
                    List<String> w = CommandValues.warnings(List.of(key), Map.of(key, v));
                    assertEquals(1, w.size(), key + " = " + v);
                    assertFalse(w.get(0).contains("\n") || w.get(0).contains("\r") || w.get(0).contains("\u001b"),
                            "the warning shows control characters escaped: " + w.get(0));
                }
            }
        }
    }

    /** Good values are filled in, and a real shell reads them unchanged bare, in '...' and in "...". */
    @Test void goodValuesAreFilledAndLiteralToTheShell() throws Exception {
        Map<String, List<String>> good = Map.of(
                "service.project", List.of("shop", "shop-2_a.b", "Ghost-Upstream-p2l0"),
                "dependency.name", List.of("postgres", "redis-1"),
                "domain.host", List.of("shop.example.com", "localhost", "a-b.c9.io"),
                "domain.port", List.of("80", "3000", "65535"),
                "tunnel.service", List.of("http://localhost:3000", "https://dokploy-traefik:443", "http://app:8080/api", "http_status:404"),
                "traefik.version", List.of("v3.1.2", "2.11", "3.0.0-rc1"),
                "docker.api_version", List.of("1.24", "1.47"),
                "some.word", List.of("on", "a=b", "x,y"));
        for (var e : good.entrySet()) {
            for (String v : e.getValue()) {
                assertNull(CommandValues.problem(e.getKey(), v), e.getKey() + " = " + v);
                assertEquals("x " + v, Cause.fill("x {" + e.getKey() + "}", Map.of(e.getKey(), v)));
                assertTrue(CommandValues.SHELL_LITERAL.matcher(v).matches(), v);
                Process p = new ProcessBuilder("sh", "-c", "printf '%s|' " + v + " '" + v + "' \"" + v + "\"")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.waitFor());
                assertEquals(v + "|" + v + "|" + v + "|", out, "the shell changed " + v);
            }
        }
    }

    @Test void portsOutOfRangeAndWildcardHostsAreRefused() {
        assertNotNull(CommandValues.problem("domain.port", "65536"));
        assertNotNull(CommandValues.problem("domain.port", "0"));
        assertNotNull(CommandValues.problem("domain.port", "99999999999999"));
        assertNotNull(CommandValues.problem("domain.host", "*.example.com"));
        assertNotNull(CommandValues.problem("domain.host", "a..b"));
        assertNotNull(CommandValues.problem("service.project", "-shop"));
    }

    /** user16: an apostrophe in a comment line ("the server's IP") opened no quote in a shell, but did in ours. */
    @Test void anApostropheInACommentOpensNoQuote() {
        String fix = "# Traefik's container is not the app's\ndig +short upload.{domain.host}   # must print the server's IP\n"
                + "curl -s 'http://{service.name}:3000/'";
        String filled = ShellText.command(fix, Map.of(), k -> { });
        assertEquals("# Traefik's container is not the app's\ndig +short upload.$DOMAIN_HOST   # must print the server's IP\n"
                + "curl -s 'http://'\"$SERVICE_NAME\"':3000/'", filled);
        // a # inside a word or inside quotes starts no comment
        assertEquals("echo a#''\"$DOMAIN_HOST\"'' '#{x'", ShellText.command("echo a#'{domain.host}' '#{x'", Map.of(), k -> { }));
    }
}
