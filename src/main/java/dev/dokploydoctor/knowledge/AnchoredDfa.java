package dev.dokploydoctor.knowledge;

import com.google.re2j.Pattern;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A DFA that says, on the folded text ({@link TextReader#fold}), where a catalog pattern cannot
 * match: {@link #scan} says no only when no prefix of the text from a place is in a language
 * that holds every match of the pattern. {@link PrefixSearch} asks it before an anchored RE2/J
 * attempt: RE2/J's NFA costs ~100 ns per character read (threads for every bounded gap), a DFA step
 * a few; most attempts fail, and RE2/J still finds (and groups) every match.
 *
 * <p>The language is larger than the pattern's, never smaller: anchors and word boundaries match
 * anywhere, every atom is read case-insensitively with {@code .} taking a line feed, and every
 * character outside ASCII is one symbol that every atom takes. An atom takes an ASCII symbol when
 * RE2/J itself says it matches a character that folds to it, so classes, {@code \w}, {@code \p{L}}
 * and case folding ({@code ſ} folds to {@code s}) need no reading of ours. A pattern it cannot read,
 * or whose NFA would be too big, has none (every attempt runs). A text with a surrogate pair is not
 * checked (a code point of two chars).
 *
 * <p>The reader builds a Thompson NFA ({@link Nfa}), determinized as texts visit it ({@link LazyDfa}):
 * nothing is built that no text needs.
 */
final class AnchoredDfa {
    /** The symbol of every character outside ASCII. */
    private static final int OTHER = 128;
    /** An NFA with more states than this is read again up to each sequence's first gap, then not at all (each DFA state made costs a walk of its NFA states). */
    private static final int MAX_NFA_STATES = 4_000;
    /** Repeat counts beyond this: no DFA (their copies would make it big). */
    private static final int MAX_REPEAT = 100;
    /** A repeat of at most this many is counted; a longer one reads as "at least its minimum". */
    private static final int MAX_COUNTED = 8;
    /** A repeat of an atom that takes at least this many symbols ([^.\n], \S, .) is a gap. */
    private static final int GAP_WIDTH = 64;
    /** Per ASCII character: the characters that fold to it. */
    private static final char[][] PREIMAGE = preimages();

    /** Per atom's text: the symbols it takes ({@link Nfa#WORDS} longs; the catalog's patterns share most atoms). */
    private static final Map<String, long[]> ATOMS = new java.util.concurrent.ConcurrentHashMap<>();

    private final LazyDfa run;

    private AnchoredDfa(LazyDfa run) { this.run = run; }

    /**
     * The DFA of {@code pattern}, or null when it cannot be read or its NFA would be too big. Each top-level
     * sequence is read up to its second gap; when that makes an NFA over {@link #MAX_NFA_STATES}, up to its first.
     * Nothing is determinized here: {@link LazyDfa} makes the states texts visit.
     */
    static AnchoredDfa of(Pattern pattern) { return of(pattern, false, new LazyDfa.Budget(LazyDfa.Budget.DEFAULT)); }

    /** The same, its states counted against {@code budget} (one per catalog: a bound on what all its DFAs keep). */
    static AnchoredDfa of(Pattern pattern, LazyDfa.Budget budget) { return of(pattern, false, budget); }

    /**
     * The same for a search anywhere in a text: {@link #scan} from a place says whether a match may
     * start there or anywhere after it (an unless-filter, an entry without places, is asked once per text or line).
     */
    static AnchoredDfa unanchored(Pattern pattern, LazyDfa.Budget budget) { return of(pattern, true, budget); }

    private static AnchoredDfa of(Pattern pattern, boolean unanchored, LazyDfa.Budget budget) {
        for (int gaps = 2; gaps >= 1; gaps--) {
            try {
                Reader r = new Reader(pattern.pattern(), gaps);
                Nfa.Frag whole = r.alternation();
                if (r.pos != r.re.length()) return null;
                if (unanchored) whole = r.nfa.concat(r.nfa.anyString(), whole);
                r.nfa.start = whole.start();
                r.nfa.accept = whole.end();
                if (r.nfa.size <= MAX_NFA_STATES) return new AnchoredDfa(new LazyDfa(r.nfa, budget));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Reads {@code lower} from {@code p} until a prefix is in the language or none can be: the number
     * of characters read, negated and less one ({@code -read - 1}) when no match can start at {@code p};
     * {@link Integer#MIN_VALUE} when it cannot tell (its cache of states is full).
     */
    int scan(String lower, int p) { return run.scan(lower, p, lower.length()); }

    /** The same, reading no further than {@code end}. */
    int scan(String lower, int p, int end) { return run.scan(lower, p, end); }

    /** DFA states made so far (tests). */
    int states() { return run.states(); }

    private static char[][] preimages() {
        List<List<Character>> pre = new ArrayList<>();
        for (int a = 0; a < OTHER; a++) pre.add(new ArrayList<>());
        for (int x = 0; x <= Character.MAX_VALUE; x++) {
            if (Character.isSurrogate((char) x)) continue;
            char f = TextReader.fold((char) x);
            if (f < OTHER) pre.get(f).add((char) x);
        }
        char[][] out = new char[OTHER][];
        for (int a = 0; a < OTHER; a++) {
            out[a] = new char[pre.get(a).size()];
            for (int k = 0; k < out[a].length; k++) out[a][k] = pre.get(a).get(k);
        }
        return out;
    }

    /** A reader of RE2 syntax into an NFA over the symbols (anything it does not know: an exception). */
    private static final class Reader {
        final Nfa nfa = new Nfa();
        final String re;
        int pos;
        private boolean cut;   // the item or sequence just read was cut short
        private boolean gap;   // the item just read is a gap
        private int width;     // symbols the atom just read takes (-1: not one character)
        final int maxGaps; // a sequence is read up to this many gaps, then "anything"
        Reader(String re, int maxGaps) { this.re = re; this.maxGaps = maxGaps; }

        boolean more() { return pos < re.length(); }
        char peek() { return re.charAt(pos); }

        Nfa.Frag alternation() {
            List<Nfa.Frag> alts = new ArrayList<>();
            boolean anyCut = false;
            alts.add(sequence());
            anyCut |= cut;
            while (more() && peek() == '|') { pos++; alts.add(sequence()); anyCut |= cut; }
            cut = anyCut;
            return nfa.union(alts);
        }

        /**
         * A sequence up to its gap after {@link #maxGaps} (a long repeat of a wide class, {@code [^.\n]{0,40}}), then
         * "anything": a match begins with what is kept, and a DFA of many gaps, each followed by
         * alternatives of words, has a product of their states. A sequence after an item cut inside
         * ends there too.
         */
        Nfa.Frag sequence() {
            Nfa.Frag items = null;
            int gaps = 0;
            boolean stopped = false;
            while (more() && peek() != '|' && peek() != ')') {
                cut = false;
                int start = pos, made = nfa.size;
                Nfa.Frag item = quantified(start, atom());
                if (stopped) { nfa.size = made; continue; } // read past, not kept: its states are the last made
                if (gap && ++gaps > maxGaps) { stopped = true; nfa.size = made; continue; }
                items = items == null ? item : nfa.concat(items, item);
                if (cut) stopped = true;
            }
            if (stopped) items = items == null ? nfa.anyString() : nfa.concat(items, nfa.anyString());
            cut = stopped;
            return items == null ? nfa.emptyString() : items;
        }

        /** The atom just read from {@code start}, with its quantifier if one follows (a count copies the atom by reading it again). */
        Nfa.Frag quantified(int start, Nfa.Frag atom) {
            int width = this.width;
            boolean atomCut = cut;
            gap = false;
            if (!more()) return atom;
            char c = peek();
            Nfa.Frag out;
            boolean longRepeat = c == '*' || c == '+';
            if (c == '*') { pos++; out = nfa.star(atom); }
            else if (c == '+') { pos++; out = nfa.plus(atom); }
            else if (c == '?') { pos++; out = nfa.optional(atom); }
            else if (c == '{' && repeatAhead()) {
                int close = re.indexOf('}', pos);
                String[] bounds = re.substring(pos + 1, close).split(",", -1);
                pos = close + 1;
                int min = Integer.parseInt(bounds[0]);
                if (min > MAX_REPEAT) throw new IllegalArgumentException("repeat too long");
                int after = pos;
                if (bounds.length == 1) out = repeat(start, atom, min, min);
                else if (bounds[1].isEmpty()) { out = repeat(start, atom, min, -1); longRepeat = true; }
                else {
                    int max = Integer.parseInt(bounds[1]);
                    // a long gap ({0,40}) as unbounded: its copies would multiply the DFA's states
                    longRepeat = max > MAX_COUNTED;
                    out = repeat(start, atom, min, longRepeat ? -1 : max);
                }
                pos = after;
                cut = atomCut;
            } else return atom;
            if (more() && peek() == '?') pos++; // lazy: the same language
            gap = longRepeat && width >= GAP_WIDTH;
            return out;
        }

        /** {@code min} to {@code max} (-1: any number) of the atom at {@code start}, whose first copy is {@code first}. */
        Nfa.Frag repeat(int start, Nfa.Frag first, int min, int max) {
            if (max == 0) return nfa.emptyString();
            if (max < 0 && min == 0) return nfa.star(first);
            Nfa.Frag out = null;
            Nfa.Frag copy = first;
            int copies = Math.max(min, 1) + (max < 0 ? 0 : max - Math.max(min, 1));
            for (int k = 0; k < copies; k++) {
                if (k > 0) copy = again(start);
                Nfa.Frag item = k < min ? copy : nfa.optional(copy);
                out = out == null ? item : nfa.concat(out, item);
            }
            if (max < 0) out = nfa.concat(out, nfa.star(again(start)));
            return out;
        }

        /** The atom at {@code start} read again: a copy of its fragment. */
        Nfa.Frag again(int start) {
            pos = start;
            return atom();
        }

        /** Whether the '{' at pos starts a repeat count ({n}, {n,}, {n,m}); else RE2 reads it as a literal. */
        boolean repeatAhead() {
            int close = re.indexOf('}', pos);
            return close > pos + 1 && re.substring(pos + 1, close).matches("\\d+(,\\d*)?");
        }

        Nfa.Frag atom() {
            width = -1;
            int start = pos;
            char c = re.charAt(pos++);
            switch (c) {
                case '(' -> {
                    if (more() && peek() == '?') {
                        pos++;
                        if (peek() == 'P' || peek() == '<') {
                            int close = re.indexOf('>', pos);
                            if (close < 0) throw new IllegalArgumentException("group name");
                            pos = close + 1;
                        } else {
                            while (more() && peek() != ')' && peek() != ':') {
                                if ("imsU-".indexOf(peek()) < 0) throw new IllegalArgumentException("flag");
                                pos++;
                            }
                            if (peek() == ')') { pos++; return nfa.emptyString(); } // (?i): flags only
                            pos++;
                        }
                    }
                    Nfa.Frag inner = alternation();
                    if (!more() || peek() != ')') throw new IllegalArgumentException("unclosed group");
                    pos++;
                    return inner;
                }
                case '^', '$' -> { return nfa.emptyString(); }
                case '[' -> { skipClass(); return chars(re.substring(start, pos)); }
                case '\\' -> {
                    char e = re.charAt(pos++);
                    switch (e) {
                        case 'A', 'z', 'b', 'B' -> { return nfa.emptyString(); }
                        case 'd', 'D', 's', 'S', 'w', 'W', 'n', 't', 'r', 'f', 'v', 'a' -> { return chars(re.substring(start, pos)); }
                        case 'p', 'P', 'x' -> {
                            if (more() && peek() == '{') pos = re.indexOf('}', pos) + 1;
                            else pos += e == 'x' ? 2 : 1;
                            if (pos <= start + 2) throw new IllegalArgumentException("escape");
                            return chars(re.substring(start, pos));
                        }
                        default -> {
                            if (Character.isLetterOrDigit(e)) throw new IllegalArgumentException("escape \\" + e); // \Q, octal...
                            return chars(re.substring(start, pos));
                        }
                    }
                }
                case '*', '+', '?', ')', '|' -> throw new IllegalArgumentException("unexpected " + c);
                default -> {
                    if (Character.isSurrogate(c)) throw new IllegalArgumentException("surrogate");
                    return chars(re.substring(start, pos));
                }
            }
        }

        /** From after a '[' to after its ']': a leading ']' is a member, escapes and [:name:] are skipped whole. */
        void skipClass() {
            if (more() && peek() == '^') pos++;
            if (more() && peek() == ']') pos++;
            while (peek() != ']') {
                char c = re.charAt(pos++);
                if (c == '\\') {
                    char e = re.charAt(pos++);
                    if ((e == 'p' || e == 'P' || e == 'x') && peek() == '{') pos = re.indexOf('}', pos) + 1;
                    else if (e == 'p' || e == 'P') pos++;
                    else if (e == 'x') pos += 2;
                } else if (c == '[' && peek() == ':') {
                    int close = re.indexOf(":]", pos);
                    if (close < 0) throw new IllegalArgumentException("class name");
                    pos = close + 2;
                } else if (Character.isSurrogate(c)) throw new IllegalArgumentException("surrogate");
            }
            pos++;
        }

        /** One character's worth of pattern (a literal, an escape, a class): the symbols it may stand for. */
        Nfa.Frag chars(String atom) {
            long[] one = ATOMS.computeIfAbsent(atom, k -> {
                com.google.re2j.Matcher m = Pattern.compile("(?is:" + k + ")").matcher("");
                long[] set = new long[Nfa.WORDS];
                for (int s = 0; s < OTHER; s++) {
                    for (char x : PREIMAGE[s]) {
                        if (m.reset(String.valueOf(x)).matches()) { set[s >> 6] |= 1L << (s & 63); break; }
                    }
                }
                if (!asciiLiteral(k)) set[2] |= 1L;
                return set;
            });
            width = Long.bitCount(one[0]) + Long.bitCount(one[1]) + Long.bitCount(one[2]);
            return nfa.symbols(one);
        }

        /**
         * Whether {@code atom} is one ASCII character standing for itself ({@code a}, {@code \\.}): every
         * character RE2 lets it stand for, case-insensitively, folds to ASCII ({@code ſ} to {@code s}, the
         * Kelvin sign to {@code k}; AnchoredDfaTest checks), so it does not take the symbol of the others.
         * Any other atom takes it: a literal that took it would match every non-ASCII character, and
         * the DFA of a long literal after a gap would track every place it might have started.
         */
        static boolean asciiLiteral(String atom) {
            if (atom.length() == 1) return atom.charAt(0) < OTHER && atom.charAt(0) != '.';
            return atom.length() == 2 && atom.charAt(0) == '\\' && atom.charAt(1) < OTHER && !Character.isLetterOrDigit(atom.charAt(1));
        }
    }
}
