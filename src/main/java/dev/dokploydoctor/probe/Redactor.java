package dev.dokploydoctor.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from anything a probe shows or saves: tokens, keys and passwords in env lines,
 * command arguments, JSON, headers and URLs, Cloudflare tunnel tokens, and known secret values.
 */
public final class Redactor {
    public static final String MASK = "<redacted>";

    private static final String SECRET_WORD = "(?:TOKEN|SECRET|PASSWORD|PASSWD|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|CREDENTIALS?)";

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            // NAME=value and NAME: value where the name says it is a secret (TUNNEL_TOKEN=..., DB_PASSWORD: ...)
            new Rule(Pattern.compile("(?i)\\b([A-Z0-9_.-]*" + SECRET_WORD + "[A-Z0-9_.-]*)(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;\"'}]+)"),
                    "$1$2" + MASK),
            // JSON "someToken": "value"
            new Rule(Pattern.compile("(?i)(\"[A-Za-z0-9_.-]*(?:token|secret|password|passwd|apikey|api_key|api-key|key|credentials?)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\""),
                    "$1\"" + MASK + "\""),
            // command-line flags: --token X, --token=X, --password X
            new Rule(Pattern.compile("(?i)(--(?:token|password|secret|api-key|credentials?)(?:=|\\s+))(\\S+)"), "$1" + MASK),
            // Authorization: Bearer X
            new Rule(Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+"), "$1" + MASK),
            // Cloudflare tunnel tokens and JWTs are base64 JSON: they start with eyJ
            new Rule(Pattern.compile("eyJ[A-Za-z0-9+/_=-]{20,}(?:\\.[A-Za-z0-9+/_=-]+)*"), MASK),
            // user:password@ in URLs
            new Rule(Pattern.compile("(\\b[a-z][a-z0-9+.-]*://)[^/\\s:@]+:[^/\\s@]+@"), "$1" + MASK + "@"));

    private final List<String> knownSecrets;

    public Redactor(List<String> knownSecrets) {
        List<String> secrets = new ArrayList<>();
        for (String s : knownSecrets) if (s != null && s.length() >= 4) secrets.add(s);
        this.knownSecrets = List.copyOf(secrets);
    }

    public static Redactor forEnvironment(ProbeEnvironment env) {
        List<String> secrets = new ArrayList<>();
        if (env.dokployApiKey() != null) secrets.add(env.dokployApiKey());
        return new Redactor(secrets);
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String secret : knownSecrets) out = out.replace(secret, MASK);
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(out);
            out = m.replaceAll(r.replacement());
        }
        return out;
    }
}
