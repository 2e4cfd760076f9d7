package dev.dokploydoctor.probe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every fact key a probe can emit is declared in knowledge/facts.yaml. Keys are written as string
 * literals at the call sites (f.fact("key", ...) and LogSign("key", ...)), so the sources are the
 * complete list, including branches no integration scenario reaches.
 */
class ProbeFactKeysTest {
    private static final Pattern EMIT = Pattern.compile("(?:\\.fact|new LogSign)\\(\\s*\"([a-z0-9_.]+)\"");

    @Test void everyEmittedKeyIsDeclared() throws IOException {
        TreeSet<String> emitted = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/dokploydoctor/probe"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = EMIT.matcher(Files.readString(f));
                while (m.find()) emitted.add(m.group(1));
            }
        }
        assertTrue(emitted.size() > 40, "expected the probes' keys, found " + emitted);
        List<String> undeclared = new ArrayList<>();
        for (String k : emitted) if (!TestHost.VOCABULARY.contains(k)) undeclared.add(k);
        assertEquals(List.of(), undeclared, "keys emitted by probes but missing from knowledge/facts.yaml");
        System.out.println("probe fact keys (" + emitted.size() + "): " + emitted);
    }

    @Test void anUndeclaredKeyIsRefusedAtOnce() {
        Findings f = new Findings("test", TestHost.VOCABULARY);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.fact("http.stauts", 502, "typo"));
        assertTrue(e.getMessage().contains("http.stauts"));
    }
}
