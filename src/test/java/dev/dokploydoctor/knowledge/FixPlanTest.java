package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.dokploydoctor.knowledge.FixPlanMemoTest.KNOWLEDGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixes that fit the user's setup (user10 finding 13): a tunnel-only fix is not shown to a user
 * without a tunnel, and "set these first" names every variable the fixes use and do not set.
 */
class FixPlanTest {
    static final Cause FLEXIBLE = KNOWLEDGE.causes().get("cloudflare-flexible-ssl-loop");

    private static List<String> titles(FixPlan p) {
        List<String> out = new ArrayList<>();
        for (FixPlan.Step s : p.fixes()) out.add((s.onlyIf() == null ? "" : "(" + s.onlyIf() + ") ") + s.fix().title());
        return out;
    }

    private static List<String> names(FixPlan p) { return p.setFirst().stream().map(FixPlan.Variable::name).toList(); }

    @Test
    void theTunnelFixOnlyForATunnel() {
        FixPlan none = FixPlan.of(FLEXIBLE, Map.of("tunnel.used", "false"), KNOWLEDGE.vocabulary());
        assertEquals(1, none.fixes().size(), titles(none).toString());
        assertFalse(titles(none).get(0).contains("Tunnel"), titles(none).toString());
        FixPlan tunnel = FixPlan.of(FLEXIBLE, Map.of("tunnel.used", "true"), KNOWLEDGE.vocabulary());
        assertEquals(2, tunnel.fixes().size());
        assertEquals(null, tunnel.fixes().get(1).onlyIf());
        FixPlan unknown = FixPlan.of(FLEXIBLE, Map.of(), KNOWLEDGE.vocabulary());
        assertEquals("only if tunnel.used = true", unknown.fixes().get(1).onlyIf());
    }

    @Test
    void setTheseFirstNamesTheTokensTheFixUses() {
        FixPlan p = FixPlan.of(FLEXIBLE, Map.of("tunnel.used", "false", "domain.host", "shop.example.com"), KNOWLEDGE.vocabulary());
        assertEquals(List.of("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ZONE_ID"), names(p));
        assertTrue(p.setFirst().get(0).line().contains("API Tokens"), p.setFirst().get(0).line());
    }

    @Test
    void aVariableSetInTheFixItselfOrByTheApiBlockIsNotAskedFor() {
        FixPlan.Step step = new FixPlan.Step(new Cause.Fix("t", List.of("APP=$(docker ps -q | head -n1)\ndocker exec \"$APP\" env | grep \"$TOKEN\"",
                "for id in $(seq 3); do echo \"$id ${NET}\"; done"), null, "low"), null);
        assertEquals(Set.of("TOKEN", "NET"), FixPlan.unassigned(List.of(step)));
    }

    @Test
    void everyVariableAFixUsesAndDoesNotSetIsDescribedByItsCause() {
        for (Cause c : KNOWLEDGE.causes().values()) {
            List<FixPlan.Step> all = c.fixes().stream().map(f -> new FixPlan.Step(f, null)).toList();
            for (String name : FixPlan.unassigned(all)) {
                if (name.equals(FixPlan.API_URL) || name.equals(FixPlan.API_KEY)) continue;
                assertTrue(c.variables().containsKey(name), c.id() + " uses $" + name + " without setting it: describe it under variables: in " + c.file());
            }
        }
    }
}
