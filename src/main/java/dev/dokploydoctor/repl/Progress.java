package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Diagnosis;
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
        // out of play (certainty no longer above zero) after being in play: the same causes the
        // count below stops counting and the "leading" line calls ruled out
        now.forEach((cause, cf) -> {
            if (cf <= 0 && was.getOrDefault(cause, 0.0) > 0) ruledOut.add(cause);
        });
        long inPlay = after.diagnoses().stream().filter(d -> d.certainty() > 0).map(Diagnosis::cause).count();
        // "0 causes in play" after an answer that brought no evidence yet would read as "nothing is wrong"
        String count = inPlay > 0 ? inPlay + (inPlay == 1 ? " cause" : " causes") + " in play"
                : ruledOut.isEmpty() ? "no cause in play yet: the next answers narrow it down" : "no cause left in play";
        return count + (ruledOut.isEmpty() ? "" : "; ruled out by that: " + String.join(", ", ruledOut));
    }
}
