package dev.dokploydoctor.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        return run(Main.commandLine(), args);
    }

    static Cli run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    static String[] args(String first, String[] rest, String... more) {
        String[] all = new String[1 + rest.length + more.length];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        System.arraycopy(more, 0, all, 1 + rest.length, more.length);
        return all;
    }
}
