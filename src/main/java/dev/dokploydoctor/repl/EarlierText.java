package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;

import java.util.ArrayList;
import java.util.List;

/**
 * "I told you", "as I said" to a question: the user points back at what they wrote. What the text gave
 * for the key asked (a question that confirms the text's reading) is taken as their answer; otherwise
 * the question is asked again, once, saying what was read from their text, instead of counting the
 * reply as unreadable and the fact as not known (user tests: "I already said" ended a question unknown).
 */
final class EarlierText {
    private EarlierText() {}

    /** The value the user's earlier text gave for {@code key}, as their answer; null when it gave none. */
    static Reply.Value answer(String key, Session session) {
        Fact f = session.fact(key);
        return f != null && Fact.TEXT.equals(f.getSource()) ? new Reply.Value(f.getValue(), true) : null;
    }

    /**
     * A question for a value the text already gave ("I read domain.port = 8000 from your paste") is the user's
     * check of that reading: a plain yes keeps it, as a look that found the same, and only another value needs
     * typing (user15b: the port asked for again in other words right after it was read). Null when the question
     * is a yes/no one (its own yes is the answer), when the text gave nothing for it, or when the reply is no yes.
     */
    static Reply.Value confirmed(String line, FactSpec spec, Session session) {
        if (spec == null || spec.type() == FactType.BOOL) return null;
        Reply.Value read = answer(spec.key(), session);
        return read != null && Boolean.TRUE.equals(ProseAnswer.yesOrNo(line)) ? read : null;
    }

    /** The hint under such a question: what a yes keeps. Null when the text gave nothing for it or it is a yes/no one. */
    static String keepHint(FactSpec spec, Session session) {
        if (spec == null || spec.type() == FactType.BOOL || answer(spec.key(), session) == null) return null;
        return "'yes' keeps " + session.fact(spec.key()).getText() + " as read from your text; or type what you see";
    }

    /**
     * "as I said, localhost:9898" to a question the earlier text gave nothing for (user24 s6: the value typed after
     * the reference back was dropped and the user told to type it): the value after the reference back answers it,
     * unless that value is one the text gave for another key ("as I told you, 502" to a port question is the status
     * said before, not the port). Null when the line does not open with a reference back or gives no such value.
     */
    static Reply.Value restated(String line, FactSpec spec, Session session, java.util.function.Function<String, Object> known) {
        if (spec == null || spec.type() == FactType.BOOL || answer(spec.key(), session) != null) return null;
        String rest = ProseAnswer.afterLeadingReferenceBack(line);
        if (rest == null || !(Reply.parse(rest, spec, known) instanceof Reply.Value v)) return null;
        for (Fact f : session.facts()) {
            if (!f.getKey().equals(spec.key()) && String.valueOf(f.getValue()).equalsIgnoreCase(String.valueOf(v.value()))) return null;
        }
        return new Reply.Value(v.value(), true);
    }

    /** What to say when the earlier text holds nothing for {@code key}: what it did say, and what to type. */
    static String notFound(String key, Session session) {
        List<String> read = new ArrayList<>();
        for (Fact f : session.facts()) {
            // the similar reports' vote and the fault itself are no observations the user would recognise
            if (Fact.TEXT.equals(f.getSource()) && !f.getKey().startsWith("similar.") && !f.getKey().equals("fault.reported")) {
                read.add(f.getKey() + " = " + f.getText());
            }
        }
        String said = read.isEmpty() ? "I read nothing about it there" : "I read " + String.join(", ", read) + ", but nothing about " + key;
        return "I went back over what you wrote: " + said + ". Type it here (or ? if you don't know)";
    }
}
