package dev.dokploydoctor.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The fixed dev/test split of the field corpus: a report is in <b>test</b> when the first 8 hex
 * digits of sha256(source.trim()), read as an unsigned number, are divisible by 3; otherwise in
 * <b>dev</b>. It depends on the URL alone, so adding reports never moves an old one across.
 */
public enum CorpusSplit {
    DEV, TEST, ALL;

    public static CorpusSplit of(String source) {
        return bucket(source) % 3 == 0 ? TEST : DEV;
    }

    /** The first 32 bits of sha256(source.trim()) as an unsigned number. */
    static long bucket(String source) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.trim().getBytes(StandardCharsets.UTF_8));
            return ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public boolean includes(FieldRecord r) { return this == ALL || r.split() == this; }

    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static CorpusSplit parse(String s) {
        for (CorpusSplit c : values()) if (c.label().equalsIgnoreCase(s.trim())) return c;
        throw new IllegalArgumentException("unknown split '" + s + "' (dev, test or all)");
    }
}
