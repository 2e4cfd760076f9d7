package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.engine.PrebuiltRules;
import dev.dokploydoctor.engine.RuleBase;
import dev.dokploydoctor.knowledge.Knowledge;
import dev.dokploydoctor.knowledge.KnowledgeError;
import dev.dokploydoctor.similar.FieldLibrary;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Loads the knowledge and the rule base on background threads, so the first prompt shows at once
 * while they load. The knowledge (vocabulary, extractors) is ready first. The build's rule base is
 * read on a second thread meanwhile, since which DRL is in use is known only once the knowledge is
 * loaded: each takes about a third of the wait for the first question. When the DRL is not the
 * build's (the user's own rules), that read is wasted and the rules are compiled as before.
 */
public final class EngineLoader {
    private final CompletableFuture<Knowledge> knowledge;
    private final CompletableFuture<Engine> engine;

    private EngineLoader(CompletableFuture<Knowledge> knowledge, CompletableFuture<Engine> engine) {
        this.knowledge = knowledge;
        this.engine = engine;
    }

    /** Start loading; {@code layers} is called on the background thread (it may touch the file system). */
    public static EngineLoader start(Supplier<List<Knowledge.Layer>> layers, Runnable onFailure) {
        CompletableFuture<Knowledge> k = new CompletableFuture<>();
        CompletableFuture<Engine> e = new CompletableFuture<>();
        CompletableFuture<PrebuiltRules.Bundled> bundled = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            PrebuiltRules.Bundled read = null;
            try {
                read = PrebuiltRules.readBundled();
            } finally {
                bundled.complete(read); // null after any failure: the rules are then compiled
            }
        }, "rule-reader");
        reader.setDaemon(true);
        reader.start();
        Thread t = new Thread(() -> {
            try {
                Knowledge loaded = Knowledge.load(layers.get());
                k.complete(loaded);
                Engine compiled = new Engine(loaded, RuleBase.load(loaded, bundled.join()));
                // the first session pays for class loading; pay it here, not on the first answer
                compiled.evaluate("warm-up", List.of(), Set.of(), Engine.DEFAULT_THRESHOLD);
                e.complete(compiled);
                Timing.mark("rules ready");
            } catch (Throwable failure) {
                k.completeExceptionally(failure);
                e.completeExceptionally(failure);
                if (onFailure != null) onFailure.run();
            }
        }, "rule-compiler");
        t.setDaemon(true);
        t.start();
        return new EngineLoader(k, e);
    }

    /**
     * Build what a text needs and a status code or menu pick does not: the catalog's prefilter and the
     * similar field reports' index (the vote on a text). Run while the user is idle at a prompt
     * ({@link IdleWarmUp}), never before the first question: a text typed before then builds them
     * itself, once. Each costs a few tenths of a second of CPU.
     */
    void warmUp() {
        try {
            Engine ready = engine.join();
            ready.extraction();
            FieldLibrary.of(ready.knowledge());
        } catch (RuntimeException e) {
            // a failed load is reported by the session; the vote meets the same problem when it is used
        }
    }

    public boolean engineReady() { return engine.isDone(); }
    public boolean failed() { return engine.isCompletedExceptionally(); }

    public Knowledge knowledge() { return join(knowledge); }
    public Engine engine() { return join(engine); }

    /** Wait; a knowledge or rule error is rethrown as is (it carries file and line). */
    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the rules", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KnowledgeError ke) throw ke;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }
}
