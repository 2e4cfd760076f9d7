package dev.dokploydoctor.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

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
        new Metamorphic().run((c, before) -> c.text() != null && !c.text().isBlank(),
                        Metamorphic.Transform.appended(SENTENCES),
                        Metamorphic.NONE_CREATED)
                .assertHolds(250, "diagnoses created");
    }
}
