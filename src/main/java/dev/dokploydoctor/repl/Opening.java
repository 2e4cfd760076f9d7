package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.TextExtraction;
import dev.dokploydoctor.knowledge.Vocabulary;
import dev.dokploydoctor.similar.SimilarVote;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first question, "What do you see?": a choice from a short menu of symptoms, a status code,
 * a URL, or any pasted text (run through the extractors).
 */
public final class Opening {
    /** One menu entry: what the user picks and the facts it stands for. */
    public record Symptom(String label, Map<String, Object> facts) {}

    public static final List<Symptom> MENU = List.of(
            new Symptom("502 Bad Gateway", Map.of("http.status", 502L)),
            new Symptom("504 Gateway Timeout", Map.of("http.status", 504L)),
            new Symptom("404 Not Found", Map.of("http.status", 404L)),
            new Symptom("redirect loop (ERR_TOO_MANY_REDIRECTS)", Map.of("http.redirect_loop", true)),
            new Symptom("DNS error (EAI_AGAIN / ENOTFOUND)", Map.of("app.dns_failure", true)),
            new Symptom("deploy error", Map.of("deploy.status", "error")),
            new Symptom("permission denied in DokPloy", Map.of("user.action_denied", true)),
            new Symptom("how should I route this service?", Map.of("user.goal", "route-advice")));

    /** What the opening answer told us: facts, the free text (if any) and a URL (if any). */
    public record Parsed(List<Fact> facts, String text, String url) {
        public boolean isEmpty() { return facts.isEmpty(); }
    }

    private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s\"'<>]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_CODE = Pattern.compile("\\s*(\\d{3,4})\\s*");

    private Opening() {}

    public static Parsed parse(String input, Vocabulary vocabulary, TextExtraction extraction) {
        return parse(input, vocabulary, () -> extraction);
    }

    /** As above, with the catalog asked for only when the answer is text (a menu pick or a status code needs none). */
    public static Parsed parse(String input, Vocabulary vocabulary, java.util.function.Supplier<TextExtraction> extraction) {
        String text = input.strip();
        Map<String, Fact> facts = new LinkedHashMap<>();
        // "2nd", "the first one": the menu's entry by its place
        Integer place = text.matches("\\d") ? Integer.valueOf(text) : Reply.ordinal(text);
        if (place != null && place >= 1 && place <= MENU.size()) {
            Symptom s = MENU.get(place - 1);
            s.facts().forEach((k, v) -> putIfDeclared(facts, vocabulary, k, v, "picked '" + s.label() + "'"));
            return new Parsed(new ArrayList<>(facts.values()), null, null);
        }
        Matcher code = BARE_CODE.matcher(text);
        if (code.matches()) {
            long n = Long.parseLong(code.group(1));
            if (n >= 100 && n <= 599) putIfDeclared(facts, vocabulary, "http.status", n, "you said " + n);
            else if (n >= 1000 && n <= 1999) putIfDeclared(facts, vocabulary, "cloudflare.error", n, "you said " + n);
            if (!facts.isEmpty()) return new Parsed(new ArrayList<>(facts.values()), null, null);
        }
        List<Fact> read = extraction.get().extract(text);
        String url = siteUrl(text, read);
        if (url != null) putIfDeclared(facts, vocabulary, "domain.host", hostOf(url), "from the URL " + url);
        for (Fact f : read) facts.putIfAbsent(f.getKey(), f);
        return new Parsed(new ArrayList<>(facts.values()), text, url);
    }

    /**
     * The URL of the user's own site, the one the http probe may fetch: the first URL whose host is the
     * site the catalog read ({@code domain.host}); null when the catalog read none. Whether a URL is the
     * site is judged once, by the catalog (a quoted docs page, a GitHub issue, a proxy's upstream is not),
     * and a bare address or loopback name never is (https://localhost:443 is a tunnel origin).
     */
    static String siteUrl(String text, List<Fact> read) {
        String site = read.stream().filter(f -> f.getKey().equals("domain.host")).map(Fact::getText).findFirst().orElse(null);
        if (site == null) return null;
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String candidate = m.group().replaceAll("[).,;]+$", "");
            String host = hostOf(candidate);
            if (isPublicHost(host) && host.equalsIgnoreCase(site)) return candidate;
        }
        return null;
    }

    /**
     * True when the parsed answer says what is wrong (a symptom, or the routing question): a host
     * name alone, or text no extractor knows, does not.
     */
    public static boolean reportsSomething(Parsed parsed, Vocabulary vocabulary) {
        for (Fact f : parsed.facts()) {
            if (f.getKey().equals("user.goal")) return true;
            var spec = vocabulary.get(f.getKey());
            if (spec != null && spec.isSymptom(f.getValue())) return true;
        }
        return false;
    }

    /** The answer plus {@code fault.reported}: whatever the words were, the user came with a fault. */
    public static Parsed withReportedFault(Parsed parsed, String text, Vocabulary vocabulary) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (Fact f : parsed.facts()) facts.put(f.getKey(), f);
        putIfDeclared(facts, vocabulary, "fault.reported", true, "you described a problem: " + abbreviate(text.strip()));
        return new Parsed(new ArrayList<>(facts.values()), parsed.text() == null ? text.strip() : parsed.text(), parsed.url());
    }

    /**
     * The parsed facts and, for free text, the vote of the nearest field reports ({@code similar.cause}:
     * weak evidence the engine weighs only when the rules barely know). A menu pick or a bare status
     * code is no text to compare. Reports of a cause in {@code refuted} (the text's own facts rule it out) are
     * left out of the vote.
     */
    public static List<Fact> withSimilarVote(Parsed parsed, Knowledge knowledge, SimilarVote vote, java.util.Set<String> refuted) {
        if (parsed.text() == null) return parsed.facts();
        List<Fact> out = new ArrayList<>(parsed.facts());
        out.addAll(vote.collect(parsed.text(), Map.of(), knowledge.vocabulary(), null, refuted));
        return out;
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 57) + "..." : s; }

    /** A public site's host: a dotted name that is not a loopback or wildcard address. */
    static boolean isPublicHost(String host) {
        if (host == null || !host.contains(".")) return false;
        // an address is no domain (as the catalog's public-url entry reads it): in a pasted line it is an
        // origin or a container (cloudflared's originService=https://172.16.42.29:28117), and the http
        // probe would dial it unasked
        if (host.matches("\\d{1,3}(?:\\.\\d{1,3}){3}") || host.startsWith("[")) return false;
        return !(host.equals("0.0.0.0") || host.endsWith(".localhost"));
    }

    static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Menu facts use keys of the vocabulary; a rule base that dropped one simply does not get it. */
    private static void putIfDeclared(Map<String, Fact> facts, Vocabulary vocabulary, String key, Object value, String evidence) {
        if (!vocabulary.contains(key)) return;
        Object typed = vocabulary.get(key).coerce(value);
        facts.put(key, new Fact(key, typed, Fact.USER, evidence));
    }

    /** The menu as lines of text, two columns. */
    public static List<String> menuLines() {
        List<String> lines = new ArrayList<>();
        int half = (MENU.size() + 1) / 2;
        for (int i = 0; i < half; i++) {
            String left = (i + 1) + ") " + MENU.get(i).label();
            int j = i + half;
            String right = j < MENU.size() ? (j + 1) + ") " + MENU.get(j).label() : "";
            lines.add(String.format("  %-42s %s", left, right).stripTrailing());
        }
        return lines;
    }
}
