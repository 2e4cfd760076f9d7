package dev.dokploydoctor.knowledge;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of the message catalog (knowledge/catalog/*.yaml, or a user's knowledge/extractors.yaml):
 * a text pattern (an error string, a log line, a phrase) and the facts it implies. Values may use
 * the pattern's groups: {@code $1} or {@code ${name}}. An entry with no facts is "recognised, no
 * fact": the line is known noise.
 *
 * <p>Patterns are RE2 syntax (RE2/J), so matching is linear in the text whatever it holds; RE2 has
 * no lookarounds and no back-references, so "not in a sentence that says X" is {@code unless_line} (the
 * match's sentence, or its whole line when that is a log line: {@link UnlessScope}) and
 * "not when the match itself says X" is {@code unless_match}, "not in a report that says X anywhere" is
 * {@code unless_text}.
 */
public record Extractor(String id, String source, Pattern pattern, Map<String, Object> facts,
                        Pattern unlessLine, Pattern unlessMatch, Pattern unlessText,
                        List<Sample> samples, List<Sample> notSamples, String file, int line) {

    /** A sample line of a catalog entry: it must match (or, for a not_sample, must not). */
    public record Sample(String text, Map<String, Object> facts, List<String> notFacts, int line) {}

    /** A match that passed the entry's unless-filters: its span and the pattern's groups (group 0 alone when no fact uses them). */
    public record Found(int start, int end, String text, List<String> groups, Map<String, String> named) {
        public String group(int i) { return i < groups.size() ? groups.get(i) : null; }
    }

    static final Set<String> FIELDS = Set.of("id", "source", "pattern", "facts", "case_sensitive", "unless_line",
            "unless_match", "unless_text", "samples", "not_samples", "note");

    /** An entry of knowledge/extractors.yaml (the old single-file form: source and samples optional). */
    public static Extractor fromNode(Node n, Vocabulary vocabulary) { return fromNode(n, vocabulary, false); }

    /** @param catalog entries of knowledge/catalog/ must name a source and carry a sample */
    public static Extractor fromNode(Node n, Vocabulary vocabulary, boolean catalog) {
        if (!n.isMap()) throw n.error(null, "an extractor is a map with id, pattern and facts");
        String id = n.text("id", null);
        if (id == null) throw n.error("id", "an extractor needs an id");
        for (String f : n.fields().keySet()) {
            if (!FIELDS.contains(f)) throw n.get(f).error(id + "." + f, "unknown field '" + f + "' (known: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
        }
        String regex = n.text("pattern", null);
        if (regex == null) throw n.error(id + ".pattern", "an extractor needs a pattern");
        boolean caseSensitive = n.get("case_sensitive") != null && Boolean.TRUE.equals(n.get("case_sensitive").scalar());
        int flags = (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE) | Pattern.MULTILINE;
        Pattern pattern = compile(n, id, "pattern", regex, flags);
        Pattern unlessLine = n.text("unless_line", null) == null ? null : compile(n, id, "unless_line", n.text("unless_line", null), flags);
        Pattern unlessMatch = n.text("unless_match", null) == null ? null : compile(n, id, "unless_match", n.text("unless_match", null), flags);
        Pattern unlessText = n.text("unless_text", null) == null ? null : compile(n, id, "unless_text", n.text("unless_text", null), flags);
        String source = n.text("source", null);
        if (catalog && (source == null || source.isBlank())) {
            throw n.error(id + ".source", "a catalog entry names its source: repo, file and version, a docs URL, or 'prose: ours'");
        }
        Node factsNode = n.get("facts");
        if (factsNode == null || !factsNode.isMap() || (!catalog && factsNode.fields().isEmpty())) {
            throw n.error(id + ".facts", catalog ? "a catalog entry needs facts (a map; {} for 'recognised, no fact')"
                    : "an extractor needs at least one fact");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : factsNode.fields().entrySet()) {
            Node valueNode = e.getValue();
            Object raw = valueNode.toPlain();
            if (raw instanceof String s && s.contains("$")) {
                vocabulary.require(e.getKey(), valueNode); // typed when the groups are known
                facts.put(e.getKey(), s);
            } else {
                facts.put(e.getKey(), vocabulary.coerce(e.getKey(), raw, valueNode));
            }
        }
        List<Sample> samples = samples(n.get("samples"), id + ".samples", vocabulary);
        List<Sample> notSamples = samples(n.get("not_samples"), id + ".not_samples", vocabulary);
        if (catalog && samples.isEmpty()) throw n.error(id + ".samples", "a catalog entry carries at least one real sample line");
        return new Extractor(id, source, pattern, java.util.Collections.unmodifiableMap(facts), unlessLine, unlessMatch, unlessText,
                List.copyOf(samples), List.copyOf(notSamples), n.file(), n.line());
    }

    private static Pattern compile(Node n, String id, String field, String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw n.get(field).error(id + "." + field, "bad regular expression (RE2 syntax: no lookarounds or back-references): "
                    + e.getDescription());
        }
    }

    private static List<Sample> samples(Node list, String where, Vocabulary vocabulary) {
        List<Sample> out = new ArrayList<>();
        if (list == null || list.isNull()) return out;
        if (!list.isList()) throw list.error(where, "a list of sample lines");
        for (Node s : list.items()) {
            if (s.isScalar()) {
                out.add(new Sample(s.text(), Map.of(), List.of(), s.line()));
            } else if (s.isMap() && s.text("text", null) != null) {
                Map<String, Object> facts = new LinkedHashMap<>();
                Node f = s.get("facts");
                if (f != null && f.isMap()) {
                    for (Map.Entry<String, Node> e : f.fields().entrySet()) {
                        facts.put(e.getKey(), vocabulary.coerce(e.getKey(), e.getValue().toPlain(), e.getValue()));
                    }
                }
                List<String> notFacts = new ArrayList<>();
                Node nf = s.get("not_facts");
                if (nf != null) {
                    for (Node k : nf.isList() ? nf.items() : List.of(nf)) {
                        vocabulary.require(k.text(), k);
                        notFacts.add(k.text());
                    }
                }
                out.add(new Sample(s.text("text", null), facts, notFacts, s.line()));
            } else {
                throw s.error(where, "a sample is a line of text, or a map with text (and facts or not_facts)");
            }
        }
        return out;
    }

    /**
     * Where the pattern matches next, from a position on: the plain RE2/J search, or a faster one
     * that gives the same match ({@link PrefixSearch}). Offsets are into the searched text; a group
     * that did not take part has start -1.
     */
    interface Search {
        boolean find(int from);
        int start(int group);
        int end(int group);
    }

    /**
     * The first match in {@code text} that passes the unless-filters, or null. A rejected match
     * moves the search past it (past its sentence or line for {@code unless_line}), so the work stays linear.
     */
    public Found find(String text) {
        Matcher m = pattern.matcher(text);
        return find(text, new Search() {
            public boolean find(int from) { return m.find(from); }
            public int start(int group) { return m.start(group); }
            public int end(int group) { return m.end(group); }
        });
    }

    /** {@link #find(String)} with the given search over {@code text}. */
    Found find(String text, Search m) { return find(text, m, null, null, null, null, false, usesGroups()); }

    /**
     * The same, with what tells where the unless-filters cannot match ({@link MayMatch}, null when not
     * known): where {@code lower} (the folded text) rules a filter out, its RE2/J search is not run.
     * {@code wide}: the text has a surrogate pair. {@code readGroups}: {@link #usesGroups()}, worked out
     * once by the caller.
     */
    Found find(String text, Search m, String lower, MayMatch unlessLineMay, MayMatch unlessMatchMay, MayMatch unlessTextMay, boolean wide, boolean readGroups) {
        int from = 0;
        int rejected = 0;
        boolean textRead = false;
        while (from <= text.length() && m.find(from)) {
            int start = m.start(0), end = m.end(0);
            // what the whole report says turns the entry off ("... now it is healthy"): searched once, at the first match
            if (unlessText != null && !textRead) {
                if (matches(unlessTextMay, unlessText, text, lower, 0, text.length(), wide)) return null;
                textRead = true;
            }
            if (unlessLine != null) {
                int ls = text.lastIndexOf('\n', start - 1) + 1;
                int le = text.indexOf('\n', Math.max(end - 1, start));
                if (le < 0) le = text.length();
                if (mayMatch(unlessLineMay, lower, ls, le, wide)) {
                    // judged on the match's sentence (a log line whole): a name in another sentence is not this line's exception
                    int ws = UnlessScope.start(text, start, ls), we = UnlessScope.end(text, end, le);
                    if ((ws > ls || we < le) && UnlessScope.logLine(text, ls, le)) { ws = ls; we = le; }
                    int exactly = lower == null || unlessLineMay == null ? -1 : unlessLineMay.matches(text, lower, ws, we, wide);
                    if (exactly != 0 && (exactly == 1 || mayMatch(unlessLineMay, lower, ws, we, wide)) && unlessLineHolds(text, ws, we)) {
                        from = we >= le ? le + 1 : Math.max(we, start + 1);
                        if (++rejected > 10_000) return null;
                        continue;
                    }
                }
            }
            String matched = text.substring(start, end);
            if (unlessMatch != null && matches(unlessMatchMay, unlessMatch, text, lower, start, end, wide)) {
                from = end > start ? end : start + 1;
                if (++rejected > 10_000) return null;
                continue;
            }
            if (prose() && DeniedClue.tableRowAt(text, start)) { // a docker ps row's cells are read by the entries for that output
                int le = text.indexOf('\n', end);
                from = le < 0 ? text.length() + 1 : le + 1;
                if (++rejected > 10_000) return null;
                continue;
            }
            if (prose() && NamePart.front(text, start, end)) { // "the service is named tunnel-api" names no tunnel
                from = end > start ? end : start + 1;
                if (++rejected > 10_000) return null;
                continue;
            }
            if (DeniedClue.denied(text, start, end, prose() ? pattern.pattern() : null)) { // "I don't think it binds to localhost", "Could it be unhealthy?"
                from = Math.max(DeniedClue.resume(text, end), start + 1);
                if (++rejected > 10_000) return null;
                continue;
            }
            if (!readGroups) return new Found(start, end, matched, List.of(matched), Map.of());
            int count = pattern.groupCount();
            List<String> groups = new ArrayList<>(count + 1);
            groups.add(matched);
            for (int g = 1; g <= count; g++) groups.add(m.start(g) < 0 ? null : text.substring(m.start(g), m.end(g)));
            Map<String, String> named = Map.of();
            if (!pattern.namedGroups().isEmpty()) {
                named = new LinkedHashMap<>();
                for (Map.Entry<String, Integer> g : pattern.namedGroups().entrySet()) named.put(g.getKey(), groups.get(g.getValue()));
            }
            return new Found(start, end, matched, groups, named);
        }
        return null;
    }

    /**
     * Whether {@code unless_line} matches {@code text[ws, we)} other than as the front part of a name: "the
     * healthcheck of tunnel-api keeps failing" is not an exception worded with {@code \btunnel\b} ({@link NamePart}).
     */
    private boolean unlessLineHolds(String text, int ws, int we) {
        Matcher u = unlessLine.matcher(text.substring(ws, we));
        int from = 0;
        while (from <= we - ws && u.find(from)) {
            if (!NamePart.front(text, ws + u.start(), ws + u.end())) return true;
            from = u.end() > u.start() ? u.end() : u.start() + 1;
        }
        return false;
    }

    /** Whether the entry is one of our prose patterns ({@code source: 'prose: ours'}), not a log message's. */
    public boolean prose() { return source != null && source.startsWith(TextExtraction.PROSE_SOURCE); }

    /**
     * Whether {@code filter} matches {@code text[from, to)} searched as a text of its own: {@code may} tells when it
     * can ({@link MayMatch#matches}), else RE2/J's search on the span, when {@code may} does not rule it out.
     */
    private static boolean matches(MayMatch may, Pattern filter, String text, String lower, int from, int to, boolean wide) {
        int exactly = lower == null || may == null ? -1 : may.matches(text, lower, from, to, wide);
        if (exactly >= 0) return exactly == 1;
        return mayMatch(may, lower, from, to, wide) && filter.matcher(from == 0 && to == text.length() ? text : text.substring(from, to)).find();
    }

    /** Whether {@code may} lets a filter's search run on {@code lower[from, to)}; true when either is unknown. */
    private static boolean mayMatch(MayMatch may, String lower, int from, int to, boolean wide) {
        return lower == null || may == null || may.in(lower, from, to, wide);
    }

    /**
     * Whether a fact's value is filled from the match's groups ($1, ${name}). When none is, a match's
     * groups are not read: RE2/J finds them by running the match again.
     */
    public boolean usesGroups() {
        for (Object v : facts.values()) if (v instanceof String s && s.contains("$")) return true;
        return false;
    }

    /** Fill $1 / ${name} in a templated value from a match. */
    public static String expand(String template, Found m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length()) {
                if (template.charAt(i + 1) == '{') {
                    int end = template.indexOf('}', i);
                    if (end > 0) {
                        String g = m.named().get(template.substring(i + 2, end));
                        sb.append(g == null ? "" : g);
                        i = end;
                        continue;
                    }
                } else if (Character.isDigit(template.charAt(i + 1))) {
                    String v = m.group(template.charAt(i + 1) - '0');
                    sb.append(v == null ? "" : v);
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
