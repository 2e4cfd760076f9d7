package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Certainty;
import dev.dokploydoctor.engine.Diagnosis;
import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.Interview;
import dev.dokploydoctor.engine.Evidence;
import dev.dokploydoctor.report.CaseView;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Need;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.engine.Planner;
import dev.dokploydoctor.engine.Question;
import dev.dokploydoctor.engine.Status;
import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Suggest;
import dev.dokploydoctor.report.Style;
import dev.dokploydoctor.report.OutcomeView;
import dev.dokploydoctor.report.TextReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of the conversation, built from the engine's trace: the leading-causes line, the
 * diagnosis, an honest inconclusive, and the answers to why, how, why-not, facts and explain.
 */
public final class Explanations {
    private final Knowledge knowledge;
    private final Style style;
    private final double threshold;
    private final TextReport text;
    private final RuleIndex rules;

    public Explanations(Knowledge knowledge, Style style, double threshold) {
        this.knowledge = knowledge;
        this.style = style;
        this.threshold = threshold;
        this.text = new TextReport(knowledge, style, true);
        this.rules = RuleIndex.of(knowledge);
    }

    /** One compact line: the leading causes with certainty and how each moved since {@code before}. */
    public String leading(Outcome now, Outcome before) {
        List<Diagnosis> ds = now.diagnoses();
        if (ds.isEmpty()) return style.dim("  leading: no cause suggested yet");
        Map<String, Double> was = new HashMap<>();
        if (before != null) for (Diagnosis d : before.diagnoses()) was.put(d.cause(), d.certainty());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(3, ds.size()); i++) {
            Diagnosis d = ds.get(i);
            String part = d.cause() + " " + String.format("%.2f", Certainty.round(d.certainty()));
            Double w = was.get(d.cause());
            if (before != null && (w == null || Certainty.round(d.certainty()) > Certainty.round(w))) part += style.green(style.unicode() ? " ↑" : " +");
            else if (w != null && Certainty.round(d.certainty()) < Certainty.round(w)) part += style.red(style.unicode() ? " ↓" : " -");
            parts.add(part);
        }
        for (Diagnosis d : before == null ? List.<Diagnosis>of() : before.diagnoses()) {
            if (now.diagnoses().stream().noneMatch(n -> n.cause().equals(d.cause()))) {
                // the similar reports' vote steps aside once a rule speaks: nothing ruled the cause out (user20 n3: a
                // cause the vote held was called ruled out by a yes that said nothing against it; why-not then said
                // no rule had suggested it)
                parts.add(style.dim(d.restsOnTheVoteAlone() ? d.cause() + " (only the similar reports' hint) set aside" : d.cause() + " ruled out"));
                break;
            }
        }
        return "  " + style.dim("leading:") + " " + String.join(", ", parts);
    }

    /**
     * The conclusion, from the view batch renders: the cause, certainty, why, evidence, fixes with
     * placeholders filled, how to verify; every other cause at or above the threshold as a finding
     * with its own fix (as in batch text), then the candidates below it.
     */
    public String conclusion(Outcome o) {
        OutcomeView v = OutcomeView.of(o, knowledge, true);
        OutcomeView.CauseView d = v.top();
        StringBuilder sb = new StringBuilder();
        String what = o.status() == Status.ADVICE ? "advice: " : "diagnosis: ";
        sb.append(text.mark(o.status())).append(' ').append(style.bold(what + d.cause())).append(' ')
                .append(text.certainty(d.certainty())).append("  ").append(d.title()).append('\n');
        sb.append(text.detail(d, "    "));
        List<OutcomeView.CauseView> rest = v.causes().subList(1, v.causes().size());
        List<OutcomeView.CauseView> considered = new ArrayList<>();
        for (OutcomeView.CauseView f : rest) {
            if (!v.findings().contains(f)) {
                considered.add(f);
                continue;
            }
            sb.append("    ").append(text.mark(o.status())).append(" also diagnosed: ").append(f.cause()).append(' ')
                    .append(text.certainty(f.certainty())).append("  ").append(style.dim(f.title())).append('\n');
            sb.append(text.detail(f, "      "));
        }
        if (!considered.isEmpty()) sb.append("    ").append(style.dim("also considered: " + text.candidates(considered, 3))).append('\n');
        return sb.toString();
    }

    /**
     * Nothing reaches the threshold and no question is left (or a limit stopped them: {@code stop}): say so, list the candidates,
     * what to check first and the first fix of the leading ones, the facts that would settle them (those answered unknown, found
     * by evaluating without them) and the field reports most like this session.
     */
    public String inconclusive(Outcome o, Outcome ignoringUnknown, Interview.Stop stop, Set<String> unread, List<OutcomeView.SimilarView> similar) {
        StringBuilder sb = new StringBuilder();
        sb.append(style.warn()).append(' ').append(style.bold("inconclusive")).append(stop == Interview.Stop.NOTHING_MOVES
                ? ": no question I can still ask would settle this.\n" : ": I stop asking here.\n");
        if (o.diagnoses().isEmpty()) {
            sb.append("    no cause fits what you told me; 'facts' shows what I know, 'restart' starts over\n");
        } else {
            List<OutcomeView.CauseView> candidates = OutcomeView.of(o, knowledge, false).causes();
            sb.append("    candidates: ").append(text.candidates(candidates, 4)).append('\n');
            leadingChecks(sb, candidates);
        }
        List<Question> settle = settling(o, ignoringUnknown);
        List<Question> notRead = settle.stream().filter(q -> unread.contains(q.key())).toList();
        List<Question> notKnown = settle.stream().filter(q -> !unread.contains(q.key())).toList();
        settleLines(sb, "would settle it (you did not know these):", notKnown);
        settleLines(sb, "would settle it (I could not read your answers to these; say them in other words):", notRead);
        if (!settle.isEmpty()) sb.append("    use 'change <key>' once you have them, or 'report' to ask for help with the whole session\n");
        similarLines(sb, similar);
        return sb.toString();
    }

    /** How many leading candidates an inconclusive ending shows a first check and fix for. */
    static final int LEADING_SHOWN = 2;

    /**
     * For the leading candidates with fixes (at {@link OutcomeView#FIXES_FROM} or more): the first line of how to
     * check it and the first fix's title, so an inconclusive ending still says where to look ('how' and
     * 'explain' give the rest).
     */
    private void leadingChecks(StringBuilder sb, List<OutcomeView.CauseView> candidates) {
        int shown = 0;
        for (OutcomeView.CauseView c : candidates) {
            if (shown == LEADING_SHOWN || c.plan() == null || c.certainty() <= 0) break;
            shown++;
            sb.append("    if it is ").append(style.bold(c.cause())).append(":\n");
            String check = firstLine(c.plan().verify());
            // the check's $VARIABLES declared as the diagnosed endings declare them (user24: a raw $DOMAIN_HOST, no block)
            sb.append(TextReport.setFirst(TextReport.usedIn(c.plan(), check), "      ", style));
            if (check != null) sb.append("      ").append(style.info()).append(" check: ").append(check).append('\n');
            if (!c.plan().fixes().isEmpty()) {
                sb.append("      ").append(style.info()).append(" fix: ").append(c.plan().fixes().get(0).fix().title())
                        .append(style.dim("  ('explain " + c.cause() + "' for the commands)")).append('\n');
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) return null;
        String line = s.strip().lines().findFirst().orElse("").strip();
        return line.isEmpty() ? null : line;
    }

    /** The field reports most like this session: what each turned out to be and the fix that worked. */
    private void similarLines(StringBuilder sb, List<OutcomeView.SimilarView> similar) {
        if (similar.isEmpty()) return;
        sb.append("    similar field reports (what they turned out to be, and the fix):\n");
        for (OutcomeView.SimilarView v : similar) {
            sb.append("      ").append(style.info()).append(' ').append(v.link()).append("  ").append(style.bold(v.cause())).append('\n');
            if (v.fix() != null && !v.fix().isBlank()) sb.append("          fixed by: ").append(v.fix()).append('\n');
        }
    }

    private void settleLines(StringBuilder sb, String heading, List<Question> questions) {
        if (questions.isEmpty()) return;
        sb.append("    ").append(heading).append('\n');
        for (Question q : questions.subList(0, Math.min(5, questions.size()))) {
            sb.append("      ").append(style.info()).append(' ').append(q.key()).append(": ").append(q.text())
                    .append(style.dim("  (for " + String.join(", ", q.causes()) + ")")).append('\n');
        }
    }

    /** The questions answered "don't know" that would decide: those the outcome without the unknowns asks. */
    private static List<Question> settling(Outcome o, Outcome ignoringUnknown) {
        List<Question> settle = new ArrayList<>();
        for (Question q : ignoringUnknown.questions()) if (o.unknown().contains(q.key())) settle.add(q);
        return settle;
    }

    /**
     * The interview ended because none of our causes fits ({@link Interview.Stop#NONE_FITS}): say so
     * plainly, with what was checked (the answers and what they ruled out) and the field reports most
     * like this session, whose fixes are the best lead outside our list.
     */
    public String noneFits(Outcome o, List<OutcomeView.SimilarView> similar) {
        long known = knowledge.causes().values().stream().filter(c -> !c.isAdvice()).count();
        StringBuilder sb = new StringBuilder();
        sb.append(style.warn()).append(' ').append(style.bold("inconclusive"))
                .append(": none of the ").append(known).append(" causes I know fits what you told me.\n");
        List<String> checked = new ArrayList<>();
        for (Fact f : o.facts()) {
            if (!Fact.USER.equals(f.getSource()) && !Fact.TEXT.equals(f.getSource())) continue;
            if (f.getKey().equals("fault.reported") || f.getKey().equals("similar.cause")) continue;
            checked.add(f.getKey() + " = " + f.getValue());
        }
        for (String k : o.unknown()) checked.add(k + " = ?");
        if (!checked.isEmpty()) sb.append("    what I checked: ").append(String.join(", ", checked)).append('\n');
        List<String> ruledOut = Planner.ruledOut(o);
        if (!ruledOut.isEmpty()) sb.append("    ruled out: ").append(String.join(", ", ruledOut)).append('\n');
        if (!o.diagnoses().isEmpty()) {
            sb.append("    weak hints only: ").append(text.candidates(OutcomeView.of(o, knowledge, false).causes(), 3)).append('\n');
        }
        if (similar.isEmpty()) sb.append("    no field report is like this one either; 'report' writes the session up to ask for help\n");
        similarLines(sb, similar);
        sb.append("    'change <key>' revisits an answer, 'restart' starts over\n");
        return sb.toString();
    }

    /**
     * After a diagnosis its rule holds below the sure line, the check the user could not answer that would settle it
     * ("you did not know host.port_holder_found: ..."); null when nothing was left so.
     */
    public String unsettled(Interview.Conclude conclude) {
        if (conclude.unsettled().isEmpty() || conclude.outcome().top() == null) return null;
        StringBuilder sb = new StringBuilder();
        for (Need n : conclude.unsettled()) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append("  not settled: you did not know ").append(n.getKey()).append(String.format(", which holds %s at %.2f, short of a sure diagnosis",
                    conclude.outcome().top().cause(), Certainty.round(conclude.outcome().top().certainty())));
            if (!n.getWhy().isBlank()) sb.append(": ").append(n.getWhy());
            sb.append("; 'change ").append(n.getKey()).append("' once you have looked");
        }
        return sb.toString();
    }

    /**
     * 'why' once the interview has ended: how it ended (a diagnosis, or which stop) and what would
     * change that: the questions answered "don't know" that would settle it, the questions still
     * open, or, after a diagnosis, the answers it rests on ('change' revisits one).
     */
    public String whyEnded(Interview.Step ending, Outcome o, Outcome ignoringUnknown, Set<String> unread) {
        StringBuilder sb = new StringBuilder("No question is open: ");
        if (ending instanceof Interview.Conclude) {
            Diagnosis top = o.top();
            sb.append("the interview ended with ").append(top == null ? "a conclusion" : style.bold(top.cause()) + " " + certaintyOf(top.cause(), o))
                    .append(", at or above the threshold of ").append(threshold).append(".\n");
            Set<String> rests = new LinkedHashSet<>();
            if (top != null) {
                for (Evidence e : Certainty.counted(o.evidence().stream().filter(x -> x.getCause().equals(top.cause())).toList())) {
                    if (e.getCf() > 0) for (Fact f : e.getMatched()) rests.add(f.getKey() + " = " + f.getValue());
                }
            }
            if (!rests.isEmpty()) sb.append("  ").append(style.info()).append(" it rests on: ").append(String.join(", ", rests)).append('\n');
            for (Need n : ((Interview.Conclude) ending).unsettled())
                sb.append("  ").append(style.info()).append(" not settled: ").append(n.getKey()).append(" (you did not know it); 'change ")
                        .append(n.getKey()).append("' once you have looked\n");
            sb.append("  ").append(style.info()).append(" what would change it: a different answer to one of those ('change <key>'), or a new observation; 'how' shows the reasoning\n");
            return sb.toString();
        }
        Interview.Stop stop = ending instanceof Interview.End end ? end.stop() : Interview.Stop.NOTHING_MOVES;
        sb.append("the interview ended inconclusive, ").append(switch (stop) {
            case NOTHING_MOVES -> "because no question I can still ask would move a cause across the threshold or rule out the leader";
            case QUESTION_LIMIT -> "after " + Interview.QUESTION_LIMIT + " questions";
            case UNANSWERED_LIMIT -> "after " + o.unknown().size() + " questions without an answer I could use";
            case NONE_FITS -> "because none of the causes I know fits what you told me";
        }).append(".\n");
        if (o.top() != null) sb.append("  ").append(style.info()).append(" leading: ").append(o.top().cause()).append(' ').append(certaintyOf(o.top().cause(), o))
                .append(", short of ").append(threshold).append('\n');
        List<String> settle = settling(o, ignoringUnknown).stream().map(Question::key).toList();
        List<String> open = o.questions().stream().map(Question::key).filter(k -> !settle.contains(k)).toList();
        List<String> notKnown = settle.stream().filter(k -> !unread.contains(k)).toList();
        List<String> notRead = settle.stream().filter(unread::contains).toList();
        if (!notKnown.isEmpty()) sb.append("  ").append(style.info()).append(" what would change it: an answer to ")
                .append(String.join(", ", notKnown.subList(0, Math.min(5, notKnown.size())))).append(" (you did not know these; 'change <key>' once you do)\n");
        if (!notRead.isEmpty()) sb.append("  ").append(style.info()).append(notKnown.isEmpty() ? " what would change it: an answer to " : " and to ")
                .append(String.join(", ", notRead.subList(0, Math.min(5, notRead.size())))).append(" (I could not read your answers; 'change <key>' says them again)\n");
        if (!open.isEmpty()) sb.append("  ").append(style.info()).append(settle.isEmpty() ? " what would change it: " : " also open: ")
                .append(String.join(", ", open.subList(0, Math.min(5, open.size())))).append(" ('next' asks them)\n");
        if (settle.isEmpty() && open.isEmpty()) sb.append("  ").append(style.info())
                .append(" what would change it: a new observation (an error line, a status code, what changed just before): type it, or 'restart'\n");
        return sb.toString();
    }

    /** Why this question: the causes it separates, the rules that need it, what each answer would do. */
    public String why(Planner.Plan plan, Outcome o) { return why(plan, o, null); }

    /** As {@link #why(Planner.Plan, Outcome)}; {@code with} evaluates the session with one more answer (the ifs in the user's terms). */
    public String why(Planner.Plan plan, Outcome o, java.util.function.Function<Fact, Outcome> with) {
        if (plan == null) {
            return "No question is open. " + (o.questions().isEmpty() ? "No rule needs anything more."
                    : "Open questions: " + String.join(", ", o.questions().stream().map(Question::key).toList()) + " ('next' asks them).");
        }
        Question q = plan.question();
        StringBuilder sb = new StringBuilder("I ask " + style.bold(q.key()) + " because:\n");
        List<String> causes = new ArrayList<>();
        for (String c : q.causes()) causes.add(c + " " + certaintyOf(c, o));
        sb.append("  ").append(style.info()).append(" it separates: ").append(String.join(", ", causes)).append('\n');
        for (Need n : q.needs()) {
            sb.append("  ").append(style.info()).append(" rule '").append(n.getRule()).append("' needs it for ").append(n.getCause())
                    .append(n.getWhy().isBlank() ? "" : ": " + n.getWhy()).append('\n');
        }
        if (!plan.previews().isEmpty()) {
            sb.append("  ").append(style.info()).append(' ').append(String.join("; ", PreviewWords.ifs(plan, o, with))).append('\n');
        }
        sb.append("  ").append(style.info()).append(" chosen as ").append(plan.reason()).append('\n');
        if (q.spec() != null && q.spec().help() != null) sb.append("  ").append(style.dim("help: " + q.spec().help())).append('\n');
        return sb.toString();
    }

    /** How a cause was reached: every rule that judged it and the facts it matched, with their sources. */
    public String how(String cause, Outcome o) {
        List<Evidence> evidence = o.evidence().stream().filter(e -> e.getCause().equals(cause)).toList();
        if (evidence.isEmpty()) return "No rule has said anything about " + cause + " yet; try 'why-not " + cause + "'.";
        StringBuilder sb = new StringBuilder("How I reached " + style.bold(cause) + " " + certaintyOf(cause, o) + ":\n");
        List<Evidence> counted = Certainty.counted(evidence);
        for (Evidence e : evidence) {
            sb.append("  ").append(String.format("%+.2f", e.getCf())).append(" rule '").append(e.getRule()).append("'")
                    .append(counted.contains(e) ? "" : style.dim(CaseView.NOT_COUNTED)).append('\n');
            for (Fact f : e.getMatched()) sb.append("        ").append(describe(f)).append('\n');
        }
        if (Certainty.heldAtCeiling(evidence)) sb.append("  ").append(style.dim(CaseView.WEAK_SIGNS)).append('\n');
        if (Certainty.heldByLookalikes(evidence)) sb.append("  ").append(style.dim(CaseView.LOOKALIKES)).append('\n');
        sb.append("  ").append(style.dim("(certainty factors combine MYCIN-style, an observation counted once; the threshold is " + threshold + ")")).append('\n');
        return sb.toString();
    }

    /** Why a cause is not the diagnosis: the fact that ruled it out, or the facts still missing. */
    public String whyNot(String cause, Outcome o, Outcome ignoringUnknown) {
        Cause info = knowledge.cause(cause);
        List<Evidence> evidence = o.evidence().stream().filter(e -> e.getCause().equals(cause)).toList();
        double cf = Certainty.ofCause(evidence);
        StringBuilder sb = new StringBuilder();
        Diagnosis top = o.top();
        if (top != null && top.cause().equals(cause) && o.status().isConclusive()) {
            return cause + " is the " + o.status().label() + " result " + certaintyOf(cause, o) + "; 'how " + cause + "' shows why.";
        }
        if (info != null && info.isAdvice() && o.diagnoses().stream().noneMatch(d -> d.cause().equals(cause))) {
            sb.append(cause).append(" is routing advice, given only when you ask how to route a service (user.goal = route-advice).\n");
        }
        List<Evidence> against = evidence.stream().filter(e -> e.getCf() < 0).toList();
        if (!against.isEmpty()) {
            sb.append(style.bold(cause)).append(" is ruled out (").append(String.format("%.2f", Certainty.round(cf))).append(") by:\n");
            for (Evidence e : against) {
                sb.append("  ").append(String.format("%+.2f", e.getCf())).append(" rule '").append(e.getRule()).append("'\n");
                for (Fact f : e.getMatched()) sb.append("        ").append(describe(f)).append('\n');
            }
        } else if (!evidence.isEmpty()) {
            sb.append(style.bold(cause)).append(" is only ").append(String.format("%.2f", Certainty.round(cf)))
                    .append(" certain; a diagnosis needs ").append(threshold).append(".\n");
            if (Certainty.heldAtCeiling(evidence)) sb.append("  ").append(CaseView.WEAK_SIGNS).append(": more weak signs will not do, a decisive fact will.\n");
            if (Certainty.heldByLookalikes(evidence)) sb.append("  ").append(CaseView.LOOKALIKES).append(".\n");
        }
        Set<String> missing = new LinkedHashSet<>();
        for (Question q : o.questions()) {
            for (Need n : q.needs()) if (n.getCause().equals(cause)) missing.add(line(q, n, false));
        }
        for (Question q : ignoringUnknown.questions()) {
            if (!o.unknown().contains(q.key())) continue;
            for (Need n : q.needs()) if (n.getCause().equals(cause)) missing.add(line(q, n, true));
        }
        if (!missing.isEmpty()) {
            sb.append("  missing:\n");
            for (String m : missing) sb.append("    ").append(style.info()).append(' ').append(m).append('\n');
        }
        if (evidence.isEmpty()) {
            sb.append("No rule has suggested ").append(style.bold(cause)).append(": none of the facts it looks for is known.\n");
            for (RuleIndex.RuleInfo r : rules.concluding(cause)) {
                if (r.keys().isEmpty()) continue;
                sb.append("  ").append(style.info()).append(" rule '").append(r.name()).append("' looks at ")
                        .append(String.join(", ", r.keys())).append('\n');
            }
        }
        return sb.toString();
    }

    private String line(Question q, Need n, boolean wasUnknown) {
        return q.key() + ": " + q.text() + (wasUnknown ? " (you said unknown)" : "") + style.dim("  [rule '" + n.getRule() + "']");
    }

    /** Every fact known, where it came from, and the keys answered unknown. */
    public String facts(Outcome o) {
        if (o.facts().isEmpty() && o.unknown().isEmpty()) return "Nothing known yet.";
        StringBuilder sb = new StringBuilder("Known facts:\n");
        int width = 0;
        for (Fact f : o.facts()) width = Math.max(width, f.getKey().length() + f.getText().length() + 3);
        width = Math.min(width, 48);
        for (Fact f : o.facts()) {
            String kv = f.getKey() + " = " + f.getText();
            sb.append("  ").append(String.format("%-" + width + "s", kv)).append("  ").append(style.dim(sourceOf(f))).append('\n');
        }
        if (!o.unknown().isEmpty()) sb.append("Answered unknown: ").append(String.join(", ", o.unknown())).append('\n');
        return sb.toString();
    }

    /** Everything about a cause: title, layer, why, all fixes (filled from the facts), verify, references. */
    public String explain(String cause, Outcome o) {
        Cause c = knowledge.cause(cause);
        if (c == null) {
            return cause + ": no description (knowledge/causes/" + cause + ".yaml is missing); 'how " + cause + "' shows its evidence.";
        }
        Diagnosis d = o.diagnoses().stream().filter(x -> x.cause().equals(cause)).findFirst()
                .orElse(new Diagnosis(cause, 0, c, List.of()));
        StringBuilder sb = new StringBuilder();
        sb.append(style.bold(cause)).append("  ").append(c.title()).append(style.dim("  [layer: " + c.layer() + ", " + c.kind() + "]")).append('\n');
        sb.append(text.detail(d, Engine.placeholderValues(o.facts()), "    "));
        for (String r : c.references()) sb.append("    ").append(style.dim("see: " + r)).append('\n');
        return sb.toString();
    }

    /** A cause id the user typed, or an error message with the nearest id; null input means the top cause. */
    public String resolveCause(String typed, Outcome o) {
        if (typed == null || typed.isBlank()) {
            if (o.top() != null) return o.top().cause();
            throw new IllegalArgumentException("no cause is leading yet; name one (Tab lists them)");
        }
        if (knowledge.cause(typed) != null) return typed;
        if (o.evidence().stream().anyMatch(e -> e.getCause().equals(typed))) return typed;
        String hint = Suggest.nearest(typed, knowledge.causes().keySet());
        throw new IllegalArgumentException("no cause '" + typed + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
    }

    String certaintyOf(String cause, Outcome o) {
        List<Evidence> evidence = o.evidence().stream().filter(e -> e.getCause().equals(cause)).toList();
        return evidence.isEmpty() ? "(no evidence)" : text.certainty(Certainty.ofCause(evidence));
    }

    static String sourceOf(Fact f) {
        String who = switch (f.getSource()) {
            case Fact.USER -> "you";
            case Fact.TEXT -> "your text";
            case Fact.PROBE -> "checked";
            case Fact.DERIVED -> "derived";
            default -> f.getSource();
        };
        return f.getEvidence().isBlank() ? who : who + ": " + f.getEvidence();
    }

    static String describe(Fact f) {
        return f.getKey() + " = " + f.getText() + "  (" + sourceOf(f) + ")";
    }
}
