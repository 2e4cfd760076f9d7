package dev.dokploydoctor.engine;

import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule's then-block says, in words a maintainer reads as a sentence:
 * {@code support(drools, 0.6)}, {@code refute(drools, 0.8)}, {@code need(drools, "key", "why")}.
 * The cause is the rule's own: its name starts with the cause id ({@code "multi-container-isolation:
 * 502 and no shared network"}), so a rule names its cause once. A rule shared by several causes
 * (knowledge/shared/) names each: {@code refute(drools, "wrong-domain-type", 0.6)}.
 * Each inserts its {@link Evidence} or {@link Need} logically: it goes when the facts go.
 */
public final class Conclude {
    private Conclude() {}

    /** Evidence for the rule's cause, with certainty {@code cf} in (0, 1]. */
    public static void support(RuleContext drools, double cf) { support(drools, causeOf(drools), cf); }

    /** Evidence against the rule's cause: {@code refute(drools, 0.8)} is a certainty of -0.8. */
    public static void refute(RuleContext drools, double cf) { refute(drools, causeOf(drools), cf); }

    /** The rule's cause cannot be judged without fact {@code key}; {@code why} is shown with the question. */
    public static void need(RuleContext drools, String key, String why) { need(drools, key, causeOf(drools), why); }

    public static void support(RuleContext drools, String cause, double cf) {
        drools.insertLogical(new Evidence(drools, cause, positive(drools, "support", cf)));
    }

    public static void refute(RuleContext drools, String cause, double cf) {
        drools.insertLogical(new Evidence(drools, cause, -positive(drools, "refute", cf)));
    }

    /** The rule's finding holds {@code cause} below a diagnosis while it stands ({@link Evidence#hold}). */
    public static void hold(RuleContext drools, String cause) {
        drools.insertLogical(Evidence.hold(drools, cause));
    }

    public static void need(RuleContext drools, String key, String cause, String why) {
        drools.insertLogical(new Need(drools, key, cause, why));
    }

    /** The cause a rule's name starts with: the text before its first ": ". */
    public static String causeOf(RuleContext drools) {
        String cause = causeOf(drools.getRule().getName());
        if (cause == null) {
            throw new IllegalArgumentException("rule '" + drools.getRule().getName()
                    + "' does not start with its cause (\"cause-id: what it sees\"); name the cause in the call instead");
        }
        return cause;
    }

    /** The cause id a rule name starts with, or null when it does not start with one. */
    public static String causeOf(String ruleName) {
        int colon = ruleName.indexOf(": ");
        return colon > 0 ? ruleName.substring(0, colon) : null;
    }

    private static double positive(RuleContext drools, String verb, double cf) {
        if (!(cf > 0 && cf <= 1)) {
            throw new IllegalArgumentException("rule '" + drools.getRule().getName() + "': " + verb
                    + " takes a certainty in (0, 1], was " + cf);
        }
        return cf;
    }
}
