package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.TerminalCodes;

/**
 * Reads what the user types at a prompt: one line, or a block between two lines of three quotes.
 * Ctrl-C surfaces as {@link Console.Interrupted}, a failed background load as {@link Console.Woken}.
 * While an answer is read, the question's fact is exposed for Tab completion of its choices.
 */
final class Prompter {
    private final Console console;
    /** The question being read right now; null at other prompts. */
    private volatile FactSpec asking;
    /** True while a read waits for the user (only then may a probe's arrival cut it short). */
    private volatile boolean reading;

    /** Told when a read starts waiting and when it ends, so warm-ups run only while the user is idle. */
    private final IdleWarmUp idle;

    Prompter(Console console, IdleWarmUp idle) {
        this.console = console;
        this.idle = idle;
    }

    FactSpec asking() { return asking; }

    boolean reading() { return reading; }

    /** Read the answer to a question about {@code spec}; Tab completes its choices meanwhile. */
    String answer(FactSpec spec) throws Console.Interrupted, Console.Woken {
        asking = spec;
        try {
            return line("> ");
        } finally {
            asking = null;
        }
    }

    /** Read a line; a line of three quotes starts a block that ends with the next such line. */
    String line(String prompt) throws Console.Interrupted, Console.Woken {
        String line;
        reading = true;
        idle.waiting();
        try {
            // a paste from a coloured terminal: its colour codes are no part of what the user says (user18 ug17)
            line = TerminalCodes.strip(console.readLine(prompt));
        } finally {
            reading = false;
            idle.answered();
        }
        if (line == null || !line.strip().equals("\"\"\"")) return line;
        StringBuilder block = new StringBuilder();
        while (true) {
            String more = TerminalCodes.strip(console.readLine("... "));
            if (more == null || more.strip().equals("\"\"\"")) return block.toString();
            block.append(more).append('\n');
        }
    }
}
