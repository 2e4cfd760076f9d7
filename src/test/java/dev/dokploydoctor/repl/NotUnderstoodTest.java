package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;
import dev.dokploydoctor.similar.FieldLibrary;
import dev.dokploydoctor.similar.SimilarReports;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the first prompt says to a line it cannot read as a symptom. */
class NotUnderstoodTest {
    static final Knowledge KNOWLEDGE = Knowledge.load(List.of(Layers.checkout(Program.projectDir())));
    static final Supplier<SimilarReports> LIBRARY = () -> FieldLibrary.of(KNOWLEDGE);

    /** user25: "explian" at the first prompt was "I did not understand that", with no word of the command it is near. */
    @Test
    void aMistypedCommandIsNamed() {
        assertEquals("'explian' is no command and no symptom I can read: did you mean 'explain'?", NotUnderstood.said("explian", true, LIBRARY));
        assertEquals("'simliar' is no command and no symptom I can read: did you mean 'similar'?", NotUnderstood.said("simliar", true, LIBRARY));
    }

    /** The look-alikes: gibberish far from every command stays "not understood"; a short symptom near a command ("slow" is two edits from "how") is read. */
    @Test
    void gibberishAndShortSymptomsAreNotTakenForCommands() {
        assertEquals("I did not understand that: no symptom, and none of its words occurs in the reports I know.",
                NotUnderstood.said("asdf qwer", true, LIBRARY));
        assertNull(NotUnderstood.said("slow", true, LIBRARY));
        assertNull(NotUnderstood.said("down", true, LIBRARY));
    }
}
