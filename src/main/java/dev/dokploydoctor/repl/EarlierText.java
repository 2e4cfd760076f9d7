package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;

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
