package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads free text with the message catalog: the text is normalised once ({@link TextReader}), one
 * pass of the literal prefilter ({@link Prefilter}) picks the few entries whose literals occur, and
 * only those patterns run (RE2/J: linear in the text). For each fact key the first matching entry,
 * in catalog order, wins.
 */
public final class TextExtraction {
    /** Longer pastes are cut: bounded work per text, whatever it holds. */
    public static final int MAX_TEXT = 256 * 1024;

    private final List<Extractor> extractors;
    private final Vocabulary vocabulary;
    private final Prefilter prefilter;
    private final SearchPlan[] plans; // per entry; null: the plain RE2/J search
    private final int[][] keyIds;     // per entry: the fact keys it gives, as indexes into keyNames
    private final List<String> keyNames = new ArrayList<>(); // every key an entry gives, by its index
    private final boolean[] usesGroups; // per entry: Extractor.usesGroups()
    private final MayMatch[] unlessLineMay, unlessMatchMay, unlessTextMay; // per entry: where its unless-filters may match, null: no filter
    private final MayMatch[] plainMay;   // per entry with no plan: where its pattern may match
    private final EveryPlace.Dfa[] everyPlace; // per entry with no plan: its anchored DFA, tried at every position (null: RE2/J's search)
    private final int[] twin;         // per entry: its group of entries with the very same search (one match for all), or -1
    private final int twinGroups;

    public TextExtraction(List<Extractor> extractors, Vocabulary vocabulary) { this(extractors, vocabulary, true); }

    /** {@code firstMatch} false: places are tried without {@link FirstMatchDfa}s (tests of the search they stand in for). */
    TextExtraction(List<Extractor> extractors, Vocabulary vocabulary, boolean firstMatch) {
        this.extractors = extractors;
        this.vocabulary = vocabulary;
        this.prefilter = new Prefilter(extractors.stream().map(e -> e.pattern().pattern()).toList());
        this.plans = new SearchPlan[extractors.size()];
        LazyDfa.Budget budget = new LazyDfa.Budget(LazyDfa.Budget.DEFAULT); // what all the catalog's DFAs may keep
        // the FirstMatchDfas' own: when theirs is spent, places fall back to the AnchoredDfas, which must still have room
        LazyDfa.Budget firstMatchBudget = new LazyDfa.Budget(FirstMatchDfa.BUDGET);
        for (int i = 0; i < plans.length; i++) plans[i] = SearchPlan.of(extractors.get(i).pattern(), budget, firstMatchBudget, firstMatch);
        this.keyIds = new int[extractors.size()][];
        Map<String, Integer> keyIndex = new java.util.HashMap<>();
        for (int i = 0; i < keyIds.length; i++) {
            keyIds[i] = extractors.get(i).facts().keySet().stream().mapToInt(k -> keyIndex.computeIfAbsent(k, x -> {
                keyNames.add(x);
                return keyNames.size() - 1;
            })).toArray();
        }
        this.usesGroups = new boolean[extractors.size()];
        for (int i = 0; i < usesGroups.length; i++) usesGroups[i] = extractors.get(i).usesGroups();
        LazyDfa.Budget exact = firstMatch ? firstMatchBudget : null;
        this.unlessLineMay = mayMatch(extractors, Extractor::unlessLine, budget, exact);
        this.unlessMatchMay = mayMatch(extractors, Extractor::unlessMatch, budget, exact);
        this.unlessTextMay = mayMatch(extractors, Extractor::unlessText, budget, exact);
        this.plainMay = new MayMatch[extractors.size()];
        for (int i = 0; i < plans.length; i++) if (plans[i] == null) plainMay[i] = new MayMatch(extractors.get(i).pattern(), budget, exact);
        this.everyPlace = new EveryPlace.Dfa[extractors.size()];
        if (firstMatch) for (int i = 0; i < plans.length; i++) if (plans[i] == null) everyPlace[i] = new EveryPlace.Dfa(extractors.get(i).pattern(), firstMatchBudget);
        // entries that search alike (a user's layer restating an entry with other facts, a catalog
        // grown from copies) find the same match: it is found once per text
        Map<String, List<Integer>> alike = new LinkedHashMap<>();
        for (int i = 0; i < extractors.size(); i++) alike.computeIfAbsent(searchKey(extractors.get(i)), k -> new ArrayList<>()).add(i);
        this.twin = new int[extractors.size()];
        java.util.Arrays.fill(twin, -1);
        int groups = 0;
        for (List<Integer> same : alike.values()) {
            if (same.size() < 2) continue;
            for (int i : same) twin[i] = groups;
            groups++;
        }
        this.twinGroups = groups;
    }

    /** A catalog entry that matched a text, the text it matched (from the original), and the facts it gave. */
    public record Recognised(Extractor entry, String excerpt, List<Fact> facts) {}

    /**
     * Facts found in {@code text}, first match per key winning (entries are ordered from most to
     * least specific). Each fact's evidence names the entry, its source and the matched excerpt.
     */
    public List<Fact> extract(String text) {
        if (text == null || text.isBlank()) return List.of();
        String input = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        Found found = new Found(keyNames.size());
        TextReader.Readings readings = TextReader.readings(input);
        extract(readings.read(), found, null);
        // a log line a terminal cut mid-word: its literal is whole again with the cut glued (facts only added)
        if (readings.cutWordsGlued() != null) extract(readings.cutWordsGlued(), found, readings.read().text());
        return new ArrayList<>(found.facts.values());
    }

    /**
     * The facts found so far, first per key, and which of the catalog's keys they fill: whether an entry could
     * still add a fact is asked for every candidate entry, so it is a look-up by index, not by the key's string.
     */
    private final class Found {
        final Map<String, Fact> facts = new LinkedHashMap<>();
        final boolean[] filled;

        Found(int keys) { filled = new boolean[keys]; }

        /** {@code f}, a fact of an entry whose keys are {@code ids}, unless its key is filled. */
        void add(Fact f, int[] ids) {
            for (int id : ids) {
                if (!keyNames.get(id).equals(f.getKey())) continue;
                if (!filled[id]) {
                    filled[id] = true;
                    facts.put(f.getKey(), f);
                }
                return;
            }
        }
    }

    /**
     * {@code firstText}: for the glued reading, the first reading's text. A match whose words the first
     * reading holds as they are is not one the glue made whole: the first reading judged it (a clue
     * denied, claimed or told as solved there stays unread; gluing "umami-1" to the next line's "Last
     * week" must not undo it).
     */
    private void extract(TextReader.Reading reading, Found found, String firstText) {
        Prefilter.Scan scan = prefilter.scan(reading.lower());
        Extractor.Found[] twinFound = twinGroups == 0 ? null : new Extractor.Found[twinGroups];
        boolean[] twinRan = twinGroups == 0 ? null : new boolean[twinGroups];
        for (int i : scan.candidateList()) {
            if (!addsAFact(i, found)) continue; // the same facts as recognise() then first-wins, without running what cannot add one
            Extractor.Found m;
            int g = twin[i];
            if (g < 0) m = match(i, reading, scan);
            else if (twinRan[g]) m = twinFound[g];
            else { m = twinFound[g] = match(i, reading, scan); twinRan[g] = true; }
            if (m == null) continue;
            if (firstText != null && firstText.contains(m.text())) continue;
            for (Fact f : recognised(extractors.get(i), m, reading).facts()) found.add(f, keyIds[i]);
        }
    }

    /**
     * Whether entry {@code i} could still add a fact: one of its keys is not found yet. An entry with
     * no facts ("recognised, no fact") or whose keys earlier entries filled cannot, so it need not run
     * (with a catalog of many entries per key, most candidates are of this kind once one has matched).
     */
    private boolean addsAFact(int i, Found found) {
        for (int key : keyIds[i]) if (!found.filled[key]) return true;
        return false;
    }

    private static MayMatch[] mayMatch(List<Extractor> extractors, java.util.function.Function<Extractor, com.google.re2j.Pattern> filter,
                                       LazyDfa.Budget budget, LazyDfa.Budget exact) {
        MayMatch[] out = new MayMatch[extractors.size()];
        for (int i = 0; i < out.length; i++) {
            com.google.re2j.Pattern p = filter.apply(extractors.get(i));
            if (p != null) out[i] = new MayMatch(p, budget, exact);
        }
        return out;
    }

    /** What decides an entry's match: its pattern, flags and unless-filters, and whether its groups are read. */
    private static String searchKey(Extractor e) {
        return e.pattern().pattern() + '\u0000' + e.pattern().flags() + '\u0000' + (e.unlessLine() == null ? "" : e.unlessLine().pattern())
                + '\u0000' + (e.unlessMatch() == null ? "" : e.unlessMatch().pattern())
                + '\u0000' + (e.unlessText() == null ? "" : e.unlessText().pattern()) + '\u0000' + e.usesGroups();
    }

    /** Every entry that matched, in catalog order, with the facts it gave (before first-wins). */
    public List<Recognised> recognise(String text) {
        if (text == null || text.isBlank()) return List.of();
        String input = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        TextReader.Reading reading = TextReader.read(input);
        List<Recognised> out = new ArrayList<>();
        Prefilter.Scan scan = prefilter.scan(reading.lower());
        for (int i : scan.candidateList()) {
            Extractor.Found m = match(i, reading, scan);
            if (m != null) out.add(recognised(extractors.get(i), m, reading));
        }
        return out;
    }

    /** One entry on a reading with RE2/J's plain search (the reference the faster search must agree with): null when it does not match. */
    Recognised apply(Extractor ex, TextReader.Reading reading) {
        Extractor.Found m = ex.find(reading.text());
        return m == null ? null : recognised(ex, m, reading);
    }

    /** Entry {@code i} on a reading with the search {@link #recognise} uses: its match, or null. */
    Extractor.Found match(int i, TextReader.Reading reading) {
        return match(i, reading, prefilter.scan(reading.lower()));
    }

    Extractor.Found match(int i, TextReader.Reading reading, Prefilter.Scan scan) {
        Extractor ex = extractors.get(i);
        if (plans[i] == null) {
            String lower = reading.lower();
            int exactly = plainMay[i].matches(reading.text(), lower, 0, lower.length(), reading.wide());
            if (exactly == 0 || exactly < 0 && !plainMay[i].in(lower, 0, lower.length(), reading.wide())) return null;
            if (everyPlace[i] == null) return ex.find(reading.text());
            return ex.find(reading.text(), new EveryPlace(ex.pattern(), everyPlace[i].get(), reading.text(), reading.wide()), lower,
                    unlessLineMay[i], unlessMatchMay[i], unlessTextMay[i], reading.wide(), usesGroups[i]);
        }
        return ex.find(reading.text(), new PrefixSearch(plans[i], reading.text(), reading.lower(), a -> scan.possible(i, a), reading.wide()),
                reading.lower(), unlessLineMay[i], unlessMatchMay[i], unlessTextMay[i], reading.wide(), usesGroups[i]);
    }

    private Recognised recognised(Extractor ex, Extractor.Found m, TextReader.Reading reading) {
        String excerpt = excerpt(reading.originalSpan(m.start(), m.end()));
        String evidence = "extractor '" + ex.id() + "' matched \"" + excerpt + "\""
                + (ex.source() == null ? "" : " (source: " + ex.source() + ")");
        // every fact of one match is one observation: the words it matched (engine/Observations);
        // the text's hash tells apart texts typed at different prompts, whose spans all start near 0
        String origin = Fact.TEXT + "#" + Integer.toHexString(reading.text().hashCode()) + "@" + m.start() + "-" + m.end();
        List<Fact> facts = new ArrayList<>();
        for (Map.Entry<String, Object> e : ex.facts().entrySet()) {
            Object value = e.getValue();
            if (value instanceof String s && s.contains("$")) {
                String expanded = Extractor.expand(s, m).trim();
                if (expanded.isEmpty()) continue;
                try {
                    value = vocabulary.get(e.getKey()).coerce(expanded);
                } catch (IllegalArgumentException bad) {
                    continue; // the group did not hold a value of the right type; skip, do not guess
                }
            }
            facts.add(new Fact(e.getKey(), value, Fact.TEXT, evidence, origin));
        }
        return new Recognised(ex, excerpt, facts);
    }

    /** How a catalog entry of our own prose patterns names its source ({@code source: 'prose: ours'}). */
    static final String PROSE_SOURCE = "prose:";

    /**
     * Whether {@code f} was read from the user's own words by a prose pattern ("the app listens on
     * 3000"), not from a pasted log line or error string: the evidence names the entry's source.
     */
    /** The words of the user's text a fact was read from (its extractor's match), or null for a fact not read so. */
    public static String matchedWords(Fact f) {
        String evidence = f.getEvidence();
        if (!Fact.TEXT.equals(f.getSource()) || evidence == null) return null;
        String mark = "' matched \"";
        int start = evidence.indexOf(mark);
        if (start < 0) return null;
        start += mark.length();
        int end = evidence.indexOf("\" (source: ", start);
        if (end < 0) end = evidence.endsWith("\"") ? evidence.length() - 1 : -1;
        return end <= start ? null : evidence.substring(start, end);
    }

    public static boolean fromProse(Fact f) {
        return Fact.TEXT.equals(f.getSource()) && f.getEvidence() != null && f.getEvidence().contains("(source: " + PROSE_SOURCE);
    }

    /** How the evidence of a fact read from the words of an answer names the question (the REPL's answers). */
    private static final String IN_ANSWER = " (in your answer to ";

    /** The evidence of {@code f}, read from the words of the answer to {@code key}'s question, saying so. */
    public static String inAnswerTo(Fact f, String key, String more) {
        return f.getEvidence() + IN_ANSWER + key + more + ")";
    }

    /**
     * Whether {@code f} was read from the words the user typed to answer a question, not from the text they came
     * with: asking it back would ask them to repeat what they just answered (user16 ud10: "Error 524" typed at the
     * status question, then "I read cloudflare.error = 524 from your paste ... Which code?").
     */
    public static boolean fromAnAnswer(Fact f) {
        return f.getEvidence() != null && f.getEvidence().contains(IN_ANSWER);
    }

    /** The facts one entry gives on {@code text} alone (for its samples), or null when it does not match. */
    public List<Fact> sample(Extractor ex, String text) {
        Recognised r = apply(ex, TextReader.read(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text));
        return r == null ? null : r.facts();
    }

    /** Builds every entry's DFA now (tests: the search must find the same with them as without). */
    void buildDfas() { for (SearchPlan plan : plans) if (plan != null) plan.dfaNow(); }

    /** Whether the prefilter lets entry {@code i} run on {@code text} (tests: it must whenever the pattern matches). */
    public boolean candidate(int i, String text) {
        return prefilter.candidates(TextReader.read(text).lower())[i];
    }

    public List<Extractor> extractors() { return extractors; }

    /** The matched text on one line: each run of whitespace ({@code \s}: space, tab, line ends, form feed, vertical tab) one space, trimmed, at most 120 characters. */
    static String excerpt(String s) {
        StringBuilder one = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                if (!inRun) one.append(' ');
                inRun = true;
            } else {
                one.append(c);
                inRun = false;
            }
        }
        String trimmed = one.toString().trim();
        return trimmed.length() > 120 ? trimmed.substring(0, 117) + "..." : trimmed;
    }
}
