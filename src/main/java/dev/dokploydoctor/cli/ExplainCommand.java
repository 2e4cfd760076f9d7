package dev.dokploydoctor.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** PLACEHOLDER: being written now. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class ExplainCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("explain: not built yet");
        return Main.INTERNAL;
    }
}
