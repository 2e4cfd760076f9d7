package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The one line after each answer: how many causes are still in play and which the answer ruled out. */
final class Progress {
    private Progress() {}

    static String line(Outcome before, Outcome after) {
        Map<String, Double> was = Planner.certainties(before);
        Map<String, Double> now = Planner.certainties(after);
        List<String> ruledOut = new ArrayList<>();
        now.forEach((cause, cf) -> {
            if (cf <= Engine.RULED_OUT && was.getOrDefault(cause, 0.0) > Engine.RULED_OUT) ruledOut.add(cause);
        });
        long inPlay = after.diagnoses().stream().filter(d -> d.certainty() > 0).map(Diagnosis::cause).count();
        return inPlay + (inPlay == 1 ? " cause" : " causes") + " in play"
                + (ruledOut.isEmpty() ? "" : "; ruled out by that: " + String.join(", ", ruledOut));
    }
}
