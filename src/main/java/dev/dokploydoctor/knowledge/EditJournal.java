package dev.dokploydoctor.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the edits of {@code learn} all-or-nothing across a kill: before the first file changes, a
 * journal in the knowledge folder keeps every file's old content (or that it did not exist) and
 * the process that writes. Committing deletes the journal; undoing puts the old contents back. A
 * journal left by a process that is gone (killed mid-learn) is undone the next time the folder is
 * loaded, so every reader sees the old state or the new one, never a rule that was not accepted.
 * Each file is written whole to a temporary name and renamed into place.
 */
public final class EditJournal {
    public static final String NAME = ".learn-journal.json";
    /** Set up on first use: every load checks for a journal, and an ObjectMapper costs ~50 ms of CPU at start-up. */
    private static final class Json { static final ObjectMapper MAPPER = new ObjectMapper(); }

    private EditJournal() {}

    /** Old contents (null: absent) of the files about to change, and folders about to be created. */
    public record Before(Map<Path, String> files, List<Path> createdDirs) {}

    /** Write the journal for these edits (atomically); from now on an interrupted edit is undone on load. */
    public static void begin(Path knowledge, Before before) {
        Map<String, Object> j = new LinkedHashMap<>();
        ProcessHandle self = ProcessHandle.current();
        j.put("pid", self.pid());
        j.put("started", self.info().startInstant().map(Object::toString).orElse(""));
        Map<String, String> files = new LinkedHashMap<>();
        before.files().forEach((k, v) -> files.put(k.toAbsolutePath().toString(), v));
        j.put("files", files);
        j.put("dirs", before.createdDirs().stream().map(p -> p.toAbsolutePath().toString()).toList());
        try {
            Files.createDirectories(knowledge);
            writeAtomically(knowledge.resolve(NAME), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(j));
        } catch (IOException e) {
            throw new KnowledgeError(knowledge.resolve(NAME).toString(), 0, null, "cannot write: " + e.getMessage());
        }
    }

    /** The edits are accepted: the journal goes (this delete is the moment the new state becomes the state). */
    public static void commit(Path knowledge) {
        try {
            Files.deleteIfExists(knowledge.resolve(NAME));
        } catch (IOException e) {
            throw new KnowledgeError(knowledge.resolve(NAME).toString(), 0, null, "cannot remove: " + e.getMessage());
        }
    }

    /** Put back what the journal says, then remove it. */
    public static void undo(Path knowledge) {
        Path journal = knowledge.resolve(NAME);
        try {
            var root = Json.MAPPER.readTree(Files.readString(journal, StandardCharsets.UTF_8));
            for (var e : (Iterable<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>) root.get("files")::fields) {
                Path file = Path.of(e.getKey());
                Files.deleteIfExists(temporary(file, root.path("pid").asLong())); // a kill between writing and renaming
                if (e.getValue().isNull()) Files.deleteIfExists(file);
                else writeAtomically(file, e.getValue().asText());
            }
            List<Path> dirs = new ArrayList<>();
            root.get("dirs").forEach(d -> dirs.add(Path.of(d.asText())));
            dirs.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed()); // the deepest first
            for (Path dir : dirs) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException notEmpty) {
                    // something else was put there meanwhile; leave it
                }
            }
            Files.deleteIfExists(journal);
        } catch (IOException | RuntimeException e) {
            throw new KnowledgeError(journal.toString(), 0, null, "an interrupted 'learn' left this journal and it cannot be undone ("
                    + e.getMessage() + "); put the files it names back by hand, then delete it");
        }
    }

    /** A journal whose process is gone is an interrupted learn: undo it. One still running is left alone. */
    static void recover(Path knowledge) {
        if (knowledge == null) return;
        Path journal = knowledge.resolve(NAME);
        if (!Files.isRegularFile(journal)) return;
        try {
            var root = Json.MAPPER.readTree(Files.readString(journal, StandardCharsets.UTF_8));
            long pid = root.path("pid").asLong();
            String started = root.path("started").asText("");
            var owner = ProcessHandle.of(pid);
            boolean alive = owner.isPresent() && owner.get().isAlive()
                    && owner.get().info().startInstant().map(Object::toString).orElse("").equals(started);
            if (alive) return;
        } catch (IOException | RuntimeException e) {
            // unreadable: a kill during its own atomic write cannot leave that, so it is not ours to judge
            throw new KnowledgeError(journal.toString(), 0, null, "cannot read this journal of 'learn': " + e.getMessage());
        }
        undo(knowledge);
    }

    private static Path temporary(Path file, long pid) { return file.resolveSibling("." + file.getFileName() + ".tmp-" + pid); }

    /** Write a whole file under a temporary name beside it, then rename it into place. */
    public static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = temporary(file, ProcessHandle.current().pid());
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
