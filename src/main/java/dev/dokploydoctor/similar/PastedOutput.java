package dev.dokploydoctor.similar;

import java.util.regex.Pattern;

/**
 * The lines of a report that a similarity query leaves out: pasted command output that describes the
 * machine, not the problem. A {@code docker ps} table (its header and rows) and the header lines of an
 * HTTP response (after its status line, which stays) bring dozens of words (ids, "Up 3 hours", ports,
 * Content-Type, Date, Server) that any report with such a paste shares; a healthy paste then moved the
 * vote to other reports with pastes. Log and error lines stay: their words are the problem's.
 */
final class PastedOutput {
    private PastedOutput() {}

    /** A {@code docker ps} row starts with a 12-hex container id; its header with CONTAINER ID. */
    private static final Pattern PS_ROW = Pattern.compile("^\\s*(?:[0-9a-f]{12}\\s|CONTAINER ID\\s)");
    private static final Pattern HTTP_STATUS = Pattern.compile("^\\s*(?:< )?HTTP/\\d(?:\\.\\d)? \\d{3}\\b");
    private static final Pattern HTTP_HEADER = Pattern.compile("^\\s*(?:< )?[A-Za-z][A-Za-z0-9-]*: \\S");

    /** The text without such lines (unchanged when it has none). */
    static String strip(String text) {
        if (text == null || text.indexOf('\n') < 0 && !PS_ROW.matcher(text).find()) return text;
        java.util.List<String> kept = new java.util.ArrayList<>();
        boolean inHeaders = false;
        for (String line : text.split("\n", -1)) {
            if (HTTP_STATUS.matcher(line).find()) {
                inHeaders = true;
                kept.add(line);
                continue;
            }
            if (inHeaders && HTTP_HEADER.matcher(line).find()) continue;
            inHeaders = false;
            if (!PS_ROW.matcher(line).find()) kept.add(line);
        }
        return String.join("\n", kept);
    }
}
