package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Layers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop the metamorphic tests share: run the regression cases, transform each one's text, diagnose
 * it again and compare with the untransformed run, case by case. A test says which cases take part,
 * the transformations, and the relation that must hold between the two outcomes.
 */
final class Metamorphic {
    /** One transformation of a case's text; {@code apply} gives null when it does not fit the text. */
    record Transform(String name, UnaryOperator<String> apply) {
        /** The sentence added on a line of its own (alone when the case has no text). */
        static Transform appended(String sentence) {
            return new Transform("+ \"" + sentence + "\"", t -> t == null || t.isBlank() ? sentence : t.stripTrailing() + "\n" + sentence);
        }

        static List<Transform> appended(List<String> sentences) { return sentences.stream().map(Transform::appended).toList(); }
    }

    /** What must hold between a case's outcome and its transformed outcome: null when it holds, else what broke. */
    interface Relation {
        String broken(CaseInput c, Outcome before, Outcome after);
    }

    /** How many cases took part and every broken relation, one line each ("folder/id + transform: what broke"). */
    record Result(int cases, List<String> broken) {
        void assertHolds(int atLeastCases, String what) {
            assertTrue(cases >= atLeastCases, what + ": only " + cases + " cases took part");
            assertTrue(broken.isEmpty(), broken.size() + " " + what + ":\n" + String.join("\n", broken));
        }
    }

    private final Knowledge knowledge = Knowledge.load(List.of(Layers.checkout(Path.of(""))));
    private final Engine engine = Engine.load(knowledge);

    /** Every regression case that {@code takesPart} (given its untransformed outcome), under every transformation. */
    Result run(BiPredicate<CaseInput, Outcome> takesPart, List<Transform> transforms, Relation relation) {
        List<String> broken = new ArrayList<>();
        int cases = 0;
        for (Knowledge.CaseFile file : knowledge.loadCases()) {
            CaseInput c = file.read(knowledge.vocabulary());
            if (c.expect() == null) continue;
            Outcome before = engine.diagnose(c, Engine.DEFAULT_THRESHOLD);
            if (!takesPart.test(c, before)) continue;
            cases++;
            for (Transform t : transforms) {
                String text = t.apply().apply(c.text());
                if (text == null) continue;
                CaseInput changed = new CaseInput(c.id(), text, c.facts(), c.unknown(), c.expect(), c.file(), c.line());
                String what = relation.broken(c, before, engine.diagnose(changed, Engine.DEFAULT_THRESHOLD));
                if (what != null) broken.add(file.causeFolder() + "/" + c.id() + " " + t.name() + ": " + what);
            }
        }
        return new Result(cases, broken);
    }

    /** No diagnosis of a cause the case was not diagnosed with before, other than its own. */
    static final Relation NONE_CREATED = (c, before, after) -> {
        String had = diagnosed(before), now = diagnosed(after);
        return now != null && !now.equals(had) && !now.equals(c.expect().cause()) ? "-> " + now + " (was " + had + ")" : null;
    };

    /** The cause diagnosed (status diagnosed), or null. */
    static String diagnosed(Outcome o) {
        return o.top() != null && o.status() == Status.DIAGNOSED ? o.top().cause() : null;
    }

    /** Whether the case's expected cause is diagnosed (or given as advice). */
    static boolean right(Outcome o, CaseInput c) {
        return o.top() != null && c.expect().cause() != null && o.top().cause().equals(c.expect().cause())
                && (o.status() == Status.DIAGNOSED || o.status() == Status.ADVICE);
    }
}
