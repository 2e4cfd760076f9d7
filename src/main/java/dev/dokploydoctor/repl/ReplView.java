package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.report.Style;

import java.util.List;

/** How the conversation's own lines look: the opening, a question with its hint line, notes. */
final class ReplView {
    private final Console console;
    private final Style style;

    ReplView(Console console) {
        this.console = console;
        this.style = console.style();
    }

    Style style() { return style; }

    void println(String line) { console.println(line); }

    void opening() {
        println(style.bold("What do you see?") + " Paste an error or log lines, type a status code or a URL, or pick a number:");
        for (String line : Opening.menuLines()) println(line);
        println(style.dim("  (multi-line text: paste it, or put it between \"\"\" lines; 'help' lists commands; Ctrl-D leaves)"));
    }

    /** A question and its hint line; the hint ends with the key in brackets (tests and Tab rely on it). */
    void question(String key, String text, FactSpec spec, String now) {
        println("");
        println(style.cyan("? ") + style.bold(text));
        println("  " + style.dim(kindLine(spec) + " · ? if you don't know · [" + key + "]" + (now == null ? "" : " · now: " + now)));
    }

    void invalid(String message, FactSpec spec) {
        println("  " + style.bad() + " " + message);
        println("  " + style.dim(kindLine(spec)));
    }

    void noted(List<Fact> facts) {
        println("  " + style.dim("noted: " + String.join(", ", facts.stream().map(f -> f.getKey() + " = " + f.getText()).toList())));
    }

    void dim(String text) { println(style.dim(text)); }

    void error(String message) { println(style.bad() + " " + message); }

    static String kindLine(FactSpec spec) {
        if (spec == null) return "text";
        return switch (spec.type()) {
            case BOOL -> "yes/no";
            case ENUM -> Reply.numbered(spec.values()) + " (Tab completes)";
            case INT -> "a number";
            case LIST -> "names, comma-separated";
            case STRING -> switch (spec.answer()) {
                case WORD -> "one name or value";
                case WORD_OR_NONE -> "one name or value, or none";
                case TEXT -> "text";
            };
        };
    }
}
