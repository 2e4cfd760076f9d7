package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bundled rule base compiled at build time: the build compiles the jar's DRL once and writes
 * its KiePackages (Java serialization, which Drools 10 supports for packages, not for a whole
 * KieBase) beside the bundled knowledge, headed by a digest of the DRL sources. At start-up,
 * rules whose sources have that digest are read back (about a fifth of the CPU of compiling them);
 * any other rules (a user's folder, --rules, an edited checkout) are compiled as before. The rules
 * whose then-blocks {@link DirectConsequences} replaces are stored with those blocks empty, so the
 * packages read back are complete only once it has installed them: what this class hands out has.
 */
public final class PrebuiltRules {
    /** Where the build puts it, on the class path. */
    public static final String RESOURCE = "/bundled/rules.kpkgs";

    private PrebuiltRules() {}

    /** The rule base for {@code knowledge} from the build, or null when there is none or its DRL differs. */
    static RuleBase read(Knowledge knowledge) {
        RuleBase rules = read(digest(knowledge));
        return rules == null ? null : rules.concludingDirectly(knowledge);
    }

    /** The build's rule base and the digest of the DRL it was compiled from, read before that DRL is known. */
    public record Bundled(String digest, RuleBase rules) {
        /** These rules if {@code knowledge}'s DRL is the DRL they were compiled from, else null. */
        public RuleBase rulesFor(Knowledge knowledge) {
            return digest.equals(PrebuiltRules.digest(knowledge)) ? rules.concludingDirectly(knowledge) : null;
        }
    }

    /**
     * The build's rule base whatever rules will be in use, so it can be read on another thread while
     * the knowledge (and with it the DRL to compare) loads; null when there is none or it is damaged.
     */
    public static Bundled readBundled() {
        String digest = storedDigest();
        if (digest == null) return null;
        RuleBase rules = read(digest);
        return rules == null ? null : new Bundled(digest, rules);
    }

    private static String storedDigest() {
        try (InputStream raw = PrebuiltRules.class.getResourceAsStream(RESOURCE)) {
            return raw == null ? null : new DataInputStream(raw).readUTF();
        } catch (IOException e) {
            return null;
        }
    }

    /** The stored packages in a new KieBase when their digest is {@code digest}, else null; their direct then-blocks not yet installed. */
    private static RuleBase read(String digest) {
        try (InputStream raw = PrebuiltRules.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) return null;
            DataInputStream in = new DataInputStream(raw);
            if (!in.readUTF().equals(digest)) return null;
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) new ObjectInputStream(in).readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBase.addPackages(packages);
            return new RuleBase(kieBase);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return null; // a damaged or foreign file costs a compile, never a wrong answer
        }
    }

    /** Compile {@code knowledge}'s rules ({@link #stored}) and write them to {@code file}, headed by the digest of their sources. */
    static void write(Knowledge knowledge, Path file) throws IOException {
        RuleBase rules = stored(knowledge);
        try (OutputStream raw = Files.newOutputStream(file);
             java.io.DataOutputStream out = new java.io.DataOutputStream(raw)) {
            out.writeUTF(digest(knowledge));
            ObjectOutputStream objects = new ObjectOutputStream(out);
            objects.writeObject(new ArrayList<>(rules.kieBase().getKiePackages()));
            objects.flush();
        }
    }

    /**
     * {@code knowledge}'s rules as the build stores them: the then-blocks that {@link DirectConsequences#install}
     * replaces compiled empty, since reading the packages compiles every MVEL then-block (~18 % of that reading's
     * CPU with the written ones: bench/README.md, Round 11) only for those to be replaced. A then-block that would
     * not be replaced in the stored rules (another dialect, say) is compiled as written.
     */
    static RuleBase stored(Knowledge knowledge) {
        Set<DirectConsequences.Key> emptied = new HashSet<>(DirectConsequences.read(knowledge).keySet());
        while (true) {
            List<KnowledgeError> errors = new ArrayList<>();
            RuleBase rules = RuleBase.compile(DirectConsequences.withThenBlocksEmptied(knowledge, emptied).values(), errors);
            if (rules == null) throw new RuleBase.RuleCompileException(errors);
            Set<DirectConsequences.Key> replaced = DirectConsequences.replaceableKeys(rules.kieBase(), knowledge);
            if (replaced.containsAll(emptied)) return rules;
            emptied.retainAll(replaced); // fewer each time: ends, at worst with none emptied
        }
    }

    /** SHA-256 over every rule source's name and text, in name order. */
    static String digest(Knowledge knowledge) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Knowledge.RuleSource src : new TreeMap<>(knowledge.ruleSources()).values()) {
                sha.update(src.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(src.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Build step: {@code PrebuiltRules KNOWLEDGE_DIR OUT_FILE} (pom.xml runs it after compiling). */
    public static void main(String[] args) throws IOException {
        Knowledge knowledge = Knowledge.load(List.of(new Knowledge.Layer("bundled", null, Path.of(args[0]))));
        write(knowledge, Path.of(args[1]));
    }
}
