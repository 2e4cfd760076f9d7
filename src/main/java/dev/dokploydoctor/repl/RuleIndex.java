package dev.dokploydoctor.repl;

import dev.dokploydoctor.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rules can conclude a cause and which fact keys they test, read from the DRL text. Used by
 * {@code why-not} for a cause no rule has suggested yet: it names the rules and the facts they look for.
 */
public final class RuleIndex {
    /** One rule: its name, the cause ids it mentions, the fact keys its conditions test. */
    public record RuleInfo(String name, Set<String> causes, Set<String> keys) {}

    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\b");
    private static final Pattern KEY_TEST = Pattern.compile("key\\s*==\\s*\"([a-z0-9_.]+)\"");
    private static final Pattern QUOTED = Pattern.compile("\"([a-z0-9-]+)\"");
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)//.*$");

    private final List<RuleInfo> rules;

    private RuleIndex(List<RuleInfo> rules) { this.rules = rules; }

    public static RuleIndex of(Knowledge knowledge) {
        List<RuleInfo> rules = new ArrayList<>();
        for (Knowledge.RuleSource src : knowledge.ruleSources().values()) {
            Matcher m = RULE.matcher(LINE_COMMENT.matcher(src.text()).replaceAll(""));
            while (m.find()) {
                String body = m.group(2);
                int then = body.indexOf("then");
                String when = then < 0 ? body : body.substring(0, then);
                Set<String> keys = new LinkedHashSet<>();
                Matcher k = KEY_TEST.matcher(when);
                while (k.find()) keys.add(k.group(1));
                Set<String> causes = new LinkedHashSet<>();
                Matcher q = QUOTED.matcher(then < 0 ? "" : body.substring(then));
                while (q.find()) if (knowledge.cause(q.group(1)) != null) causes.add(q.group(1));
                rules.add(new RuleInfo(m.group(1), causes, keys));
            }
        }
        return new RuleIndex(List.copyOf(rules));
    }

    /** Rules whose consequence names {@code cause}. */
    public List<RuleInfo> concluding(String cause) {
        return rules.stream().filter(r -> r.causes().contains(cause)).toList();
    }
}
