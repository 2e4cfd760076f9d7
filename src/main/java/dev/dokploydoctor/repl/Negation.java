package dev.dokploydoctor.repl;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that deny what follows them in a typed answer ("not 3000", "it isn't running", "never on
 * bridge"), written once for every reading of prose answers. Words come folded as
 * {@code Vocabulary.answerWords} folds them: lower case, apostrophes dropped ("isn't" is "isnt").
 */
final class Negation {
    private Negation() {}

    static final Set<String> WORDS = Set.of("not", "no", "never", "isnt", "arent", "wasnt", "doesnt", "dont", "didnt");

    static boolean is(String foldedWord) { return WORDS.contains(foldedWord); }

    /**
     * A text that ends with a negation, then at most two of {@code fillers} ("not on the ", "didn't use port "):
     * what comes next is denied. "no longer" and "without" deny as well.
     */
    static Pattern ending(String... fillers) {
        String words = String.join("|", WORDS) + "|no longer|without";
        String filler = fillers.length == 0 ? "" : "((" + String.join("|", fillers) + ")\\s+){0,2}";
        return Pattern.compile("\\b(" + words + ")\\s+" + filler + "$");
    }

    /**
     * A negation anywhere in a text, except one closed by punctuation ("no, it's 3000": that no
     * answered something else): "don't think it's 3000", "it doesn't use 3000".
     */
    static Pattern anywhere() {
        return Pattern.compile("\\b(" + String.join("|", WORDS) + "|without)\\b(?!\\s*[,.;:!?])");
    }
}
