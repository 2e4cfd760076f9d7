package dev.dokploydoctor.repl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Answers whatever the session asks from a "world": a map of fact key to the truth about a broken
 * setup, "unknown" for keys the world does not hold. It reads the question's key from the hint line
 * ("yes/no · ? if you don't know · [key]"), so the order of questions is the program's own.
 */
final class WorldAnswerer {
    static final Pattern KEY_LINE = Pattern.compile("· \\? if you don't know · \\[([a-z0-9_.]+)\\]");

    private final Driver driver;
    private final Map<String, Object> world;
    private final BiFunction<String, Object, String> say;
    private final List<String> asked = new ArrayList<>();
    private int answeredUpTo;

    /** Answer questions shown after position {@code from} of the output. */
    WorldAnswerer(Driver driver, Map<String, Object> world, int from) {
        this(driver, world, from, (key, value) -> answer(value));
    }

    /** As above, with the words of the answer to key given its truth ({@code say}: value null when the world does not hold it). */
    WorldAnswerer(Driver driver, Map<String, Object> world, int from, BiFunction<String, Object, String> say) {
        this.driver = driver;
        this.world = world;
        this.answeredUpTo = from;
        this.say = say;
    }

    /** Keys asked so far, in order. */
    List<String> asked() { return asked; }

    /** Answer until the output after {@code from} matches {@code done}; returns the output then. */
    String until(Pattern done, int from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String out = driver.output();
            if (out.length() > from && done.matcher(out.substring(from)).find()) return out;
            String key = pendingQuestion(out);
            if (key != null) {
                asked.add(key);
                answeredUpTo = out.length();
                driver.line(say.apply(key, world.get(key)));
            } else if (driver.exited()) {
                fail("the session ended before /" + done + "/:\n" + out);
            } else if (System.nanoTime() > deadline) {
                fail("timed out waiting for /" + done + "/ (asked " + asked + "):\n" + out);
            } else {
                Driver.sleep(30);
            }
        }
    }

    /** The key of a question shown after the last answer and now waiting at the prompt; else null. */
    private String pendingQuestion(String out) {
        if (out.length() <= answeredUpTo || !driver.atPrompt(">")) return null;
        Matcher m = KEY_LINE.matcher(out);
        String key = null;
        while (m.find()) if (m.start() >= answeredUpTo) key = m.group(1);
        return key;
    }

    /** Where the last question shown starts (its key line), to answer a question already on screen. */
    static int lastQuestion(String out) {
        Matcher m = KEY_LINE.matcher(out);
        int at = -1;
        while (m.find()) at = m.start();
        if (at < 0) fail("no question on screen:\n" + out);
        return at;
    }

    static String answer(Object value) {
        if (value == null) return "?";
        if (value instanceof Boolean b) return b ? "yes" : "no";
        if (value instanceof List<?> l) return String.join(", ", l.stream().map(String::valueOf).toList());
        return String.valueOf(value);
    }
}
