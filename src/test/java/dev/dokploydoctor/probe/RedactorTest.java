package dev.dokploydoctor.probe;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RedactorTest {
    final Redactor r = new Redactor(List.of("dkp_literal_key_123"));

    @Test void secretsInEnvArgsJsonHeadersAndUrls() {
        assertEquals("TUNNEL_TOKEN=<redacted> PORT=3000", r.redact("TUNNEL_TOKEN=abc123 PORT=3000"));
        assertEquals("POSTGRES_PASSWORD: <redacted>", r.redact("POSTGRES_PASSWORD: hunter2"));
        assertEquals("cloudflared tunnel run --token <redacted>", r.redact("cloudflared tunnel run --token abcdef0123"));
        assertEquals("x-api-key: <redacted>", r.redact("x-api-key: abc"));
        assertEquals("{\"apiKey\":\"<redacted>\",\"port\":3000}", r.redact("{\"apiKey\":\"s3cr3t\",\"port\":3000}"));
        assertEquals("Authorization: Bearer <redacted>", r.redact("Authorization: Bearer abc.def.ghi"));
        assertEquals("postgres://<redacted>@db:5432/app", r.redact("postgres://app:pw@db:5432/app"));
        assertEquals("token <redacted> here", r.redact("token eyJhIjoiMTIzNDU2Nzg5MGFiY2RlZiIsInQiOiJ4In0= here"));
        assertEquals("key <redacted>", r.redact("key dkp_literal_key_123"));
    }

    @Test void ordinaryTextIsLeftAlone() {
        String s = "traefik.http.services.shop-12-web.loadbalancer.server.port=3000 passHostHeader=true uniqueConfigKey: 12";
        assertEquals(s, r.redact(s));
        assertNull(r.redact(null));
    }
}
