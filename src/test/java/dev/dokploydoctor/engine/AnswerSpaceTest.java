package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answers the planner simulates, read from the bundled rules' conditions. */
class AnswerSpaceTest {
    static final Knowledge KNOWLEDGE = Knowledge.load(List.of(Layers.checkout(Path.of(""))));

    @Test
    void aPatternGivesTheShortestStringItAccepts() {
        assertEquals("https://localhost", PatternExample.of("https://(localhost|127\\.0\\.0\\.1|traefik)(:443)?/?"));
        assertEquals("https://", PatternExample.of("https://.*"));
        assertEquals("no available server", PatternExample.of(".*no available server.*"));
        assertEquals("http://localhost", PatternExample.of("https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?/?"));
        assertEquals(".", PatternExample.of(".*\\..*"), "a dotted name");
        assertNull(PatternExample.of("(?<=a)b"), "a look-behind is not walked, it is skipped");
    }

    @Test
    void aTunnelOriginTestedWithAPatternIsAnAnswerTheRulesTellApart() {
        AnswerSpace space = AnswerSpace.of(KNOWLEDGE);
        List<Object> values = space.values(KNOWLEDGE.vocabulary().get("tunnel.service"));
        assertTrue(values.contains("https://localhost"), "Traefik's websecure port behind the tunnel: " + values);
        assertTrue(values.contains("http://"), "a plain http origin: " + values);
        assertTrue(values.contains(AnswerSpace.OTHER_TEXT), values.toString());
    }

    @Test
    void aVersionComparedWithAMinimumIsAskedWithAnAnswerOnEachSide() {
        AnswerSpace space = AnswerSpace.of(KNOWLEDGE);
        // versionAtLeast(text, "1.52") and traefikSupportsDocker29(text): with no literal the versions were never asked (user17 uf13)
        List<Object> api = space.values(KNOWLEDGE.vocabulary().get("docker.api_version"));
        assertTrue(api.contains("1.52") && api.contains("1.51"), api.toString());
        List<Object> traefik = space.values(KNOWLEDGE.vocabulary().get("traefik.version"));
        assertTrue(traefik.contains("3.6.1") && traefik.contains("3.6.0"), traefik.toString());
        assertEquals("0.29.99", AnswerSpace.versionBelow("0.30.0"));
        assertEquals("1.51", AnswerSpace.versionBelow("1.52"));
        assertNull(AnswerSpace.versionBelow("0.0"));
    }

    @Test
    void aRuleJudgesTheCauseItsNameStartsWith() {
        AnswerSpace space = AnswerSpace.of(KNOWLEDGE);
        // "dependency-not-running: ..." tests the refusal inside an exists (... or ...) and calls support(drools, cf)
        assertTrue(space.causesOf("upstream.connection_refused").contains("dependency-not-running"),
                space.causesOf("upstream.connection_refused").toString());
        assertTrue(space.causesOf("tunnel.service").contains("tunnel-to-websecure-without-cert"));
        assertTrue(space.causes().stream().noneMatch(c -> c.startsWith("derived")), space.causes().toString());
    }

    @Test
    void whatARuleRequiresAbsentIsWhatTellsTheCauseFromALookAlike() {
        AnswerSpace space = AnswerSpace.of(KNOWLEDGE);
        // "cloudflared cannot reach the origin" holds unless the handshake failed: that separates an unreachable origin from a TLS one
        assertTrue(space.guardsOf("tunnel-origin-unreachable").contains("tunnel.origin_tls_error"),
                space.guardsOf("tunnel-origin-unreachable").toString());
    }

    @Test
    void commentsAreCutAsACharacterByCharacterReadingCutsThem() {
        List<String> tricky = List.of("", "/", "//", "/*", "*/", "\"", "'", "\\", "a/b", "x // y\nz", "x /* y\n\n z */ w",
                "x /* never closed\n y", "\"https://host\" // note", "'it''s' // it's", "\"a \\\" b // c\" d",
                "'a \\' // b' c", "\"ends in a backslash\\", "// last line", "a /* x */ b /* y */ c", "\"//\" '/*' */ x",
                "// don't\nrule 'x' // \"q\"\n", "\"multi\nline // not a comment\" x");
        for (String drl : tricky) assertEquals(readCharByChar(drl), AnswerSpace.withoutComments(drl), drl);
        for (Knowledge.RuleSource src : KNOWLEDGE.ruleSources().values()) {
            assertEquals(readCharByChar(src.text()), AnswerSpace.withoutComments(src.text()), src.toString());
        }
        Random random = new Random(11);
        String alphabet = "ab /*'\"\\\n";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder drl = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) drl.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertEquals(readCharByChar(drl.toString()), AnswerSpace.withoutComments(drl.toString()), drl.toString());
        }
    }

    /** The reading withoutComments replaced (one character at a time), kept as the reference it must agree with. */
    private static String readCharByChar(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        char quote = 0;
        for (int i = 0; i < drl.length(); i++) {
            char c = drl.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < drl.length()) out.append(drl.charAt(++i));
                else if (c == quote) quote = 0;
            } else if (drl.startsWith("//", i)) {
                while (i < drl.length() && drl.charAt(i) != '\n') i++;
                if (i < drl.length()) out.append('\n');
            } else if (drl.startsWith("/*", i)) {
                int close = drl.indexOf("*/", i + 2);
                int to = close < 0 ? drl.length() : close + 2;
                out.append(' ');
                for (int j = i; j < to; j++) if (drl.charAt(j) == '\n') out.append('\n');
                i = to - 1;
            } else {
                if (c == '"' || c == '\'') quote = c;
                out.append(c);
            }
        }
        return out.toString();
    }
}
