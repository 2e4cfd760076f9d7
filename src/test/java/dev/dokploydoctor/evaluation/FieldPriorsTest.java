package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.CorpusSplit;
import dev.dokploydoctor.knowledge.FieldCorpus;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.knowledge.Priors;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** knowledge/priors.yaml is what {@code eval --write-priors} computes from the dev split today, and loads as such. */
class FieldPriorsTest {
    private static final Path KNOWLEDGE = Path.of("knowledge");

    @Test
    void theShippedPriorsAreFresh() throws IOException {
        Knowledge knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        FieldCorpus.Loaded corpus = FieldCorpus.load(FieldCorpus.files(KNOWLEDGE), knowledge);
        String computed = FieldPriors.yaml(corpus.in(CorpusSplit.DEV), Engine.load(knowledge));
        assertEquals(computed, Files.readString(KNOWLEDGE.resolve(FieldPriors.FILE)),
                "knowledge/priors.yaml is stale (the dev split, the vocabulary or its implications changed):"
                        + " run ./dokploy-doctor eval --write-priors and commit it");
    }

    @Test
    void commonCausesWeighMoreAndEachFactHasItsShare() {
        Knowledge knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
        Priors p = knowledge.priors();
        // a cause with dozens of dev reports against one with none: the shrunk counts keep both above zero
        assertTrue(p.weight("host-port-conflict") > p.weight("admin-role-missing-permissions"));
        assertTrue(p.weight("admin-role-missing-permissions") > 0);
        // a redirect loop is what a Flexible SSL report says far more often than a report at large
        assertTrue(p.answerable("http.redirect_loop", "cloudflare-flexible-ssl-loop") > p.answerable("http.redirect_loop", Priors.ALL));
        // a key not listed is taken as answerable; a cause not listed falls back to the overall share
        assertEquals(Priors.DEFAULT_ANSWERABLE, p.answerable("no.such.key", "host-port-conflict"));
        assertEquals(p.answerable("http.status", Priors.ALL), p.answerable("http.status", "no-such-cause"));
    }
}
