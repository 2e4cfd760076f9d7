package dev.dokploydoctor.repl;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An opening that says all is well ("everything works fine, no problem", "all good, no errors"):
 * no fault by the user's own account. It is no all-clear either: nothing was checked by saying so,
 * so the session ends "no fault" only when the probes looked and found nothing.
 * A fault word under a negation ("no problem", "not any issue", "without errors") is no fault; a
 * contrast ("works fine locally but ...", "fine until I redeploy") is the usual way of telling one,
 * and then the opening is read as a fault told in words we do not know.
 */
final class AllWell {
    private AllWell() {}

    private static final String FAULT = "(?:problems?|issues?|errors?|faults?|bugs?|troubles?|complaints?|failures?|crash(?:es)?|downtime|outages?)";

    /** What people write when nothing is wrong. */
    private static final Pattern WELL = Pattern.compile(
            "\\b(?:works?|working|runs?|running|loads?|loading)\\s+(?:just\\s+)?(?:fine|well|great|ok|okay|perfectly|properly|correctly|as expected)\\b"
            + "|\\b(?:everything|all|it|things|site|app|service)(?:\\s+(?:is|are|seems?|looks?))?\\s+(?:fine|ok|okay|good|great|healthy|working)\\b"
            + "|\\b(?:everything|all)\\s+(?:works?|runs?)\\b"
            + "|\\bno\\s+" + FAULT + "\\b|\\bnothing(?:\\s+is|s)?\\s+(?:wrong|broken)\\b");

    /** A fault word under a negation: "no problem", "not any issues", "without errors", "never had an error". */
    private static final Pattern DENIED_FAULT = Pattern.compile(
            "\\b(?:no|not\\s+any|without(?:\\s+any)?|never\\s+(?:had|have|saw|see)\\s+(?:an?|any)|zero|nothing)\\s+(?:\\w+\\s+)?" + FAULT + "\\b");

    /** A broken state denied as a whole: "nothing is broken", "nothing's wrong", "nothing seems down" (user17b). */
    private static final Pattern DENIED_STATE = Pattern.compile(
            "\\bnothing(?:\\s+is|'s|\\s+seems|\\s+looks)?\\s+(?:wrong|broken|down|failing)\\b");

    /** A fault said outright, or a contrast that brings one ("but", "except", "until", "only"). */
    private static final Pattern FAULT_OR_CONTRAST = Pattern.compile("\\b" + FAULT
            + "|\\b(?:broken|fails?|failing|failed|down|wrong|refused|timed?\\s*out|can.?t|cannot|unable|won.?t|doesn.?t|don.?t|isn.?t|aren.?t|not|never)\\b"
            + "|\\b(?:but|except|however|although|though|until|unless|only|locally|sometimes|when|after|since|yet|still)\\b|\\?");

    /** True when {@code text} says all is well and tells no fault (a negated fault word tells none). */
    static boolean says(String text) {
        if (text == null) return false;
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (!WELL.matcher(t).find()) return false;
        String denied = DENIED_STATE.matcher(DENIED_FAULT.matcher(t).replaceAll(" ")).replaceAll(" ");
        return !FAULT_OR_CONTRAST.matcher(denied).find();
    }
}
