package dev.dokploydoctor.repl;

import dev.dokploydoctor.engine.Engine;
import dev.dokploydoctor.knowledge.Fact;
import dev.dokploydoctor.engine.Outcome;
import dev.dokploydoctor.knowledge.CaseInput;
import dev.dokploydoctor.knowledge.FactSpec;
import dev.dokploydoctor.knowledge.Vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one conversation knows: facts (with where each came from), keys answered "unknown", the
 * free text the user gave, and the steps that got there. Nothing is derived here: every change
 * re-runs the engine over the whole fact list, so undoing an answer undoes all that followed from it.
 */
public final class Session {
    /** Where a step came from. User steps can be undone; observations of the host cannot. */
    public enum Kind {
        OPENING(true), ANSWER(true), TEXT(true), CHANGE(true), EXAMPLE(true), PROBE(false), ANSWERS_FILE(false);
        final boolean undoable;
        Kind(boolean undoable) { this.undoable = undoable; }
    }

    /** A question as it was asked and answered, for the transcript and the report. */
    public record Exchange(String key, String question, String answer) {}

    /** One change to the session, with what it replaced so it can be undone. */
    public record Step(Kind kind, String label, Exchange exchange, String text,
                       Map<String, Fact> previous, Map<String, Boolean> previousUnknown) {}

    private final String id;
    private final Map<String, Fact> facts = new LinkedHashMap<>();
    private final Set<String> unknown = new LinkedHashSet<>();
    private final List<String> texts = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    public Session(String id) { this.id = id; }

    public String id() { return id; }
    public Collection<Fact> facts() { return List.copyOf(facts.values()); }
    public Fact fact(String key) { return facts.get(key); }

    /** The value of {@code key}'s fact, null when none is known. */
    Object value(String key) {
        Fact f = facts.get(key);
        return f == null ? null : f.getValue();
    }
    public Set<String> unknown() { return Set.copyOf(unknown); }
    public List<String> texts() { return List.copyOf(texts); }
    public List<Step> steps() { return List.copyOf(steps); }
    public boolean knows(String key) { return facts.containsKey(key) || unknown.contains(key); }
    public boolean isEmpty() { return facts.isEmpty() && unknown.isEmpty() && texts.isEmpty(); }

    /** Whether the user told anything (a text, an answer, an example, an answers file), beyond what the probes saw. */
    public boolean userToldAnything() {
        for (Step s : steps) if (s.kind() != Kind.PROBE) return true;
        return false;
    }

    public List<Exchange> exchanges() {
        List<Exchange> out = new ArrayList<>();
        for (Step s : steps) if (s.exchange() != null) out.add(s.exchange());
        return out;
    }

    /** Number of questions answered so far (including "unknown"), not counting the opening. */
    public int questionsAnswered() {
        int n = 0;
        for (Step s : steps) if (s.kind() == Kind.ANSWER) n++;
        return n;
    }

    /** Questions asked whose key is still unknown: answered "don't know" (not unknowns from a file). */
    public int questionsAnsweredUnknown() {
        Set<String> asked = new HashSet<>();
        for (Step s : steps) if (s.kind() == Kind.ANSWER) asked.add(s.exchange().key());
        int n = 0;
        for (String k : asked) if (unknown.contains(k)) n++;
        return n;
    }

    /** How an answer that could not be read is recorded (then the answer as typed): the key counts as not known. */
    public static final String NOT_READ = "not read: ";

    /**
     * Keys still unknown because their last answer could not be read, not because the user did not
     * know: the ending asks for them in other words rather than as "you did not know these".
     */
    public Set<String> unread() {
        Map<String, Boolean> last = new HashMap<>();
        for (Step s : steps) if (s.exchange() != null) last.put(s.exchange().key(), s.exchange().answer().startsWith(NOT_READ));
        Set<String> out = new LinkedHashSet<>();
        for (String k : unknown) if (Boolean.TRUE.equals(last.get(k))) out.add(k);
        return out;
    }

    public Outcome evaluate(Engine engine, double threshold) {
        return engine.evaluate(id, facts.values(), unknown(), threshold);
    }

    /**
     * The user's answer to a question: replaces whatever was known about the key. A "don't know" to a
     * question that checks what the user's text said keeps the text's reading (and is not asked again).
     */
    public void answer(String key, String question, String answerText, Fact value) {
        Change c = new Change();
        Fact had = facts.get(key);
        if (value == null && had != null && Fact.TEXT.equals(had.getSource())) c.markAsked(key);
        else if (value == null) c.markUnknown(key);
        else c.put(value, true);
        c.record(Kind.ANSWER, key, new Exchange(key, question, answerText), null);
    }

    /** A change of an earlier answer (or of an observed fact): replaces the value, can be undone. */
    public void change(String key, String question, String answerText, Fact value) {
        Change c = new Change();
        if (value == null) c.markUnknown(key);
        else c.put(value, true);
        c.record(Kind.CHANGE, key, new Exchange(key, question, answerText), null);
    }

    /**
     * Facts from text, a probe, a file or a menu choice. With {@code override} they replace what is
     * known (the user said so); otherwise they only fill keys nobody has stated yet.
     */
    public List<Fact> add(Kind kind, String label, List<Fact> newFacts, String text, boolean override) {
        Change c = new Change();
        List<Fact> added = new ArrayList<>();
        for (Fact f : newFacts) if (c.put(f, override)) added.add(f);
        if (added.isEmpty() && kind == Kind.PROBE) return added;
        c.record(kind, label, null, text == null || text.isBlank() ? null : text);
        return added;
    }

    /** Keys answered "unknown" up front (an answers file). */
    public void markUnknown(Kind kind, String label, Collection<String> keys) {
        Change c = new Change();
        for (String k : keys) c.markUnknown(k);
        c.record(kind, label, null, null);
    }

    /** The labels of what an answer said beside its value, recorded as steps of their own after it (Prompts). */
    static final String MORE_IN_ANSWER = "more in the answer to ";
    static final String CORRECTED_IN_ANSWER = "corrected in the answer to ";

    /** The key whose answer this step was part of (a note or a correction that came with it), or null. */
    static String answerPartOf(Step s) {
        if (s.exchange() != null || s.label() == null) return null;
        if (s.label().startsWith(MORE_IN_ANSWER)) return s.label().substring(MORE_IN_ANSWER.length());
        if (s.label().startsWith(CORRECTED_IN_ANSWER)) return s.label().substring(CORRECTED_IN_ANSWER.length());
        return null;
    }

    /** Undo the last step the user took; null when there is none. */
    public Step undo() {
        int i = lastUndoable();
        if (i < 0) return null;
        Step s = steps.remove(i);
        s.previous().forEach((k, f) -> { if (f == null) facts.remove(k); else facts.put(k, f); });
        s.previousUnknown().forEach((k, was) -> { if (was) unknown.add(k); else unknown.remove(k); });
        if (s.text() != null) texts.remove(texts.lastIndexOf(s.text()));
        return s;
    }

    /**
     * Undo the last line the user typed: an answer with what it said beside its value ("no, there's no traefik, ...":
     * traefik.used noted), which were recorded as steps of their own after it; the answer's step, or the last step
     * undone; null when there is none. user20 q1: the first undo took back only the note, and the session, its
     * question still answered, ended inconclusive; a second undo asked it again.
     */
    public Step undoAnswer() {
        Step s = undo();
        // only the same line's steps: a correction noted beside an answer that was not read (asked again) has no answer
        // step of its own before it, and the answer before it is another question's
        for (String key = s == null ? null : answerPartOf(s); key != null; key = answerPartOf(s)) {
            int i = lastUndoable();
            if (i < 0 || !partOfTheAnswerTo(steps.get(i), key)) break;
            s = undo();
        }
        return s;
    }

    /** The answer to {@code key} itself, or another note or correction that came with it. */
    private static boolean partOfTheAnswerTo(Step s, String key) {
        return key.equals(answerPartOf(s)) || s.exchange() != null && key.equals(s.exchange().key());
    }

    /** Where the last step the user took is in {@link #steps}; -1 when there is none. */
    private int lastUndoable() {
        for (int i = steps.size() - 1; i >= 0; i--) if (steps.get(i).kind().undoable) return i;
        return -1;
    }

    /** Forget everything the user said; keep what probes and answer files observed. */
    public void restart() {
        while (undo() != null) { /* undo all user steps, newest first */ }
    }

    /** Re-type every fact through a new vocabulary (after reload); returns notes about dropped keys. */
    public List<String> retype(Vocabulary vocabulary) {
        List<String> notes = new ArrayList<>();
        for (String key : new ArrayList<>(facts.keySet())) {
            Fact f = facts.get(key);
            FactSpec spec = vocabulary.get(key);
            if (spec == null) {
                facts.remove(key);
                notes.add("dropped " + key + " (no longer in facts.yaml)");
                continue;
            }
            try {
                facts.put(key, new Fact(key, spec.coerce(f.getValue()), f.getSource(), f.getEvidence(), f.getOrigin()));
            } catch (IllegalArgumentException e) {
                facts.remove(key);
                notes.add("dropped " + key + ": " + e.getMessage());
            }
        }
        unknown.removeIf(k -> {
            boolean gone = !vocabulary.contains(k);
            if (gone) notes.add("dropped unknown " + k + " (no longer in facts.yaml)");
            return gone;
        });
        return notes;
    }

    /**
     * The session as a batch case: the user's text, the facts stated or observed (facts found in
     * the text come back from the text), and the keys answered unknown.
     */
    public CaseInput toCase(String caseId) {
        Map<String, Object> stated = new LinkedHashMap<>();
        for (Fact f : facts.values()) if (!Fact.TEXT.equals(f.getSource())) stated.put(f.getKey(), f.getValue());
        return new CaseInput(caseId, String.join("\n", texts), stated, new LinkedHashSet<>(unknown), null, null, 0);
    }

    /** One step being applied: changes the session and remembers what each key held before. */
    private final class Change {
        private final Map<String, Fact> previous = new HashMap<>();
        private final Map<String, Boolean> previousUnknown = new HashMap<>();

        /** Put a fact; without {@code override} only where nothing is stated. True when it was put. */
        boolean put(Fact f, boolean override) {
            String k = f.getKey();
            if (!override && facts.containsKey(k)) return false;
            remember(k);
            facts.put(k, f);
            unknown.remove(k);
            return true;
        }

        void markUnknown(String k) {
            remember(k);
            facts.remove(k);
            unknown.add(k);
        }

        /** Asked and not known, keeping what is known of it (the text's reading). */
        void markAsked(String k) {
            remember(k);
            unknown.add(k);
        }

        private void remember(String k) {
            if (!previous.containsKey(k)) previous.put(k, facts.get(k));
            previousUnknown.putIfAbsent(k, unknown.contains(k));
        }

        Step record(Kind kind, String label, Exchange exchange, String text) {
            if (text != null) texts.add(text);
            Step s = new Step(kind, label, exchange, text, previous, previousUnknown);
            steps.add(s);
            return s;
        }
    }
}
