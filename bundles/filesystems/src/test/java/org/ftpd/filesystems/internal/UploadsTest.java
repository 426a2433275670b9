package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ftpd.api.FtpFile;
import org.ftpd.api.UploadChannel;
import org.ftpd.api.WriteMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic uploads, the partial-upload policy and the umask, on the default filesystem. */
class UploadsTest {

    @TempDir
    Path tmp;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectory(base().resolve("home"));
        Files.writeString(home.resolve("a.txt"), "old");
    }

    /** Where the home is made; a subclass runs the same on the memory provider. */
    protected Path base() throws IOException {
        return tmp.toRealPath();
    }

    private JailedFileSystem view(WriteRules rules) throws IOException {
        return new JailedFileSystem(home, null, rules, new PrincipalNames());
    }

    private static final WriteRules ATOMIC = WriteRules.DEFAULT.withAtomicUploads(true);
    private static final WriteRules DELETE_PARTIAL = WriteRules.DEFAULT.withKeepPartial(false);

    @Test
    void anAtomicUploadReplacesTheTargetOnlyWhenItCompletes() throws IOException {
        JailedFileSystem fs = view(ATOMIC);
        SeekableByteChannel ch = fs.openForWrite("/a.txt", WriteMode.TRUNCATE, 0);
        assertInstanceOf(UploadChannel.class, ch);
        write(ch, "new content");
        assertEquals("old", Files.readString(home.resolve("a.txt")), "readers still see the old file");
        assertEquals(List.of("a.txt"), names(fs, "/"), "the temporary file is not listed");
        assertEquals(2, realNames().size(), "it exists, hidden, beside the target");
        assertTrue(realNames().stream().anyMatch(n -> n.startsWith(Uploads.TEMPORARY_PREFIX)));
        ch.close();
        assertEquals("new content", Files.readString(home.resolve("a.txt")));
        assertEquals(List.of("a.txt"), realNames(), "nothing left behind");
        ch.close();
        assertEquals("new content", Files.readString(home.resolve("a.txt")), "a second close does nothing");
    }

    @Test
    void aBrokenAtomicUploadLeavesTheTargetUntouched() throws IOException {
        JailedFileSystem fs = view(ATOMIC);
        UploadChannel ch = (UploadChannel) fs.openForWrite("/a.txt", WriteMode.TRUNCATE, 0);
        write(ch, "half of the new");
        ch.abort();
        ch.close();
        assertEquals("old", Files.readString(home.resolve("a.txt")));
        UploadChannel fresh = (UploadChannel) fs.openForWrite("/new.txt", WriteMode.CREATE_NEW, 0);
        write(fresh, "x");
        fresh.abort();
        assertEquals(List.of("a.txt"), realNames(), "no target, no temporary file");
    }

    @Test
    void anAtomicUploadKeepsTheReplacedFilesModeAndGivesNewFilesTheUmask() throws IOException {
        Files.setPosixFilePermissions(home.resolve("a.txt"), PosixFilePermissions.fromString("rw-------"));
        JailedFileSystem fs = view(ATOMIC.withUmask(027));
        try (SeekableByteChannel ch = fs.openForWrite("/a.txt", WriteMode.TRUNCATE, 0)) {
            write(ch, "secret stays secret");
        }
        assertEquals(0600, fs.stat("/a.txt").mode());
        try (SeekableByteChannel ch = fs.openForWrite("/b.txt", WriteMode.TRUNCATE, 0)) {
            write(ch, "b");
        }
        assertEquals(0640, fs.stat("/b.txt").mode());
    }

    @Test
    void anAtomicCreateNewDoesNotReplaceAFileThatAppearedMeanwhile() throws IOException {
        JailedFileSystem fs = view(ATOMIC);
        SeekableByteChannel ch = fs.openForWrite("/unique.txt", WriteMode.CREATE_NEW, 0);
        write(ch, "mine");
        Files.writeString(home.resolve("unique.txt"), "theirs");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, ch::close);
        assertEquals("/unique.txt", e.getFile());
        assertEquals("theirs", Files.readString(home.resolve("unique.txt")));
        assertEquals(List.of("a.txt", "unique.txt"), realNames());
        assertThrows(FileAlreadyExistsException.class, () -> fs.openForWrite("/a.txt", WriteMode.CREATE_NEW, 0));
    }

    @Test
    void appendAndResumeWriteInPlaceEvenWhenUploadsAreAtomic() throws IOException {
        JailedFileSystem fs = view(ATOMIC);
        try (SeekableByteChannel ch = fs.openForWrite("/a.txt", WriteMode.APPEND, 0)) {
            write(ch, "+more");
            assertEquals("old+more", Files.readString(home.resolve("a.txt")), "visible at once: in place");
        }
        try (SeekableByteChannel ch = fs.openForWrite("/a.txt", WriteMode.RESUME, 3)) {
            write(ch, "!");
        }
        assertEquals("old!more", Files.readString(home.resolve("a.txt")));
    }

    @Test
    void readersOfAnAtomicallyReplacedFileSeeOneWholeVersionOrTheOther() throws Exception {
        int size = 256 * 1024;
        Files.write(home.resolve("big.bin"), filled('A', size));
        JailedFileSystem fs = view(ATOMIC);
        AtomicBoolean uploading = new AtomicBoolean(true);
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            JailedFileSystem readerView;
            try {
                readerView = view(WriteRules.DEFAULT);
                while (uploading.get() || reads.get() == 0) {
                    byte[] content = readAll(readerView, "/big.bin");
                    reads.incrementAndGet();
                    if (content.length != size || !uniform(content)) {
                        torn.compareAndSet(null, "read " + content.length + " bytes, uniform=" + uniform(content));
                    }
                }
            } catch (IOException e) {
                torn.compareAndSet(null, e.toString());
            }
        });
        reader.start();
        try {
            for (int round = 0; round < 16; round++) {
                byte letter = (byte) ('B' + round % 2);
                try (SeekableByteChannel ch = fs.openForWrite("/big.bin", WriteMode.TRUNCATE, 0)) {
                    for (int done = 0; done < size; done += 16 * 1024) {
                        ch.write(ByteBuffer.wrap(filled(letter, 16 * 1024)));
                    }
                }
            }
        } finally {
            uploading.set(false);
            reader.join(30_000);
        }
        assertEquals(null, torn.get(), "a reader saw part of an upload");
        assertTrue(reads.get() > 0);
        assertArrayEquals(filled((byte) 'C', size), Files.readAllBytes(home.resolve("big.bin")));
    }

    @Test
    void inPlaceUploadsAreVisibleWhileTheyRun() throws IOException {
        // the contrast to the atomic case: without it a reader can see half a file
        JailedFileSystem fs = view(WriteRules.DEFAULT);
        try (SeekableByteChannel ch = fs.openForWrite("/a.txt", WriteMode.TRUNCATE, 0)) {
            write(ch, "ha");
            assertEquals("ha", Files.readString(home.resolve("a.txt")));
        }
    }

    @Test
    void aBrokenUploadKeepsWhatArrivedByDefault() throws IOException {
        JailedFileSystem fs = view(WriteRules.DEFAULT);
        UploadChannel ch = (UploadChannel) fs.openForWrite("/part.bin", WriteMode.TRUNCATE, 0);
        write(ch, "first half");
        ch.abort();
        assertEquals("first half", Files.readString(home.resolve("part.bin")), "kept for REST resume");
        try (SeekableByteChannel resumed = fs.openForWrite("/part.bin", WriteMode.RESUME, 10)) {
            write(resumed, ", second half");
        }
        assertEquals("first half, second half", Files.readString(home.resolve("part.bin")));
    }

    @Test
    void aBrokenUploadIsRolledBackWhenPartialFilesAreDeleted() throws IOException {
        JailedFileSystem fs = view(DELETE_PARTIAL);
        UploadChannel created = (UploadChannel) fs.openForWrite("/part.bin", WriteMode.TRUNCATE, 0);
        write(created, "half");
        created.abort();
        assertFalse(Files.exists(home.resolve("part.bin")), "a new file is removed");

        Files.writeString(home.resolve("log.txt"), "line1\n");
        UploadChannel appended = (UploadChannel) fs.openForWrite("/log.txt", WriteMode.APPEND, 0);
        write(appended, "line2 (cut");
        appended.abort();
        assertEquals("line1\n", Files.readString(home.resolve("log.txt")), "an append is cut back");

        Files.writeString(home.resolve("resume.bin"), "0123456789");
        UploadChannel resumed = (UploadChannel) fs.openForWrite("/resume.bin", WriteMode.RESUME, 4);
        write(resumed, "abcdefghij");
        resumed.abort();
        assertEquals("0123", Files.readString(home.resolve("resume.bin")), "cut back to the restart offset");

        UploadChannel replaced = (UploadChannel) fs.openForWrite("/a.txt", WriteMode.TRUNCATE, 0);
        replaced.abort();
        assertFalse(Files.exists(home.resolve("a.txt")), "nothing half-written stays under the name");

        try (SeekableByteChannel done = fs.openForWrite("/done.txt", WriteMode.TRUNCATE, 0)) {
            write(done, "complete");
        }
        assertEquals("complete", Files.readString(home.resolve("done.txt")), "a completed upload stays");
    }

    @Test
    void theUmaskDecidesTheModeOfNewFilesAndDirectoriesOnly() throws IOException {
        Files.setPosixFilePermissions(home.resolve("a.txt"), PosixFilePermissions.fromString("rw-rw-rw-"));
        JailedFileSystem fs = view(WriteRules.DEFAULT.withUmask(027));
        try (SeekableByteChannel ch = fs.openForWrite("/new.txt", WriteMode.TRUNCATE, 0)) {
            write(ch, "n");
        }
        assertEquals(0640, fs.stat("/new.txt").mode());
        try (SeekableByteChannel ch = fs.openForWrite("/a.txt", WriteMode.TRUNCATE, 0)) {
            write(ch, "o");
        }
        assertEquals(0666, fs.stat("/a.txt").mode(), "an existing file keeps its mode");
        fs.createDirectory("/dir");
        assertEquals(0750, fs.stat("/dir").mode());

        JailedFileSystem open = view(WriteRules.DEFAULT.withUmask(0));
        try (SeekableByteChannel ch = open.openForWrite("/shared.txt", WriteMode.CREATE_NEW, 0)) {
            write(ch, "s");
        }
        assertEquals(0666, open.stat("/shared.txt").mode(), "umask 0 beats the process umask");
        open.createDirectory("/shared");
        assertEquals(0777, open.stat("/shared").mode());
    }

    // ---- helpers

    private List<String> realNames() throws IOException {
        try (Stream<Path> s = Files.list(home)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> names(JailedFileSystem fs, String dir) throws IOException {
        try (Stream<FtpFile> s = fs.list(dir)) {
            return s.map(FtpFile::name).sorted().collect(Collectors.toList());
        }
    }

    static void write(SeekableByteChannel ch, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static byte[] filled(char letter, int size) {
        return filled((byte) letter, size);
    }

    private static byte[] filled(byte letter, int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, letter);
        return bytes;
    }

    private static boolean uniform(byte[] content) {
        for (byte b : content) {
            if (b != content[0]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readAll(JailedFileSystem fs, String path) throws IOException {
        try (SeekableByteChannel ch = fs.openForRead(path, 0)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.max(ch.size(), 1) + 1);
            while (ch.read(buf) > 0 && buf.hasRemaining()) {
                // fill
            }
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }
}
