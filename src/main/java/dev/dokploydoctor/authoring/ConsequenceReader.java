package dev.dokploydoctor.authoring;

import dev.dokploydoctor.engine.Conclude;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a then-block concludes. Drools' parser keeps the consequence as text, so this reads
 * it token by token (strings, numbers, names, punctuation; comments skipped) and recognises the
 * statements rules are made of: {@code support(drools, 0.6)}, {@code refute(drools, 0.8)},
 * {@code need(drools, "key", "why")} (the cause is the one the rule's name starts with), the same
 * with the cause named first for shared rules, and the older
 * {@code insertLogical(new Evidence|Need|Fact(...))}. Other statements are skipped; a certainty
 * that is not a literal is kept as unknown, never guessed.
 */
final class ConsequenceReader {
    private enum T { NAME, STRING, NUMBER, PUNCT, EOF }
    private record Token(T type, String text, int line) {}

    /** One argument: its literal value (a string's content, a number's text) or null for an expression. */
    private record Arg(String literal, boolean string, int line) {}

    private final String rule;
    private final String ruleCause;
    private final String file;
    private final List<Token> tokens;
    private int at;

    private ConsequenceReader(String rule, String file, String text, int firstLine) {
        this.rule = rule;
        this.ruleCause = Conclude.causeOf(rule);
        this.file = file;
        this.tokens = tokenize(text, firstLine);
    }

    /** The conclusions of the then-block {@code text} starting on line {@code firstLine}; problems go to {@code problems}. */
    static List<DrlRule.Conclusion> read(String rule, String file, String text, int firstLine, List<Finding> problems) {
        return new ConsequenceReader(rule, file, text, firstLine).statements(problems);
    }

    private List<DrlRule.Conclusion> statements(List<Finding> problems) {
        List<DrlRule.Conclusion> out = new ArrayList<>();
        // every call is looked at, wherever it stands; "then", "end" and other words are passed over
        while (peek().type != T.EOF) {
            Token t = next();
            if (t.type != T.NAME || !peekIs("(")) continue;
            switch (t.text) {
                case "support", "refute", "need" -> call(t, args(), out, problems);
                case "causesNeeding.refute" -> layer(t, args(), out);
                case "causesNeeding.hold" -> hold(t, args(), out);
                case "insertLogical" -> insertLogical(out);
                default -> args();
            }
        }
        return out;
    }

    /** causesNeeding.refute(drools, "layer", cf): the layer and the signed certainty, for the reference check. */
    private void layer(Token verb, List<Arg> args, List<DrlRule.Conclusion> out) {
        if (args.size() != 3 || !args.get(1).string) return;
        Double cf = number(args.get(2));
        out.add(new DrlRule.Conclusion(DrlRule.Kind.LAYER, null, args.get(1).literal, cf == null ? null : -cf, verb.line));
    }

    /** causesNeeding.hold(drools, "layer"): the layer, for the reference check. */
    private void hold(Token verb, List<Arg> args, List<DrlRule.Conclusion> out) {
        if (args.size() != 2 || !args.get(1).string) return;
        out.add(new DrlRule.Conclusion(DrlRule.Kind.HOLD, null, args.get(1).literal, null, verb.line));
    }

    /** support/refute(drools, [cause,] cf) and need(drools, key, [cause,] why). */
    private void call(Token verb, List<Arg> args, List<DrlRule.Conclusion> out, List<Finding> problems) {
        boolean need = verb.text.equals("need");
        int own = need ? 3 : 2;  // argument count when the cause is the rule's own
        if (args.size() != own && args.size() != own + 1) {
            problems.add(Finding.error("bad-conclusion", file, verb.line, "rule '" + rule + "': " + verb.text + " takes "
                    + (need ? "(drools, \"key\", \"why\")" : "(drools, certainty)") + ", or the cause after drools"));
            return;
        }
        String cause;
        if (args.size() == own + 1) {
            cause = args.get(need ? 2 : 1).string ? args.get(need ? 2 : 1).literal : null;
        } else {
            cause = ruleCause;
            if (cause == null) {
                problems.add(Finding.error("rule-without-cause", file, verb.line, "rule '" + rule + "': " + verb.text
                        + " concludes about the rule's cause, but the name does not start with one (\"cause-id: what it sees\")"));
                return;
            }
        }
        if (need) {
            Arg key = args.get(1);
            if (key.string) out.add(new DrlRule.Conclusion(DrlRule.Kind.NEED, cause, key.literal, null, verb.line));
            return;
        }
        Double cf = number(args.get(args.size() - 1));
        if (cf != null && !(cf > 0 && cf <= 1)) {
            problems.add(Finding.error("bad-certainty", file, verb.line, "rule '" + rule + "': " + verb.text
                    + " takes a certainty between 0 and 1 (" + (verb.text.equals("refute") ? "refute 0.8 counts as -0.8" : "refute to rule out")
                    + "), was " + args.get(args.size() - 1).literal));
            return;
        }
        if (cause != null) {
            Double signed = cf == null ? null : verb.text.equals("refute") ? -cf : cf;
            out.add(new DrlRule.Conclusion(DrlRule.Kind.EVIDENCE, cause, null, signed, verb.line));
        }
    }

    /** insertLogical(new Evidence(drools, "cause", cf)), new Need(drools, "key", "cause", "why"), new Fact("key", ...). */
    private void insertLogical(List<DrlRule.Conclusion> out) {
        expect("(");
        if (!peekIs("new")) return;
        next();
        Token type = next();
        if (!peekIs("(")) return;
        List<Arg> args = args();
        expect(")");
        int skip = !args.isEmpty() && "drools".equals(args.get(0).literal) ? 1 : 0;
        switch (type.text) {
            case "Evidence" -> {
                if (args.size() >= skip + 2 && args.get(skip).string) {
                    out.add(new DrlRule.Conclusion(DrlRule.Kind.EVIDENCE, args.get(skip).literal, null, number(args.get(skip + 1)), type.line));
                }
            }
            case "Need" -> {
                if (args.size() >= skip + 2 && args.get(skip).string && args.get(skip + 1).string) {
                    out.add(new DrlRule.Conclusion(DrlRule.Kind.NEED, args.get(skip + 1).literal, args.get(skip).literal, null, type.line));
                }
            }
            case "Fact" -> {
                if (!args.isEmpty() && args.get(0).string) {
                    out.add(new DrlRule.Conclusion(DrlRule.Kind.FACT, null, args.get(0).literal, null, type.line));
                }
            }
            default -> { }
        }
    }

    /** The arguments of a call, from its "(" to its ")"; each a literal or an expression (null). */
    private List<Arg> args() {
        expect("(");
        List<Arg> args = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        while (peek().type != T.EOF) {
            Token t = next();
            if (t.type == T.PUNCT && (t.text.equals("(") || t.text.equals("[") || t.text.equals("{"))) depth++;
            if (t.type == T.PUNCT && (t.text.equals(")") || t.text.equals("]") || t.text.equals("}"))) {
                if (depth == 0) break;
                depth--;
            }
            if (depth == 0 && t.type == T.PUNCT && t.text.equals(",")) {
                args.add(arg(current));
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) args.add(arg(current));
        return args;
    }

    private static Arg arg(List<Token> ts) {
        int line = ts.isEmpty() ? 0 : ts.get(0).line;
        if (ts.size() == 1 && ts.get(0).type == T.STRING) return new Arg(ts.get(0).text, true, line);
        if (ts.size() == 1 && (ts.get(0).type == T.NUMBER || ts.get(0).type == T.NAME)) return new Arg(ts.get(0).text, false, line);
        if (ts.size() == 2 && ts.get(0).text.equals("-") && ts.get(1).type == T.NUMBER) return new Arg("-" + ts.get(1).text, false, line);
        return new Arg(null, false, line);
    }

    private static Double number(Arg a) {
        if (a.literal == null || a.string) return null;
        try {
            return Double.valueOf(a.literal);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Token peek() { return tokens.get(at); }
    private boolean peekIs(String text) { return peek().type != T.EOF && peek().type != T.STRING && peek().text.equals(text); }
    private Token next() { Token t = tokens.get(at); if (t.type != T.EOF) at++; return t; }
    private void expect(String text) { if (peekIs(text)) next(); }

    /** Strings (content, escapes kept as written), numbers, names (with dots), one-character punctuation. */
    static List<Token> tokenize(String s, int firstLine) {
        List<Token> out = new ArrayList<>();
        int line = firstLine;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (c == '\n') { line++; i++; continue; }
            if (Character.isWhitespace(c)) { i++; continue; }
            if (c == '/' && next == '/') { while (i < s.length() && s.charAt(i) != '\n') i++; continue; }
            if (c == '/' && next == '*') {
                i += 2;
                while (i < s.length() && !(s.charAt(i) == '*' && i + 1 < s.length() && s.charAt(i + 1) == '/')) {
                    if (s.charAt(i) == '\n') line++;
                    i++;
                }
                i += 2;
                continue;
            }
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int start = line;
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) { sb.append(s, i, i + 2); i += 2; continue; }
                    if (s.charAt(i) == '\n') line++;
                    sb.append(s.charAt(i++));
                }
                i++;
                out.add(new Token(T.STRING, sb.toString(), start));
                continue;
            }
            if (Character.isDigit(c) || c == '.' && Character.isDigit(next)) {
                int start = i;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
                out.add(new Token(T.NUMBER, s.substring(start, i), line));
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < s.length() && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '.')) i++;
                out.add(new Token(T.NAME, s.substring(start, i), line));
                continue;
            }
            out.add(new Token(T.PUNCT, String.valueOf(c), line));
            i++;
        }
        out.add(new Token(T.EOF, "", line));
        return out;
    }
}
