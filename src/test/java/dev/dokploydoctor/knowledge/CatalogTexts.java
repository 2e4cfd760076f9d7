package dev.dokploydoctor.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every text the checkout holds: regression cases, field reports, catalog samples and not_samples. */
final class CatalogTexts {
    private CatalogTexts() {}

    static List<String> of(Knowledge k) {
        List<String> texts = new ArrayList<>();
        for (Knowledge.CaseFile cf : k.loadCases()) texts.add(cf.read(k.vocabulary()).text());
        for (FieldRecord r : FieldCorpus.load(FieldCorpus.files(Path.of("knowledge")), k).records()) texts.add(r.text());
        for (Extractor e : k.textExtraction().extractors()) {
            for (Extractor.Sample s : e.samples()) texts.add(s.text());
            for (Extractor.Sample s : e.notSamples()) texts.add(s.text());
        }
        return texts;
    }
}
