package dev.dokploydoctor.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** PLACEHOLDER: being written now. */
@Command(name = "batch", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class BatchCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("batch: not built yet");
        return Main.INTERNAL;
    }
}
