package dev.dokploydoctor.knowledge;

/**
 * A terminal's control sequences in pasted text: the colours of {@code docker compose logs}, Traefik's or a
 * framework's coloured log levels ({@code ESC[31mERROR ESC[0m}, {@code ESC[1mpostgres ESC[0m}). They are no
 * words: left in, they glue their parameters to the word after them ("[33m502") and hide it from the
 * catalog (user18 ug17: {@code getaddrinfo EAI_AGAIN ESC[1mpostgres} read no dependency). ECMA-48: a CSI is
 * ESC '[' , parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E; any other
 * ESC takes the one character after it (ESC '(' 'B' two).
 */
public final class TerminalCodes {
    private TerminalCodes() {}

    static final char ESC = '\u001B';

    /**
     * Where the control sequence whose ESC is at {@code esc} ends (the index after it): a CSI's final byte,
     * or the character after a lone ESC; {@code esc + 1} for an ESC at the text's end.
     */
    public static int end(CharSequence s, int esc) {
        int n = s.length();
        int i = esc + 1;
        if (i >= n) return i;
        if (s.charAt(i) != '[') return s.charAt(i) == '(' || s.charAt(i) == ')' ? Math.min(n, i + 2) : i + 1;
        i++;
        while (i < n && s.charAt(i) >= 0x30 && s.charAt(i) <= 0x3F) i++;
        while (i < n && s.charAt(i) >= 0x20 && s.charAt(i) <= 0x2F) i++;
        return i < n && s.charAt(i) >= 0x40 && s.charAt(i) <= 0x7E ? i + 1 : i;
    }

    /** {@code s} without its control sequences; the same string when it has none. */
    public static String strip(String s) {
        if (s == null || s.indexOf(ESC) < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ESC) { i = end(s, i); continue; }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
