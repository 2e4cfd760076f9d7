package dev.dokploydoctor.authoring;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the structure of a DRL file with Drools' own parser ({@link DrlParser}, which gives each
 * rule and pattern its line): rule names, the Fact patterns of the when-block and the Evidence,
 * Need and Fact objects the then-block creates ({@code support}, {@code refute}, {@code need}, or
 * the older {@code insertLogical(new ...)}). Drools keeps the then-block as text, so
 * {@link ConsequenceReader} reads it token by token; the cause of {@code support(drools, 0.6)} is the
 * one the rule's name (from the descriptor) starts with.
 */
public final class DrlReader {
    private static final Pattern KEY_LITERAL = Pattern.compile("^key\\s*==\\s*\"([^\"]*)\"$");

    /**
     * The rules of one file, or the syntax errors that kept it from being read; {@code problems}:
     * conclusions that cannot work (a certainty out of range, a rule whose name lacks its cause).
     */
    public record Result(List<DrlRule> rules, List<Finding> errors, List<Finding> problems) {
        Result(List<DrlRule> rules, List<Finding> errors) { this(rules, errors, List.of()); }
    }

    private DrlReader() {}

    public static Result read(String file, String text) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, new StringReader(text));
        } catch (DroolsParserException e) {
            return new Result(List.of(), List.of(Finding.error("drl-syntax", file, 0, e.getMessage())));
        }
        if (parser.hasErrors() || pkg == null) {
            List<Finding> errors = new ArrayList<>();
            for (DroolsError e : parser.getErrors()) {
                int line = e instanceof ParserError pe ? pe.getRow() : 0;
                errors.add(Finding.error("drl-syntax", file, line, oneLine(e.getMessage())));
            }
            if (errors.isEmpty()) errors.add(Finding.error("drl-syntax", file, 0, "the DRL parser returned nothing"));
            return new Result(List.of(), errors);
        }
        String[] lines = text.split("\n", -1);
        List<DrlRule> rules = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        for (RuleDescr r : pkg.getRules()) {
            if (r.isQuery()) continue;
            Set<String> conditions = new LinkedHashSet<>();
            List<DrlRule.FactPattern> patterns = new ArrayList<>();
            AndDescr lhs = r.getLhs();
            if (lhs != null) {
                for (BaseDescr d : lhs.getDescrs()) {
                    conditions.add(normalise(d, text));
                    collectPatterns(d, false, patterns);
                }
            }
            rules.add(new DrlRule(r.getName(), file, r.getLine(), conditions, patterns, conclusions(r, file, lines, problems)));
        }
        return new Result(rules, List.of(), problems);
    }

    /** The rules of every DRL source of a knowledge (files that do not parse are left out). */
    public static List<DrlRule> readAll(dev.dokploydoctor.knowledge.Knowledge knowledge) {
        List<DrlRule> rules = new ArrayList<>();
        for (dev.dokploydoctor.knowledge.Knowledge.RuleSource src : knowledge.ruleSources().values()) {
            rules.addAll(read(Display.path(src.displayPath()), src.text()).rules());
        }
        return rules;
    }

    // ---- when-block ----

    private static void collectPatterns(BaseDescr d, boolean negated, List<DrlRule.FactPattern> out) {
        if (d instanceof PatternDescr p) {
            String type = p.getObjectType();
            if (type == null || !(type.equals("Fact") || type.endsWith(".Fact"))) return;
            String key = null;
            List<DrlRule.Constraint> constraints = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                String t = c.getText() == null ? c.toString() : c.getText().trim();
                Matcher m = KEY_LITERAL.matcher(t);
                if (key == null && m.matches()) key = m.group(1);
                else constraints.add(new DrlRule.Constraint(t, c.getLine() > 0 ? c.getLine() : p.getLine()));
            }
            if (key != null) out.add(new DrlRule.FactPattern(key, keyLine(p), List.copyOf(constraints), negated));
            return;
        }
        if (d instanceof ConditionalElementDescr ce) {
            boolean inner = negated || d instanceof NotDescr;
            for (BaseDescr child : ce.getDescrs()) collectPatterns(child, inner, out);
        }
    }

    private static int keyLine(PatternDescr p) {
        for (BaseDescr c : p.getDescrs()) {
            if (c.getText() != null && KEY_LITERAL.matcher(c.getText().trim()).matches() && c.getLine() > 0) return c.getLine();
        }
        return p.getLine();
    }

    /**
     * A condition as comparable text: binding names dropped, constraints sorted, whitespace outside
     * string literals removed, so {@code $a : Fact(flag==true, key == "x")} equals {@code Fact(key=="x", flag == true)}.
     */
    static String normalise(BaseDescr d, String source) {
        if (d instanceof PatternDescr p && p.getSource() == null) {
            TreeSet<String> parts = new TreeSet<>();
            for (BaseDescr c : p.getDescrs()) parts.add(squash(c.getText() == null ? c.toString() : c.getText()));
            return p.getObjectType() + "(" + String.join(",", parts) + ")";
        }
        if (d instanceof NotDescr n) return "not " + joined(n.getDescrs(), " and ", source);
        if (d instanceof ExistsDescr e) return "exists " + joined(e.getDescrs(), " and ", source);
        if (d instanceof OrDescr o) return "(" + joined(o.getDescrs(), " or ", source) + ")";
        if (d instanceof AndDescr a) return "(" + joined(a.getDescrs(), " and ", source) + ")";
        if (d instanceof EvalDescr e) return "eval(" + squash(String.valueOf(e.getContent())) + ")";
        int start = d.getStartCharacter();
        int end = d.getEndCharacter();
        if (start >= 0 && end > start && end <= source.length()) return squash(source.substring(start, end));
        return squash(d.toString());
    }

    private static String joined(List<? extends BaseDescr> descrs, String op, String source) {
        TreeSet<String> parts = new TreeSet<>();
        for (BaseDescr d : descrs) parts.add(normalise(d, source));
        return parts.size() == 1 ? parts.first() : "(" + String.join(op, parts) + ")";
    }

    /** Remove whitespace outside double-quoted strings. */
    static String squash(String s) {
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) quoted = !quoted;
            if (!quoted && Character.isWhitespace(c)) continue;
            sb.append(c);
        }
        return sb.toString();
    }

    // ---- then-block ----

    /** The then-block's text, from the descriptor's consequence line to the rule's end, read by {@link ConsequenceReader}. */
    private static List<DrlRule.Conclusion> conclusions(RuleDescr r, String file, String[] lines, List<Finding> problems) {
        int from = Math.max(r.getLine(), r.getConsequenceLine());
        int to = r.getEndLine() >= from ? r.getEndLine() : lines.length;
        StringBuilder region = new StringBuilder();
        for (int i = from; i <= to && i <= lines.length; i++) region.append(lines[i - 1]).append('\n');
        List<DrlRule.Conclusion> out = new ArrayList<>(ConsequenceReader.read(r.getName(), file, region.toString(), from, problems));
        out.sort(java.util.Comparator.comparingInt(DrlRule.Conclusion::line));
        return out;
    }

    static String oneLine(String s) {
        return s == null ? "syntax error" : s.replaceAll("\\s+", " ").trim();
    }
}
