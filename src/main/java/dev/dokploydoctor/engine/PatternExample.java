package dev.dokploydoctor.engine;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The shortest plain string a rule's {@code matches "..."} pattern accepts, as far as a simple walk
 * can tell: literals and escapes as written, the first alternative of a group, nothing for an
 * optional or starred part, one of a {@code +}, the first character of a class. So the planner can
 * simulate the answer "https://localhost:443" that a rule tests with a pattern. Null when the walk
 * meets something it does not know or its string does not match after all (checked, never guessed).
 */
final class PatternExample {
    private final String regex;
    private int at;

    private PatternExample(String regex) { this.regex = regex; }

    static String of(String regex) {
        try {
            String s = new PatternExample(regex).sequence();
            return s != null && Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(s).matches() ? s : null;
        } catch (PatternSyntaxException | IllegalStateException e) {
            return null;
        }
    }

    /** Alternatives up to the end or a closing parenthesis: the first one. */
    private String sequence() {
        StringBuilder first = null;
        StringBuilder cur = new StringBuilder();
        while (at < regex.length() && regex.charAt(at) != ')') {
            char c = regex.charAt(at);
            if (c == '|') {
                if (first == null) first = cur;
                cur = new StringBuilder();
                at++;
                continue;
            }
            String atom = atom();
            if (atom == null) return null;
            String q = quantifier();
            if (q.equals("?") || q.equals("*")) atom = "";
            cur.append(atom);
        }
        return (first == null ? cur : first).toString();
    }

    private String atom() {
        char c = regex.charAt(at++);
        switch (c) {
            case '(' -> {
                if (regex.startsWith("?:", at)) at += 2;
                else if (at < regex.length() && regex.charAt(at) == '?') return null;
                String inner = sequence();
                if (at >= regex.length() || regex.charAt(at) != ')') throw new IllegalStateException("unbalanced");
                at++;
                return inner;
            }
            case '[' -> {
                int end = regex.indexOf(']', at + 1);
                if (end < 0 || regex.charAt(at) == '^') return null;
                String first = regex.substring(at, at + 1);
                if (first.equals("\\")) first = regex.substring(at + 1, at + 2);
                at = end + 1;
                return first;
            }
            case '\\' -> {
                char e = regex.charAt(at++);
                if (e == 'd') return "0";
                if (e == 'w') return "a";
                if (e == 's') return " ";
                return Character.isLetterOrDigit(e) ? null : String.valueOf(e);
            }
            case '.' -> { return "x"; }
            case '^', '$' -> { return ""; }
            default -> { return String.valueOf(c); }
        }
    }

    private String quantifier() {
        if (at >= regex.length()) return "";
        char c = regex.charAt(at);
        if (c == '?' || c == '*' || c == '+') {
            at++;
            if (at < regex.length() && (regex.charAt(at) == '?' || regex.charAt(at) == '+')) at++;
            return String.valueOf(c);
        }
        if (c == '{') {
            int end = regex.indexOf('}', at);
            if (end < 0) throw new IllegalStateException("unbalanced");
            String n = regex.substring(at + 1, end).split(",")[0].trim();
            at = end + 1;
            return n.equals("0") ? "?" : "+";
        }
        return "";
    }
}
