package dev.dokploydoctor.knowledge;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Words of the user's own prose read as what they stand for, before any pattern runs: a component name
 * typed one letter off ("Trafik", "treafik", "cloudfared", "postgress", "dockploy", "ngnix") is the name,
 * and an HTTP status spoken in words ("five-oh-two", "four oh four", "error five hundred and two") is the
 * number. Every catalog entry that names Traefik or reads a status then reads them too, without each
 * spelling out the variants.
 *
 * <p>Only a word standing alone in a line of prose is read so: a word joined to a name, a host, a path or
 * an image ({@code trafik-dashboard}, {@code postgress:5432}, {@code http://trafik}) is the user's own name
 * for something, and a log line quotes what a program printed, which spells its names right. A near-spelling
 * is one edit (a letter dropped, added, changed, or two swapped) from one of a closed list of component
 * names, never an English word ("postures", "docked", "reds" stay) and never another component's name
 * ("cloudflare" is not a misspelt "cloudflared"). A spoken status needs "oh"/"zero" in the middle
 * ("five-oh-two"), or, in the forms that also count things ("five hundred", "five twenty-one"), a word of
 * status beside it ("error five hundred and two", "a five hundred error"). One pass, a hash look-up per word:
 * linear in the text.
 */
final class ProseWords {
    private ProseWords() {}

    /** The text after the pass: its characters and, for each, the index of the original character it stands for. */
    record Rewritten(char[] chars, int[] origin, int length) {}

    /** The edits a near-spelling of a name may take; a short name's substitutions are English words ("docked", "redid"). */
    private enum Edits { ALL, DROP_OR_SWAP, SWAP }

    private static final Map<String, Edits> NAMES = new java.util.LinkedHashMap<>();
    static {
        NAMES.put("traefik", Edits.ALL);
        NAMES.put("cloudflared", Edits.ALL);
        NAMES.put("cloudflare", Edits.ALL);
        NAMES.put("dokploy", Edits.ALL);
        NAMES.put("postgres", Edits.ALL);
        NAMES.put("postgresql", Edits.ALL);
        NAMES.put("coolify", Edits.ALL);
        NAMES.put("nginx", Edits.ALL);
        NAMES.put("docker", Edits.DROP_OR_SWAP);
        NAMES.put("redis", Edits.SWAP);
    }

    /**
     * One edit from a name yet a word of its own: English words (checked against a word list: "postures" is one
     * letter from "postgres") and the names of other programs ("dockerd" is Docker's daemon, "postgrex" Elixir's
     * driver, "mongod" MongoDB's server).
     */
    private static final Set<String> WORDS = Set.of("postures", "dockerd", "postgrex", "dockers", "ginx");

    /** Near-spelling -> the name; built once, a few thousand entries. */
    private static final Map<String, String> NEAR = near();
    /**
     * The near-spellings by the hash of their lower-case letters, open addressing (an empty slot is null): a word
     * is looked up without making a string of it, nor an Integer of its hash.
     */
    private static final int[] SLOT_HASH;
    private static final String[][] SLOT_SPELLINGS;
    static {
        Map<Integer, String[]> byHash = new HashMap<>();
        for (String v : NEAR.keySet()) {
            String[] had = byHash.get(v.hashCode());
            String[] now = had == null ? new String[1] : java.util.Arrays.copyOf(had, had.length + 1);
            now[now.length - 1] = v;
            byHash.put(v.hashCode(), now);
        }
        int slots = Integer.highestOneBit(Math.max(1, byHash.size()) * 4 - 1) << 1; // at most a quarter full
        SLOT_HASH = new int[slots];
        SLOT_SPELLINGS = new String[slots][];
        for (Map.Entry<Integer, String[]> e : byHash.entrySet()) {
            int at = slot(e.getKey());
            while (SLOT_SPELLINGS[at] != null) at = (at + 1) & (slots - 1);
            SLOT_HASH[at] = e.getKey();
            SLOT_SPELLINGS[at] = e.getValue();
        }
    }

    private static int slot(int hash) { return (hash ^ hash >>> 16) & (SLOT_HASH.length - 1); }

    /** The name the letters {@code s[a, b)} (ASCII letters, any case) are one edit from, or null. */
    private static String nearName(char[] s, int a, int b) {
        int h = 0;
        for (int k = a; k < b; k++) h = 31 * h + (s[k] | 0x20); // an ASCII letter's lower case
        String[] candidates = null;
        for (int at = slot(h); SLOT_SPELLINGS[at] != null; at = (at + 1) & (SLOT_HASH.length - 1)) {
            if (SLOT_HASH[at] == h) { candidates = SLOT_SPELLINGS[at]; break; }
        }
        if (candidates == null) return null;
        for (String v : candidates) {
            if (v.length() != b - a) continue;
            boolean same = true;
            for (int k = 0; k < v.length() && same; k++) same = v.charAt(k) == (s[a + k] | 0x20);
            if (same) return NEAR.get(v);
        }
        return null;
    }

    private static Map<String, String> near() {
        Map<String, String> out = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Map.Entry<String, Edits> e : NAMES.entrySet()) {
            for (String v : variants(e.getKey(), e.getValue())) {
                String had = out.putIfAbsent(v, e.getKey());
                if (had != null && !had.equals(e.getKey())) ambiguous.add(v);
            }
        }
        out.keySet().removeAll(ambiguous);
        out.keySet().removeAll(NAMES.keySet());
        out.keySet().removeAll(WORDS);
        out.keySet().removeIf(v -> v.length() < 4);
        return out;
    }

    private static Set<String> variants(String name, Edits edits) {
        Set<String> out = new HashSet<>();
        int n = name.length();
        for (int i = 0; i + 1 < n; i++) out.add(name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2));
        if (edits == Edits.SWAP) return out;
        for (int i = 0; i < n; i++) out.add(name.substring(0, i) + name.substring(i + 1));
        if (edits == Edits.DROP_OR_SWAP) return out;
        for (int i = 0; i <= n; i++) {
            for (char c = 'a'; c <= 'z'; c++) {
                out.add(name.substring(0, i) + c + name.substring(i));
                if (i < n && c != name.charAt(i)) out.add(name.substring(0, i) + c + name.substring(i + 1));
            }
        }
        return out;
    }

    /** The component name {@code word} (any case) is one edit from, or null. */
    static String nearName(String word) {
        return word.length() < 4 || word.length() > 12 ? null : NEAR.get(word.toLowerCase(Locale.ROOT));
    }

    /** {@code s[0, n)} with near-spelt names and spoken statuses read; null when it has neither. */
    static Rewritten rewrite(char[] s, int[] origin, int n) {
        char[] out = null;
        int[] outOrigin = null;
        int len = 0;
        int copied = 0; // s[copied, a) is still to copy into out
        String whole = null;
        for (int a = 0; a < n; ) {
            if (!letter(s[a])) { a++; continue; }
            int b = a;
            while (b < n && letter(s[b])) b++;
            String replacement = null;
            int end = b;
            if (a == 0 || !letter(s[a - 1])) {
                Spoken spoken = spoken(s, a, b, n);
                if (spoken != null) {
                    replacement = spoken.digits();
                    end = spoken.end();
                } else if (b - a >= 4 && b - a <= 12) {
                    // the look-up first: it rules out nearly every word, and the checks of the word's place cost more
                    String name = nearName(s, a, b);
                    if (name != null && standsAlone(s, a, b, n)) {
                        if (whole == null) whole = new String(s, 0, n);
                        if (!inLogLine(whole, a, b)) replacement = inCase(name, s, a, b);
                    }
                }
            }
            if (replacement != null) {
                if (out == null) { out = new char[n + 16]; outOrigin = new int[n + 16]; }
                int need = len + (a - copied) + replacement.length();
                if (need > out.length) {
                    out = java.util.Arrays.copyOf(out, Math.max(need, out.length * 2));
                    outOrigin = java.util.Arrays.copyOf(outOrigin, out.length);
                }
                System.arraycopy(s, copied, out, len, a - copied);
                System.arraycopy(origin, copied, outOrigin, len, a - copied);
                len += a - copied;
                for (int k = 0; k < replacement.length(); k++) {
                    out[len] = replacement.charAt(k);
                    // each new character stands for the original's at the same place, the last for the original's last
                    outOrigin[len++] = origin[k == replacement.length() - 1 ? end - 1 : Math.min(a + k, end - 1)];
                }
                copied = end;
            }
            a = end;
        }
        if (out == null) return null;
        int need = len + (n - copied);
        if (need > out.length) {
            out = java.util.Arrays.copyOf(out, need);
            outOrigin = java.util.Arrays.copyOf(outOrigin, need);
        }
        System.arraycopy(s, copied, out, len, n - copied);
        System.arraycopy(origin, copied, outOrigin, len, n - copied);
        return new Rewritten(out, outOrigin, need);
    }

    private static boolean letter(char c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'; }

    /**
     * Not part of a name: no joiner of names, hosts, paths or images on either side ({@code trafik-dashboard},
     * {@code http://trafik}, {@code postgress:5432}, {@code db.postgress.internal}), no digit against it, not in
     * quotes (a name quoted as a program printed it), and not after a word that names it.
     */
    private static boolean standsAlone(char[] s, int a, int b, int n) {
        if (a > 0) {
            char c = s[a - 1];
            if (c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == '@' || c == '=' || c == '\\' || Character.isDigit(c)
                    || c == '"' || c == '`' || c == '\'') return false;
        }
        if (b < n) {
            char c = s[b];
            if (c == '-' || c == '_' || c == '/' || c == ':' || c == '@' || c == '=' || c == '\\' || Character.isDigit(c)
                    || c == '"' || c == '`') return false;
            if (c == '.' && b + 1 < n && Character.isLetterOrDigit(s[b + 1])) return false;
            if (c == '\'' && !(b + 1 < n && (s[b + 1] == 's' || s[b + 1] == 'S'))) return false; // a quote closes, "Trafik's" is the name's
        }
        return !named(s, a);
    }

    /** Words after which the next word is a name the user gave or a host a program looked up ("named trafik", "lookup postgress on"). */
    private static final Set<String> NAMING = Set.of("named", "called", "lookup", "getaddrinfo", "nslookup", "dig", "ping", "curl",
            "wget", "resolve", "resolving", "dial", "host", "hostname", "hostnames", "alias", "aliases");

    /**
     * Whether the word at {@code a} follows a word that names it, or an error code in capitals that quotes the host it
     * failed on ({@code getaddrinfo EAI_AGAIN postgress}, {@code ENOTFOUND trafik}).
     */
    private static boolean named(char[] s, int a) {
        int e = a;
        while (e > 0 && s[e - 1] == ' ') e--;
        if (e == a) return false;
        int k = e;
        while (k > 0 && (Character.isLetterOrDigit(s[k - 1]) || s[k - 1] == '_')) k--;
        if (e - k >= 5 && s[k] == 'E') {
            boolean code = true;
            for (int p = k; p < e && code; p++) code = Character.isUpperCase(s[p]) || Character.isDigit(s[p]) || s[p] == '_';
            if (code) return true;
        }
        return e > k && NAMING.contains(lower(s, k, e));
    }

    /** Whether the word at {@code [a, b)} is in a line shaped like a log line (a level, a timestamp, key=value). */
    private static boolean inLogLine(String text, int a, int b) {
        // the line around the word, at most REACH characters either way: bounded work per word, whatever the text
        int ls = a;
        while (ls > 0 && a - ls < REACH && text.charAt(ls - 1) != '\n') ls--;
        int le = b;
        while (le < text.length() && le - b < REACH && text.charAt(le) != '\n') le++;
        return DeniedClue.logLine(text, ls, le, ls == 0 || text.charAt(ls - 1) == '\n');
    }

    private static final int REACH = 400;

    /** The name in the case the user typed the word in: "Trafik" -> "Traefik", "TRAFIK" -> "TRAEFIK". */
    private static String inCase(String name, char[] s, int a, int b) {
        boolean upper = true;
        for (int k = a; k < b; k++) if (Character.isLowerCase(s[k])) { upper = false; break; }
        if (upper && b - a > 1) return name.toUpperCase(Locale.ROOT);
        if (Character.isUpperCase(s[a])) return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return name;
    }

    /** A status spoken in words: its digits, and where its words end. */
    private record Spoken(String digits, int end) {}

    private static final Map<String, Integer> UNITS = Map.of("zero", 0, "one", 1, "two", 2, "three", 3, "four", 4,
            "five", 5, "six", 6, "seven", 7, "eight", 8, "nine", 9);
    private static final Map<String, Integer> TEENS = Map.of("ten", 10, "eleven", 11, "twelve", 12, "thirteen", 13,
            "fourteen", 14, "fifteen", 15, "sixteen", 16, "seventeen", 17, "eighteen", 18, "nineteen", 19);
    /** Before a counted form ("five hundred"), these make it a status: "error five hundred", "HTTP five hundred". */
    private static final Set<String> STATUS_BEFORE = Set.of("error", "http", "status", "code");
    /** After it: "a five hundred error", "five twenty-one page", "four hundred bad request". */
    private static final Set<String> STATUS_AFTER = Set.of("error", "errors", "status", "code", "page", "pages", "response",
            "responses", "bad", "gateway", "internal", "service", "forbidden", "unauthorized", "not");

    /**
     * The status spoken from the word {@code s[a, b)} on: "four"/"five", then "oh"/"o"/"zero" and a unit
     * ("five-oh-two" 502), or "hundred" ["and"] [a unit, a teen, "twenty" [unit], "thirty"] ("five hundred and two"
     * 502), or "twenty" [unit] ("five twenty-one" 521); the last two only beside a word of status. Null when none.
     */
    private static Spoken spoken(char[] s, int a, int b, int n) {
        if (b - a != 4 || (s[a] != 'f' && s[a] != 'F')) return null;
        String first = lower(s, a, b);
        int hundreds = first.equals("four") ? 4 : first.equals("five") ? 5 : 0;
        if (hundreds == 0) return null;
        int[] w = nextWord(s, b, n);
        if (w == null) return null;
        String second = lower(s, w[0], w[1]);
        int rest;
        int end;
        boolean counted; // a form that also counts things: needs a word of status beside it
        if (second.equals("oh") || second.equals("o") || second.equals("zero")) {
            int[] u = nextWord(s, w[1], n);
            Integer unit = u == null ? null : UNITS.get(lower(s, u[0], u[1]));
            if (unit == null) return null;
            rest = unit;
            end = u[1];
            counted = false;
        } else if (second.equals("hundred")) {
            rest = 0;
            end = w[1];
            int[] x = nextWord(s, end, n);
            if (x != null && lower(s, x[0], x[1]).equals("and")) {
                int[] y = nextWord(s, x[1], n);
                Integer after = y == null ? null : tens(s, y, n);
                if (after != null) { rest = after % 100; end = after >= 100 ? tensEnd(s, y, n) : y[1]; }
            } else if (x != null) {
                Integer after = tens(s, x, n);
                if (after != null) { rest = after % 100; end = after >= 100 ? tensEnd(s, x, n) : x[1]; }
            }
            counted = true;
        } else if (second.equals("twenty")) {
            Integer t = tens(s, w, n);
            rest = t % 100;
            end = t >= 100 ? tensEnd(s, w, n) : w[1];
            counted = true;
        } else {
            return null;
        }
        int code = hundreds * 100 + rest;
        boolean known = code >= 400 && code <= 451 || code >= 500 && code <= 530;
        if (!known) return null;
        if (counted && !besideStatus(s, a, end, n)) return null;
        return new Spoken(Integer.toString(code), end);
    }

    /**
     * A unit (1-9), a teen, "twenty" [unit] or "thirty" at the word {@code w}: its value, plus 100 when the
     * value took a second word ("twenty-one"); null when the word is none of these.
     */
    private static Integer tens(char[] s, int[] w, int n) {
        String word = lower(s, w[0], w[1]);
        Integer unit = UNITS.get(word);
        if (unit != null) return unit == 0 ? null : unit;
        Integer teen = TEENS.get(word);
        if (teen != null) return teen;
        if (word.equals("thirty")) return 30;
        if (!word.equals("twenty")) return null;
        int[] u = nextWord(s, w[1], n);
        Integer after = u == null ? null : UNITS.get(lower(s, u[0], u[1]));
        return after == null || after == 0 ? 20 : 100 + 20 + after;
    }

    /** Where "twenty-one" ends (the word after {@code w}). */
    private static int tensEnd(char[] s, int[] w, int n) { return nextWord(s, w[1], n)[1]; }

    /** A word of status just before the spoken number or just after it. */
    private static boolean besideStatus(char[] s, int a, int end, int n) {
        int k = a;
        while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '"' || s[k - 1] == '\'' || s[k - 1] == ':')) k--;
        int e = k;
        while (k > 0 && letter(s[k - 1])) k--;
        if (e > k && STATUS_BEFORE.contains(lower(s, k, e))) return true;
        int[] after = nextWord(s, end, n);
        return after != null && STATUS_AFTER.contains(lower(s, after[0], after[1]));
    }

    /** The next word after {@code from}, past one space or hyphen (a spoken number's own joiners); null when none. */
    private static int[] nextWord(char[] s, int from, int n) {
        if (from >= n || (s[from] != ' ' && s[from] != '-')) return null;
        int a = from + 1;
        if (a >= n || !letter(s[a])) return null;
        int b = a;
        while (b < n && letter(s[b])) b++;
        return new int[] {a, b};
    }

    private static String lower(char[] s, int a, int b) { return new String(s, a, b - a).toLowerCase(Locale.ROOT); }
}
