package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Suggest;
import dev.dokploydoctor.similar.SimilarReports;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the first prompt says to a line it cannot take as what the user sees (user24: "verify" and
 * "asdf qwerty" were noted as fault.reported = true and the interview started on nothing). Two kinds:
 * a lone command word that is no command at this prompt (the command line's, or "verify" from a fix's
 * text), and words none of which occur in any field report (gibberish, a typo of a whole line). A
 * real symptom in few words ("site down", "broken") shares words with the reports and is read as before.
 */
final class NotUnderstood {
    private NotUnderstood() {}

    /** The command line's commands and the REPL-like words users try; none is a command of this session. */
    static final Set<String> CLI_COMMANDS = Set.of("diagnose", "probe", "batch", "eval", "learn", "rules");
    static final Set<String> COMMAND_WORDS = Set.of("verify", "check", "test", "status", "run", "start", "list", "ls", "menu");

    /** The line under what was not understood: what the first prompt takes. */
    static final String HELP = "  tell me what you see (a status code, an error message, a URL) or pick a number; 'help' lists the commands";

    /**
     * What to say instead of noting a fault, or null when the line may describe one. Only for a line
     * from which nothing was read ({@code readNothing}): a host name, a URL or any fact is something.
     */
    static String said(String line, boolean readNothing, Supplier<SimilarReports> library) {
        if (!readNothing) return null;
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (CLI_COMMANDS.contains(word)) {
            return "'" + word + "' is a command of the command line ('dokploy-doctor " + word + "'), not of this session.";
        }
        if (COMMAND_WORDS.contains(word)) {
            return "'" + word + "' is no command here, and no symptom I can read."
                    + (word.equals("verify") || word.equals("check") ? " After a diagnosis, 'explain' shows how to check its fix." : "");
        }
        if (library.get().similar(line, Map.of(), 1).isEmpty()) {
            // a mistyped command ("explian", "simliar"): the command it is near, not only "not understood"
            String near = word.matches("[a-z-]{3,}") ? Suggest.nearest(word, Command.names()) : null;
            if (near != null) return "'" + word + "' is no command and no symptom I can read: did you mean '" + near + "'?";
            return "I did not understand that: no symptom, and none of its words occurs in the reports I know.";
        }
        return null;
    }
}
