package dev.dokploydoctor.engine;

import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The DRL of a {@link Knowledge}, compiled once into a KieBase. Compile errors come back as
 * {@link KnowledgeError}s naming the .drl file and line.
 */
public final class RuleBase {
    private static final AtomicInteger BUILDS = new AtomicInteger();

    /** Most sessions kept for reuse: one per worker thread is all batch needs at once. */
    private static final int IDLE_SESSIONS = 2 * Runtime.getRuntime().availableProcessors() + 2;

    private final KieBase kieBase;
    private final List<String> ruleNames;
    private final Set<String> globals;
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private boolean direct;

    RuleBase(KieBase kieBase) {
        this.kieBase = kieBase;
        List<String> names = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) names.add(r.getName());
            for (Global g : p.getGlobalVariables()) declared.add(g.getName());
        }
        this.globals = Set.copyOf(declared);
        names.sort(null);
        this.ruleNames = List.copyOf(names);
    }

    public KieBase kieBase() { return kieBase; }

    /**
     * An empty session: a used one when there is one. A new session builds its node memories as
     * facts reach the nodes (a fifth of a case's CPU); an emptied one keeps them.
     */
    KieSession session() {
        KieSession s = idle.poll();
        if (s == null) return kieBase.newKieSession();
        idleCount.decrementAndGet();
        return s;
    }

    /** Take back a session whose facts were all deleted (and the rules fired since): kept if it is empty. */
    void release(KieSession s) {
        if (s.getFactCount() == 0 && idleCount.incrementAndGet() <= IDLE_SESSIONS) {
            idle.add(s);
        } else {
            if (s.getFactCount() == 0) idleCount.decrementAndGet();
            s.dispose();
        }
    }
    /** The rules' names, sorted: the very strings the rules hold (and every Evidence and Need carries). */
    public List<String> ruleNames() { return ruleNames; }

    /** Whether the rules declare the global {@code name} (a rule base of one cause's folder declares none). */
    boolean declares(String name) { return globals.contains(name); }

    /**
     * The rule base of {@code knowledge}: the one compiled at build time when its DRL is the bundled
     * DRL ({@link PrebuiltRules}), else compiled now. For running rules; checks that want the
     * compiler's messages call {@link #compile(Knowledge, List)}.
     */
    public static RuleBase load(Knowledge knowledge) {
        RuleBase prebuilt = PrebuiltRules.read(knowledge);
        return (prebuilt != null ? prebuilt : compile(knowledge)).concludingDirectly(knowledge);
    }

    /** As {@link #load(Knowledge)}, with the build's rule base already read (null: none), when it fits. */
    public static RuleBase load(Knowledge knowledge, PrebuiltRules.Bundled readAhead) {
        RuleBase prebuilt = readAhead == null ? null : readAhead.rulesFor(knowledge);
        return (prebuilt != null ? prebuilt : compile(knowledge)).concludingDirectly(knowledge);
    }

    /**
     * Then-blocks that only conclude run as direct calls, not through MVEL ({@link DirectConsequences});
     * once, before the first session, with the knowledge whose DRL these rules were compiled from.
     */
    synchronized RuleBase concludingDirectly(Knowledge knowledge) {
        if (!direct) {
            DirectConsequences.install(kieBase, knowledge);
            direct = true;
        }
        return this;
    }

    /** Compile every DRL source; throws with all compile errors (file:line: message) on failure. */
    public static RuleBase compile(Knowledge knowledge) {
        List<KnowledgeError> errors = new ArrayList<>();
        RuleBase rb = compile(knowledge, errors);
        if (rb == null) throw new RuleCompileException(errors);
        return rb;
    }

    /** Compile, collecting errors; null when there were errors. */
    public static RuleBase compile(Knowledge knowledge, List<KnowledgeError> errors) {
        return compile(knowledge.ruleSources().values(), errors);
    }

    /** Compile these DRL sources, collecting errors; null when there were errors. */
    static RuleBase compile(Collection<Knowledge.RuleSource> sources, List<KnowledgeError> errors) {
        KieServices ks = KieServices.Factory.get();
        // each build gets its own release id, so several rule bases can live in one process (reload, tests)
        ReleaseId releaseId = ks.newReleaseId("dev.dokploydoctor.rules", "rules" + BUILDS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, String> displayByPath = new HashMap<>();
        for (Knowledge.RuleSource src : sources) {
            String path = "src/main/resources/dokploy/rules/" + src.name();
            kfs.write(path, src.text());
            displayByPath.put(path, src.displayPath());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        if (!messages.isEmpty()) {
            for (Message m : messages) {
                String file = displayPath(m.getPath(), displayByPath);
                errors.add(new KnowledgeError(file, m.getLine(), null, oneLine(m.getText())));
            }
            return null;
        }
        KieContainer container = ks.newKieContainer(releaseId);
        return new RuleBase(container.getKieBase());
    }

    /** Kie reports paths relative to its resources root; map them back to the user's file. */
    static String displayPath(String kiePath, Map<String, String> displayByPath) {
        if (kiePath == null) return null;
        for (Map.Entry<String, String> e : displayByPath.entrySet()) {
            if (e.getKey().endsWith(kiePath) || kiePath.endsWith(e.getKey())) return e.getValue();
        }
        return kiePath;
    }

    static String oneLine(String text) {
        if (text == null) return "DRL error";
        String s = text.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** All compile errors of a rule base, each with file and line. */
    public static final class RuleCompileException extends KnowledgeError {
        private final List<KnowledgeError> errors;

        public RuleCompileException(List<KnowledgeError> errors) {
            super(errors.isEmpty() ? null : errors.get(0).file(), errors.isEmpty() ? 0 : errors.get(0).line(), null,
                    "the rules do not compile: " + errors.size() + " error(s)");
            this.errors = List.copyOf(errors);
        }

        public List<KnowledgeError> errors() { return errors; }

        @Override public String describe() {
            StringBuilder sb = new StringBuilder("the rules do not compile:");
            for (KnowledgeError e : errors) sb.append("\n  ").append(e.describe());
            return sb.toString();
        }
    }
}
