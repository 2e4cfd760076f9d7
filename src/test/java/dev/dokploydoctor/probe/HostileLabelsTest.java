package dev.dokploydoctor.probe;

import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.dokploydoctor.probe.Reports.*;
import static dev.dokploydoctor.probe.TestHost.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 16.1 through a probe: container labels are written by whoever deploys the app, so a
 * compose project, service name or router rule may carry shell syntax. The probe reports them as
 * facts; no fix of any cause may paste them.
 */
class HostileLabelsTest {
    @RegisterExtension final TestHost h = TestHost.perTest();

    @Test void labelValuesNeverReachAPasteableFix() {
        String project = "shop;touch /tmp/PWNED-" + h.run + ";#";
        String service = "web$(touch /tmp/PWNED-" + h.run + ")";
        String host = "evil.example.com';touch /tmp/PWNED-" + h.run + ";'";
        String name = h.run + "-hostile-web";
        h.container(name, concat(compose(project, service, null), List.of("--label", "traefik.enable=true",
                "--label", "traefik.http.routers.r.rule=Host(`" + host + "`)",
                "--label", "traefik.http.services.r.loadbalancer.server.port=3000`id`")), "sleep", "3600");

        ProbeReport r = h.probe(new ProbeTarget(name, null, null));
        assertFact(r, "service.project", project);
        assertFact(r, "service.name", service);
        assertFact(r, "domain.host", host.toLowerCase());

        Map<String, String> values = Engine.placeholderValues(r.facts());
        Knowledge knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        List<String> leaks = new ArrayList<>();
        int filledCauses = 0;
        for (Cause c : knowledge.causes().values()) {
            if (c.placeholders().stream().noneMatch(values::containsKey)) continue;
            filledCauses++;
            List<String> texts = new ArrayList<>();
            for (Cause.Fix f : c.fixes()) {
                Cause.Fix filled = c.fill(f, values);
                texts.addAll(filled.commands());
                texts.add(filled.compose());
                texts.add(filled.title());
            }
            texts.add(Cause.fill(c.verify(), values));
            for (String t : texts) if (t != null && t.contains("PWNED")) leaks.add(c.id() + ": " + t);
            List<String> warnings = c.fillWarnings(values);
            for (String key : List.of("service.project", "service.name", "domain.host")) {
                if (c.placeholders().contains(key)) {
                    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("{" + key + "}")), c.id() + " does not warn about " + key + ": " + warnings);
                }
            }
        }
        assertTrue(filledCauses >= 5, "causes with these placeholders: " + filledCauses);
        assertEquals(List.of(), leaks);
    }
}
