package dev.dokploydoctor.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The trees the build parsed are the trees parsing gives, and are taken only for the very bytes the build read. */
class ParsedDocumentsTest {
    private static final Path KNOWLEDGE = Path.of("knowledge");

    private static List<Path> storedFiles() throws IOException {
        try (Stream<Path> s = Files.walk(KNOWLEDGE)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> ParsedDocuments.stored(KNOWLEDGE.relativize(p).toString().replace('\\', '/'))).sorted().toList();
        }
    }

    @Test
    void everyFileAStartReadsHasTheTreeParsingGives() throws IOException {
        List<Path> files = storedFiles();
        assertTrue(files.size() > 20, "facts.yaml, the causes and the catalog: " + files);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            Node stored = ParsedDocuments.lookup(ParsedDocuments.underKnowledge(file), bytes, file.toString());
            assertNotNull(stored, "the build stored no tree for " + file + " (build with mvn package first)");
            Node parsed = Documents.parse(Files.readString(file), file.toString());
            assertEquals(describe(parsed), describe(stored), file.toString());
            assertEquals(describe(parsed), describe(Documents.read(file)), file.toString());
        }
    }

    @Test
    void anEditedFileIsParsedAsItIsNow(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("knowledge/facts.yaml");
        Files.createDirectories(copy.getParent());
        String original = Files.readString(KNOWLEDGE.resolve("facts.yaml"));
        Files.writeString(copy, "# a line more: every line moves down\n" + original);
        assertNull(ParsedDocuments.lookup(ParsedDocuments.underKnowledge(copy), Files.readAllBytes(copy), copy.toString()));
        Node edited = Documents.read(copy);
        assertEquals(describe(Documents.parse(Files.readString(copy), copy.toString())), describe(edited));
        Node first = edited.fields().values().iterator().next();
        assertTrue(first.line() >= 2, "lines of the edited file, not the build's: " + first.line());
    }

    @Test
    void theSameBytesElsewhereUnderAKnowledgeFolderGetTheTreeWithTheirOwnName(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("user/knowledge/facts.yaml");
        Files.createDirectories(copy.getParent());
        Files.copy(KNOWLEDGE.resolve("facts.yaml"), copy);
        Node n = Documents.read(copy);
        assertEquals(copy.toString(), n.file());
        assertEquals(describe(Documents.parse(Files.readString(copy), copy.toString())), describe(n));
    }

    @Test
    void aFileThatIsNotUtf8IsStillRefused(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("knowledge/facts.yaml");
        Files.createDirectories(bad.getParent());
        Files.write(bad, new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
        KnowledgeError e = assertThrows(KnowledgeError.class, () -> Documents.read(bad));
        assertTrue(e.getMessage().contains("not a UTF-8 text file"), e.getMessage());
    }

    @Test
    void thePathBelowTheLastKnowledgeFolder() {
        assertEquals("causes/x/cause.yaml", ParsedDocuments.underKnowledge(Path.of("/a/knowledge/b/knowledge/causes/x/cause.yaml")));
        assertEquals("facts.yaml", ParsedDocuments.underKnowledge(Path.of("knowledge/facts.yaml")));
        assertNull(ParsedDocuments.underKnowledge(Path.of("/a/kb/facts.yaml")));
        assertFalse(ParsedDocuments.stored("causes/x/cases/one.yaml"));
        assertTrue(ParsedDocuments.stored("catalog/traefik.yaml"));
    }

    /** Kind, type, value, file and line of every node, in order. */
    private static String describe(Node n) {
        StringBuilder sb = new StringBuilder();
        describe(n, sb);
        return sb.toString();
    }

    private static void describe(Node n, StringBuilder sb) {
        sb.append(n.kind()).append('@').append(n.file()).append(':').append(n.line());
        switch (n.kind()) {
            case MAP -> {
                sb.append('{');
                for (Map.Entry<String, Node> e : n.fields().entrySet()) {
                    sb.append(e.getKey()).append('=');
                    describe(e.getValue(), sb);
                    sb.append(',');
                }
                sb.append('}');
            }
            case LIST -> {
                sb.append('[');
                for (Node item : n.items()) {
                    describe(item, sb);
                    sb.append(',');
                }
                sb.append(']');
            }
            case SCALAR -> sb.append('(').append(n.scalar().getClass().getSimpleName()).append(')').append(n.scalar());
            case NULL -> { }
        }
    }
}
