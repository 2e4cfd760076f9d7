package dev.dokploydoctor.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

/**
 * The same report told another way must not create a diagnosis: passed on by a colleague, written in
 * lower case, or with a second, healthy app mentioned. Under each, no regression case with text is
 * diagnosed with a cause it was not diagnosed with before, other than its own (meta14: "My colleague says
 * this happened on his server: ..." hid the report's first sentence, its refutation included, and created 4).
 */
class RetellingMetamorphicTest {
    private static final List<Metamorphic.Transform> RETELLINGS = List.of(
            new Metamorphic.Transform("relayed by a colleague", t -> "My colleague says this happened on his server: " + t),
            new Metamorphic.Transform("relayed with a colon lead-in", t -> "This happened on our staging server: " + t),
            new Metamorphic.Transform("lower-cased", t -> t.toLowerCase(Locale.ROOT)),
            Metamorphic.Transform.appended("My other app on the same server works fine at app2.example.com."));

    @Test
    void aRetellingCreatesNoDiagnosis() {
        new Metamorphic().run((c, before) -> c.text() != null && !c.text().isBlank(), RETELLINGS,
                        Metamorphic.NONE_CREATED)
                .assertHolds(250, "diagnoses created");
    }
}
