package dev.dokploydoctor.knowledge;

/**
 * Whether a line is a row of a pasted {@code docker ps} or {@code docker compose ps} table: it starts with a
 * 12-hex container id, or its CREATED and STATUS cells follow each other ("3 days ago Up 2 hours", "2 hours
 * ago Exited (1) ..."). A row's cells are read as cells: by the catalog's entries for that output (the image,
 * the state, the health of that row's container), never by our prose patterns, whose words a row holds by
 * accident (an image {@code traefik:v3.1.2}, a name {@code cloudflared}, a command {@code "uvicorn --host ..."});
 * and a row is never a wrapped line of the row before (a compose ps row starts with its lower-case name).
 */
final class PastedTable {
    private PastedTable() {}

    /** The states docker prints at the start of the STATUS cell (moby container state String()). */
    private static final String[] STATES = {"Up ", "Exited (", "Restarting (", "Created", "Paused", "Dead", "Removal In Progress"};

    /** Whether {@code s[from, to)}, one line, is a row of such a table. */
    static boolean row(CharSequence s, int from, int to) {
        if (to - from > 13) {
            boolean hex = true;
            for (int k = from; k < from + 12 && hex; k++) hex = Character.digit(s.charAt(k), 16) >= 0;
            if (hex && s.charAt(from + 12) == ' ') return true;
        }
        // "ago" then the state, one or more spaces apart (the reader has made a run of spaces one)
        for (int k = from; k + 4 < to; k++) {
            if (s.charAt(k) != ' ' || s.charAt(k + 1) != 'a' || s.charAt(k + 2) != 'g' || s.charAt(k + 3) != 'o' || s.charAt(k + 4) != ' ') continue;
            int p = k + 5;
            while (p < to && s.charAt(p) == ' ') p++;
            for (String state : STATES) if (startsWith(s, p, to, state)) return true;
        }
        return false;
    }

    /** The longest row looked at: a line longer than this is no table's row (and the work per match stays bounded). */
    static final int LONGEST = 1000;

    private static boolean startsWith(CharSequence s, int at, int to, String word) {
        if (at + word.length() > to) return false;
        for (int k = 0; k < word.length(); k++) if (s.charAt(at + k) != word.charAt(k)) return false;
        return true;
    }
}
