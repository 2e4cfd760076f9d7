package com.google.re2j;

/**
 * Read-only view of the program RE2/J compiled a pattern into (its instructions, as its Pike VM,
 * {@code Machine}, runs them), for dokploy-doctor's extraction: {@code FirstMatchDfa} determinizes this
 * very program, so its matches are RE2/J's by construction (the same simplified pattern, case folding,
 * classes, flags and priorities), with no second reading of RE2 syntax that could drift from RE2/J's.
 *
 * <p>In RE2/J's package because RE2/J keeps its program package-private; this class only reads it
 * (RE2/J 1.8's {@code Prog} and {@code Inst}; a version that renamed them fails to compile here,
 * not at run time).
 */
public final class ProgramView {
    public static final int ALT = Inst.ALT, ALT_MATCH = Inst.ALT_MATCH, CAPTURE = Inst.CAPTURE, EMPTY_WIDTH = Inst.EMPTY_WIDTH,
            FAIL = Inst.FAIL, MATCH = Inst.MATCH, NOP = Inst.NOP, RUNE = Inst.RUNE, RUNE1 = Inst.RUNE1, RUNE_ANY = Inst.RUNE_ANY,
            RUNE_ANY_NOT_NL = Inst.RUNE_ANY_NOT_NL;
    /** Empty-width conditions, as {@link #arg} of an {@link #EMPTY_WIDTH} instruction holds them. */
    public static final int BEGIN_LINE = Utils.EMPTY_BEGIN_LINE, END_LINE = Utils.EMPTY_END_LINE, BEGIN_TEXT = Utils.EMPTY_BEGIN_TEXT,
            END_TEXT = Utils.EMPTY_END_TEXT, WORD_BOUNDARY = Utils.EMPTY_WORD_BOUNDARY, NO_WORD_BOUNDARY = Utils.EMPTY_NO_WORD_BOUNDARY;

    private final Prog prog;

    private ProgramView(Prog prog) { this.prog = prog; }

    public static ProgramView of(Pattern pattern) { return new ProgramView(pattern.re2().prog); }

    /** Whether the pattern is matched leftmost-longest (POSIX) rather than leftmost-first. */
    public static boolean longest(Pattern pattern) { return pattern.re2().longest; }

    public int size() { return prog.numInst(); }
    public int start() { return prog.start; }
    public int op(int pc) { return prog.inst[pc].op; }
    public int out(int pc) { return prog.inst[pc].out; }
    public int arg(int pc) { return prog.inst[pc].arg; }

    /** Whether rune instruction {@code pc} consumes {@code rune}, as the Machine's step decides. */
    public boolean takes(int pc, int rune) {
        Inst i = prog.inst[pc];
        switch (i.op) {
            case Inst.RUNE: return i.matchRune(rune);
            case Inst.RUNE1: return rune == i.runes[0];
            case Inst.RUNE_ANY: return true;
            case Inst.RUNE_ANY_NOT_NL: return rune != '\n';
            default: throw new IllegalArgumentException("not a rune instruction: " + i);
        }
    }

    /** Whether {@code rune} is a word character for {@code \b} and {@code \B} (ASCII letters, digits, underscore). */
    public static boolean wordRune(int rune) { return Utils.isWordRune(rune); }
}
