package dev.dokploydoctor.repl;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A command typed at any prompt. Parsing is strict (a known word, the right kind of argument), so
 * an answer or a pasted sentence such as "how should I route this?" is not mistaken for a command.
 */
public record Command(String name, String arg) {
    /** Name, argument (null: none, "?": optional, else required) and a one-line description. */
    record Spec(String name, String arg, String help) {}

    static final List<Spec> SPECS = List.of(
            new Spec("why", null, "why I ask the current question (the causes it separates); after the end, how it ended and what would change it"),
            new Spec("how", "?cause", "how a cause was reached: the rules and the facts they matched (default: the leading cause)"),
            new Spec("why-not", "cause", "why a cause is not the diagnosis: the fact that ruled it out, or the facts missing"),
            new Spec("explain", "?cause", "what a cause is, how to fix it and how to check the fix ('fix' too)"),
            new Spec("facts", null, "what I know, and where each fact came from"),
            new Spec("similar", null, "the field reports most like this session: link, what it turned out to be, the fix that worked"),
            new Spec("undo", null, "take back the last answer ('back' too); everything that followed from it is recomputed"),
            new Spec("change", "key", "change an earlier answer (or a checked fact)"),
            new Spec("next", null, "go on with the questions"),
            new Spec("restart", null, "start over (keeps what the probes checked)"),
            new Spec("example", "?id", "load a bundled example case (no id: list them)"),
            new Spec("save", "file", "save the session as a case file (YAML: id, text, facts, unknown)"),
            new Spec("report", "?file", "the whole session in Markdown, for a forum post or a ticket"),
            new Spec("reload", null, "re-read the rules and knowledge, keep the answers"),
            new Spec("help", null, "this list"),
            new Spec("quit", null, "leave (Ctrl-D works too)"));

    private static final Map<String, String> ALIASES = Map.of("exit", "quit", "q", "quit", "whynot", "why-not",
            "continue", "next", "undo!", "undo", "?help", "help",
            // user15 uc17: 'back' at a number question was read as the answer, 'fix' at the first prompt as a symptom
            "back", "undo", "fix", "explain", "fixes", "explain");
    private static final Pattern CAUSE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    private static final Pattern TOKEN = Pattern.compile("\\S+");

    public static List<String> names() { return SPECS.stream().map(Spec::name).toList(); }

    /** The command on this line, or null when the line is not a command (an answer, some text). */
    public static Command parse(String line) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length == 0 || parts.length > 2 || parts[0].isEmpty()) return null;
        String name = parts[0].toLowerCase(Locale.ROOT);
        name = ALIASES.getOrDefault(name, name);
        String arg = parts.length == 2 ? parts[1] : null;
        for (Spec s : SPECS) {
            if (!s.name().equals(name)) continue;
            if (s.arg() == null) return arg == null ? new Command(name, null) : null;
            boolean optional = s.arg().startsWith("?");
            if (arg == null) return new Command(name, null); // a missing required argument gets a usage line
            String kind = optional ? s.arg().substring(1) : s.arg();
            Pattern p = switch (kind) {
                case "cause", "id" -> CAUSE;
                case "key" -> KEY;
                default -> TOKEN;
            };
            return p.matcher(arg).matches() ? new Command(name, arg) : null;
        }
        return null;
    }

    public static String help() {
        StringBuilder sb = new StringBuilder("Commands (Tab completes; at any prompt):\n");
        for (Spec s : SPECS) {
            String head = s.name() + (s.arg() == null ? "" : s.arg().startsWith("?") ? " [" + s.arg().substring(1) + "]" : " <" + s.arg() + ">");
            sb.append(String.format("  %-20s %s%n", head, s.help()));
        }
        sb.append("Answers: yes/no, a choice (name or number), a number or text, alone or in a sentence ('yes, it's on\n"
                + "dokploy-network', 'it listens on port 3000', 'it says running'); ? or 'no idea' when you don't know.\n"
                + "More in an answer ('no, but the logs say ...') is read too. An answer that does not plainly say one\n"
                + "value ('not 3000', '3000?', 'bridge maybe', 'no wait, yes') is asked again, never guessed. A belief\n"
                + "('probably not') to a question with a command counts as ? : run the command to settle it.\n");
        sb.append("Multi-line text: paste it, or type \"\"\" on a line, the lines, and \"\"\" again. Ctrl-C cancels a question.");
        return sb.toString();
    }
}
