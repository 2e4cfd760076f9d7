package dev.dokploydoctor.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 9 item 21: the one-line summaries in --help are whole sentences, not cut mid-sentence. */
class HelpTextTest {
    @Test void everyCommandPrintsTheVersion() {
        for (String[] args : List.of(new String[]{"explain", "--version"}, new String[]{"rules", "check", "--version"}, new String[]{"batch", "-V"})) {
            java.io.StringWriter out = new java.io.StringWriter();
            picocli.CommandLine cl = Main.commandLine();
            cl.setOut(new java.io.PrintWriter(out));
            cl.execute(args);
            assertTrue(out.toString().startsWith("dokploy-doctor "), String.join(" ", args) + " printed: '" + out + "'");
        }
    }

    /** A run builds only the command it names: that command's help and version read as with every command built. */
    @Test void aRunsOwnCommandLineMatchesTheFullOne() {
        CommandLine all = Main.commandLine();
        for (String name : all.getSubcommands().keySet()) {
            if (name.equals("help")) continue;
            CommandLine own = Main.commandLine(new String[]{name, "--help"});
            assertEquals(List.of(name), List.copyOf(own.getSubcommands().keySet()), name);
            assertEquals(all.getSubcommands().get(name).getUsageMessage(), own.getSubcommands().get(name).getUsageMessage(), name);
            java.io.StringWriter out = new java.io.StringWriter();
            own.setOut(new java.io.PrintWriter(out));
            own.execute(name, "--version");
            assertTrue(out.toString().startsWith("dokploy-doctor "), name + " --version printed: '" + out + "'");
        }
        assertEquals(all.getSubcommands().keySet(), Main.commandLine(new String[]{"help", "explain"}).getSubcommands().keySet());
        assertEquals(all.getSubcommands().keySet(), Main.commandLine(new String[]{"--help"}).getSubcommands().keySet());
        assertEquals(all.getUsageMessage(), Main.commandLine(new String[]{"nonsense"}).getUsageMessage());
    }

    @Test void everyCommandSummaryIsAWholeSentence() {
        List<String> cut = new ArrayList<>();
        check(Main.commandLine(), cut);
        assertEquals(List.of(), cut, "summaries (the first description line, shown in the parent's command list) must end a sentence");
    }

    private static void check(CommandLine cl, List<String> cut) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.UsageMessageSpec u = sub.getCommandSpec().usageMessage();
            String summary = u.header().length > 0 ? u.header()[0] : u.description().length > 0 ? u.description()[0] : "";
            String s = summary.strip();
            if (!(s.endsWith(".") || s.endsWith(".)"))) cut.add(sub.getCommandSpec().qualifiedName() + ": " + s);
            check(sub, cut);
        }
    }
}
