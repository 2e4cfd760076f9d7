package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Secret shapes (issue 16.3): each planted secret is masked in every context text arrives in; ordinary text is not touched. */
class RedactorTest {
    final Redactor r = new Redactor(List.of("dkp_literal_key_123"));

    /** A line carrying a secret, and the secret itself (which must not survive). */
    record Shape(String name, String line, String secret) {}

    static final List<Shape> SHAPES = List.of(
            new Shape("env TOKEN", "TUNNEL_TOKEN=abc123xyz PORT=3000", "abc123xyz"),
            new Shape("yaml PASSWORD", "POSTGRES_PASSWORD: hunter2", "hunter2"),
            new Shape("quoted env", "DB_PASSWORD=\"p4ss word\"", "p4ss word"),
            new Shape("api key header", "x-api-key: abcKEY987", "abcKEY987"),
            new Shape("json apiKey", "{\"apiKey\":\"s3cr3tv4lue\",\"port\":3000}", "s3cr3tv4lue"),
            new Shape("json escaped", "{\"password\":\"a\\\"b-Secr3t\"}", "b-Secr3t"),
            new Shape("flag --token", "cloudflared tunnel run --token abcdef0123", "abcdef0123"),
            new Shape("flag --password=", "app --password=Zz9-secret", "Zz9-secret"),
            new Shape("curl -u", "curl -u admin:Adm1nPass https://x", "Adm1nPass"),
            new Shape("bearer", "Authorization: Bearer abc.def.ghi", "abc.def.ghi"),
            new Shape("basic auth", "Authorization: Basic YWRtaW46c2VjcmV0", "YWRtaW46c2VjcmV0"),
            new Shape("cookie", "Cookie: session=Qm9vbTEyMw; theme=dark", "Qm9vbTEyMw"),
            new Shape("postgres url", "DATABASE_URL=postgres://u:P@db/x", "P@db"),
            new Shape("url creds", "connecting to postgres://app:pw0rd@db:5432/app", "pw0rd"),
            new Shape("redis url", "redis://:r3disPw@redis:6379", "r3disPw"),
            new Shape("jwt", "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U here",
                    "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
            new Shape("tunnel token", "run eyJhIjoiMTIzNDU2Nzg5MGFiY2RlZiIsInQiOiJ4In0=", "MTIzNDU2Nzg5MGFiY2RlZiIsInQiOiJ4In0"),
            new Shape("apr1 hash", "traefik.http.middlewares.auth.basicauth.users=admin:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/", "H6uskkkW$IgXLP6ewTrSuBkTrqE8wj"),
            new Shape("apr1 $$ hash", "- \"traefik.http.middlewares.a.basicauth.users=admin:$$apr1$$H6uskkkW$$IgXLP6ewTrSuBkTrqE8wj/\"", "IgXLP6ewTrSuBkTrqE8wj"),
            new Shape("bcrypt", "admin:$2y$05$eWlRCv1jLcgY0tO9Z4C8zOJ2xwYWeSBcm6.IWzPzIQ7B1SEyP8FZ6", "eWlRCv1jLcgY0tO9Z4C8zOJ2xwYWeSBcm6"),
            new Shape("sha512crypt", "root:$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/:19000", "qFmFH.bQmmtXzyBY0s9v7"),
            new Shape("argon2", "hash $argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG", "RdescudvJCsgt3ub"),
            new Shape("eab hmac flag", "--certificatesresolvers.le.acme.eab.hmacencoded=c2VjcmV0SE1BQ2tleQ", "c2VjcmV0SE1BQ2tleQ"),
            new Shape("eab hmac log", "time=\"2024\" level=error msg=\"acme: eab hmacEncoded: Zm9vYmFyYmF6 invalid\"", "Zm9vYmFyYmF6"),
            new Shape("hmac key", "HMAC_KEY=0123456789abcdef0123", "0123456789abcdef0123"),
            new Shape("password prose", "health check: login failed, password hunter2! rejected", "hunter2"),
            new Shape("password is", "the admin password is S3cretPass", "S3cretPass"),
            new Shape("private key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAMwAAAAtzc2gtZWQyNTUxOQ\n-----END OPENSSH PRIVATE KEY-----",
                    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"),
            new Shape("github token", "GITHUB=ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
            new Shape("aws key", "key AKIAIOSFODNN7EXAMPLE used", "AKIAIOSFODNN7EXAMPLE"),
            new Shape("known secret", "key dkp_literal_key_123", "dkp_literal_key_123"));

    /** The same secret as it arrives: alone, in a log line, in the middle of a paste, after a CRLF. */
    static final List<String> CONTEXTS = List.of("%s", "2024-05-01T10:00:00Z app[1]: %s", "line one\n%s\nline three", "a\r\n%s\r\n");

    @Test void everySecretShapeIsMaskedInEveryContext() {
        for (Shape s : SHAPES) {
            for (String ctx : CONTEXTS) {
                String text = ctx.replace("%s", s.line());
                String out = r.redact(text);
                assertFalse(out.contains(s.secret()), s.name() + " leaked from: " + text + "\n-> " + out);
                assertTrue(out.contains(Redactor.MASK), s.name());
                assertEquals(out, r.redact(out), s.name() + ": redaction is idempotent");
            }
        }
    }

    @Test void factsAndPlainStructuresAreRedactedToo() {
        Fact f = new Fact("http.body", "DB_PASSWORD=hunter2", Fact.PROBE, "curl said Authorization: Bearer abc.def");
        Fact clean = r.redactFact(f);
        assertEquals("DB_PASSWORD=" + Redactor.MASK, clean.getValue());
        assertFalse(clean.getEvidence().contains("abc.def"));
        Fact list = r.redactFact(new Fact("app.networks", List.of("a", "postgres://u:pw@db"), Fact.USER, ""));
        assertFalse(list.getText().contains("pw"));
        Object plain = r.redactPlain(Map.of("text", "TUNNEL_TOKEN=abc123", "facts", Map.of("logs", List.of("--token xyz987"))));
        assertFalse(plain.toString().contains("abc123") || plain.toString().contains("xyz987"), plain.toString());
    }

    @Test void aValueThatOnlyLooksLikeAVariableIsStillMasked() {
        assertEquals("DB_PASSWORD=" + Redactor.MASK, r.redact("DB_PASSWORD=$ecret-42"));
        assertEquals("--token " + Redactor.MASK, r.redact("--token $TOKENabc.def"));
    }

    @Test void ordinaryTextIsLeftAlone() {
        for (String s : List.of(
                "traefik.http.services.shop-12-web.loadbalancer.server.port=3000 passHostHeader=true uniqueConfigKey: 12",
                "FATAL: password authentication failed for user \"postgres\"",
                "PWD=/app HOME=/root PORT=3000",
                "basic auth middleware not found; token expired",
                "Error 1033: Argo Tunnel error; cloudflared tunnel run my-tunnel",
                "getaddrinfo EAI_AGAIN postgres; connect ECONNREFUSED 127.0.0.1:5432",
                "container shop-sk-production-web-server-1 is unhealthy",
                "price $5 and $6 each",
                // a fix reads its secrets from shell variables the user sets first: nothing to hide, and masking breaks the paste
                "curl -s -H \"x-api-key: $DOKPLOY_API_KEY\" \"$DOKPLOY_URL/api/project.all\"",
                "DOKPLOY_API_KEY=  # an API token (DokPloy > Settings > Profile > API/CLI > Generate)",
                "cloudflared tunnel run --token \"${TUNNEL_TOKEN}\"",
                "TUNNEL_TOKEN=<your tunnel token>")) {
            assertEquals(s, r.redact(s));
        }
        assertNull(r.redact(null));
    }

    /** Short texts found clean are remembered; a short secret is masked however often it comes, and a clean text stays itself. */
    @Test void shortTextsGiveTheSameAnswerEveryTime() {
        Redactor fresh = new Redactor(List.of("s3cr3t-value"));
        for (int i = 0; i < 3; i++) {
            assertEquals("look-ahead", fresh.redact("look-ahead"));
            assertEquals("DB_PASSWORD=" + Redactor.MASK, fresh.redact("DB_PASSWORD=hunter2"));
            assertEquals("key " + Redactor.MASK, fresh.redact("key s3cr3t-value"));
            assertEquals("ghp_" + "x".repeat(10), fresh.redact("ghp_" + "x".repeat(10)));
        }
        // the known secrets of one redactor are not another's: the probe's redactor masks them, SHAPES does not know them
        assertEquals("key s3cr3t-value", Redactor.SHAPES.redact("key s3cr3t-value"));
        assertEquals("key " + Redactor.MASK, fresh.redact("key s3cr3t-value"));
    }

    /**
     * How many times a rule's pattern may read each character of an adversarial text, finding every match as
     * redact does. Measured (round 25): at most 1009, the NAME=value rule on "a-a-a-...": at every word boundary its
     * {0,64} name run is read and given back one character at a time, each tried against the secret words (64 x 16),
     * bounded so linear (481 on "a.b_a.b_..."); every other pattern at most 24.5, and on the other inputs the NAME=value
     * rule at most 25.5. A pattern
     * that re-read a run once per start would read each character of these 100 KB texts tens of thousands of times.
     */
    static final double READS_PER_CHAR = 2048;

    /** Issue 16.11: the rules' patterns do work linear in the text on adversarial input; counted in characters read, not timed. */
    @Test void everyRuleReadsEachCharacterABoundedNumberOfTimes() {
        double worst = 0;
        String worstAt = null;
        for (Pattern p : Redactor.patterns()) {
            for (String in : AdversarialText.INPUTS) {
                double perChar = AdversarialText.readsPerChar(p, in);
                String at = p.pattern().substring(0, Math.min(40, p.pattern().length())) + " on \"" + in.substring(0, 12).replace("\n", "\\n") + "...\"";
                if (perChar > worst) { worst = perChar; worstAt = at; }
            }
        }
        System.out.printf("redactor: most reads of each character of input: %.2f (%s)%n", worst, worstAt);
        assertTrue(worst <= READS_PER_CHAR, "a redactor pattern reads each character " + worst + " times: " + worstAt);
    }
}
