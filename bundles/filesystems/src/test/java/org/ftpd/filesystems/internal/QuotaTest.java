package org.ftpd.filesystems.internal;

import static org.ftpd.filesystems.internal.UploadsTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.ftpd.api.QuotaExceededException;
import org.ftpd.api.UploadChannel;
import org.ftpd.api.WriteMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-home quota: counted, reserved before each write, given back on delete, shared by sessions. */
class QuotaTest {

    @TempDir
    Path tmp;
    Path home;
    AtomicLong clock = new AtomicLong();
    QuotaLedger ledger;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectory(tmp.toRealPath().resolve("home"));
        Files.write(home.resolve("old.bin"), new byte[100]);
        Files.createDirectory(home.resolve("sub"));
        Files.write(home.resolve("sub/more.bin"), new byte[50]);
        ledger = new QuotaLedger(home, 1000, clock::get);
        ledger.recountIfStale();
    }

    private JailedFileSystem view(WriteRules rules) throws IOException {
        return new JailedFileSystem(home, null, rules.withQuota(ledger), new PrincipalNames());
    }

    @Test
    void theHomeIsCountedFirst() {
        assertEquals(150, ledger.used());
    }

    @Test
    void aWriteBeyondTheQuotaIsRefusedWithTheVirtualPath() throws IOException {
        JailedFileSystem fs = view(WriteRules.DEFAULT);
        SeekableByteChannel ch = fs.openForWrite("/up.bin", WriteMode.TRUNCATE, 0);
        ch.write(ByteBuffer.allocate(850));
        assertEquals(1000, ledger.used());
        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> ch.write(ByteBuffer.allocate(1)));
        assertEquals("/up.bin", e.getFile());
        assertFalse(e.getMessage().contains(home.toString()));
        ((UploadChannel) ch).abort();
        assertEquals(850, Files.size(home.resolve("up.bin")), "kept (partial files are kept by default)");
        assertThrows(QuotaExceededException.class, () -> fs.openForWrite("/next.bin", WriteMode.TRUNCATE, 0),
                "a full home refuses new uploads at once");
    }

    @Test
    void deletingAndOverwritingGiveBytesBack() throws IOException {
        JailedFileSystem fs = view(WriteRules.DEFAULT);
        fs.deleteFile("/old.bin");
        assertEquals(50, ledger.used());
        try (SeekableByteChannel ch = fs.openForWrite("/sub/more.bin", WriteMode.TRUNCATE, 0)) {
            assertEquals(0, ledger.used(), "the truncated file's bytes are free");
            ch.write(ByteBuffer.allocate(10));
        }
        assertEquals(10, ledger.used());
        try (SeekableByteChannel ch = fs.openForWrite("/sub/more.bin", WriteMode.RESUME, 5)) {
            ch.write(ByteBuffer.allocate(10));
        }
        assertEquals(15, ledger.used(), "overwriting bytes that exist costs nothing, growing costs the growth");
        try (SeekableByteChannel ch = fs.openForWrite("/sub/more.bin", WriteMode.APPEND, 0)) {
            ch.write(ByteBuffer.allocate(5));
        }
        assertEquals(20, ledger.used());
        assertEquals(20, Files.size(home.resolve("sub/more.bin")));
    }

    @Test
    void aRolledBackUploadGivesItsBytesBack() throws IOException {
        JailedFileSystem fs = view(WriteRules.DEFAULT.withKeepPartial(false));
        UploadChannel ch = (UploadChannel) fs.openForWrite("/up.bin", WriteMode.TRUNCATE, 0);
        ch.write(ByteBuffer.allocate(800));
        assertThrows(QuotaExceededException.class, () -> ch.write(ByteBuffer.allocate(100)));
        ch.abort();
        assertFalse(Files.exists(home.resolve("up.bin")), "nothing half-written is left");
        assertEquals(150, ledger.used());
    }

    @Test
    void atomicUploadsCountTheTemporaryFileAndReleaseTheReplacedOne() throws IOException {
        JailedFileSystem fs = view(WriteRules.DEFAULT.withAtomicUploads(true));
        try (SeekableByteChannel ch = fs.openForWrite("/old.bin", WriteMode.TRUNCATE, 0)) {
            ch.write(ByteBuffer.allocate(300));
            assertEquals(450, ledger.used(), "old and new exist side by side until the rename");
        }
        assertEquals(350, ledger.used());
        UploadChannel broken = (UploadChannel) fs.openForWrite("/old.bin", WriteMode.TRUNCATE, 0);
        broken.write(ByteBuffer.allocate(500));
        broken.abort();
        assertEquals(350, ledger.used());
        assertEquals(300, Files.size(home.resolve("old.bin")));
    }

    @Test
    void sessionsOfOneHomeShareTheQuota() throws IOException {
        JailedFileSystem one = view(WriteRules.DEFAULT);
        JailedFileSystem two = view(WriteRules.DEFAULT);
        try (SeekableByteChannel a = one.openForWrite("/a.bin", WriteMode.TRUNCATE, 0);
                SeekableByteChannel b = two.openForWrite("/b.bin", WriteMode.TRUNCATE, 0)) {
            a.write(ByteBuffer.allocate(500));
            assertThrows(QuotaExceededException.class, () -> b.write(ByteBuffer.allocate(400)));
            b.write(ByteBuffer.allocate(350));
        }
        assertEquals(1000, ledger.used());
    }

    @Test
    void writesByOtherMeansAreSeenAtTheNextCount() throws IOException {
        Files.write(home.resolve("outside-ftp.bin"), new byte[200]);
        ledger.recountIfStale();
        assertEquals(150, ledger.used(), "not stale yet");
        clock.addAndGet(QuotaLedger.RECOUNT_AFTER_NANOS);
        SeekableByteChannel running = view(WriteRules.DEFAULT).openForWrite("/x.bin", WriteMode.TRUNCATE, 0);
        ledger.recountIfStale();
        assertEquals(150, ledger.used(), "never recounted under a running upload");
        running.close();
        ledger.recountIfStale();
        assertEquals(350, ledger.used());
    }

    @Test
    void theHomeViewsGiveEachAccountItsQuota() throws IOException {
        HomeViews views = new HomeViews();
        views.settings(FsSettings.parse(java.util.Map.of("quota.bytes", "1k")));
        var alice = org.ftpd.api.Account.builder("alice", home.toUri()).build();
        var bob = org.ftpd.api.Account.builder("bob", home.toUri()).property("quota.bytes", "200").build();
        try (var fs = views.open(alice); SeekableByteChannel ch = fs.openForWrite("/a.bin", WriteMode.TRUNCATE, 0)) {
            ch.write(ByteBuffer.allocate(800));
        }
        assertTrue(Files.size(home.resolve("a.bin")) == 800);
        try (var fs = views.open(bob)) {
            assertThrows(QuotaExceededException.class, () -> fs.openForWrite("/b.bin", WriteMode.TRUNCATE, 0),
                    "bob's own, smaller quota is already used up by the 950 bytes in the home");
        }
    }
}
