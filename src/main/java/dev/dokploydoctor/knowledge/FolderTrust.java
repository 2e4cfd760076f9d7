package dev.dokploydoctor.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Rules are code (a DRL {@code then} part is Java), so a rules or knowledge folder is trusted the
 * way ssh trusts ~/.ssh: every folder and file in it must belong to you (or root) and be writable by
 * nobody else. Otherwise another account could make this program run its code as you.
 */
public final class FolderTrust {
    /** Enough for any real rule base; a bigger tree is not walked further (and not trusted). */
    private static final int MAX_ENTRIES = 20_000;

    private FolderTrust() {}

    /** Throw a {@link KnowledgeError} naming the first file that is not safe to load from {@code dir}. */
    public static void require(String what, Path dir) {
        String problem = problem(dir);
        if (problem != null) {
            throw new KnowledgeError(dir.toString(), 0, null, "refusing to load " + what + ": " + problem
                    + " (rules are code; only your own, unshared files are loaded)");
        }
    }

    /** Null when {@code dir} and everything in it is yours (or root's) and not group- or world-writable. */
    public static String problem(Path dir) {
        // a folder inside the jar (the bundled knowledge beside --rules) is part of the program, not a shared file
        if (dir == null || dir.getFileSystem() != FileSystems.getDefault() || !Files.exists(dir)
                || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return null;
        String me = System.getProperty("user.name");
        try (Stream<Path> walk = Files.walk(dir)) {
            Iterator<Path> it = walk.iterator();
            int n = 0;
            while (it.hasNext()) {
                if (++n > MAX_ENTRIES) return dir + " holds more than " + MAX_ENTRIES + " files";
                Path p = it.next();
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
                String owner = a.owner().getName();
                if (!owner.equals(me) && !owner.equals("root")) {
                    return p + " is owned by " + owner + ", not by you (" + me + "); fix: chown " + me + " " + p;
                }
                Set<PosixFilePermission> perms = a.permissions();
                if (perms.contains(PosixFilePermission.OTHERS_WRITE) || perms.contains(PosixFilePermission.GROUP_WRITE)) {
                    return p + " is writable by " + (perms.contains(PosixFilePermission.OTHERS_WRITE) ? "everyone" : "its group")
                            + "; fix: chmod go-w " + p;
                }
            }
            return null;
        } catch (IOException e) {
            return "cannot read " + dir + ": " + e.getMessage();
        } catch (UncheckedIOException e) {
            return "cannot read " + dir + ": " + e.getCause().getMessage();
        }
    }
}
