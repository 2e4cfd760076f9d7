package dev.dokploydoctor.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from anything the program shows or saves: probe evidence, pasted text, facts,
 * saved sessions and reports. It masks tokens, keys and passwords in env lines, command arguments,
 * JSON, headers and URLs; Cloudflare tunnel tokens and JWTs; password hashes; private keys; tokens
 * with a well-known prefix; and known secret values.
 *
 * <p>Every pattern has bounded quantifiers or starts at a literal, so the work is linear in the text
 * (pasted text can be 256 KB of anything).
 */
public final class Redactor {
    public static final String MASK = "<redacted>";

    /** No known secrets: the shapes alone. */
    public static final Redactor SHAPES = new Redactor(List.of());

    private static final String SECRET_WORD = "(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API[_-]?KEY|ACCESS[_-]?KEY"
            + "|PRIVATE[_-]?KEY|AUTH[_-]?KEY|CREDENTIALS?|HMAC(?:ENCODED)?|EAB[_-]?KEY|SESSION[_-]?KEY)";

    /**
     * A pattern, its replacement, and literals (lower case) one of which any match contains: a text
     * without them skips the pattern (most facts hold no secret, and a regex scan costs).
     */
    private record Rule(Pattern pattern, String replacement, List<String> anyOf) {
        Rule(Pattern pattern, String replacement, String... anyOf) { this(pattern, replacement, List.of(anyOf)); }

        boolean mayMatch(String lower) {
            for (String s : anyOf) if (lower.contains(s)) return true;
            return false;
        }
    }

    /**
     * What follows a secret's name but is not its value: a shell variable it is read from
     * ({@code x-api-key: $DOKPLOY_API_KEY}, the fixes' "set these first" style), a comment, or a
     * placeholder. Masking those would break a fix the user pastes and hide nothing.
     */
    private static final String NOT_A_VALUE = "(?![\"']?\\$\\{?(?-i:[A-Z_][A-Z0-9_]{0,64})\\}?(?:[\"'\\s,;}]|$)|#\\s|<[a-z])";

    private static final String[] SECRET_WORDS = {"token", "secret", "passw", "passphrase", "api", "access", "private", "auth",
            "credential", "hmac", "eab", "session"};

    private static final List<Rule> RULES = List.of(
            // private keys: the base64 body after the BEGIN line (a truncated paste too)
            new Rule(Pattern.compile("(-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----)[A-Za-z0-9+/=\\s]{1,20000}"), "$1" + MASK + "\n", "-----begin"),
            // NAME=value and NAME: value where the name says it is a secret (TUNNEL_TOKEN=..., DB_PASSWORD: ..., acme.eab.hmacEncoded=...)
            new Rule(Pattern.compile("(?i)\\b([A-Z0-9_.-]{0,64}" + SECRET_WORD + "[A-Z0-9_.-]{0,64})(\\s{0,8}[=:]\\s{0,8})" + NOT_A_VALUE + "(\"[^\"\\n]{0,4096}\"|'[^'\\n]{0,4096}'|[^\\s,;\"'}]{1,4096})"),
                    "$1$2" + MASK, SECRET_WORDS),
            // JSON "someToken": "value"
            new Rule(Pattern.compile("(?i)(\"[A-Za-z0-9_.-]{0,64}(?:token|secret|password|passwd|passphrase|apikey|api_key|api-key|key|hmac|credentials?)\"\\s{0,8}:\\s{0,8})\"(?:[^\"\\\\]|\\\\.){0,4096}\""),
                    "$1\"" + MASK + "\"", "token", "secret", "passw", "passphrase", "key", "hmac", "credential"),
            // prose: "password hunter2!", "the password is S3cret" (a value with a digit or symbol; not "password authentication")
            new Rule(Pattern.compile("(?i)\\b(pass(?:word|phrase|wd))((?:\\s{1,4}(?:is|was|set to|of|for \\S{1,64} is))?\\s{1,4})(?=[^\\s\"',;]{0,200}[0-9!#$%^&*+?~])[^\\s\"',;]{4,200}"),
                    "$1$2" + MASK, "pass"),
            // command-line flags: --token X, --token=X, --password X, curl -u user:pass
            new Rule(Pattern.compile("(?i)(--(?:token|password|passphrase|secret|api-key|credentials?|hmac|eab-hmac)(?:=|\\s{1,8}))" + NOT_A_VALUE + "(\\S{1,4096})"), "$1" + MASK, "--"),
            new Rule(Pattern.compile("(\\s(?:-u|--user)\\s{1,8})[^\\s:]{1,256}:\\S{1,4096}"), "$1" + MASK, "-u", "--user"),
            // Authorization: Bearer X, Basic X, Token X; cookies
            new Rule(Pattern.compile("(?i)(bearer\\s{1,8})[A-Za-z0-9._~+/=-]{1,8192}"), "$1" + MASK, "bearer"),
            new Rule(Pattern.compile("(?i)((?:proxy-)?authorization\\s{0,8}[:=]\\s{0,8}(?:basic|digest|token|apikey)\\s{1,8})[^\\s\"',]{1,8192}"), "$1" + MASK, "authorization"),
            new Rule(Pattern.compile("(?i)\\b((?:set-)?cookie\\s{0,8}:\\s{0,8})[^\\r\\n]{1,8192}"), "$1" + MASK, "cookie"),
            // Cloudflare tunnel tokens and JWTs are base64 JSON: they start with eyJ
            new Rule(Pattern.compile("eyJ[A-Za-z0-9+/_=-]{20,8192}(?:\\.[A-Za-z0-9+/_=-]{1,8192}){0,4}"), MASK, "eyj"),
            // password hashes: htpasswd $apr1$, bcrypt $2y$, sha-crypt $5$/$6$, argon2 (also $$-escaped in compose labels)
            new Rule(Pattern.compile("\\$\\$?(?:apr1|2[abxy]?|1|5|6|7|y|gy|argon2(?:id|i|d)|pbkdf2[-a-z0-9]{0,16}|scrypt)\\$[^\\s\"';]{8,512}"), MASK, "$"),
            // tokens with a well-known prefix (GitHub, GitLab, Slack, AWS, Stripe/OpenAI style)
            new Rule(Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,255}|github_pat_[A-Za-z0-9_]{30,255}|glpat-[A-Za-z0-9_-]{20,255}"
                    + "|xox[abprs]-[A-Za-z0-9-]{10,255}|AKIA[0-9A-Z]{16}|[sr]k_(?:live|test)_[A-Za-z0-9]{20,255}|sk-(?:proj|ant)-[A-Za-z0-9_-]{20,255})"), MASK,
                    "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox", "akia", "k_live_", "k_test_", "sk-"),
            // user:password@ in URLs
            new Rule(Pattern.compile("(\\b[a-z][a-z0-9+.-]{0,20}://)[^/\\s:@]{0,256}:[^/\\s@]{1,256}@"), "$1" + MASK + "@", "://"));

    /** The rules' patterns, for a test to count their work on adversarial text. */
    static List<Pattern> patterns() { return RULES.stream().map(Rule::pattern).toList(); }

    private final List<String> knownSecrets;

    /** Short texts found to hold no secret: facts repeat their values and evidence in every case and every look-ahead answer. */
    private final Set<String> cleanTexts = ConcurrentHashMap.newKeySet();
    private static final int CLEAN_LENGTH = 64;
    private static final int CLEAN_MAX = 4096;

    public Redactor(List<String> knownSecrets) {
        List<String> secrets = new ArrayList<>();
        for (String s : knownSecrets) if (s != null && s.length() >= 4) secrets.add(s);
        this.knownSecrets = List.copyOf(secrets);
    }

    /** The text with every secret it recognises replaced by {@value #MASK}. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        boolean shortText = text.length() <= CLEAN_LENGTH;
        if (shortText && cleanTexts.contains(text)) return text;
        String out = text;
        for (String secret : knownSecrets) out = out.replace(secret, MASK);
        String lower = out.toLowerCase(java.util.Locale.ROOT);
        for (Rule r : RULES) {
            if (!r.mayMatch(lower)) continue;
            Matcher m = r.pattern().matcher(out);
            if (m.find()) out = m.replaceAll(r.replacement());
        }
        if (shortText && out.equals(text) && cleanTexts.size() < CLEAN_MAX) cleanTexts.add(text);
        return out;
    }

    /** Strings in a plain structure (maps, lists) redacted, keys kept: a case or answers file to save. */
    public Object redactPlain(Object plain) {
        if (plain instanceof String s) return redact(s);
        if (plain instanceof java.util.Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, redactPlain(v)));
            return out;
        }
        if (plain instanceof List<?> l) return l.stream().map(this::redactPlain).toList();
        return plain;
    }

    /** The fact with its text values and evidence redacted; the same object when nothing changed. */
    public Fact redactFact(Fact f) {
        return redactFact(f, redact(f.getEvidence()));
    }

    /**
     * Each fact as {@link #redactFact(Fact)}; facts in a row with the same evidence text (a case's stated facts all say
     * "stated in case &lt;id&gt;", which no cache of short clean texts holds for long) have it redacted once.
     */
    public List<Fact> redactFacts(List<Fact> facts) {
        List<Fact> out = new ArrayList<>(facts.size());
        String evidence = null;
        String clean = null;
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            if (i == 0 || !java.util.Objects.equals(f.getEvidence(), evidence)) {
                evidence = f.getEvidence();
                clean = redact(evidence);
            }
            out.add(redactFact(f, clean));
        }
        return out;
    }

    /** The fact with its values redacted and {@code evidence}, its evidence already redacted. */
    private Fact redactFact(Fact f, String evidence) {
        Object value = f.getValue();
        Object clean = value;
        if (value instanceof String s) clean = redact(s);
        else if (value instanceof List<?> l) {
            List<String> items = new ArrayList<>(l.size());
            for (Object o : l) items.add(redact(String.valueOf(o)));
            clean = items.equals(l) ? value : List.copyOf(items);
        }
        if (clean.equals(value) && evidence.equals(f.getEvidence())) return f;
        return new Fact(f.getKey(), clean, f.getSource(), evidence, f.getOrigin());
    }
}
