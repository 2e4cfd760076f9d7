package dev.dokploydoctor.evaluation;

import dev.dokploydoctor.knowledge.Effort;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.FactType;
import dev.dokploydoctor.knowledge.TextExtraction;
import dev.dokploydoctor.repl.AnswerReading;
import dev.dokploydoctor.repl.Reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A simulated user who answers in their own words: each truth value said in a sentence ("yes, I
 * checked", "it listens on port 3000", "it's on dokploy-network and bridge", "no idea"), with the
 * negatives and hedges truth allows ("no, it isn't, I checked", "error, not done", "never checked"), the form
 * chosen by a hash of the report's source and the key (the same run twice says the same). The
 * REPL reads it ({@link AnswerReading}): what it cannot read is said again plainly, and after
 * {@link AnswerReading#UNREAD_LIMIT} tries it is taken as "don't know", as in the REPL.
 */
final class ProseUser {
    /** How the answers went: read as meant, read as something else, or not read at all. */
    record Counts(int answers, int readAsSaid, int readOtherwise, int unread, int askedAgain) {
        String line() {
            return "prose answers: " + answers + " given, " + readAsSaid + " read as meant, " + readOtherwise
                    + " read otherwise, " + unread + " not read (taken as unknown); " + askedAgain
                    + " asked again once before being read";
        }
    }

    private static final List<String> UNKNOWN = List.of(
            "?", "no idea", "not sure", "I haven't checked", "I don't know", "can't tell", "no clue",
            "not sure, I haven't looked", "I'm not sure", "don't remember", "n/a", "dunno, sorry", "never checked",
            "not that I'm aware", "definitely not sure");
    private static final List<String> YES = List.of(
            "yes", "Yes.", "yes, I checked", "yep", "yes, that's right", "definitely",
            "yes it is", "yeah", "yes, as far as I can tell", "correct", "yeah, I looked this morning",
            "yes, but I haven't changed anything");
    private static final List<String> NO = List.of(
            "no", "No.", "no, it isn't", "nope", "no, not that", "not really",
            "nope, never", "no.", "no, it doesn't", "no, nothing like that", "nope, never touched it",
            "no, it isn't, I checked", "no, not as far as I can see");
    /** Said as a belief: only to what the user sees or did (effort: seen); to a question that needs a look it is a guess, not read. */
    private static final List<String> YES_BELIEVED = List.of("yeah I think so", "I think so", "yes, I'm pretty sure");
    private static final List<String> NO_BELIEVED = List.of("I don't think so", "probably not", "I don't think it is");
    private static final List<String> NUMBER = List.of("%s", "it's %s", "%s I think", "I see %s", "%s.", "it shows %s",
            "it's %s I believe", "%s, if I read it right");
    private static final List<String> PORT = List.of("%s", "port %s", "it listens on port %s", "%s I think", "port is %s", "it's %s",
            "the app listens on %s", "%s (set in the Dockerfile)", "%s, not the default", "%s, I didn't change it");
    private static final List<String> CHOICE = List.of("%s", "it's %s", "it says %s", "%s I think", "I think it's %s", "it shows %s",
            "DokPloy shows %s", "looks like %s to me", "%s, not %s", "it's not %2$s, it's %1$s");
    private static final List<String> WORD = List.of("%s", "it's %s", "%s I think", "I think it's %s", "it's called %s", "%s.",
            "the name is %s", "%s, if I remember correctly", "%s, I didn't change it");
    private static final List<String> TEXT = List.of("%s", "it says %s", "%s");
    private static final Pattern BELIEF = Pattern.compile("(?i)\\b(?:think|believe|guess|probably)\\b");
    private static final List<String> NONE = List.of("none", "there isn't one", "it's empty", "none set");

    private final TextExtraction extraction;
    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicInteger readAsSaid = new AtomicInteger();
    private final AtomicInteger readOtherwise = new AtomicInteger();
    private final AtomicInteger unread = new AtomicInteger();
    private final AtomicInteger askedAgain = new AtomicInteger();

    ProseUser(TextExtraction extraction) { this.extraction = extraction; }

    Counts counts() { return new Counts(answers.get(), readAsSaid.get(), readOtherwise.get(), unread.get(), askedAgain.get()); }

    /**
     * The user's answer to the question about {@code spec} when the truth is {@code value} (null:
     * not known), as the REPL reads it; {@code known} gives the values of the keys already known (null when not).
     */
    AnswerReading answer(String seed, FactSpec spec, Object value, Function<String, Object> known) {
        answers.incrementAndGet();
        for (int attempt = 0; attempt < AnswerReading.UNREAD_LIMIT; attempt++) {
            AnswerReading read = AnswerReading.read(say(seed, spec, value, attempt), spec, extraction, k -> known.apply(k) != null, false, known);
            if (read.reply() instanceof Reply.Invalid && read.alsoSaid().isEmpty()) continue;
            if (attempt > 0) askedAgain.incrementAndGet();
            Object got = read.reply() instanceof Reply.Value v ? v.value() : null;
            if (Objects.equals(got, value)) readAsSaid.incrementAndGet();
            else readOtherwise.incrementAndGet();
            return read;
        }
        unread.incrementAndGet();
        return new AnswerReading(new Reply.Unknown(), List.of());
    }

    /** What the user types: a sentence the first time, the plain value when asked again. */
    static String say(String seed, FactSpec spec, Object value, int attempt) {
        int pick = attempt > 0 ? 0 : Math.floorMod((seed + "|" + spec.key()).hashCode(), 1 << 16);
        if (value == null) return UNKNOWN.get(pick % UNKNOWN.size());
        if (spec.type() == FactType.BOOL) {
            List<String> forms = Boolean.TRUE.equals(value) ? YES : NO;
            if (spec.effort() == Effort.SEEN) {
                forms = new ArrayList<>(forms);
                forms.addAll(Boolean.TRUE.equals(value) ? YES_BELIEVED : NO_BELIEVED);
            }
            return forms.get(pick % forms.size());
        }
        String text = value instanceof List<?> l ? names(l.stream().map(String::valueOf).toList(), pick) : String.valueOf(value);
        if (text.isEmpty()) return NONE.get(pick % NONE.size());
        if (spec.type() == FactType.ENUM) {
            // a negative that truth allows: another choice named as what it is not ("error, not done"); a belief
            // ("%s I think") only to what the user sees: to a state a command shows it is a guess, not read
            String other = spec.values().stream().filter(v -> !v.equals(text)).findFirst().orElse(text);
            List<String> forms = believedOnlyIfSeen(CHOICE, spec);
            return String.format(forms.get(pick % forms.size()), text, other);
        }
        List<String> forms = switch (spec.type()) {
            // a number said as a belief ("3000 I think") only to what the user sees: to one a look shows it is a guess
            case INT -> believedOnlyIfSeen(spec.key().endsWith("port") ? PORT : NUMBER, spec);
            case ENUM -> CHOICE;
            case LIST -> List.of("%s", "it's on %s", "%s I think", "just %s", "it's attached to %s", "%s, no others");
            default -> spec.answer() == FactSpec.Shape.TEXT ? TEXT : WORD;
        };
        return String.format(forms.get(pick % forms.size()), text);
    }

    /** The forms, without those said as a belief when the question needs a look (the REPL reads those as a guess). */
    private static List<String> believedOnlyIfSeen(List<String> forms, FactSpec spec) {
        return spec.effort() == Effort.SEEN ? forms : forms.stream().filter(f -> !BELIEF.matcher(f).find()).toList();
    }

    /** "a", "a and b", "a, b and c" (or commas only). */
    private static String names(List<String> names, int pick) {
        if (names.size() < 2 || pick % 2 == 0) return String.join(", ", names);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
