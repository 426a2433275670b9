package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ftpd.api.FileDetail;
import org.ftpd.api.FtpFile;
import org.ftpd.api.WriteMode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each operation of the jailed view does what it says, with real metadata and virtual error paths. */
class JailedFileSystemOperationsTest {

    @TempDir
    Path tmp;
    Path home;
    JailedFileSystem fs;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectory(base().resolve("home"));
        Files.writeString(home.resolve("a.txt"), "hello");
        Files.createDirectories(home.resolve("sub/deeper"));
        Files.writeString(home.resolve("sub/b.txt"), "bee");
        Files.createDirectory(home.resolve("empty"));
        fs = new JailedFileSystem(home);
    }

    /** The folder the home is made in; subclasses run the same operations on other providers. */
    protected Path base() throws IOException {
        return tmp.toRealPath();
    }

    @Test
    void statReportsRealMetadata() throws IOException {
        Path a = home.resolve("a.txt");
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-r-----"));
        PosixFileAttributes real = Files.readAttributes(a, PosixFileAttributes.class);
        FtpFile f = fs.stat("/a.txt");
        assertEquals("a.txt", f.name());
        assertEquals("/a.txt", f.path());
        assertEquals(FtpFile.Type.FILE, f.type());
        assertEquals(5, f.size());
        assertEquals(real.lastModifiedTime().toInstant(), f.lastModified());
        assertEquals(0640, f.mode());
        assertEquals(real.owner().getName(), f.owner());
        assertEquals(real.group().getName(), f.group());
        assertEquals(((Number) Files.getAttribute(a, "unix:uid")).intValue(), f.uid());
        assertEquals(((Number) Files.getAttribute(a, "unix:gid")).intValue(), f.gid());
        assertEquals(1, f.linkCount());
        assertEquals(FileFacts.uniqueId(Files.readAttributes(a, BasicFileAttributes.class).fileKey()), f.uniqueId());
        if (a.getFileSystem() == FileSystems.getDefault()) {
            Object dev = Files.getAttribute(a, "unix:dev");
            Object ino = Files.getAttribute(a, "unix:ino");
            assertEquals(Long.toHexString(((Number) dev).longValue()) + "g" + Long.toHexString(((Number) ino).longValue()),
                    f.uniqueId(), "pyftpdlib's form: device and inode in hex");
        }

        FtpFile root = fs.stat("/");
        assertEquals("/", root.name());
        assertEquals("/", root.path());
        assertTrue(root.isDirectory());
        assertEquals(FtpFile.Type.DIRECTORY, fs.stat("/sub").type());
    }

    @Test
    void hardLinksShareTheUniqueIdAndCountLinks() throws IOException {
        Files.createLink(home.resolve("hard.txt"), home.resolve("a.txt"));
        FtpFile a = fs.stat("/a.txt");
        FtpFile hard = fs.stat("/hard.txt");
        assertEquals(2, a.linkCount());
        assertEquals(a.uniqueId(), hard.uniqueId());
        assertNotEquals(a.uniqueId(), fs.stat("/sub/b.txt").uniqueId());
    }

    @Test
    void listStreamsEntriesWithTheirFacts() throws IOException {
        try (Stream<FtpFile> s = fs.list("/sub")) {
            List<FtpFile> entries = s.sorted((x, y) -> x.name().compareTo(y.name())).collect(Collectors.toList());
            assertEquals(List.of("b.txt", "deeper"), entries.stream().map(FtpFile::name).collect(Collectors.toList()));
            assertEquals("/sub/b.txt", entries.get(0).path());
            assertEquals(3, entries.get(0).size());
            assertEquals(FtpFile.Type.DIRECTORY, entries.get(1).type());
        }
        Path big = Files.createDirectory(home.resolve("big"));
        for (int i = 0; i < 3000; i++) {
            Files.createFile(big.resolve("f" + i));
        }
        try (Stream<FtpFile> s = fs.list("/big")) {
            assertEquals(3000, s.filter(FtpFile::isFile).count());
        }
        assertThrows(NotDirectoryException.class, () -> fs.list("/a.txt"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> fs.list("/nothing"));
        assertEquals("/nothing", e.getFile());
    }

    /**
     * MLSD's default facts: a basic listing shows the same entries with the same type, size, time and unique id as
     * a full one (links shown as their targets inside, dangling ones as links), and reads nothing more.
     */
    @Test
    void basicListingMatchesTheFullListingsBasicFacts() throws IOException {
        Files.writeString(home.resolve("sub").resolve(Uploads.TEMPORARY_PREFIX + "upload"), "half");
        Files.createSymbolicLink(home.resolve("sub/link"), home.resolve("a.txt"));
        Files.createSymbolicLink(home.resolve("sub/dangling"), home.resolve("sub/gone"));
        Map<String, FtpFile> full = listed("/sub", FileDetail.FULL);
        Map<String, FtpFile> basic = listed("/sub", FileDetail.BASIC);
        assertEquals(List.of("b.txt", "dangling", "deeper", "link"), List.copyOf(basic.keySet()));
        assertEquals(full.keySet(), basic.keySet());
        for (FtpFile b : basic.values()) {
            FtpFile f = full.get(b.name());
            assertEquals(f.path(), b.path());
            assertEquals(f.type(), b.type(), b.name());
            assertEquals(f.size(), b.size(), b.name());
            assertEquals(f.lastModified(), b.lastModified(), b.name());
            assertEquals(f.uniqueId(), b.uniqueId(), b.name());
            assertEquals(-1, b.mode(), "no mode read for " + b.name());
            assertEquals(null, b.owner());
        }
        assertEquals(FtpFile.Type.FILE, basic.get("link").type(), "a link inside is shown as its target");
        assertEquals(5, basic.get("link").size());
        assertEquals(fs.stat("/a.txt").uniqueId(), basic.get("link").uniqueId());
        assertEquals(FtpFile.Type.SYMLINK, basic.get("dangling").type());
        assertThrows(NotDirectoryException.class, () -> fs.list("/a.txt", FileDetail.BASIC));
    }

    private Map<String, FtpFile> listed(String directory, FileDetail detail) throws IOException {
        try (Stream<FtpFile> s = fs.list(directory, detail)) {
            return s.collect(Collectors.toMap(FtpFile::name, f -> f, (x, y) -> x, TreeMap::new));
        }
    }

    /** NLST's names: the entries {@link JailedFileSystem#list} shows, uploads in progress left out as there. */
    @Test
    void namesAreTheListedEntriesWithoutFacts() throws IOException {
        Files.writeString(home.resolve("sub").resolve(Uploads.TEMPORARY_PREFIX + "upload"), "half");
        Files.createSymbolicLink(home.resolve("sub/dangling"), home.resolve("sub/gone"));
        List<String> listed;
        try (Stream<FtpFile> s = fs.list("/sub")) {
            listed = s.map(FtpFile::name).sorted().collect(Collectors.toList());
        }
        try (Stream<String> s = fs.names("/sub")) {
            assertEquals(listed, s.sorted().collect(Collectors.toList()));
        }
        assertEquals(List.of("b.txt", "dangling", "deeper"), listed);
        assertThrows(NotDirectoryException.class, () -> fs.names("/a.txt"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> fs.names("/nothing"));
        assertEquals("/nothing", e.getFile());
    }

    @Test
    void readsFromAnOffsetOnAFileChannel() throws IOException {
        try (SeekableByteChannel ch = fs.openForRead("/a.txt", 2)) {
            assertInstanceOf(FileChannel.class, ch, "the engine sends FileChannels without copying");
            assertEquals("llo", drain(ch));
        }
        try (SeekableByteChannel ch = fs.openForRead("/sub/b.txt", 0)) {
            assertEquals("bee", drain(ch));
        }
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> fs.openForRead("/missing", 0));
        assertEquals("/missing", missing.getFile());
        FileSystemException directory = assertThrows(FileSystemException.class, () -> fs.openForRead("/sub", 0));
        assertEquals("Not a regular file", directory.getReason());
        assertThrows(FileSystemException.class, () -> fs.openForRead("/a.txt", -1));
    }

    /** Opening a FIFO for reading would wait for a writer (forever, on a session's thread): refused first. */
    @Test
    void aFifoIsNotOpened() throws Exception {
        Assumptions.assumeTrue(home.getFileSystem() == FileSystems.getDefault(), "mkfifo: local disk");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", home.resolve("pipe").toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo here: " + e);
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo worked");
        FileSystemException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(FileSystemException.class, () -> fs.openForRead("/pipe", 0)));
        assertEquals("Not a regular file", refused.getReason());
    }

    @Test
    void writeModes() throws IOException {
        write("/new.txt", WriteMode.TRUNCATE, 0, "fresh");
        assertEquals("fresh", Files.readString(home.resolve("new.txt")));
        write("/a.txt", WriteMode.TRUNCATE, 0, "hi");
        assertEquals("hi", Files.readString(home.resolve("a.txt")));
        write("/a.txt", WriteMode.APPEND, 0, "+more");
        assertEquals("hi+more", Files.readString(home.resolve("a.txt")));
        write("/a.txt", WriteMode.RESUME, 3, "MO");
        assertEquals("hi+MOre", Files.readString(home.resolve("a.txt")), "resume keeps what lies before and after");
        write("/a.txt", WriteMode.RESUME, 7, "!");
        assertEquals("hi+MOre!", Files.readString(home.resolve("a.txt")));
        FileSystemException beyond = assertThrows(FileSystemException.class,
                () -> fs.openForWrite("/a.txt", WriteMode.RESUME, 100));
        assertEquals("/a.txt", beyond.getFile());
        assertEquals("hi+MOre!", Files.readString(home.resolve("a.txt")));
        write("/appended.txt", WriteMode.APPEND, 0, "x");
        assertEquals("x", Files.readString(home.resolve("appended.txt")));
        write("/unique.txt", WriteMode.CREATE_NEW, 0, "u");
        assertEquals("u", Files.readString(home.resolve("unique.txt")));
        FileAlreadyExistsException exists = assertThrows(FileAlreadyExistsException.class,
                () -> fs.openForWrite("/unique.txt", WriteMode.CREATE_NEW, 0));
        assertEquals("/unique.txt", exists.getFile());
        NoSuchFileException noParent = assertThrows(NoSuchFileException.class,
                () -> fs.openForWrite("/no/such/dir/x", WriteMode.TRUNCATE, 0));
        assertTrue(noParent.getFile().startsWith("/no"));
        assertThrows(FileSystemException.class, () -> fs.openForWrite("/sub", WriteMode.TRUNCATE, 0));
        assertThrows(FileSystemException.class, () -> fs.openForWrite("/", WriteMode.TRUNCATE, 0));
    }

    @Test
    void directories() throws IOException {
        fs.createDirectory("/made");
        assertTrue(Files.isDirectory(home.resolve("made")));
        assertEquals("/made", assertThrows(FileAlreadyExistsException.class, () -> fs.createDirectory("/made")).getFile());
        assertThrows(FileAlreadyExistsException.class, () -> fs.createDirectory("/a.txt"));
        assertThrows(NoSuchFileException.class, () -> fs.createDirectory("/nope/made"));
        assertThrows(FileSystemException.class, () -> fs.createDirectory("/"));

        fs.deleteDirectory("/empty");
        assertFalse(Files.exists(home.resolve("empty")));
        assertEquals("/sub", assertThrows(DirectoryNotEmptyException.class, () -> fs.deleteDirectory("/sub")).getFile());
        assertThrows(NotDirectoryException.class, () -> fs.deleteDirectory("/a.txt"));
        assertThrows(NoSuchFileException.class, () -> fs.deleteDirectory("/empty"));
        assertThrows(AccessDeniedException.class, () -> fs.deleteDirectory("/"));
    }

    @Test
    void deleteAndRename() throws IOException {
        fs.deleteFile("/sub/b.txt");
        assertFalse(Files.exists(home.resolve("sub/b.txt")));
        assertEquals("/sub/b.txt", assertThrows(NoSuchFileException.class, () -> fs.deleteFile("/sub/b.txt")).getFile());
        assertThrows(FileSystemException.class, () -> fs.deleteFile("/sub"));
        assertTrue(Files.isDirectory(home.resolve("sub")));

        fs.rename("/a.txt", "/sub/renamed.txt");
        assertEquals("hello", Files.readString(home.resolve("sub/renamed.txt")));
        fs.rename("/sub", "/moved");
        assertTrue(Files.isRegularFile(home.resolve("moved/renamed.txt")));
        Files.writeString(home.resolve("other.txt"), "o");
        FileAlreadyExistsException taken = assertThrows(FileAlreadyExistsException.class,
                () -> fs.rename("/other.txt", "/moved/renamed.txt"));
        assertEquals("/moved/renamed.txt", taken.getFile());
        assertEquals("hello", Files.readString(home.resolve("moved/renamed.txt")));
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> fs.rename("/ghost", "/x"));
        assertEquals("/ghost", missing.getFile());
        assertThrows(AccessDeniedException.class, () -> fs.rename("/", "/x"));
    }

    @Test
    void chmodAndSetTime() throws IOException {
        fs.setPermissions("/a.txt", 0604);
        assertEquals("rw----r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("a.txt"))));
        assertEquals(0604, fs.stat("/a.txt").mode());
        fs.setPermissions("/sub", 0750);
        assertEquals(0750, fs.stat("/sub").mode());
        assertThrows(FileSystemException.class, () -> fs.setPermissions("/a.txt", 04755));
        assertThrows(NoSuchFileException.class, () -> fs.setPermissions("/ghost", 0644));

        Instant when = Instant.parse("2003-04-05T06:07:08Z");
        fs.setLastModified("/a.txt", when);
        assertEquals(when, Files.getLastModifiedTime(home.resolve("a.txt")).toInstant());
        assertEquals(when, fs.stat("/a.txt").lastModified());
        fs.setLastModified("/", when);
        assertEquals(when, Files.getLastModifiedTime(home).toInstant());
        assertThrows(NoSuchFileException.class, () -> fs.setLastModified("/ghost", when));
    }

    @Test
    void errorsNeverShowTheRealPath() {
        List<IOException> errors = List.of(
                assertThrows(IOException.class, () -> fs.stat("/ghost/x")),
                assertThrows(IOException.class, () -> fs.deleteDirectory("/sub")),
                assertThrows(IOException.class, () -> fs.openForWrite("/sub", WriteMode.TRUNCATE, 0)),
                assertThrows(IOException.class, () -> fs.rename("/a.txt", "/sub/deeper")),
                assertThrows(IOException.class, () -> fs.openForRead("/a.txt/x", 0)));
        for (IOException e : errors) {
            assertFalse(String.valueOf(e.getMessage()).contains(home.toString()), e::toString);
        }
    }

    @Test
    void closedViewRefusesWork() {
        fs.close();
        assertThrows(ClosedFileSystemException.class, () -> fs.stat("/a.txt"));
    }

    private void write(String path, WriteMode mode, long offset, String text) throws IOException {
        try (SeekableByteChannel ch = fs.openForWrite(path, mode, offset)) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String drain(SeekableByteChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64);
        while (ch.read(buf) > 0) {
            // fill
        }
        byte[] bytes = new byte[buf.position()];
        buf.flip().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
