package org.ftpd.filesystems.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A home folder with links inside pointing inside and outside, and an outside tree whose state the tests
 * compare before and after each attempt.
 *
 * <pre>
 * base/outside/secret.txt, base/outside/dir/deep.txt
 * base/home/a.txt, base/home/sub/inner.txt, base/home/empty/
 * base/home/out-file     -> ../outside/secret.txt   (relative, file outside)
 * base/home/out-dir      -> base/outside            (absolute, directory outside)
 * base/home/sub/up       -> ../../outside           (relative, from a subdirectory)
 * base/home/dangling     -> ../outside/nothing      (leads nowhere, outside)
 * base/home/in-file      -> sub/inner.txt           (relative, inside)
 * base/home/in-dir       -> base/home/sub           (absolute, inside)
 * </pre>
 */
final class JailFixture {

    final Path base;
    final Path home;
    final Path outside;

    JailFixture(Path base) throws IOException {
        this.base = base.toRealPath();
        this.home = Files.createDirectory(this.base.resolve("home"));
        this.outside = Files.createDirectory(this.base.resolve("outside"));
        write(outside.resolve("secret.txt"), "secret");
        Files.createDirectory(outside.resolve("dir"));
        write(outside.resolve("dir/deep.txt"), "deep");
        write(home.resolve("a.txt"), "hello");
        Files.createDirectory(home.resolve("sub"));
        Files.createDirectory(home.resolve("empty"));
        write(home.resolve("sub/inner.txt"), "inner");
        Files.createSymbolicLink(home.resolve("out-file"), this.base.getFileSystem().getPath("../outside/secret.txt"));
        Files.createSymbolicLink(home.resolve("out-dir"), outside);
        Files.createSymbolicLink(home.resolve("sub/up"), this.base.getFileSystem().getPath("../../outside"));
        Files.createSymbolicLink(home.resolve("dangling"), this.base.getFileSystem().getPath("../outside/nothing"));
        Files.createSymbolicLink(home.resolve("in-file"), this.base.getFileSystem().getPath("sub/inner.txt"));
        Files.createSymbolicLink(home.resolve("in-dir"), home.resolve("sub"));
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Everything observable about the outside tree and the base folder: names, sizes, contents, modes, times. */
    Map<String, String> outsideState() throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> all = Files.walk(base.getParent() == null ? base : base)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (p.startsWith(home)) {
                    continue;
                }
                String facts = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS) + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    facts += " " + Files.readString(p);
                }
                state.put(base.relativize(p).toString(), facts);
            }
        }
        return state;
    }
}
