package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One sentence that does not tell this report's present state - an earlier problem told as solved,
 * someone else's claim or advice - must not create a diagnosis: added on its own line to every
 * regression case with text, no case is diagnosed with a cause it was not diagnosed with before,
 * other than its own (meta13 T1/T2: one such sentence created 100-150 diagnoses of the 314 cases).
 */
class AsideMetamorphicTest {
    private static final List<String> SENTENCES = List.of(
            "Earlier I had a 404 on another site, fixed it by redeploying.",
            "Last week Let's Encrypt rate-limited me, that's over now.",
            "A few days ago another app of mine gave 502 Bad Gateway because it listened on 127.0.0.1; I fixed that one.",
            "Last month my tunnel was down for a day (Cloudflare error 1033), it has been fine since.",
            "Before that a deploy failed with 'port is already allocated'; I freed the port and that part is solved.",
            "A forum post says it could be the app listening on 127.0.0.1 instead of 0.0.0.0.",
            "ChatGPT suggested setting Cloudflare SSL to Full instead of Flexible.",
            "The Traefik docs say a container that is unhealthy gets no route.",
            "A GitHub issue mentions 'client version 1.24 is too old' after a Docker update, maybe related?",
            "On reddit people say you have to redeploy after changing the domain.");

    @Test
    void aSolvedOrHearsaySentenceCreatesNoDiagnosis() {
        Knowledge knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        Engine engine = Engine.load(knowledge);
        List<String> created = new ArrayList<>();
        int cases = 0;
        for (var file : knowledge.loadCases()) {
            CaseInput c = file.read(knowledge.vocabulary());
            if (c.text() == null || c.text().isBlank() || c.expect() == null) continue;
            cases++;
            Outcome before = engine.diagnose(c, Engine.DEFAULT_THRESHOLD);
            String had = diagnosed(before);
            for (String sentence : SENTENCES) {
                CaseInput more = new CaseInput(c.id(), c.text().stripTrailing() + "\n" + sentence, c.facts(), c.unknown(), c.expect(), c.file(), c.line());
                String now = diagnosed(engine.diagnose(more, Engine.DEFAULT_THRESHOLD));
                if (now != null && !now.equals(had) && !now.equals(c.expect().cause())) {
                    created.add(file.causeFolder() + "/" + c.id() + " + \"" + sentence + "\" -> " + now + " (was " + had + ")");
                }
            }
        }
        assertTrue(cases >= 250, "regression cases with text: " + cases);
        assertTrue(created.isEmpty(), created.size() + " created:\n" + String.join("\n", created));
    }

    private static String diagnosed(Outcome o) {
        return o.top() != null && o.status() == Status.DIAGNOSED ? o.top().cause() : null;
    }
}
