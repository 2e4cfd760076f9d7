package dev.dokploydoctor.cli;

import dev.dokploydoctor.knowledge.KnowledgeError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** dokploy-doctor: with no command, guided diagnosis in the terminal. */
@Command(name = "dokploy-doctor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Troubleshoots apps on DokPloy behind Traefik and a Cloudflare Tunnel.",
                "With no command: guided diagnosis in the terminal (same as 'diagnose')."},
        footer = {"", "Exit codes: 0 no fault (or advice), 3 fault diagnosed, 4 inconclusive, 2 usage error or invalid input, 1 internal error."})
public final class Main implements Callable<Integer> {
    public static final int OK = ExitCodes.OK, INTERNAL = ExitCodes.INTERNAL, USAGE = ExitCodes.USAGE;

    /** The commands, in the order help lists them (registered here, not in @Command, so a run can build only its own). */
    static final List<Class<?>> COMMANDS = List.of(DiagnoseCommand.class, ProbeCommand.class, BatchCommand.class,
            RulesCommand.class, LearnCommand.class, ExplainCommand.class, EvalCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws Exception {
        // no subcommand: the guided diagnosis, with diagnose's defaults
        return new CommandLine(new DiagnoseCommand()).setExecutionExceptionHandler(Main::handle)
                .execute();
    }

    public static void main(String[] args) {
        // the version needs no command tree: building picocli's model of every command is most of its start-up
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(new Version().getVersion()[0]);
            System.exit(OK);
        }
        // nor does explaining a cause: picocli's model of the root and explain (their annotations read
        // through proxy classes made at run time, picocli's Java 5 classes verified at load) was a third
        // of explain's CPU (bench/README.md, Round 7)
        if (isPlainExplain(args)) System.exit(explain(args.length == 2 ? args[1] : null));
        System.exit(run(args));
    }

    /** {@code explain} or {@code explain CAUSE}: nothing for picocli to parse (no option, no @file, no --). */
    static boolean isPlainExplain(String[] args) {
        if (args.length == 0 || args.length > 2 || !args[0].equals("explain")) return false;
        if (args.length == 1) return true;
        String cause = args[1];
        return !cause.isEmpty() && !cause.startsWith("-") && !cause.startsWith("@");
    }

    /** {@code explain [CAUSE]} as picocli runs it: the same output, errors and exit codes. */
    static int explain(String causeId) {
        ExplainCommand command = new ExplainCommand();
        command.causeId = causeId;
        try {
            return command.call();
        } catch (Exception e) {
            return handle(e, new PrintWriter(System.err, true));
        }
    }

    public static int run(String... args) {
        String[] full = withDefaultCommand(args);
        return commandLine(full).execute(full);
    }

    /**
     * The bare command is 'diagnose' and takes every one of its options: arguments that do not start
     * with a command (or the program's own --help/--version) are diagnose's.
     */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0) return args;
        String first = args[0];
        if (command(first) != null) return args;
        if (List.of("-h", "--help", "-V", "--version").contains(first)) return args;
        if (!first.startsWith("-")) return args; // an unknown command: picocli says so
        String[] out = new String[args.length + 1];
        out[0] = "diagnose";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    /** Every command: for help, the docs and tests. */
    public static CommandLine commandLine() {
        return commandLine(COMMANDS);
    }

    /**
     * The command line for these arguments: the root and only the command they name (building picocli's
     * model of every command took ~0.15 s of CPU, about half of 'explain'); every command when they name
     * none or ask for help. No arguments run the guided diagnosis, which builds its own.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length == 0) return commandLine(List.of());
        Class<?> named = command(args[0]);
        return commandLine(named == null || named == CommandLine.HelpCommand.class ? COMMANDS : List.of(named));
    }

    private static Class<?> command(String name) {
        for (Class<?> c : COMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (command.name().equals(name) || List.of(command.aliases()).contains(name)) return c;
        }
        return null;
    }

    private static CommandLine commandLine(List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : commands) cl.addSubcommand(c);
        cl.setExecutionExceptionHandler(Main::handle);
        versionEverywhere(cl, new Version());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        return cl;
    }

    /** Every command's --version prints the program's version (picocli gives subcommands none: an empty line). */
    private static void versionEverywhere(CommandLine cl, Version version) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(version);
            versionEverywhere(sub, version);
        }
    }

    /** User errors (bad files, bad rules) are one clear message and exit 2; anything else is exit 1. */
    static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        return handle(ex, cl.getErr());
    }

    private static int handle(Exception ex, PrintWriter err) {
        if (ex instanceof KnowledgeError ke) {
            err.println("error: " + ke.describe());
            return USAGE;
        }
        if (ex instanceof UsageError ue) {
            err.println("error: " + ue.getMessage());
            return USAGE;
        }
        err.println("internal error: " + ex);
        if (System.getenv("DOKPLOY_DOCTOR_DEBUG") != null) ex.printStackTrace(err);
        else err.println("(set DOKPLOY_DOCTOR_DEBUG=1 for the stack trace)");
        return INTERNAL;
    }

    /** A usage problem found after parsing (a missing file, a bad combination of options). */
    public static final class UsageError extends RuntimeException {
        public UsageError(String message) { super(message); }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"dokploy-doctor " + (v == null ? "0.1.0" : v)};
        }
    }
}
