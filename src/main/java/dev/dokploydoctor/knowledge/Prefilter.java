package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over a text tells which catalog patterns can match it, and which of their top-level
 * alternatives. Each alternative has clauses ({@link RegexLiterals#alternatives}): sets of strings
 * one of which every match contains. All the clauses' strings of all entries go into one
 * Aho-Corasick automaton; after the pass, an alternative may match only when each of its clauses has
 * a string in the text, and an entry runs only when one of its alternatives may match. Only the
 * alternatives that one of the found strings "triggers" (their most telling clause has it) are
 * looked at, so the work after the pass follows what the text holds, not the catalog's size. A
 * pattern with an alternative that has no clause always runs. Strings and text are compared in
 * lower case ({@link TextReader#fold}), so the filter holds for case-insensitive and case-sensitive
 * patterns alike.
 *
 * <p>Our own automaton rather than a library: the one on Maven Central (org.ahocorasick) builds
 * Emit objects per hit and walks a Character-keyed map per state, and dk.brics.automaton matches
 * one pattern per automaton; here a hit is a bit and a step near the root is one table look-up.
 */
public final class Prefilter {
    /**
     * Strings are cut to this many characters: the start of a required string is required too, and
     * short strings keep the automaton small.
     */
    static final int MAX_LITERAL = 12;
    private final int entries;
    private final long[] alwaysBits;
    private final int alwaysCount;
    /** Per entry, per alternative, per clause: string ids, one of which must occur. Null alternatives: any text. */
    private final int[][][][] clauses;
    /** Per string id: the (entry, alternative) pairs it triggers, as entry << 16 | alternative. */
    private final int[][] triggers;
    private final int strings;
    private final LiteralAutomaton automaton;

    public Prefilter(List<String> patterns) {
        entries = patterns.size();
        if (entries >= 1 << 15) throw new IllegalArgumentException("more than 32767 catalog entries");
        clauses = new int[entries][][][];
        alwaysBits = new long[(entries + 63) / 64];
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<List<Integer>> triggered = new ArrayList<>();
        int always = 0;
        for (int p = 0; p < entries; p++) {
            List<List<Set<String>>> alts = alternatives(patterns.get(p));
            if (alts == null) { alwaysBits[p >>> 6] |= 1L << p; always++; continue; }
            if (alts.size() > Character.MAX_VALUE) throw new IllegalArgumentException("too many alternatives: " + patterns.get(p));
            clauses[p] = new int[alts.size()][][];
            for (int a = 0; a < alts.size(); a++) {
                List<Set<String>> cnf = alts.get(a);
                int[][] coded = new int[cnf.size()][];
                for (int c = 0; c < cnf.size(); c++) {
                    Set<Integer> clause = new LinkedHashSet<>();
                    for (String s : cnf.get(c)) {
                        String cut = s.length() > MAX_LITERAL ? s.substring(0, MAX_LITERAL) : s;
                        clause.add(ids.computeIfAbsent(cut, k -> { triggered.add(new ArrayList<>()); return ids.size(); }));
                    }
                    coded[c] = clause.stream().mapToInt(Integer::intValue).toArray();
                }
                clauses[p][a] = coded;
                for (int id : coded[telling(cnf)]) triggered.get(id).add(p << 16 | a);
            }
        }
        alwaysCount = always;
        strings = ids.size();
        triggers = new int[strings][];
        for (int id = 0; id < strings; id++) triggers[id] = triggered.get(id).stream().mapToInt(Integer::intValue).toArray();

        automaton = new LiteralAutomaton(ids);
    }

    /**
     * A pattern's alternatives as clauses (each a set of strings), or null when one of them may match
     * without any known string. The pattern's required literals, when known, are a clause of each.
     */
    private static List<List<Set<String>>> alternatives(String regex) {
        Set<String> required = RegexLiterals.requiredLiterals(regex);
        List<RegexLiterals.Alternative> alts = RegexLiterals.alternatives(regex);
        if (alts == null) return required == null ? null : List.of(List.of(required));
        List<List<Set<String>>> out = new ArrayList<>();
        for (RegexLiterals.Alternative alt : alts) {
            List<Set<String>> cnf = new ArrayList<>(alt.clauses());
            if (required != null && !cnf.contains(required)) cnf.add(required);
            if (cnf.isEmpty()) return null;
            out.add(cnf);
        }
        return out;
    }

    /** The clause that triggers its alternative: longest shortest string, then fewest strings (rarest, as far as a pattern tells). */
    private static int telling(List<Set<String>> cnf) {
        int best = 0;
        for (int c = 1; c < cnf.size(); c++) {
            int lc = Math.min(MAX_LITERAL, RegexLiterals.minLength(cnf.get(c))), lb = Math.min(MAX_LITERAL, RegexLiterals.minLength(cnf.get(best)));
            if (lc > lb || (lc == lb && cnf.get(c).size() < cnf.get(best).size())) best = c;
        }
        return best;
    }

    /** What one pass over a text found: the strings that occur, and the entries that may match. */
    public final class Scan {
        private final long[] found;
        private final long[] candidates;
        private int count;

        private Scan(String lower) {
            LiteralAutomaton.Found inText = automaton.scan(lower);
            found = inText.bits;
            candidates = alwaysBits.clone();
            count = alwaysCount;
            for (int h = 0; h < inText.count; h++) {
                for (int pair : triggers[inText.ids[h]]) {
                    int p = pair >>> 16;
                    long bit = 1L << p;
                    if ((candidates[p >>> 6] & bit) != 0 || !possible(p, pair & 0xFFFF)) continue;
                    candidates[p >>> 6] |= bit;
                    count++;
                }
            }
        }

        /** Whether alternative {@code a} of entry {@code p} may match: each of its clauses has a string in the text. */
        public boolean possible(int p, int a) {
            if (clauses[p] == null) return true;
            for (int[] clause : clauses[p][a]) {
                boolean any = false;
                for (int id : clause) if ((found[id >>> 6] & 1L << id) != 0) { any = true; break; }
                if (!any) return false;
            }
            return true;
        }

        public boolean candidate(int p) { return (candidates[p >>> 6] & 1L << p) != 0; }

        /** The entries that may match, in catalog order. */
        public int[] candidateList() {
            int[] list = new int[count];
            int k = 0;
            for (int w = 0; w < candidates.length; w++) {
                for (long word = candidates[w]; word != 0; word &= word - 1) list[k++] = (w << 6) + Long.numberOfTrailingZeros(word);
            }
            return list;
        }
    }

    /** One pass over {@code lower} (a lower-cased text): linear in the text. */
    public Scan scan(String lower) { return new Scan(lower); }

    /** Which patterns may match {@code lower} (a lower-cased text). */
    public boolean[] candidates(String lower) {
        Scan scan = scan(lower);
        boolean[] hit = new boolean[entries];
        for (int p = 0; p < entries; p++) hit[p] = scan.candidate(p);
        return hit;
    }

    /** The same as {@link #candidates}, as pattern indexes in catalog order. */
    public int[] candidateList(String lower) { return scan(lower).candidateList(); }

    public boolean alwaysRuns(int pattern) { return (alwaysBits[pattern >>> 6] & 1L << pattern) != 0; }

    /** See {@link RegexLiterals#requiredLiterals}. */
    public static Set<String> requiredLiterals(String regex) { return RegexLiterals.requiredLiterals(regex); }

    /** See {@link RegexLiterals#requiredPrefixes}. */
    public static Set<String> requiredPrefixes(String regex) { return RegexLiterals.requiredPrefixes(regex); }
}
