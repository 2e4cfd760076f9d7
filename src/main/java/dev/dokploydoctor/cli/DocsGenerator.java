package dev.dokploydoctor.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build-time tool (dist/build.sh): man pages and the bash/zsh completion script, both generated
 * from the picocli command model. picocli's ManPageGenerator writes AsciiDoc man page sources;
 * they are turned into roff here (the few constructs it uses), so no AsciiDoc toolchain is needed.
 * Needs picocli-codegen on the class path (a provided dependency: it is not in the shipped jar).
 *
 * <p>Usage: {@code DocsGenerator MAN_DIR COMPLETION_FILE VERSION}
 */
public final class DocsGenerator {
    private DocsGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DocsGenerator MAN_DIR COMPLETION_FILE VERSION");
            System.exit(Main.USAGE);
        }
        Path manDir = Path.of(args[0]);
        Files.createDirectories(manDir);
        CommandLine root = Main.commandLine();
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        for (CommandLine cl : all) {
            CommandSpec spec = cl.getCommandSpec();
            if (spec.usageMessage().hidden()) continue;
            StringWriter adoc = new StringWriter();
            try (PrintWriter pw = new PrintWriter(adoc)) {
                ManPageGenerator.writeSingleManPage(pw, spec);
            }
            String page = pageName(spec);
            Files.writeString(manDir.resolve(page + ".1"), roff(adoc.toString(), page, summary(spec), args[2]), StandardCharsets.UTF_8);
        }
        Path completion = Path.of(args[1]);
        if (completion.getParent() != null) Files.createDirectories(completion.getParent());
        Files.writeString(completion, AutoComplete.bash("dokploy-doctor", root), StandardCharsets.UTF_8);
    }

    private static void collect(CommandLine cl, List<CommandLine> out) {
        if (cl.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) return;
        out.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) if (!out.contains(sub)) collect(sub, out);
    }

    /** dokploy-doctor, dokploy-doctor-probe, dokploy-doctor-rules-check ... (as git names its pages). */
    static String pageName(CommandSpec spec) { return spec.qualifiedName("-"); }

    /** The first sentence of the description, for the NAME line (picocli cuts at the first line). */
    static String summary(CommandSpec spec) {
        String text = String.join(" ", spec.usageMessage().description()).replaceAll("\\s+", " ").strip();
        int dot = text.indexOf(". ");
        return dot > 0 ? text.substring(0, dot) : text.replaceAll("\\.$", "");
    }

    private static final Pattern TERM = Pattern.compile("^(.*)::$");

    /** The AsciiDoc picocli writes, as roff for man(1). */
    static String roff(String adoc, String page, String summary, String version) {
        StringBuilder out = new StringBuilder();
        out.append(".TH \"").append(page.toUpperCase(Locale.ROOT)).append("\" \"1\" \"\" \"dokploy-doctor ")
                .append(version).append("\" \"dokploy-doctor Manual\"\n");
        out.append(".SH NAME\n").append(escape(page)).append(" \\- ").append(escape(summary)).append('\n');
        String section = null;
        boolean verbatim = false;
        for (String line : adoc.split("\n", -1)) {
            if (line.startsWith("//") || line.startsWith(":") || line.startsWith("= ")) continue;
            if (line.startsWith("== ")) {
                section = line.substring(3).strip();
                verbatim = section.equals("Synopsis");
                if (!section.equals("Name")) out.append(".SH ").append(section.toUpperCase(Locale.ROOT)).append('\n');
                if (verbatim) out.append(".nf\n");
                continue;
            }
            if ("Name".equals(section)) continue;
            if (verbatim && line.isBlank()) {
                if (out.toString().endsWith(".nf\n")) continue;
                out.append(".fi\n");
                verbatim = false;
                continue;
            }
            if (line.equals("[%hardbreaks]") || line.equals("[listing]") || line.equals("----") || line.equals("....")) continue;
            Matcher term = TERM.matcher(line);
            if (term.matches()) {
                out.append(".TP\n").append(inline(term.group(1))).append('\n');
                continue;
            }
            if (line.isBlank()) {
                if (!out.toString().endsWith(".PP\n") && !out.toString().endsWith(".TP\n")) out.append(".PP\n");
                continue;
            }
            String text = line.strip();
            boolean hardBreak = text.endsWith(" +");
            if (hardBreak) text = text.substring(0, text.length() - 2);
            out.append(inline(text)).append('\n');
            if (hardBreak || "Description".equals(section) || "Exit Status".equals(section)) out.append(".br\n");
        }
        if (verbatim) out.append(".fi\n");
        return out.toString().replaceAll("(?m)^\\.PP\n(\\.(SH|PP|TP))", "$1");
    }

    private static final Pattern BOLD = Pattern.compile("\\*([^*\\s][^*]*?)\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w\\\\])_([^_\\s][^_]*?)_(?!\\w)");

    private static String inline(String text) {
        String s = escape(text);
        s = BOLD.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\\fB" + m.group(1) + "\\fR"));
        s = ITALIC.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\\fI" + m.group(1) + "\\fR"));
        return s.replace("\\{", "{").replace("pass:[", "").replace("+++", "");
    }

    /** Backslashes and hyphens as roff wants them; a line starting with . or ' must not be a request. */
    private static String escape(String text) {
        String s = text.replace("\\", "\\e").replace("-", "\\-");
        if (s.startsWith(".") || s.startsWith("'")) s = "\\&" + s;
        return s;
    }
}
