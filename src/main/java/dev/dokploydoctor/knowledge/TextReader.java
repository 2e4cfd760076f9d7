package dev.dokploydoctor.knowledge;

import java.util.Arrays;

/**
 * Reads text the way people paste it, once, before any pattern runs: JSON-escaped log lines
 * ({@code \"}, {@code \n}, {@code \u003c}), Windows line ends, typographic quotes and ellipses,
 * runs of spaces and tabs, log prefixes ({@code web-1  | }, ISO or nginx timestamps), and lines
 * wrapped by a terminal or a mail client; in prose, a component's name typed one letter off and a
 * status spoken in words ({@link ProseWords}). The result keeps, for each of its characters, the
 * index of the character of the original it came from, so excerpts quote the original.
 * Every step is one pass over the text: linear.
 */
public final class TextReader {
    private TextReader() {}

    /**
     * The normalised text, its lower-case copy (for the literal prefilter), the offsets into the
     * original, and whether the text has a surrogate pair (a code point that takes two chars).
     */
    public record Reading(String original, String text, String lower, int[] origin, boolean wide) {
        /** The original text behind {@code text[start, end)}. */
        public String originalSpan(int start, int end) {
            if (start >= end || start >= origin.length) return "";
            int s = origin[start];
            int e = origin[Math.min(end, origin.length) - 1] + 1;
            return original.substring(s, Math.max(s, Math.min(e, original.length())));
        }
    }

    /** A growing text with the origin of each character (arrays, not a StringBuilder: this runs on every character pasted). */
    private static final class Out {
        char[] chars;
        int[] origin;
        int length;
        boolean cutWord; // lines(): a line a terminal cut mid-word was joined here (with a space)
        Out(int capacity) { chars = new char[Math.max(16, capacity)]; origin = new int[chars.length]; }
        void add(char c, int from) {
            if (length == chars.length) {
                chars = java.util.Arrays.copyOf(chars, length * 2);
                origin = java.util.Arrays.copyOf(origin, length * 2);
            }
            chars[length] = c;
            origin[length++] = from;
        }
        char last() { return chars[length - 1]; }
    }

    public static Reading read(String original) {
        return reading(original, lines(unescape(original), false));
    }

    /** A text's readings: as read, and with the words a terminal cut glued (null when it has no such cut). */
    public record Readings(Reading read, Reading cutWordsGlued) {}

    /**
     * {@link #read} and the reading with each line a terminal cut at a fixed width (80, 100, 120...
     * columns) joined back with no space between the two word characters of the cut ({@code port is alr}
     * + {@code eady allocated}). A cut at a space leaves the line one shorter, and a full line of that
     * width is as likely as a cut word: so the second reading's facts only add to the first's. The
     * characters are read once; the lines a second time only when the first pass met such a cut (up to
     * that join both passes are alike, so the first tells whether the second would glue anything).
     */
    public static Readings readings(String original) {
        Out chars = unescape(original);
        Out plain = lines(chars, false);
        Reading first = reading(original, plain);
        return new Readings(first, plain.cutWord ? reading(original, lines(chars, true)) : null);
    }

    private static Reading reading(String original, Out b) {
        // the user's prose as meant: a component's name typed one letter off, a status told in words
        ProseWords.Rewritten r = ProseWords.rewrite(b.chars, b.origin, b.length);
        char[] chars = r == null ? b.chars : r.chars();
        int[] origin = r == null ? b.origin : r.origin();
        int n = r == null ? b.length : r.length();
        char[] lower = new char[n];
        boolean wide = false;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            lower[i] = fold(c);
            wide |= Character.isSurrogate(c);
        }
        return new Reading(original, new String(chars, 0, n), new String(lower), java.util.Arrays.copyOf(origin, n), wide);
    }

    /**
     * The lower-case form the prefilter compares: every character a case-insensitive RE2 pattern
     * lets stand for {@code c} folds to the same one ({@code ſ} to {@code s}, the Kelvin sign to {@code k},
     * final sigma to sigma), so a literal found by the filter is never missed by it.
     */
    public static char fold(char c) {
        if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** Characters: JSON and HTML escapes, terminal colours, line ends, quotes, ellipses, spaces. */
    private static Out unescape(String s) {
        Out out = new Out(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                int j = i;
                while (j < n && s.charAt(j) == '\\') j++;
                if (j < n) {
                    char e = s.charAt(j);
                    switch (e) {
                        case '"', '\'', '/' -> { out.add(e, i); i = j; continue; }
                        // an escaped quote an editor made curly (\u201D): the quote, not a backslash
                        case '\u201C', '\u201D', '\u201E' -> { out.add('"', i); i = j; continue; }
                        case '\u2018', '\u2019' -> { out.add('\'', i); i = j; continue; }
                        // an escaped quote whose quote a page escaped again (\&quot;): the quote
                        case '&' -> {
                            int semi = entityEnd(s, j);
                            char q = semi < 0 ? 0 : entity(s, j + 1, semi);
                            if (q == '"' || q == '\'') { out.add(q, i); i = semi; continue; }
                        }
                        case 'n' -> { newline(out, i); i = j; continue; }
                        case 'r' -> { i = j; continue; }
                        case 't' -> { space(out, i); i = j; continue; }
                        case 'u' -> {
                            if (j + 4 < n && isHex(s, j + 1, 4)) {
                                char u = (char) Integer.parseInt(s.substring(j + 1, j + 5), 16);
                                // a colour code a JSON log escaped (\u001b[31m): its sequence goes on after the escape
                                if (u == TerminalCodes.ESC) { i = TerminalCodes.end(s, j + 4) - 1; continue; }
                                if (u == '\n') newline(out, i);
                                else if (u == '\r') { /* dropped */ }
                                else if (u == '\t' || u == ' ') space(out, i);
                                else out.add(u, i);
                                i = j + 4;
                                continue;
                            }
                        }
                        default -> { }
                    }
                }
                out.add('\\', i);
                i = j - 1;
                continue;
            }
            if (c == TerminalCodes.ESC) { i = TerminalCodes.end(s, i) - 1; continue; }   // a terminal's colour: no text
            int from = i;
            if (c == '&') { // an HTML entity, as a scraped or mailed issue shows the text: &quot; &#39; &lt; &#x2F;
                int semi = entityEnd(s, i);
                char d = semi < 0 ? 0 : entity(s, i + 1, semi);
                if (d == '\u2026') { out.add('.', i); out.add('.', i); out.add('.', i); i = semi; continue; }
                if (d != 0) { c = d; i = semi; }
            }
            if (c == '*' && i + 1 < n && s.charAt(i + 1) == '*') { // Markdown's bold marks: **502**, **`docker ps -a`**
                int j = i + 1;
                while (j + 1 < n && s.charAt(j + 1) == '*') j++;
                // a mark touches its word; a free-standing run is text (nslookup's "** server can't find", a masked "****")
                boolean touches = j + 1 < n && !Character.isWhitespace(s.charAt(j + 1)) || i > 0 && !Character.isWhitespace(s.charAt(i - 1));
                if (touches) { i = j; continue; }
            }
            switch (c) {
                case '\r' -> { if (i + 1 >= n || s.charAt(i + 1) != '\n') newline(out, from); }
                case '\n' -> newline(out, from);
                case '\t', '\f', '\u000B', '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u3000' -> space(out, from);
                case ' ' -> space(out, from);
                case '\u200B', '\u200C', '\u200D', '\uFEFF' -> { }
                case '\u2018', '\u2019', '\u201B', '\u2032', '\u00B4', '`' -> out.add(c == '`' ? '`' : '\'', from);
                case '\u201C', '\u201D', '\u201E', '\u2033' -> out.add('"', from);
                case '\u2026' -> { out.add('.', from); out.add('.', from); out.add('.', from); }
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> out.add('-', from);
                case '\u2028', '\u2029', '\u0085' -> newline(out, from);
                default -> out.add(c, from);
            }
        }
        return out;
    }

    /** The index of the ';' that ends an entity starting at {@code amp}, or -1 (an entity is short: &#x2019; at most). */
    private static int entityEnd(String s, int amp) {
        for (int k = amp + 1; k < s.length() && k <= amp + 8; k++) {
            char c = s.charAt(k);
            if (c == ';') return k > amp + 1 ? k : -1;
            if (!(Character.isLetterOrDigit(c) || c == '#')) return -1;
        }
        return -1;
    }

    /** The character of the entity {@code s[from, to)} (without '&' and ';'), or 0 for one not known. */
    private static char entity(String s, int from, int to) {
        if (s.charAt(from) == '#') {
            boolean hex = to > from + 1 && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X');
            int a = from + (hex ? 2 : 1);
            if (a >= to) return 0;
            int v = 0;
            for (int k = a; k < to; k++) {
                int d = Character.digit(s.charAt(k), hex ? 16 : 10);
                if (d < 0) return 0;
                v = v * (hex ? 16 : 10) + d;
                if (v > 0xFFFF) return 0;
            }
            return v == 0 || Character.isSurrogate((char) v) ? 0 : (char) v;
        }
        return switch (s.substring(from, to)) {
            case "quot" -> '"';
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "apos" -> '\'';
            case "nbsp" -> ' ';
            case "lsquo" -> '\u2018';
            case "rsquo" -> '\u2019';
            case "ldquo" -> '\u201C';
            case "rdquo" -> '\u201D';
            case "ndash" -> '\u2013';
            case "mdash" -> '\u2014';
            case "hellip" -> '\u2026';
            default -> 0;
        };
    }

    private static void space(Out out, int from) {
        if (out.length > 0 && out.last() == ' ') return; // a run of spaces is one space (an indent stays one space)
        out.add(' ', from);
    }

    private static void newline(Out out, int from) {
        // trailing spaces before a line end go
        while (out.length > 0 && out.last() == ' ') out.length--;
        out.add('\n', from);
    }

    private static boolean isHex(String s, int from, int len) {
        for (int k = from; k < from + len; k++) if (Character.digit(s.charAt(k), 16) < 0) return false;
        return true;
    }

    /**
     * Lines: drop a log prefix at the start of a line (a compose service column, a timestamp), and
     * join a line to the one before when that one was wrapped (long, not a sentence end) and this one
     * does not start a record of its own.
     */
    private static Out lines(Out in, boolean glueCuts) {
        boolean glued = false;
        char[] s = in.chars;
        Out out = new Out(in.length);
        int n = in.length;
        int width = wrapWidth(s, n);
        int pos = 0;
        int prevRawLength = -1;       // length of the previous line as pasted, -1 at the start
        int prevStart = 0;
        boolean prevQuoted = false;
        boolean prevRow = false;      // the previous line is a docker ps row: what follows is no wrap of it
        java.nio.CharBuffer all = java.nio.CharBuffer.wrap(s, 0, n);
        while (pos <= n) {
            int end = pos;
            while (end < n && s[end] != '\n') end++;
            // a quoted reply ("> " marks, as mail and forums quote) is read as its text; a quoted paragraph
            // that goes on from the line before is joined as any filled paragraph is
            int quoted = quoteEnd(s, pos, end);
            int at = quoted > pos && prevQuoted ? quoted : pos;
            int raw = end - at;
            boolean record = startsRecord(s, n, at, end);
            int body = skipPrefix(s, n, quoted, end);
            boolean cut = prevRawLength >= 70 && !record && body < end && continues(s, body) && !endsSentence(out)
                    && !wordAfterARecord(s, prevStart, prevRawLength, body);
            // after a docker ps row only a terminal's cut at its width goes on (the row's last cells wrapped)
            boolean afterRow = prevRow && !(cut && terminalWidth(prevRawLength));
            if (!afterRow && (cut || reflowed(s, n, prevStart, prevRawLength, at, end, width, out))) {
                // wrapped: the line before was cut here (a word cut by a terminal stays cut: a width
                // of 80 or 100 is as often a full line as a cut word)
                out.length--; // the '\n' added after the previous line
                boolean cutWord = terminalWidth(prevRawLength) && body < end && out.length > 0
                        && Character.isLetterOrDigit(out.last()) && Character.isLetterOrDigit(s[body]);
                if (glueCuts && cutWord) glued = true;
                else {
                    out.cutWord |= cutWord;
                    out.add(' ', in.origin[pos - 1]);
                }
            }
            for (int k = body; k < end; k++) out.add(s[k], in.origin[k]);
            if (end < n) out.add('\n', in.origin[end]);
            prevRawLength = quoted > pos ? end - quoted : raw;
            prevStart = quoted > pos ? quoted : pos;
            prevQuoted = quoted > pos;
            prevRow = PastedTable.row(all, body, end);
            pos = end + 1;
            if (end == n) break;
        }
        return glueCuts && !glued ? null : out;
    }

    /** Index after the "> " marks that quote a line ("> ", ">> ", "> > "); {@code pos} if none. */
    private static int quoteEnd(char[] s, int pos, int end) {
        int k = pos;
        while (k < end && s[k] == '>') {
            k++;
            if (k < end && s[k] == ' ') k++;
        }
        return k;
    }

    /** The widths a terminal or a console cuts long lines at. */
    private static boolean terminalWidth(int length) {
        return length == 80 || length == 100 || length == 120 || length == 132 || length == 160 || length == 200;
    }

    /**
     * The width prose was filled to by an editor or a mail client (72, 76, 80 columns): the longest
     * line of at most 100 characters, or 0 when that is under 60 (short lines are not a fill).
     */
    private static int wrapWidth(char[] s, int n) {
        int width = 0;
        for (int pos = 0, end; pos < n; pos = end + 1) {
            end = pos;
            while (end < n && s[end] != '\n') end++;
            if (end - pos <= 100) width = Math.max(width, end - pos);
        }
        return width >= 60 ? width : 0;
    }

    /**
     * A line of filled prose: its first word would not have fitted on the line before, which
     * reached the fill width (the test any re-filling tool makes). Such a break is the fill's, not
     * the writer's, whatever case the word starts with; a log line is told by its shape (a prefix, a
     * level in capitals, the same first word as the line before, key: value), not by its length.
     */
    private static boolean reflowed(char[] s, int n, int prevStart, int prevLength, int pos, int end, int width, Out out) {
        if (width == 0 || prevLength < 40 || prevLength > width || pos >= end) return false;
        int word = wordEnd(s, pos, end);
        if (prevLength + 1 + (word - pos) <= width) return false;
        char c = s[pos];
        boolean quoted = (c == '"' || c == '`') && !(end - pos >= 3 && s[pos + 1] == '`' && s[pos + 2] == '`'); // not a code fence
        if (!(Character.isLetterOrDigit(c) || c == '(' || c == '\'' || c == ',' || quoted)) return false;
        if (out.length < 2 || endsClause(out.chars[out.length - 2])) return false;
        if (startsRecord(s, n, pos, end) && !Character.isUpperCase(c) && !quoted) return false;
        // a line that opens with a logger's bracketed tag ("[ioredis] Unhandled error event: ...", "[Nest] 12 -",
        // "[nodemon]", "[error]") or a JSON object is a record, not filled prose: a word after it, in either case, is
        // the user's next sentence ("[ioredis] ... 127.0.0.1:6379" then "Last week Let's Encrypt rate-limited me, that's
        // over now." was one log-shaped line: the aside lost; lower-cased, the same)
        if (Character.isLetter(c) && opensARecord(s, prevStart, prevLength)) return false;
        if (Character.isUpperCase(c)) {
            // a line that closes a quotation (a log line's error="..." field) and a capitalised word: a new sentence
            if (out.chars[out.length - 2] == '"') return false;
            if (skipPrefix(s, n, pos, end) != pos || keyValue(s, pos, end)) return false;
            if (capitals(s, pos, word)) return false;                                   // INFO, ERROR, WARN
            int prevWord = wordEnd(s, prevStart, prevStart + prevLength);
            if (Arrays.equals(s, pos, word, s, prevStart, prevWord)) return false;     // "Creating x" twice
            // the line before is a log record (a level in capitals, a prefix): it sets no fill width, and
            // a capitalised line after it is the user's next sentence ("ERRO[0012] ... path=/api" then "Last
            // week Let's Encrypt rate-limited me, that's over now." was read as one line: the aside lost)
            if (capitals(s, prevStart, prevWord) || skipPrefix(s, n, prevStart, prevStart + prevLength) != prevStart) return false;
        }
        return true;
    }

    /**
     * A word after a line that opens with a logger's bracketed tag or a JSON object, a record that no one fills:
     * it goes on from it only where a terminal cut it (the line is as long as a terminal is wide); otherwise
     * it is the user's next sentence, in either case ("[ioredis] ... 127.0.0.1:6379" then "last week let's
     * encrypt rate-limited me, that's over now." was one log-shaped line, lower-cased: the aside lost).
     */
    private static boolean wordAfterARecord(char[] s, int prevStart, int prevLength, int body) {
        return Character.isLetter(s[body]) && !terminalWidth(prevLength) && opensARecord(s, prevStart, prevLength);
    }

    /** The line opens with a logger's bracketed tag ("[ioredis] ...", "[Nest] ...") or a JSON object: a record. */
    private static boolean opensARecord(char[] s, int start, int length) {
        return length > 0 && (bracketTag(s, start, start + length) || s[start] == '{');
    }

    /** "[ioredis] ...", "[Nest] ...", "[error] ...": a tag in brackets, one word of at most 30 characters, then a space. */
    private static boolean bracketTag(char[] s, int from, int end) {
        if (from >= end || s[from] != '[') return false;
        for (int k = from + 1; k < end && k <= from + 31; k++) {
            char c = s[k];
            if (c == ']') return k > from + 1 && k + 1 < end && s[k + 1] == ' ';
            if (c == ' ' || c == '(' || c == '[') return false; // a markdown link's text has spaces: "[this issue](...)"
        }
        return false;
    }

    private static int wordEnd(char[] s, int from, int end) {
        int k = from;
        while (k < end && s[k] != ' ') k++;
        return k;
    }

    private static boolean capitals(char[] s, int from, int to) {
        if (to - from < 2) return false;
        for (int k = from; k < to; k++) if (Character.isLowerCase(s[k])) return false;
        return true;
    }

    private static boolean endsClause(char c) {
        return c == ':' || c == ';' || c == '{' || c == '}' || c == '[' || c == ']' || c == '>' || c == '|' || c == '\\';
    }

    private static boolean endsSentence(Out out) {
        int i = out.length - 2; // before the '\n'
        if (i < 0) return true;
        char c = out.chars[i];
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '{' || c == '}' || c == ']' || c == '>';
    }

    /** A line that starts a record of its own: a prefix, a list item, YAML/JSON, a container row. */
    private static boolean startsRecord(char[] s, int n, int pos, int end) {
        if (pos >= end) return true;
        char c = s[pos];
        if (c == ' ' || c == '-' || c == '*' || c == '#' || c == '{' || c == '[' || c == '|' || c == '>' || c == '"' || c == '<') return true;
        if (skipPrefix(s, n, pos, end) != pos) return true;
        if (Character.isUpperCase(c)) return true;
        // a docker ps row (12 hex digits and a space) or a compose ps row (its lower-case name first)
        if (PastedTable.row(java.nio.CharBuffer.wrap(s, 0, n), pos, end)) return true;
        return keyValue(s, pos, end);
    }

    /** key: value, KEY=value */
    private static boolean keyValue(char[] s, int pos, int end) {
        for (int k = pos; k < end && k < pos + 40; k++) {
            char d = s[k];
            if (d == ':' || d == '=') return k + 1 >= end || s[k + 1] == ' ' || d == '=';
            if (!(Character.isLetterOrDigit(d) || d == '_' || d == '.' || d == '-')) break;
        }
        return false;
    }

    private static boolean continues(char[] s, int body) {
        char c = s[body];
        return Character.isLowerCase(c) || Character.isDigit(c) || c == '(' || c == '\'' || c == ',';
    }

    /**
     * Index after a log prefix at {@code pos}: a syslog/journald head ({@code Nov 02 09:14:03 host dockerd[812]: }),
     * a service column ({@code web-1  | }, docker service logs' {@code web.1.k2x9q8@node-1    | }), then a
     * timestamp; {@code pos} if none.
     */
    static int skipPrefix(char[] s, int n, int pos, int end) {
        // an indent stays (YAML's nesting is read by it); line-anchored entries allow one with ^\s*
        int i = jsonFileLog(s, pos, end);
        i = syslogHead(s, i, end);
        // docker compose: "web-1  | ", "app_1 | "; docker service logs: "web.1.<task>@<node>    | "
        int k = i;
        while (k < end && k - i < 96 && (Character.isLetterOrDigit(s[k]) || s[k] == '-' || s[k] == '_' || s[k] == '.' || s[k] == '@')) k++;
        if (k > i && k + 1 < end && s[k] == ' ' && s[k + 1] == '|') {
            i = k + 2;
            if (i < end && s[i] == ' ') i++;
        } else if (k > i && k < end && s[k] == '|') {
            i = k + 1;
            if (i < end && s[i] == ' ') i++;
        }
        // a timestamp: 2024-05-01T10:00:00(.123)(Z|+02:00) or 2024/05/01 10:00:00, optionally in [ ]
        int t = i;
        if (t < end && s[t] == '[') t++;
        if (t + 19 <= end && digits(s, n, t, 4) && (s[t + 4] == '-' || s[t + 4] == '/') && digits(s, n, t + 5, 2)
                && s[t + 7] == s[t + 4] && digits(s, n, t + 8, 2) && (s[t + 10] == 'T' || s[t + 10] == ' ')
                && digits(s, n, t + 11, 2) && s[t + 13] == ':' && digits(s, n, t + 14, 2) && s[t + 16] == ':' && digits(s, n, t + 17, 2)) {
            t += 19;
            if (t < end && (s[t] == '.' || s[t] == ',')) { t++; while (t < end && Character.isDigit(s[t])) t++; }
            if (t < end && s[t] == 'Z') t++;
            else if (t + 5 < end && (s[t] == '+' || s[t] == '-') && digits(s, n, t + 1, 2)) {
                t += 3;
                if (t < end && s[t] == ':') t++;
                if (digits(s, n, t, 2)) t += 2;
            }
            if (t < end && s[t] == ']') t++;
            if (t < end && s[t] == ' ') t++;
            i = t;
        }
        return i;
    }

    /**
     * Index after the head of docker's json-file log record ({@code {"log":"} ...{@code \n","stream":"stderr",...}),
     * as /var/lib/docker/containers/<id>/<id>-json.log holds it: its escapes are undone by now, the value
     * is the line the container wrote. {@code pos} if none.
     */
    private static int jsonFileLog(char[] s, int pos, int end) {
        String head = "{\"log\":\"";
        if (end - pos < head.length() + 1) return pos;
        for (int k = 0; k < head.length(); k++) if (s[pos + k] != head.charAt(k)) return pos;
        return pos + head.length();
    }

    /**
     * Index after a syslog or journalctl head: {@code Mmm dd hh:mm:ss host tag[pid]: } (the day may be
     * space-padded; a run of spaces is one by now); {@code pos} if none. journalctl -u docker shows
     * dockerd's and the containers' lines this way.
     */
    private static int syslogHead(char[] s, int pos, int end) {
        int t = pos;
        if (t + 16 > end || !Character.isUpperCase(s[t]) || !Character.isLowerCase(s[t + 1]) || !Character.isLowerCase(s[t + 2]) || s[t + 3] != ' ') return pos;
        t += 4;
        if (t < end && s[t] == ' ') t++;
        int d = t;
        while (t < end && t - d < 2 && Character.isDigit(s[t])) t++;
        if (t == d || t + 9 > end || s[t] != ' ') return pos;
        t++;
        if (!(digits(s, end, t, 2) && s[t + 2] == ':' && digits(s, end, t + 3, 2) && s[t + 5] == ':' && digits(s, end, t + 6, 2))) return pos;
        t += 8;
        if (t >= end || s[t] != ' ') return pos;
        t++;
        int host = t;                                           // the host name
        while (t < end && t - host < 64 && s[t] != ' ') t++;
        if (t == host || t >= end || s[t] != ' ') return pos;
        t++;
        int tag = t;                                            // dockerd[812]: or kernel:
        while (t < end && t - tag < 96 && s[t] != ' ' && s[t] != ':') t++;
        if (t == tag || t + 1 >= end || s[t] != ':' || s[t + 1] != ' ') return pos;
        return t + 2;
    }

    private static boolean digits(char[] s, int n, int from, int len) {
        if (from + len > n) return false;
        for (int k = from; k < from + len; k++) if (!Character.isDigit(s[k])) return false;
        return true;
    }
}
