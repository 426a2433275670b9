package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ftpd.api.FtpFile;
import org.ftpd.api.WriteMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jailed view over a provider other than the default one: the JDK's zip filesystem (no directory handles,
 * no Unix attributes), which takes the re-checking way of {@link ConfinedAccess}.
 */
class OtherProviderTest {

    @TempDir
    Path tmp;
    FileSystem zip;
    Path home;
    JailedFileSystem fs;

    @BeforeEach
    void setUp() throws IOException {
        zip = FileSystems.newFileSystem(tmp.resolve("store.zip"), Map.of("create", "true"));
        Files.writeString(Files.createDirectories(zip.getPath("/outside")).resolve("secret.txt"), "secret");
        home = Files.createDirectories(zip.getPath("/homes/alice"));
        Files.writeString(home.resolve("a.txt"), "hello");
        fs = new JailedFileSystem(home);
    }

    @AfterEach
    void tearDown() throws IOException {
        zip.close();
    }

    @Test
    void everyOperationWorksAndStaysInside() throws IOException {
        assertFalse(fs.isRaceFree(), "the zip provider has no SecureDirectoryStream");
        try (SeekableByteChannel ch = fs.openForWrite("/new.txt", WriteMode.TRUNCATE, 0)) {
            ch.write(ByteBuffer.wrap("zip!".getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals("zip!", Files.readString(home.resolve("new.txt")));
        try (SeekableByteChannel ch = fs.openForWrite("/new.txt", WriteMode.APPEND, 0)) {
            ch.write(ByteBuffer.wrap("+".getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals("zip!+", Files.readString(home.resolve("new.txt")));
        try (SeekableByteChannel ch = fs.openForRead("/a.txt", 1)) {
            ByteBuffer buf = ByteBuffer.allocate(16);
            ch.read(buf);
            assertEquals("ello", new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
        }
        assertThrows(FileAlreadyExistsException.class, () -> fs.openForWrite("/a.txt", WriteMode.CREATE_NEW, 0));

        fs.createDirectory("/dir");
        fs.rename("/new.txt", "/dir/moved.txt");
        try (Stream<FtpFile> s = fs.list("/dir")) {
            List<FtpFile> entries = s.collect(Collectors.toList());
            assertEquals(1, entries.size());
            assertEquals("/dir/moved.txt", entries.get(0).path());
            assertEquals(5, entries.get(0).size());
            assertEquals(-1, entries.get(0).mode(), "no Unix mode on this provider");
        }
        FtpFile a = fs.stat("/a.txt");
        assertEquals(FtpFile.Type.FILE, a.type());
        assertEquals(5, a.size());
        Instant when = Instant.parse("2010-01-02T03:04:06Z");
        fs.setLastModified("/a.txt", when);
        assertEquals(when, fs.stat("/a.txt").lastModified());
        assertThrows(FileSystemException.class, () -> fs.setPermissions("/a.txt", 0644));

        fs.deleteFile("/dir/moved.txt");
        fs.deleteDirectory("/dir");
        assertFalse(Files.exists(home.resolve("dir")));

        // traversal resolves inside the home
        String escape = fs.resolve("/", "../../outside/secret.txt");
        assertEquals("/outside/secret.txt", escape);
        assertThrows(NoSuchFileException.class, () -> fs.openForRead(escape, 0));
        try (SeekableByteChannel ch = fs.openForWrite("/../../outside/secret.txt", WriteMode.TRUNCATE, 0)) {
            fail("the parent /outside does not exist in the home");
        } catch (NoSuchFileException expected) {
            // refused
        }
        assertEquals("secret", Files.readString(zip.getPath("/outside/secret.txt")));
        assertTrue(Files.isRegularFile(home.resolve("a.txt")));
    }

    private static void fail(String message) {
        throw new AssertionError(message);
    }
}
