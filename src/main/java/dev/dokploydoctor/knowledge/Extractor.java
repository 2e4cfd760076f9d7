package dev.dokploydoctor.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One entry of knowledge/extractors.yaml: a text pattern (an error string, a log line) and the
 * facts it implies. Values may use the pattern's groups: {@code $1} or {@code ${name}}.
 */
public record Extractor(String id, Pattern pattern, Map<String, Object> facts, String file, int line) {

    public static Extractor fromNode(Node n, Vocabulary vocabulary) {
        if (!n.isMap()) throw n.error(null, "an extractor is a map with id, pattern and facts");
        String id = n.text("id", null);
        if (id == null) throw n.error("id", "an extractor needs an id");
        String regex = n.text("pattern", null);
        if (regex == null) throw n.error(id + ".pattern", "an extractor needs a pattern");
        Pattern pattern;
        try {
            int flags = Boolean.TRUE.equals(n.get("case_sensitive") == null ? null : n.get("case_sensitive").scalar())
                    ? 0 : Pattern.CASE_INSENSITIVE;
            pattern = Pattern.compile(regex, flags | Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            throw n.get("pattern").error(id + ".pattern", "bad regular expression: " + e.getDescription());
        }
        Node factsNode = n.get("facts");
        if (factsNode == null || !factsNode.isMap() || factsNode.fields().isEmpty()) {
            throw n.error(id + ".facts", "an extractor needs at least one fact");
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
        return new Extractor(id, pattern, Map.copyOf(facts), n.file(), n.line());
    }

    /** Fill $1 / ${name} in a templated value from a match. */
    public static String expand(String template, Matcher m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length()) {
                if (template.charAt(i + 1) == '{') {
                    int end = template.indexOf('}', i);
                    if (end > 0) {
                        String name = template.substring(i + 2, end);
                        String g = m.group(name);
                        sb.append(g == null ? "" : g);
                        i = end;
                        continue;
                    }
                } else if (Character.isDigit(template.charAt(i + 1))) {
                    int g = template.charAt(i + 1) - '0';
                    String v = g <= m.groupCount() ? m.group(g) : null;
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
