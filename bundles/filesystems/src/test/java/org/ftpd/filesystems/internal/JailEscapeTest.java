package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ftpd.api.FtpFile;
import org.ftpd.api.WriteMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No operation reaches outside the home, whatever the path or link. */
class JailEscapeTest {

    /** Paths that lead outside through a link: to a file or a directory, relative or absolute, or nowhere. */
    private static final List<String> ESCAPING = List.of("/out-file", "/out-dir", "/out-dir/secret.txt",
            "/out-dir/dir", "/out-dir/dir/deep.txt", "/out-dir/new.txt", "/out-dir/newdir/x", "/sub/up",
            "/sub/up/secret.txt", "/sub/up/dir", "/in-dir/up/secret.txt", "/dangling", "/dangling/x");

    @TempDir
    Path tmp;
    JailFixture fx;
    JailedFileSystem fs;

    @BeforeEach
    void setUp() throws IOException {
        fx = new JailFixture(newBase());
        fs = new JailedFileSystem(fx.home);
    }

    /** A fresh, empty folder for one case; subclasses run the same cases on other providers. */
    protected Path newBase() throws IOException {
        return Files.createTempDirectory(tmp, "case");
    }

    /** Every operation, by name. */
    private static Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("stat", (fs, p) -> fs.stat(p));
        ops.put("list", (fs, p) -> {
            try (Stream<FtpFile> s = fs.list(p)) {
                s.count();
            }
        });
        ops.put("read", (fs, p) -> fs.openForRead(p, 0).close());
        for (WriteMode mode : WriteMode.values()) {
            ops.put("write " + mode, (fs, p) -> fs.openForWrite(p, mode, 0).close());
        }
        ops.put("mkdir", (fs, p) -> fs.createDirectory(p));
        ops.put("mkdir below", (fs, p) -> fs.createDirectory(p + "/made"));
        ops.put("rmdir", (fs, p) -> fs.deleteDirectory(p));
        ops.put("delete", (fs, p) -> fs.deleteFile(p));
        ops.put("rename from", (fs, p) -> fs.rename(p, "/moved"));
        ops.put("rename to", (fs, p) -> fs.rename("/a.txt", p));
        ops.put("rename into", (fs, p) -> fs.rename("/a.txt", p + "/a.txt"));
        ops.put("chmod", (fs, p) -> fs.setPermissions(p, 0777));
        ops.put("set time", (fs, p) -> fs.setLastModified(p, Instant.parse("2001-02-03T04:05:06Z")));
        return ops;
    }

    @FunctionalInterface
    interface Operation {
        void run(JailedFileSystem fs, String path) throws IOException;
    }

    @TestFactory
    Stream<DynamicTest> everyOperationThroughEveryEscapingLinkIsRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Operation> op : operations().entrySet()) {
            for (String path : ESCAPING) {
                tests.add(DynamicTest.dynamicTest(op.getKey() + " " + path, () -> {
                    setUp();
                    Map<String, String> before = fx.outsideState();
                    IOException e = assertThrows(IOException.class, () -> op.getValue().run(fs, path));
                    assertTrue(e instanceof AccessDeniedException, () -> "expected access denied, got " + e);
                    String named = ((AccessDeniedException) e).getFile();
                    assertTrue(path.startsWith(named) || named.startsWith(path) || named.equals("/a.txt"),
                            () -> "names the virtual path: " + e.getMessage());
                    assertNoRealPath(e);
                    assertEquals(before, fx.outsideState(), "the outside is untouched");
                    assertEquals("hello", Files.readString(fx.home.resolve("a.txt")));
                }));
            }
        }
        return tests.stream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "/..", "/../..", "a/../../..", "../outside/secret.txt", "/../outside/secret.txt",
        "../../outside", "sub/../../outside/dir/deep.txt", "..\\outside\\secret.txt", "..\\..\\outside",
        "/etc/passwd", "//outside//secret.txt", "./../.././outside"})
    void traversalNeverLeavesTheHome(String attack) throws IOException {
        Map<String, String> before = fx.outsideState();
        String virtual = fs.resolve("/sub", attack);
        assertTrue(virtual.startsWith("/") && !virtual.contains("/../") && !virtual.endsWith("/.."), virtual);
        // whatever it resolves to is inside the home: missing there, or a real entry of the home
        for (Map.Entry<String, Operation> op : operations().entrySet()) {
            try {
                op.getValue().run(fs, virtual);
            } catch (IOException e) {
                assertNoRealPath(e);
            }
            // the raw attack string as a path argument is normalised again, not trusted
            try {
                op.getValue().run(fs, attack.startsWith("/") ? attack : "/" + attack);
            } catch (IOException e) {
                assertNoRealPath(e);
            }
        }
        assertEquals(before, fx.outsideState());
    }

    @Test
    void absoluteRealPathsAreVirtual() throws IOException {
        String real = fx.outside.resolve("secret.txt").toString();
        assertEquals(real, fs.resolve("/", real));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> fs.openForRead(real, 0));
        assertEquals(real, e.getFile());
    }

    @Test
    void backslashIsAnOrdinaryCharacter() throws IOException {
        Map<String, String> before = fx.outsideState();
        String virtual = fs.resolve("/", "..\\outside\\secret.txt");
        assertEquals("/..\\outside\\secret.txt", virtual);
        try (var ch = fs.openForWrite(virtual, WriteMode.TRUNCATE, 0)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}));
        }
        assertTrue(Files.isRegularFile(fx.home.resolve("..\\outside\\secret.txt")), "one file in the home");
        assertEquals(before, fx.outsideState());
        assertEquals("..\\outside\\secret.txt", fs.stat(virtual).name());
    }

    @Test
    void nulIsRefused() {
        assertThrows(InvalidPathException.class, () -> fs.resolve("/", "a\0b"));
        assertThrows(InvalidPathException.class, () -> fs.stat("/a.txt\0.jpg"));
        assertThrows(InvalidPathException.class, () -> fs.openForWrite("/x\0", WriteMode.TRUNCATE, 0));
        assertThrows(InvalidPathException.class, () -> fs.createDirectory("/\0"));
    }

    @Test
    void escapingLinksAreListedButNotFollowed() throws IOException {
        Map<String, FtpFile.Type> types = new LinkedHashMap<>();
        try (Stream<FtpFile> s = fs.list("/")) {
            s.forEach(f -> types.put(f.name(), f.type()));
        }
        assertEquals(FtpFile.Type.SYMLINK, types.get("out-file"));
        assertEquals(FtpFile.Type.SYMLINK, types.get("out-dir"));
        assertEquals(FtpFile.Type.SYMLINK, types.get("dangling"));
        assertEquals(FtpFile.Type.FILE, types.get("in-file"));
        assertEquals(FtpFile.Type.DIRECTORY, types.get("in-dir"));
        assertEquals(FtpFile.Type.FILE, types.get("a.txt"));
        assertEquals(FtpFile.Type.DIRECTORY, types.get("sub"));
    }

    @Test
    void linksInsidePointingInsideStayUsable() throws IOException {
        FtpFile file = fs.stat("/in-file");
        assertEquals(FtpFile.Type.FILE, file.type());
        assertEquals(5, file.size());
        assertEquals("/in-file", file.path());
        assertEquals(FtpFile.Type.DIRECTORY, fs.stat("/in-dir").type());
        assertEquals("inner", read("/in-file"));
        assertEquals("inner", read("/in-dir/inner.txt"));
        try (Stream<FtpFile> s = fs.list("/in-dir")) {
            assertTrue(s.anyMatch(f -> f.name().equals("inner.txt") && f.path().equals("/in-dir/inner.txt")));
        }
        try (var ch = fs.openForWrite("/in-file", WriteMode.TRUNCATE, 0)) {
            ch.write(java.nio.ByteBuffer.wrap("changed".getBytes()));
        }
        assertEquals("changed", Files.readString(fx.home.resolve("sub/inner.txt")));
        assertTrue(Files.isSymbolicLink(fx.home.resolve("in-file")), "the link stays a link");
        fs.createDirectory("/in-dir/made");
        assertTrue(Files.isDirectory(fx.home.resolve("sub/made")));
        fs.setLastModified("/in-file", Instant.parse("2001-02-03T04:05:06Z"));
        assertEquals(Instant.parse("2001-02-03T04:05:06Z"),
                Files.getLastModifiedTime(fx.home.resolve("sub/inner.txt")).toInstant());
        // rename and delete act on the link, never on what it points to
        fs.rename("/in-dir", "/in-dir2");
        assertTrue(Files.isSymbolicLink(fx.home.resolve("in-dir2")));
        assertTrue(Files.isDirectory(fx.home.resolve("sub"), LinkOption.NOFOLLOW_LINKS));
        fs.deleteFile("/in-file");
        assertFalse(Files.exists(fx.home.resolve("in-file"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isRegularFile(fx.home.resolve("sub/inner.txt")));
    }

    private String read(String path) throws IOException {
        try (var ch = fs.openForRead(path, 0)) {
            var buf = java.nio.ByteBuffer.allocate(100);
            while (ch.read(buf) > 0) {
                // fill
            }
            return new String(buf.array(), 0, buf.position());
        }
    }

    private void assertNoRealPath(IOException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains(fx.base.toString())) {
            fail("the error shows the real path: " + e);
        }
    }
}
