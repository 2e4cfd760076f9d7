package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a guided diagnosis does next, given what is known and how many questions were asked: ask
 * (the {@link Planner}'s best question), conclude (a diagnosis or advice), or end inconclusive.
 * The REPL and the simulated interview of {@code eval} step through the same rules:
 * <ul>
 * <li>a cause at the threshold is concluded only after the look-alikes are separated: if a fact
 *     that its near-miss cases state, or that its rules require absent, is still open and one of
 *     its answers would overturn the diagnosis, that fact is asked first, while the user has not
 *     answered "don't know" to the unanswered limit ({@link #UNANSWERED_LIMIT}, or
 *     {@link #UNANSWERED_LIMIT_ANSWERING} once some were answered): before, look-alike questions
 *     went on to the question limit (dev: one report asked seven in a row, all "don't know"); a diagnosis its
 *     rule holds below {@link #LOOKALIKE_SURE} and names the fact it waits for ({@link NamedHold}) asks that fact
 *     only;</li>
 * <li>otherwise the best question is asked as long as one of its answers can diagnose, rule out
 *     the leader or raise a cause the rules can take further ({@link Planner#next}); failing that,
 *     what the leading candidates need; failing that, a fact that would confirm or rule out a
 *     leader with real evidence, or the one the similar reports voted for ({@link #leaderCheck});
 *     at most {@link #QUESTION_LIMIT};</li>
 * <li>the last question before the "don't know" limit is that leader check, when there is one: a
 *     user who could tell nothing so far gets the question that settles the front runner;</li>
 * <li>a reported fault never ends without a question: with nothing asked yet, the question that
 *     tells the causes apart best ({@link #firstQuestion});</li>
 * <li>then it ends inconclusive with the leading candidates.</li>
 * </ul>
 */
public final class Interview {
    public static final int QUESTION_LIMIT = 12;
    /**
     * After this many questions answered "don't know", and none answered, the interview ends
     * inconclusive with what would settle it: a user who could tell nothing we asked is better
     * served by the list of checks than by a fourth guess. A user who answers some goes on until
     * {@link #UNANSWERED_LIMIT_ANSWERING} unknowns (or {@link #QUESTION_LIMIT} questions). Chosen on
     * the dev split with the planner weighing each question by how often a user can tell it
     * (priors.yaml): 4 and 9 gave 285 right, 2 confident-wrong, 3.37 questions a report; 3 and 9 gave
     * 284, 1, 3.06; 3 and 6 gave 284, 1, 3.03 (the fresh field-8 check: 24 right at 4, 23 at 3, 3.2
     * questions to 2.5). Most reports outside our list are asked generic questions their reporter
     * cannot answer: the fourth "don't know" cost them a question each for one diagnosis. On dev 880
     * (round 10) a fourth unknown with none answered still gained no right diagnosis, and the limit
     * once some were answered went from 6 to 4 with the same 346 right (2.08 to 1.97 questions on
     * our list). Round 16 (dev 1059, look-alike questions only where an answer overturns): 4 with none
     * answered gave 3 more right at 3.05 questions a report (each report outside our list asked a fourth,
     * 3.46 to 3.97); 4 only while a cause fits, or while the leader has half the threshold, 1 more right
     * at 2.84 and 2.78 questions: kept at 3.
     */
    public static final int UNANSWERED_LIMIT = 3;
    public static final int UNANSWERED_LIMIT_ANSWERING = 4;
    /**
     * How many more "don't know" answers an easy question that could settle the case may cost beyond
     * the limits above ({@link #beforeGivingUp}).
     */
    static final int EXTRA_UNANSWERED = 1;
    /**
     * A leader is checked (confirmed or ruled out by one fact of its own rules) from this share of
     * the threshold up: below it, one generic hint (a 502 points weakly at many causes) is no
     * candidate worth a question from afar.
     */
    static final double LEADER_CHECK_SHARE = 0.5;
    /**
     * Before concluding, a look-alike question is asked when the diagnosis is barely over the
     * threshold (below {@link #LOOKALIKE_SURE}: a rule's certainty is the share of field reports it
     * was right on, so about one in four such diagnoses is wrong), or, above that, when the answers
     * that would overturn it have at least {@link #LOOKALIKE_MIN_CHANCE} under the belief now. A
     * surer diagnosis whose look-alike the evidence already makes unlikely costs a question and
     * changes almost nothing (on the old dev split of 479 reports, 118 such questions changed no ending).
     */
    static final double LOOKALIKE_SURE = 0.8;
    /**
     * The sure line of a diagnosis that only readings of the user's text carried over the threshold (no answer,
     * no probe in its support, {@link #readingsOnly}): up to here it has just crossed on what our patterns read,
     * and its look-alike question is asked whatever its chance ({@link #separating}), confirm before concluding
     * (issue 13). The fresh reports' confident-wrong interviews of rounds 20 to 23, each scored before any tuning on
     * it, all concluded so, at 0.75 to 0.84, with no question that could have told the look-alike asked (0.80 and
     * 0.84 were above {@link #LOOKALIKE_SURE}). Most rules that read a specific error line stand at 0.85 and above.
     */
    static final double READINGS_SURE = 0.85;
    /** "Don't know" answers to the facts that tell a diagnosis from its look-alikes after which none more is asked. */
    static final int LOOKALIKE_UNKNOWN_LIMIT = 2;
    static final double LOOKALIKE_MIN_CHANCE = 0.05;
    /**
     * A cause "fits" what the user said from this certainty up, from the rules alone (where the
     * similar reports' vote falls silent: the rules know something). Once the user has answered a
     * question and no cause fits, the interview stops after {@link #NONE_FITS_UNANSWERED} questions
     * answered "don't know" plus one per question answered ({@link Stop#NONE_FITS}), unless its best
     * question diagnoses with a chance of {@link #LIKELY}: before, it fished through every symptom of
     * every cause, up to twelve questions (dev: 5.4 questions on the reports outside our list, 4.3
     * after; the one right diagnosis lost came at the tenth question; the fresh field-7 check: right
     * unchanged, 4.7 to 3.9 questions).
     */
    static final double FITS = SimilarFallback.RULES_KNOW;
    static final int NONE_FITS_UNANSWERED = 2;
    /**
     * Once the user has answered this many questions and not one cause of ours is in play (no rule supports any,
     * the similar reports vote for none), the questions left are a sweep through every cause's symptoms: only
     * one with a likely diagnosis ({@link #LIKELY}) is still asked ({@link #nothingCameIntoPlay}).
     */
    static final int NONE_FITS_ANSWERED = 3;
    static final double LIKELY = 0.25;
    /**
     * A held leader's evidence of its own ({@link #independentEvidence}) comes before the user's look at what they
     * pasted unless that look is more than 1 / this as likely to settle the leader (each counted as the chance the
     * user can tell, answers a diagnosing value and the leader is the fault).
     */
    static final double OWN_EVIDENCE_SHARE = 0.25;

    /** The next step; every step carries the outcome of what is known now. */
    public sealed interface Step { Outcome outcome(); }
    /** Why a question is asked, beyond being the best next one: the REPL says so. */
    public enum Purpose {
        /** The best question that can still move the diagnosis. */
        NEXT,
        /** A cause is at the threshold: this tells it from a look-alike before concluding. */
        LOOKALIKE,
        /** The leader is below the threshold and nothing else moves it: this would confirm or rule it out. */
        LEADER,
        /** Nothing asked yet and nothing above would move a cause: the question that tells the causes apart best. */
        FIRST,
        /**
         * A fact read from the user's text, whose check by the user (an observation of its own) would
         * diagnose: what the text said is shown with the question ({@link Lookahead#confirming}).
         */
        CONFIRM,
        /**
         * The cause is diagnosed, and its fixes differ by a fact still open (cloudflared in Docker or on the
         * host): asked once, so the user gets the fix for their host rather than every variant ({@link #whichFix}).
         */
        FIX
    }

    /** Ask this question, for this purpose. */
    public record Ask(Outcome outcome, Planner.Plan plan, Purpose purpose) implements Step {}
    /**
     * A cause (or advice) reached the threshold and no look-alike question is left. {@code unsettled}: what its rule
     * holds it below the sure line for ({@link NamedHold}) and the user answered "don't know": the diagnosis stands,
     * as in batch, and the REPL says which check would settle it (round 20, issue 13).
     */
    public record Conclude(Outcome outcome, List<Need> unsettled) implements Step {
        public Conclude(Outcome outcome) { this(outcome, List.of()); }
    }
    /** Why an interview ended without a diagnosis. */
    public enum Stop {
        /** No question left can move a cause across the threshold or rule out the leader. */
        NOTHING_MOVES,
        /** {@link #QUESTION_LIMIT} questions were asked. */
        QUESTION_LIMIT,
        /** {@link #UNANSWERED_LIMIT} questions were answered "don't know" and none answered (or {@link #UNANSWERED_LIMIT_ANSWERING} in all). */
        UNANSWERED_LIMIT,
        /**
         * The user answered, yet no cause of ours fits (each ruled out or below {@link #FITS}), an
         * answer ruled out at least one, and the questions left are answered "don't know" or cannot
         * move one (or too many were, the {@link #UNANSWERED_LIMIT_ANSWERING}): the fault is likely
         * outside our list.
         */
        NONE_FITS
    }

    /** No question can move the diagnosis any more, or a limit was reached. */
    public record End(Outcome outcome, Stop stop) implements Step {}

    private final Engine engine;
    private Planner planner;
    private final double threshold;
    private Map<String, Set<String>> lookalikeKeys;

    /** No probes: every fact is weighed by how often a user can tell it (eval's simulated interview). */
    public Interview(Engine engine, double threshold) {
        this(engine, threshold, Set.of());
    }

    /** {@code probeAnswerable}: the facts a probe may still answer (the REPL's); each can always be told. */
    public Interview(Engine engine, double threshold, Set<String> probeAnswerable) {
        this.engine = engine;
        this.planner = engine.planner(threshold, probeAnswerable);
        this.threshold = threshold;
    }

    /**
     * The probes may now answer these facts only: the REPL says so when a probe run reports (one
     * that could not check answers nothing), so a fact no probe will answer is weighed by how
     * often a user can tell it.
     */
    public void probesCanAnswer(Set<String> probeAnswerable) {
        if (!planner.probeAnswerable().equals(probeAnswerable)) planner = engine.planner(threshold, probeAnswerable);
    }

    public Planner planner() { return planner; }

    /** The next step when every unknown came from a question asked (the simulated interview). */
    public Step next(Collection<Fact> facts, Set<String> unknown, int asked) {
        return next(facts, unknown, asked, unknown == null ? 0 : unknown.size());
    }

    /**
     * The next step; {@code unanswered} counts only the questions asked that were answered "don't
     * know" (unknowns from an answers file or an example are not questions the user failed).
     */
    public Step next(Collection<Fact> facts, Set<String> unknown, int asked, int unanswered) {
        // one rule session per step: the outcome, its deciding questions and every check below share
        // it, and each fact's answers are tried on it at most once
        try (Lookahead look = planner.look(engine.trial("session", facts, unknown, threshold), unknown)) {
            return next(look, asked, Math.min(unanswered, asked));
        }
    }

    private Step next(Lookahead look, int asked, int unanswered) {
        Outcome o = Engine.withDecidingQuestions(look);
        if (o.status() == Status.ADVICE) return new Conclude(o);
        if (o.status() == Status.DIAGNOSED) {
            // a user who could not tell the questions already asked is not asked for look-alikes
            // without end: their "don't know" leaves the diagnosis where it is
            if (asked < QUESTION_LIMIT && !tooManyUnknown(asked, unanswered)) {
                Planner.Plan check = lookalikeCheck(look, o.top());
                if (check != null) return ask(look, o, check, Purpose.LOOKALIKE);
                Planner.Plan which = whichFix(look, o.top().cause());
                if (which != null) return new Ask(o, which, Purpose.FIX);
            }
            return new Conclude(o, unsettled(look, o.top()));
        }
        if (asked >= QUESTION_LIMIT) return new End(o, Stop.QUESTION_LIMIT);
        boolean noneFits = asked > unanswered && noneFits(o);
        // the user answered and still no cause fits: that, not the count of unknowns, is the news
        if (tooManyUnknown(asked, unanswered)) {
            Planner.Plan cheap = beforeGivingUp(look, o, asked, unanswered);
            return cheap != null ? ask(look, o, cheap, Purpose.NEXT) : new End(o, noneFits ? noneFitsOr(o, Stop.UNANSWERED_LIMIT) : Stop.UNANSWERED_LIMIT);
        }
        if (noneFits && (unanswered >= NONE_FITS_UNANSWERED || lookalikeAndNothingInPlay(o) || suggestedAllRuledOut(o)
                || nothingCameIntoPlay(o, asked, unanswered))) {
            Planner.Plan likely = likelyDiagnosis(look);
            if (likely == null) likely = beforeGivingUp(look, o, asked, unanswered);
            return likely == null ? new End(o, noneFitsOr(o, unanswered > 0 ? Stop.UNANSWERED_LIMIT : Stop.NOTHING_MOVES)) : ask(look, o, likely, Purpose.NEXT);
        }
        // what the user told already weighed our causes and left none in play: after the question every reported
        // fault gets, the questions left would only fish (user17b uf7: a 1033 beside a healthy tunnel, then
        // sibling containers and Let's Encrypt asked about); a question likely to diagnose is still asked
        if (asked > 0 && inPlay(o).isEmpty() && ruledOutAfterSupport(o)) {
            Planner.Plan likely = likelyDiagnosis(look);
            return likely == null ? new End(o, Stop.NONE_FITS) : ask(look, o, likely, Purpose.NEXT);
        }
        // the last question before the "don't know" limit: the one that would settle the leader, if any; here the
        // user's look at the line they pasted is not traded for one more open question they may not know either
        // worked out at most once a step: the same inputs give the same answer (the last chance and the asking back
        // below both want it)
        Planner.Plan pasted = null;
        boolean pastedDone = false;
        if (lastChance(asked, unanswered)) {
            pasted = pastedCheck(look, o);
            pastedDone = true;
            Planner.Plan settle = pasted != null ? pasted : leaderCheck(look, o, false);
            if (settle != null) return ask(look, o, settle, Purpose.LEADER);
        }
        Planner.Plan plan = look.next();
        // one cause left in play and the best question cannot move it: what confirms or rules it out comes
        // first (user12 U33: the SSL mode never asked while eight questions about other causes went by)
        if (asked > unanswered && plan != null && bypassesTheLoneCause(o, plan)) {
            Planner.Plan settle = leaderCheck(look, o, true);
            if (settle != null) return ask(look, o, settle, Purpose.LEADER);
        }
        // a leader on probation waits one fact from a diagnosis: the best question by gain may be about the causes
        // behind it, but the fact of its own that would diagnose it comes first (round 20, issue 13)
        if (plan != null && bypassesTheHeldLeader(o, plan)) {
            Planner.Plan own = independentEvidence(look, o);
            if (own != null) return ask(look, o, own, Purpose.LEADER);
            // no fact of its own diagnoses it: the user's word on the reading of their own words the gate waits for,
            // before the other causes' checks (issue 13: a 502 on uploads cut after 60 seconds, read as only the long
            // requests failing, held at 0.69 while the domain's port, the app's address and the service kind went by)
            Planner.Plan word = theirWord(look, o, false);
            if (word != null) return new Ask(o, word, Purpose.CONFIRM);
        }
        if (plan != null && look.confirming(plan.question().key())) {
            // what the user pasted, told back, is the last resort: a fact of the leader's own that the text did
            // not give is evidence of its own, asked first where one of its answers would settle the leader
            Planner.Plan independent = independentEvidence(look, o);
            if (independent != null) return ask(look, o, independent, Purpose.LEADER);
            // next, the user's word on a setting our patterns inferred from their words (a host name's depth below
            // the zone): news to check, where their pasted line told back is what they already see (user17b ug2)
            Planner.Plan inferred = theirWord(look, o, true);
            if (inferred != null) return new Ask(o, likelierToSettle(look, o, inferred, theirWord(look, o, false)), Purpose.CONFIRM);
            // one pasted reading asked back in vain ends the asking back: for a held leader, the one most likely to settle
            // it, not the most informative (dev caddy#6855: the domain's port read from the Caddyfile asked back, not
            // known, before the app's port, which users with a wrong port tell more often)
            if (!pastedDone) pasted = pastedCheck(look, o);
            Planner.Plan back = pasted != null ? pasted : plan;
            Planner.Plan word = theirWord(look, o, false);
            if (likelierToSettle(look, o, back, word) == word) return new Ask(o, word, Purpose.CONFIRM);
            return ask(look, o, back, Purpose.CONFIRM);
        }
        if (plan == null) plan = leadersNeed(look);
        if (plan != null) return ask(look, o, plan, Purpose.NEXT);
        plan = leaderCheck(look, o, true);
        if (plan != null) return ask(look, o, plan, Purpose.LEADER);
        plan = look.beyondTheHints();
        if (plan != null) return ask(look, o, plan, Purpose.NEXT);
        // the user came with a fault: never end without asking anything (issue 13)
        if (asked == 0) plan = firstQuestion(look);
        if (plan != null) return ask(look, o, plan, Purpose.FIRST);
        plan = theirWord(look, o, false);
        if (plan != null) return new Ask(o, plan, Purpose.CONFIRM);
        return new End(o, noneFits ? noneFitsOr(o, Stop.NOTHING_MOVES) : Stop.NOTHING_MOVES);
    }

    /**
     * {@link Stop#NONE_FITS} when what the user told was weighed against our causes and none held: an
     * answer (or a probe's finding) ruled a cause out, or said a symptom some cause's rules look for is
     * absent; or the nearest field reports were look-alikes outside our list. When the causes were only
     * never raised ("don't know" to whatever would have raised them, the stack named) that is no finding
     * about them, and the ending says why it stopped instead ({@code otherwise}; user13 V3: "none of the
     * 23 causes fits" after three questions answered "don't know" and the symptom menu, the port and
     * network causes never asked).
     */
    Stop noneFitsOr(Outcome o, Stop otherwise) {
        if (lookalikeAndNothingInPlay(o)) return Stop.NONE_FITS;
        for (Evidence e : o.evidence()) {
            if (e.getCf() >= 0) continue;
            for (Fact f : e.getMatched()) if (!Fact.TEXT.equals(f.getSource())) return Stop.NONE_FITS;
        }
        for (Fact f : o.facts()) {
            if (Fact.TEXT.equals(f.getSource()) || planner.answerSpace().causesOf(f.getKey()).isEmpty()) continue;
            FactSpec spec = engine.knowledge().vocabulary().get(f.getKey());
            if (spec != null && spec.symptom() != null && !spec.isSymptom(f.getValue())) return Stop.NONE_FITS;
        }
        return otherwise;
    }

    /**
     * Ask {@code plan}, unless its question takes for granted a fact still open (facts.yaml
     * {@code asked_if}): that one first, so no question presumes what the user may deny.
     */
    private Step ask(Lookahead look, Outcome o, Planner.Plan plan, Purpose purpose) {
        String key = plan.question().key();
        String first = look.presumedOpen(key);
        // a fact the text gave, asked for whatever reason, is the user's check of their paste: said as such
        if (first == null) return new Ask(o, plan, look.confirming(key) && purpose != Purpose.FIX ? Purpose.CONFIRM : purpose);
        FactSpec spec = engine.knowledge().vocabulary().get(first);
        Question q = new Question(first, spec, 0, plan.question().causes(), List.of());
        return new Ask(o, new Planner.Plan(q, 0, List.of(), "asked before " + key + ", whose question takes it for granted"),
                purpose == Purpose.CONFIRM ? Purpose.NEXT : purpose);
    }

    /**
     * A fact the diagnosed cause's fixes are written for ({@code when:} in cause.yaml) that is still open and
     * can be asked: without it the user gets every variant, each "(only if ...)" (user12 U38: six fix blocks,
     * all on whether cloudflared runs in Docker, never asked). Null when the fixes do not depend on one.
     */
    Planner.Plan whichFix(Lookahead look, String cause) {
        Cause info = engine.knowledge().cause(cause);
        if (info == null) return null;
        for (Cause.Fix fix : info.fixes()) {
            for (String key : fix.when().keySet()) {
                FactSpec spec = look.openQuestion(key);
                if (spec == null) continue;
                Question q = new Question(key, spec, 0, List.of(cause), List.of());
                return new Planner.Plan(q, 0, List.of(), "the fixes for " + cause + " differ by it: the one for your host");
            }
        }
        return null;
    }

    /**
     * Most of the nearest field reports were look-alikes outside our list ({@code similar.lookalike})
     * and, after the user's answers, no rule supports any cause of ours: the questions left would only
     * sweep through every cause's symptoms (user11: six to nine of them after a 413 through Cloudflare).
     */
    static boolean lookalikeAndNothingInPlay(Outcome o) {
        Fact sign = o.fact(LookalikeGuard.KEY);
        if (sign == null || !sign.isTrue()) return false;
        for (double cf : SimilarFallback.fromRules(o).values()) if (cf > 0) return false;
        return true;
    }

    /**
     * Every cause a rule supported has since been ruled out by what the user answered, and no rule supports
     * another: what the user reported was weighed and none of ours explains it. The questions left would
     * only fish through the symptoms of causes the user never described (user12 U23: eleven questions about
     * URLs, Traefik and Let's Encrypt after queued n8n jobs ruled out the one jobs-stuck cause). A cause
     * the similar reports vote for is still pursued (dev: the vote's wrong-container-port, confirmed by the
     * ports four questions later, after its rules' first hint was answered away).
     */
    static boolean suggestedAllRuledOut(Outcome o) {
        // a cause the similar reports voted for is still a hypothesis to pursue
        if (SimilarFallback.supported(o) != null) return false;
        Map<String, Double> fromRules = SimilarFallback.fromRules(o);
        boolean ruledOut = false;
        for (Map.Entry<String, Double> e : fromRules.entrySet()) {
            if (e.getValue() > 0) return false;
            if (e.getValue() <= Engine.RULED_OUT && supportedThenAnsweredAway(o, e.getKey())) ruledOut = true;
        }
        return ruledOut;
    }

    /**
     * Some cause a rule supported is ruled out by what the user told or answered (their text too: "tunnel info shows
     * it healthy" beside Cloudflare's 1033): their report was weighed against our causes, not merely never matched.
     */
    static boolean ruledOutAfterSupport(Outcome o) {
        Map<String, Double> fromRules = SimilarFallback.fromRules(o);
        for (Map.Entry<String, Double> e : fromRules.entrySet()) {
            if (e.getValue() > Engine.RULED_OUT) continue;
            for (Evidence x : o.evidence()) {
                if (x.getCause().equals(e.getKey()) && x.getCf() > 0 && !SimilarFallback.RULE.equals(x.getRule())) return true;
            }
        }
        // the cause the similar reports voted for, the one in play, ruled out by an answer: the vote falls silent once
        // its cause's rules speak against it, so its fact says what was in play (round 20: after "no" to Traefik's
        // 'client version is too old', the status and the symptom menu were asked of a Docker client outside our list)
        Fact vote = o.fact(SimilarFallback.KEY);
        if (vote != null && Fact.TEXT.equals(vote.getSource())) {
            Double cf = fromRules.get(vote.getText());
            if (cf != null && cf <= Engine.RULED_OUT && answeredAway(o, vote.getText())) return true;
        }
        return false;
    }

    /** A rule that refutes {@code cause} reads a fact the user answered (or a probe found), not only the text. */
    private static boolean answeredAway(Outcome o, String cause) {
        for (Evidence e : o.evidence()) {
            if (!e.getCause().equals(cause) || e.getCf() >= 0) continue;
            for (Fact f : e.getMatched()) if (!Fact.TEXT.equals(f.getSource())) return true;
        }
        return false;
    }

    /** A rule supports the cause, and one that refutes it reads a fact the user answered (or a probe found). */
    private static boolean supportedThenAnsweredAway(Outcome o, String cause) {
        boolean supported = false;
        for (Evidence e : o.evidence()) {
            if (e.getCause().equals(cause) && !SimilarFallback.RULE.equals(e.getRule()) && e.getCf() > 0) supported = true;
        }
        return supported && answeredAway(o, cause);
    }

    /**
     * The user answered {@link #NONE_FITS_ANSWERED} questions and no cause is in play at all: what they told
     * raised none of ours, so the next question would only fish (user15b ud10: a Cloudflare 524 on long exports,
     * every question answered, eleven asked about tunnels, Let's Encrypt, dependencies and Vite before the
     * question limit).
     */
    static boolean nothingCameIntoPlay(Outcome o, int asked, int unanswered) {
        return asked - unanswered >= NONE_FITS_ANSWERED && inPlay(o).isEmpty();
    }

    /** One cause is in play (by its rules or the similar reports' vote) and no answer to {@code plan} moves it. */
    private static boolean bypassesTheLoneCause(Outcome o, Planner.Plan plan) {
        List<String> live = inPlay(o);
        return live.size() == 1 && !plan.question().causes().contains(live.get(0));
    }

    /** The leader is held by the calibration gate and no answer to {@code plan} moves it. */
    private static boolean bypassesTheHeldLeader(Outcome o, Planner.Plan plan) {
        Diagnosis top = o.top();
        return top != null && CalibrationGate.held(top.evidence()) && !plan.question().causes().contains(top.cause());
    }

    /** No cause has {@link #FITS} from the rules (the similar reports' vote is no fit). */
    static boolean noneFits(Outcome o) {
        for (double cf : SimilarFallback.fromRules(o).values()) if (cf >= FITS) return false;
        return true;
    }

    /**
     * The best question one of whose answers diagnoses a cause with a chance of at least {@link #LIKELY}
     * under the belief now; null when none has one. Not only the best question: after a certificate
     * error with nothing fitting, the best by gain was "a tunnel?" while Let's Encrypt's rate limit,
     * ranked below it, diagnoses with a chance of 0.7 (dev: win-acme#826, traefik#11912).
     */
    private static Planner.Plan likelyDiagnosis(Lookahead look) {
        for (Planner.Plan p : look.rank(null)) {
            if (p.previews().stream().anyMatch(v -> v.rightChance() >= LIKELY)) return p;
        }
        return null;
    }

    /**
     * Before ending on "don't know" answers or on no cause fitting: the other half of a comparison the
     * user answered (the app's port after the domain's, in either order), or a cheap question (seen in a
     * UI or one command: facts.yaml {@code effort}) one of whose answers diagnoses or rules out the
     * leader in play (a cause the user's words or answers point at). The hard questions came first when they told the causes apart better; a user who could not
     * answer them is not left without the easy one (user13 V3, F2, P1: a DokPloy 502 ended after three
     * in-container questions, the domain's Port field and the app's networks never asked). Among the same candidates,
     * in the planner's order, a cheap question that splits the causes in play ({@link #splitting}): a higher-ranked
     * split is asked before a lower-ranked decisive question. A user who told nothing and answered nothing gets one
     * look they can see without a command ({@link #firstLook}). At most {@link #EXTRA_UNANSWERED} "don't know"
     * answers beyond the limit. Null when none is left.
     */
    Planner.Plan beforeGivingUp(Lookahead look, Outcome o, int asked, int unanswered) {
        if (unanswered >= limit(asked, unanswered) + EXTRA_UNANSWERED) return null;
        Planner.Plan half = completing(look);
        if (half != null) return half;
        String leader = o.top() == null ? null : o.top().cause();
        List<String> live = inPlay(o);
        // nothing the user said points anywhere: no easy question is decisive, but a user who told nothing at all
        // gets one look of what anyone at the host sees before the interview ends (issue 13, from nothing)
        if (live.isEmpty()) return toldNothing(o, asked, unanswered) ? firstLook(look) : null;
        for (Planner.Plan p : look.rank(null)) {
            if (!planner.effort(p.question().key()).cheap()) continue;
            for (Planner.Preview v : p.previews()) {
                if (look.contradicts(p.question().key(), v.value())) continue;
                if ((v.status() == Status.DIAGNOSED && live.contains(v.topCause())) || (leader != null && v.ruledOut().contains(leader))) {
                    return new Planner.Plan(p.question(), p.gain(), p.previews(), "an easy question left: an answer of "
                            + v.value() + (v.status() == Status.DIAGNOSED ? " would diagnose " + v.topCause() : " would rule out " + leader));
                }
            }
            Planner.Plan split = splitting(look, p, live);
            if (split != null) return split;
        }
        // only hints in play (a tunnel named), nothing the user sees told, and every question so far went unanswered:
        // the hints' needs were the path and the user could not tell one; what they see is the look left before giving
        // up (issue 13: a tunnel session ended after cloudflare.error, tunnel.origin_unreachable and tunnel.service
        // went unanswered, what the visitor sees never asked). A symptom told (a 503) keeps the end as it was.
        if (asked == unanswered && look.onlyHintsInPlay() && noSymptomTold(o)) return firstLook(look);
        return null;
    }

    /** No fact of a symptom's kind (facts.yaml {@code symptom}: what the user sees) is known, beyond that a fault is reported. */
    private boolean noSymptomTold(Outcome o) {
        for (Fact f : o.facts()) {
            if (f.getKey().equals("fault.reported")) continue;
            FactSpec spec = engine.knowledge().vocabulary().get(f.getKey());
            if (spec != null && spec.symptom() != null) return false;
        }
        return true;
    }

    /**
     * {@code p} when it splits the causes in play by one look the user can take: one answer rules a cause in play
     * out, another diagnoses one or raises one the rules take further (a tunnel in play: is cloudflared connected?
     * "yes" rules out the dead tunnel, "no" is its path, where the origin's causes wait on the other answer). Null
     * otherwise. Only the planner's candidates are tried ({@link #beforeGivingUp}): the tunnel session of issue 13 that
     * ends on three "don't know" answers without its connection asked is still open (the search among the facts the
     * live causes' rules test found it, and was reverted: one more confident-wrong cause on dev, Round 23).
     */
    private static Planner.Plan splitting(Lookahead look, Planner.Plan p, List<String> live) {
        String out = null;
        String on = null;
        for (Planner.Preview v : p.previews()) {
            if (look.contradicts(p.question().key(), v.value())) continue;
            for (String c : v.ruledOut()) if (out == null && live.contains(c)) out = v.value() + " would rule out " + c;
            boolean raises = (v.status() == Status.DIAGNOSED && live.contains(v.topCause()))
                    || v.leads().stream().anyMatch(live::contains);
            if (on == null && raises && v.ruledOut().stream().noneMatch(live::contains)) on = v.value() + " would take "
                    + (v.status() == Status.DIAGNOSED ? v.topCause() : v.leads().stream().filter(live::contains).findFirst().orElse("?")) + " further";
        }
        if (out == null || on == null) return null;
        return new Planner.Plan(p.question(), p.gain(), p.previews(), "an easy question left that splits what is in play: an answer of "
                + out + ", one of " + on);
    }

    /**
     * The user told nothing but that something is broken (no fact of theirs beyond it, none read from a text) and
     * answered none of the questions asked.
     */
    private static boolean toldNothing(Outcome o, int asked, int unanswered) {
        if (asked > unanswered) return false;
        for (Fact f : o.facts()) {
            if (f.getKey().equals("fault.reported")) continue;
            if (Fact.USER.equals(f.getSource()) || Fact.TEXT.equals(f.getSource()) || Fact.PROBE.equals(f.getSource())) return false;
        }
        return true;
    }

    /**
     * From nothing, after the symptom questions went unanswered: the best question a user sees without a command
     * (facts.yaml {@code effort: seen}: a tunnel or not, one domain or all of them) that can still move a cause.
     */
    private Planner.Plan firstLook(Lookahead look) {
        for (Planner.Plan p : look.rank(look.wideCandidates())) {
            if (planner.effort(p.question().key()) != dev.dokploydoctor.knowledge.Effort.SEEN) continue;
            if (p.previews().stream().noneMatch(v -> v.status().isConclusive() || !v.leads().isEmpty())) continue;
            return new Planner.Plan(p.question(), p.gain(), p.previews(),
                    "nothing you could tell so far settles anything: this one you can see without a command");
        }
        return null;
    }

    /**
     * The other fact of a comparison whose first fact the user answered (a rule needs the two, the
     * domain's port and the app's), when an answer of it diagnoses: asked in either order, the second
     * half is never left out. Null when there is none.
     */
    Planner.Plan completing(Lookahead look) {
        Engine.Judgement j = look.judgement();
        Set<String> halves = new LinkedHashSet<>();
        for (Need n : j.needs()) {
            String other = partner(j, n);
            Fact told = other == null ? null : j.outcome().fact(other);
            if ((told != null && !Fact.TEXT.equals(told.getSource())) || openedByAnAnswer(j.outcome(), n)) halves.add(n.getKey());
        }
        if (halves.isEmpty()) return null;
        for (Planner.Plan p : look.rank(halves)) {
            for (Planner.Preview v : p.previews()) {
                if (v.status() == Status.DIAGNOSED) return new Planner.Plan(p.question(), p.gain(), p.previews(),
                        "the other half of a comparison you answered: an answer of " + v.value() + " would diagnose " + v.topCause());
            }
        }
        return null;
    }

    /**
     * The rule behind {@code n} fired on a fact the user answered (or stated, or a probe found), not on the text
     * alone: the comparison's first half is a condition of the rule rather than a second need ("the domain's port
     * told, which port does the app use?"). Dev: two reports answered the domain's Port field and ended "none fits"
     * without the app's port, which the rule asked for and which would have diagnosed.
     */
    private static boolean openedByAnAnswer(Outcome o, Need n) {
        if (n.getRule() == null) return false;
        for (Evidence e : o.evidence()) {
            if (e.getCf() <= 0 || !n.getRule().equals(e.getRule()) || !n.getCause().equals(e.getCause())) continue;
            for (Fact f : e.getMatched()) if (Fact.USER.equals(f.getSource()) || Fact.PROBE.equals(f.getSource())) return true;
        }
        return false;
    }

    /** One more "don't know" would end the interview ({@link #tooManyUnknown}). */
    private static boolean lastChance(int asked, int unanswered) {
        return tooManyUnknown(asked + 1, unanswered + 1);
    }

    private static boolean tooManyUnknown(int asked, int unanswered) {
        return unanswered >= limit(asked, unanswered);
    }

    /** How many "don't know" answers end the interview: more once the user answered some. */
    private static int limit(int asked, int unanswered) {
        return asked > unanswered ? UNANSWERED_LIMIT_ANSWERING : UNANSWERED_LIMIT;
    }

    /**
     * The leader is short of the threshold and none of its rules' needs is open: a fact its rules
     * test, require absent, or its near-miss cases state, one of whose answers would diagnose a
     * cause or rule the leader out. Asked before giving up on a candidate that one fact could settle.
     * A leader below {@link #LEADER_CHECK_SHARE} of the threshold is checked only when {@code votedToo}
     * and the similar reports' vote is what put it first; the last question before the "don't know"
     * limit leaves those out (dev: a voted leader's check there displaced the port question that would
     * have diagnosed nginx-proxy-manager#641).
     */
    Planner.Plan leaderCheck(Lookahead look, Outcome o, boolean votedToo) {
        Diagnosis top = o.top();
        if (top == null) return null;
        // a leader the similar reports voted for is a hypothesis of its own, not one generic hint among many
        boolean voted = votedToo && top.cause().equals(SimilarFallback.supported(o));
        if (!voted && top.certainty() < LEADER_CHECK_SHARE * threshold) return null;
        String leader = top.cause();
        List<Planner.Plan> ranked = look.rank(telling(leader));
        Planner.Plan check = settling(look, ranked, leader, top.certainty(), false);
        // for a cause the calibration gate holds, the user's look at their own pasted line gives way to a cheap
        // question the text did not answer
        if (check != null && look.confirming(check.question().key()) && CalibrationGate.held(top.evidence())) {
            Planner.Plan own = settling(look, ranked, leader, top.certainty(), true);
            if (own != null) return own;
        }
        return check;
    }

    /**
     * For a leader the calibration gate holds, the user's look at a fact their text gave, when one of its answers
     * would settle the leader: the question a user can surely answer, asked before one more "don't know" would end
     * the interview (elsewhere a question the text did not answer comes first: {@link #independentEvidence}).
     * Null when the leader is not held or no such fact settles it.
     */
    Planner.Plan pastedCheck(Lookahead look, Outcome o) {
        Diagnosis top = o.top();
        if (top == null || !CalibrationGate.held(top.evidence())) return null;
        // the most likely to settle the leader first (the user can tell it, answers a diagnosing value, and the leader
        // is the fault), the planner's order on a tie: an answer of theirs is what lifts the hold, and the last question
        // before the limit is no place for the most informative look the user is least likely to answer
        String leader = top.cause();
        List<Planner.Plan> pasted = look.rank(telling(leader)).stream().filter(p -> look.confirming(p.question().key()))
                .sorted(java.util.Comparator.comparingDouble((Planner.Plan p) -> -settles(look, p, leader))).toList();
        return settling(look, pasted, leader, top.certainty(), false);
    }

    /**
     * The first of {@code ranked} one of whose answers confirms or rules out {@code leader}; with {@code ownOnly},
     * only among cheap questions (seen or command) the text did not answer.
     */
    private Planner.Plan settling(Lookahead look, List<Planner.Plan> ranked, String leader, double now, boolean ownOnly) {
        for (Planner.Plan p : ranked) {
            String key = p.question().key();
            if (ownOnly && (look.confirming(key) || !planner.effort(key).cheap())) continue;
            for (Planner.Preview v : p.previews()) {
                // as in the look-alike check: an answer what is known rules out settles nothing
                if (look.contradicts(key, v.value())) continue;
                boolean confirms = v.status() == Status.DIAGNOSED && leader.equals(v.topCause());
                boolean refutes = v.ruledOut().contains(leader);
                if (confirms || refutes) {
                    return new Planner.Plan(p.question(), p.gain(), p.previews(), "an answer of " + v.value() + " would "
                            + (confirms ? "confirm " : "rule out ") + leader + String.format(" (now %.2f)", now));
                }
            }
        }
        return null;
    }

    /**
     * Instead of asking the user to confirm a fact their text gave, for a leader the calibration gate holds
     * ({@link CalibrationGate}: its certainty from the text alone is not earned yet): a fact the leader's rules test that the
     * text did not give, one of whose answers diagnoses the leader, answered without going inside a container
     * (facts.yaml {@code effort} seen or command), the best in the planner's order (its gain weighed by how often
     * users can tell it and by what answering costs). Its answer is an observation of its own, where the
     * user's yes to their own pasted line only turns the text's reading into theirs (user14b ub2: "Does the
     * deploy fail with 'Domain ... is attached to service ... which does not exist'?" right after the user
     * pasted it). Null when none exists: then the confirmation is asked, saying what was read.
     */
    Planner.Plan independentEvidence(Lookahead look, Outcome o) {
        Diagnosis top = o.top();
        // a hold of the look-alike guard is settled by the check that tells the look-alike apart, which may be the
        // user's own look at the pasted fact (Portainer's misreported network: does docker network ls list it?)
        if (top == null || !CalibrationGate.held(top.evidence())) return null;
        String leader = top.cause();
        List<Planner.Plan> ranked = look.rank(telling(leader));
        // how likely the user's look at what they pasted settles the leader, at best: an answer of its own far less
        // likely to come and diagnose is no better first question (dev: 'does the app log a foreign protocol?' and
        // 'does it answer inside?', each told and diagnosing about once in fifty, asked before the app's port read
        // from the compose mapping, which settles it about once in three; the "don't know" limit came first)
        double pasted = 0;
        for (Planner.Plan p : ranked) if (look.confirming(p.question().key())) pasted = Math.max(pasted, settles(look, p, leader));
        Planner.Plan best = null;
        for (Planner.Plan p : ranked) {
            String key = p.question().key();
            // even a docker exec tells more than the user's look at the line they pasted (user16 ud6: three pasted
            // values asked back before the one check that was news); the planner's order puts cheaper ones first
            if (look.confirming(key)) continue;
            double chance = settles(look, p, leader);
            // the planner's order: gain weighed by the chance to tell and by effort
            if (chance > 0 && chance >= OWN_EVIDENCE_SHARE * pasted) { best = p; break; }
        }
        return best == null ? null : new Planner.Plan(best.question(), best.gain(), best.previews(),
                "evidence of its own for " + leader + String.format(" (now %.2f)", top.certainty())
                        + ", beside what your text says");
    }

    /**
     * The chance that asking {@code p} settles {@code leader}: the user can tell, answers a value that diagnoses it,
     * and it is the fault (each preview's {@code rightChance}); answers that contradict what is known do not count.
     */
    private static double settles(Lookahead look, Planner.Plan p, String leader) {
        double chance = 0;
        for (Planner.Preview v : p.previews()) {
            if (v.status() == Status.DIAGNOSED && leader.equals(v.topCause()) && !look.contradicts(p.question().key(), v.value())) {
                chance += v.rightChance();
            }
        }
        return chance;
    }

    /**
     * Only one reading is asked back for a held leader (a "don't know" ends the asking back): {@code word}, the user's
     * word on a reading of their prose, when it is likelier to settle the leader than {@code other}, else {@code other}
     * (dev: a 524 read as 'about 100 seconds' and as only the long requests failing; the seconds, which a third of
     * such users tell, were asked back, "don't know", and the interview ended at 0.69 with the long requests, which
     * three in four tell, never asked).
     */
    private static Planner.Plan likelierToSettle(Lookahead look, Outcome o, Planner.Plan other, Planner.Plan word) {
        String cause = o.top().cause();
        return word != null && settles(look, word, cause) > settles(look, other, cause) + 1e-9 ? word : other;
    }

    /**
     * Before ending with a leader the calibration gate holds on a reading of the user's own words (a status typed
     * beside "large exports time out through Cloudflare": only the long requests fail), the user's word on that
     * reading, when theirs would diagnose it: their answer is the stated fact the gate waits for, where ending
     * said "no question I can still ask" with that one left (user16 ud10b, a bare 524). With {@code inferredOnly}, only
     * a reading of no symptom (facts.yaml {@code symptom}): a setting our patterns inferred from their words, such as
     * a host name two levels below the zone, which their answer checks, where a symptom they told ("only the long
     * requests fail") they would only say again. Null otherwise.
     */
    Planner.Plan theirWord(Lookahead look, Outcome o, boolean inferredOnly) {
        Diagnosis top = o.top();
        if (top == null || !CalibrationGate.held(top.evidence())) return null;
        // of the readings whose word would diagnose, the one the user most likely tells and confirms (settles), the
        // evidence's order on a tie: only one reading is asked back (a "don't know" ends the asking back), so it is
        // not the cut-off time a user seldom knows while "only the long requests fail", which most tell, waits
        // (dev: a 524 read as both, the seconds asked back first, "don't know", and the interview ended at 0.69)
        Planner.Plan best = null;
        Fact bestFact = null;
        double bestChance = -1;
        Set<String> tried = new java.util.HashSet<>();
        for (Evidence e : Certainty.counted(top.evidence())) {
            if (e.getCf() <= 0) continue;
            for (Fact f : e.getMatched()) {
                if (OneReadingGuard.SEEN.contains(f.getKey()) || !tried.add(f.getKey())) continue;
                if (inferredOnly && isSymptom(f.getKey())) continue;
                Planner.Plan p = look.theirWordOn(f.getKey());
                if (p == null || p.previews().stream().noneMatch(v -> v.status() == Status.DIAGNOSED && top.cause().equals(v.topCause()))) continue;
                double chance = settles(look, p, top.cause());
                if (chance > bestChance + 1e-9) { best = p; bestFact = f; bestChance = chance; }
            }
        }
        if (best == null) return null;
        return new Planner.Plan(best.question(), best.gain(), best.previews(), "your own word on what I read from your text ("
                + bestFact.getKey() + " = " + bestFact.getText() + ") would settle " + top.cause() + String.format(" (now %.2f)", top.certainty()));
    }

    /** Whether facts.yaml marks values of {@code key} as a symptom: something the user sees, not a setting. */
    private boolean isSymptom(String key) {
        FactSpec spec = engine.knowledge().vocabulary().get(key);
        return spec == null || spec.symptom() != null;
    }

    /**
     * Nothing was asked and no question can decide anything: still the question that tells the
     * causes apart best, among what the user sees and every fact a rule tests. Null when no answer
     * would move any cause.
     */
    Planner.Plan firstQuestion(Lookahead look) {
        List<Planner.Plan> ranked = look.rank(look.wideCandidates());
        if (ranked.isEmpty()) return null;
        Planner.Plan best = ranked.get(0);
        return new Planner.Plan(best.question(), best.gain(), best.previews(),
                "what you said does not settle anything yet; this tells the causes apart best");
    }

    /**
     * When no single answer moves any cause (two facts that decide only together, such as the
     * domain's port and the app's), ask what the leading candidates still need, best first: goal-
     * directed questioning from the best hypothesis, as MYCIN did. Null when no candidate needs an
     * askable fact.
     */
    Planner.Plan leadersNeed(Lookahead look) {
        Engine.Judgement j = look.judgement();
        for (Diagnosis d : j.outcome().diagnoses()) {
            if (d.certainty() <= 0) continue;
            for (Need n : j.needs()) {
                if (!n.getCause().equals(d.cause())) continue;
                if (partnerUnknown(j, n) || look.presumptionFails(n.getKey()) || look.askedInOtherWords(n.getKey())) continue;
                FactSpec spec = engine.knowledge().vocabulary().get(n.getKey());
                if (spec == null || spec.question() == null) continue;
                List<Need> same = j.needs().stream().filter(x -> x.getKey().equals(n.getKey())).toList();
                Question q = new Question(n.getKey(), spec, 0, List.of(d.cause()), same);
                return new Planner.Plan(q, 0, List.of(), "the leading candidate " + d.cause() + " needs it"
                        + (n.getWhy().isBlank() ? "" : ": " + n.getWhy()));
            }
        }
        return null;
    }

    /**
     * Before concluding {@code top}: the fact its rule holds it below the sure line for ({@link NamedHold}), while
     * open and a question that can move it; once that fact was asked (answered or "don't know"), nothing more.
     * Otherwise, and for a diagnosis no rule holds, the look-alike question that could overturn it ({@link #separating}).
     * Null when none is left.
     */
    Planner.Plan lookalikeCheck(Lookahead look, Diagnosis top) {
        Set<String> awaited = NamedHold.awaited(look.judgement(), top, threshold);
        if (awaited.isEmpty()) return separating(look, top);
        Set<String> open = new LinkedHashSet<>();
        for (String key : awaited) if (!look.outcome().unknown().contains(key) && look.openQuestion(key) != null) open.add(key);
        boolean asked = awaited.stream().anyMatch(k -> look.outcome().unknown().contains(k) || look.outcome().fact(k) != null);
        if (open.isEmpty()) return asked ? null : separating(look, top);
        List<Planner.Plan> ranked = look.rank(open);
        if (!ranked.isEmpty()) {
            Planner.Plan p = ranked.get(0);
            return new Planner.Plan(p.question(), p.gain(), p.previews(), String.format(
                    "%s is held at %.2f until this is known: its look-alike reads the same", top.cause(), top.certainty()));
        }
        // the fact it names cannot move it (a presumption denied, no answer that changes anything): no hold to settle
        return asked ? null : separating(look, top);
    }

    /**
     * The facts {@code top}'s rule holds it below the sure line for ({@link NamedHold}) that the user answered "don't
     * know", one need each (its why says what reads the same). Asking another look-alike question instead was measured
     * on dev (round 20): 18 port clashes and 32 loopback binds asked one or two more (the redirect loop, a name that
     * fails), 2.84 to 2.97 questions a report, no right gained, none lost; ending inconclusive would have turned 52 right
     * diagnoses and 1 confident wrong one into "inconclusive". So the diagnosis stands and says what is not settled.
     */
    List<Need> unsettled(Lookahead look, Diagnosis top) {
        Set<String> awaited = NamedHold.awaited(look.judgement(), top, threshold);
        List<Need> out = new ArrayList<>();
        for (String key : awaited) {
            if (!look.outcome().unknown().contains(key)) continue;
            for (Need n : look.judgement().allNeeds()) {
                if (n.getKey().equals(key) && n.getCause().equals(top.cause())) { out.add(n); break; }
            }
        }
        return out;
    }

    /**
     * A question whose answer could overturn {@code cause}: a fact its near-miss cases state, one
     * its rules require absent ({@code not Fact(...)}), or any other its rules test (a refutation
     * rule is the cause's own word on a look-alike: a deploy that hit a time limit is not a failed
     * deploy step), still open. An answer that contradicts what is known ({@link Lookahead#contradicts})
     * overturns nothing: user10 was asked about a redirect loop right after reporting a 502.
     */
    Planner.Plan separating(Lookahead look, Diagnosis top) {
        String cause = top.cause();
        double certainty = top.certainty();
        double sure = readingsOnly(top) ? READINGS_SURE : LOOKALIKE_SURE;
        Set<String> keys = telling(cause);
        if (keys.isEmpty()) return null;
        // a user who could not tell two of the facts that tell this cause from its look-alikes is asked only what
        // its rules require absent, the cause's own refutation: their "don't know" leaves the diagnosis where it is
        // (a compose 404 fit at 0.70 was asked about long requests, the app's protocol, the proxy's log, then the
        // tunnel, before its networks), but a TLS error at the origin still overturns an unreachable origin
        if (unknownAmong(look, keys) >= LOOKALIKE_UNKNOWN_LIMIT) {
            keys = new LinkedHashSet<>(planner.answerSpace().guardsOf(cause));
            if (keys.isEmpty()) return null;
        }
        Planner.Plan best = null;
        double bestChance = 0;
        Object overturning = null;
        for (Planner.Plan p : look.rank(keys)) {
            double chance = 0;
            Object value = null;
            // a question that takes an open fact for granted is the second step of a look-alike's path (whether the
            // dependency runs, once there is one): its answer alone is judged as it stands
            boolean chained = look.presumedOpen(p.question().key()) != null;
            for (Planner.Preview v : p.previews()) {
                // an answer the known symptom rules out cannot overturn anything (a redirect loop after a 502)
                if (look.contradicts(p.question().key(), v.value())) continue;
                if (overturns(v, cause, chained)) {
                    chance += v.chance();
                    if (value == null) value = v.value();
                }
            }
            if (value != null && (best == null || chance > bestChance + 1e-9)) {
                best = p;
                bestChance = chance;
                overturning = value;
            }
        }
        if (best == null || (certainty >= sure && bestChance < LOOKALIKE_MIN_CHANCE)) return null;
        return new Planner.Plan(best.question(), best.gain(), best.previews(), String.format(
                "an answer of %s would overturn %s (its look-alikes differ here; chance %.2f)", overturning, cause, bestChance));
    }

    /**
     * Every support {@code top} counts reads the user's text only (their words or a line they pasted): no answer to
     * a question, no probe's finding. Such a diagnosis is what our patterns read, not yet anything the user checked.
     */
    static boolean readingsOnly(Diagnosis top) {
        boolean any = false;
        for (Evidence e : Certainty.counted(top.evidence())) {
            if (e.getCf() <= 0) continue;
            any = true;
            for (Fact f : e.getMatched()) if (!Fact.TEXT.equals(f.getSource())) return false;
        }
        return any;
    }

    private static int unknownAmong(Lookahead look, Set<String> keys) {
        int n = 0;
        for (String key : look.outcome().unknown()) if (keys.contains(key)) n++;
        return n;
    }

    /**
     * An answer that overturns the diagnosed {@code cause}: it rules it out, or another cause then leads, or it leaves
     * the cause below the threshold and raises a look-alike the rules take further. One that only lowers it a little,
     * still leading and nothing raised, is no look-alike's answer: asking it cost a question and kept the diagnosis
     * (user15b ud3: five look-alike questions after container-unhealthy fit at 0.70). A {@code chained} question (its
     * presumption still open, asked after it) keeps the wider test: its own answer is judged without the first step.
     * Dev: 2.43 to 2.34 questions on our causes, two more right, confident-wrong unchanged (without the last two
     * clauses 2.10, the same right; they keep the dependency look-alike of an unhealthy container, SameQuestionTest).
     */
    private static boolean overturns(Planner.Preview v, String cause, boolean chained) {
        if (v.ruledOut().contains(cause) || !cause.equals(v.topCause())) return true;
        if (chained) return v.status() != Status.DIAGNOSED;
        // below the threshold and a look-alike raised that the rules take further (a dependency down, once the
        // app is known to have one): the first step of a look-alike's own path
        return v.status() != Status.DIAGNOSED && !v.leads().isEmpty();
    }

    /**
     * The facts that can confirm or overturn {@code cause}: those its near-miss cases state, those its
     * rules require absent, and every other its rules test (ranking orders them; the set's order does not matter).
     */
    private Set<String> telling(String cause) {
        Set<String> keys = new LinkedHashSet<>(lookalikeKeys().getOrDefault(cause, Set.of()));
        keys.addAll(planner.answerSpace().guardsOf(cause));
        keys.addAll(planner.answerSpace().keysOf(cause));
        return keys;
    }

    /**
     * Two facts a rule needs together (the domain's port and the app's), the other answered unknown:
     * asking this one cannot move anything any more (nothing here moves a cause alone).
     */
    private static boolean partnerUnknown(Engine.Judgement j, Need n) {
        String other = partner(j, n);
        return other != null && j.outcome().unknown().contains(other);
    }

    /** The one other fact the rule behind {@code n} needs with it (the domain's port for the app's); null when not two. */
    private static String partner(Engine.Judgement j, Need n) {
        if (n.getRule() == null) return null;
        Set<String> keys = new LinkedHashSet<>();
        for (Need x : j.allNeeds()) if (n.getRule().equals(x.getRule()) && x.getCause().equals(n.getCause())) keys.add(x.getKey());
        keys.remove(n.getKey());
        return keys.size() == 1 ? keys.iterator().next() : null;
    }

    /** For each cause, the fact keys its near-miss cases ({@code expect: {not: cause}}) state. */
    private synchronized Map<String, Set<String>> lookalikeKeys() {
        if (lookalikeKeys != null) return lookalikeKeys;
        Map<String, Set<String>> out = new HashMap<>();
        Knowledge k = engine.knowledge();
        for (Knowledge.CaseFile f : k.loadCases()) {
            try {
                CaseInput c = f.read(k.vocabulary());
                if (c.expect() == null || c.expect().not() == null) continue;
                out.computeIfAbsent(c.expect().not(), x -> new LinkedHashSet<>()).addAll(c.facts().keySet());
            } catch (KnowledgeError e) {
                // a broken case is reported by rules check; it cannot name look-alikes
            }
        }
        lookalikeKeys = out;
        return out;
    }

    /** The causes still in play: candidates with positive certainty that are not ruled out. */
    public static List<String> inPlay(Outcome o) {
        return o.diagnoses().stream().filter(d -> d.certainty() > 0).map(Diagnosis::cause).toList();
    }
}
