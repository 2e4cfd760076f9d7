package dev.dokploydoctor.report;

import java.nio.charset.Charset;

/**
 * Colours and marks for a real terminal; plain text when piped, with NO_COLOR, or TERM=dumb.
 * Marks fall back to ASCII when the terminal's charset is not UTF-8.
 */
public record Style(boolean color, boolean unicode) {
    public static final Style PLAIN = new Style(false, true);

    /** Detect from the environment: colour only when stdout is a terminal. */
    public static Style detect() {
        boolean tty = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        String term = System.getenv("TERM");
        boolean color = tty && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term);
        boolean unicode = Charset.defaultCharset().name().toUpperCase().contains("UTF")
                || String.valueOf(System.getenv("LANG")).toUpperCase().contains("UTF");
        return new Style(color, unicode);
    }

    public String ok() { return green(unicode ? "✓" : "[ok]"); }
    public String warn() { return yellow(unicode ? "!" : "[!]"); }
    public String bad() { return red(unicode ? "✗" : "[x]"); }
    public String info() { return dim(unicode ? "·" : "-"); }

    public String red(String s) { return wrap("31", s); }
    public String green(String s) { return wrap("32", s); }
    public String yellow(String s) { return wrap("33", s); }
    public String cyan(String s) { return wrap("36", s); }
    public String bold(String s) { return wrap("1", s); }
    public String dim(String s) { return wrap("2", s); }

    private String wrap(String code, String s) { return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s; }
}
