package dev.dokploydoctor.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The knowledge's YAML parsed at build time: every start reads facts.yaml, the causes and the
 * catalog (~370 KB of YAML; parsing it was a fifth of the CPU before the first question, and most of
 * {@code explain}'s). The build stores, per file, its exact bytes and its {@link Node} tree in a
 * compact binary form ({@code /bundled/parsed/<path under knowledge/>.node}); {@link Documents#read}
 * takes the stored tree only when the file it reads has those very bytes, so an edited or a user's
 * own file is parsed as before. Nothing is kept in memory between files.
 */
final class ParsedDocuments {
    static final String ROOT = "/bundled/parsed/";
    private static final String SUFFIX = ".node";
    private static final byte NULL = 0, STRING = 1, LONG = 2, DOUBLE = 3, TRUE = 4, FALSE = 5, MAP = 6, LIST = 7;

    private ParsedDocuments() {}

    /**
     * The tree the build parsed from {@code bytes} at this place under a folder named knowledge ({@code relative},
     * null when not under one), its nodes located in {@code name}; null when the build stored none or the bytes differ.
     */
    static Node lookup(String relative, byte[] bytes, String name) {
        if (relative == null) return null;
        byte[] stored;
        try (InputStream in = ParsedDocuments.class.getResourceAsStream(ROOT + relative + SUFFIX)) {
            if (in == null) return null;
            stored = in.readAllBytes();
        } catch (IOException e) {
            return null; // unreadable: parse the file instead
        }
        ByteBuffer b = ByteBuffer.wrap(stored);
        int length = b.getInt();
        if (length != bytes.length || !Arrays.equals(stored, 4, 4 + length, bytes, 0, length)) return null;
        b.position(4 + length);
        return read(b, name);
    }

    /** The path below its last folder named "knowledge" (the bundled copy, a checkout, a user's folder), or null. */
    static String underKnowledge(Path path) {
        int n = path.getNameCount();
        for (int i = n - 2; i >= 0; i--) {
            if (path.getName(i).toString().equals("knowledge")) return path.subpath(i + 1, n).toString().replace('\\', '/');
        }
        return null;
    }

    private static Node read(ByteBuffer b, String name) {
        byte tag = b.get();
        int line = b.getInt();
        return switch (tag) {
            case NULL -> Node.scalar(null, name, line);
            case STRING -> Node.scalar(string(b), name, line);
            case LONG -> Node.scalar(b.getLong(), name, line);
            case DOUBLE -> Node.scalar(b.getDouble(), name, line);
            case TRUE -> Node.scalar(Boolean.TRUE, name, line);
            case FALSE -> Node.scalar(Boolean.FALSE, name, line);
            case MAP -> {
                int size = b.getInt();
                Map<String, Node> m = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    String key = string(b);
                    m.put(key, read(b, name));
                }
                yield Node.map(m, name, line);
            }
            case LIST -> {
                int size = b.getInt();
                List<Node> l = new ArrayList<>(size);
                for (int i = 0; i < size; i++) l.add(read(b, name));
                yield Node.list(l, name, line);
            }
            default -> throw new IllegalStateException("damaged parsed document: tag " + tag);
        };
    }

    private static String string(ByteBuffer b) {
        int length = b.getInt();
        String s = new String(b.array(), b.position(), length, StandardCharsets.UTF_8);
        b.position(b.position() + length);
        return s;
    }

    /** The stored form of one file: its bytes, then its tree. */
    static byte[] encode(byte[] bytes, Node root) {
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream(bytes.length * 2);
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(bytes.length);
            out.write(bytes);
            write(out, root);
            out.flush();
            return raw.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, Node n) throws IOException {
        Object v = n.scalar();
        byte tag = switch (n.kind()) {
            case NULL -> NULL;
            case MAP -> MAP;
            case LIST -> LIST;
            case SCALAR -> v instanceof String ? STRING : v instanceof Long ? LONG : v instanceof Double ? DOUBLE
                    : Boolean.TRUE.equals(v) ? TRUE : Boolean.FALSE.equals(v) ? FALSE : -1;
        };
        if (tag < 0) throw new IllegalArgumentException("a scalar of type " + v.getClass().getName() + " at " + n.file() + ":" + n.line());
        out.writeByte(tag);
        out.writeInt(n.line());
        switch (tag) {
            case STRING -> writeString(out, (String) v);
            case LONG -> out.writeLong((Long) v);
            case DOUBLE -> out.writeDouble((Double) v);
            case MAP -> {
                out.writeInt(n.fields().size());
                for (Map.Entry<String, Node> e : n.fields().entrySet()) {
                    writeString(out, e.getKey());
                    write(out, e.getValue());
                }
            }
            case LIST -> {
                out.writeInt(n.items().size());
                for (Node item : n.items()) write(out, item);
            }
            default -> { }
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Whether the build stores this file: the YAML every start reads (not the regression cases, read by checks only). */
    static boolean stored(String relative) {
        return relative.endsWith(".yaml") && !relative.contains("/cases/") && !relative.startsWith("examples/");
    }

    /**
     * Build step: {@code ParsedDocuments KNOWLEDGE_DIR OUT_DIR} parses the knowledge's YAML and writes
     * each tree to OUT_DIR/&lt;path&gt;.node (pom.xml runs it after compiling), and the list of the
     * knowledge's files to OUT_DIR/{@value BundledFiles#INDEX_NAME} ({@link BundledFiles}). A file that does not
     * parse is left out: it fails at start-up, with its line, as before.
     */
    public static void main(String[] args) throws IOException {
        Path knowledge = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(knowledge)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> index = new ArrayList<>();
        for (Path file : files) index.add(knowledge.relativize(file).toString().replace('\\', '/'));
        Files.createDirectories(out);
        Files.write(out.resolve(BundledFiles.INDEX_NAME), index, StandardCharsets.UTF_8); // BundledFiles lists the jar's copy from it
        int written = 0;
        for (Path file : files) {
            String relative = knowledge.relativize(file).toString().replace('\\', '/');
            if (!stored(relative)) continue;
            byte[] bytes = Files.readAllBytes(file);
            Node root;
            try {
                root = Documents.parse(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(), file.toString());
            } catch (KnowledgeError | java.nio.charset.CharacterCodingException e) {
                continue;
            }
            Path target = out.resolve(relative + SUFFIX);
            Files.createDirectories(target.getParent());
            Files.write(target, encode(bytes, root));
            written++;
        }
        System.out.println("parsed documents: " + written + " written to " + out);
    }
}
