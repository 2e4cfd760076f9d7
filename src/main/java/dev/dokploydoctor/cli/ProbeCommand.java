package dev.dokploydoctor.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** PLACEHOLDER: owned by a parallel work item; replaced before this lands. */
@Command(name = "probe", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class ProbeCommand implements Callable<Integer> {
    @Override public Integer call() {
        System.err.println("probe: not built yet");
        return Main.INTERNAL;
    }
}
