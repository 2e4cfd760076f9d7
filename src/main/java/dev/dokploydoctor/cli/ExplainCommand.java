package dev.dokploydoctor.cli;

import dev.dokploydoctor.knowledge.Cause;
import dev.dokploydoctor.knowledge.FixPlan;
import dev.dokploydoctor.knowledge.Vocabulary;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.Suggest;
import dev.dokploydoctor.report.Style;
import dev.dokploydoctor.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Map;
import java.util.concurrent.Callable;

/** What a cause is, how to check it, how to fix it. With no cause: the list of causes. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a cause: what it is, how to check it, how to fix it. Without CAUSE: list all causes."})
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CAUSE", description = "A cause id, e.g. multi-container-isolation.")
    String causeId;

    @Mixin KnowledgeOptions knowledgeOptions = new KnowledgeOptions();

    @Override public Integer call() {
        Style style = Style.detect();
        if (causeId == null) {
            Knowledge k = knowledgeOptions.loadCauses(System.err); // no rules or catalog: explain shows neither
            System.out.println(style.bold("Causes") + " (dokploy-doctor explain <cause>):");
            for (Cause c : k.causes().values()) {
                System.out.printf("  %-36s %-10s %s%n", c.id(), c.isAdvice() ? "advice" : c.layer(), c.title());
            }
            return Main.OK;
        }
        Knowledge k = knowledgeOptions.loadCause(System.err, causeId); // only this cause's file is read
        Cause c = k.cause(causeId);
        if (c == null) {
            k = Knowledge.loadCauses(knowledgeOptions.layers()); // every cause, for the nearest name (its notes were said)
            String hint = Suggest.nearest(causeId, k.causes().keySet());
            throw new Main.UsageError("unknown cause '" + causeId + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                    + "; 'dokploy-doctor explain' lists them");
        }
        System.out.print(render(c, k.vocabulary(), style));
        return Main.OK;
    }

    /** The cause with its fixes as a diagnosis shows them: no facts are known, so every value is a variable to set first. */
    public static String render(Cause c, Vocabulary vocabulary, Style style) {
        StringBuilder sb = new StringBuilder();
        sb.append(style.bold(c.title())).append("  ").append(style.dim("[" + c.id() + ", " + (c.isAdvice() ? "advice" : "layer " + c.layer()) + "]")).append("\n\n");
        sb.append(c.why()).append("\n\n");
        FixPlan plan = FixPlan.of(c, Map.of(), vocabulary);
        String block = TextReport.setFirst(plan, "", style);
        if (!block.isEmpty()) sb.append(block).append('\n');
        int i = 1;
        for (FixPlan.Step step : plan.fixes()) {
            Cause.Fix f = step.fix();
            sb.append(style.bold((c.isAdvice() ? "Step " : "Fix ") + i++ + ": ")).append(step.onlyIf() == null ? "" : style.yellow("(" + step.onlyIf() + ") "))
                    .append(f.title()).append(style.dim("  [risk: " + f.risk() + "]")).append('\n');
            sb.append(TextReport.fixBody(f, "  ", style));
            sb.append('\n');
        }
        sb.append(style.bold("Verify: ")).append(plan.verify()).append('\n');
        if (!c.references().isEmpty()) {
            sb.append('\n').append(style.bold("References:")).append('\n');
            for (String r : c.references()) sb.append("  - ").append(r).append('\n');
        }
        return sb.toString();
    }
}
