package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftpd.api.InsufficientStorageException;
import org.ftpd.api.QuotaExceededException;
import org.ftpd.api.UploadChannel;
import org.ftpd.api.WriteMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full disk: a small in-memory tree that really runs out of space, and a channel that fails the way the
 * JDK's FileChannel does on ENOSPC (a plain IOException with the system's text).
 */
class DiskFullTest {

    private static final int TREE_BYTES = 64 * 1024;

    FileSystem tree;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        tree = MemoryTree.create(TREE_BYTES);
        home = Files.createDirectories(tree.getPath("/home"));
        Files.writeString(home.resolve("keep.txt"), "precious");
    }

    @AfterEach
    void tearDown() throws IOException {
        MemoryTree.close(tree);
    }

    private JailedFileSystem view(WriteRules rules) throws IOException {
        return new JailedFileSystem(home, null, rules, new PrincipalNames());
    }

    @Test
    void aFullDiskIsReportedAsSuchWithTheVirtualPath() throws IOException {
        JailedFileSystem fs = view(WriteRules.DEFAULT.withKeepPartial(false));
        UploadChannel ch = (UploadChannel) fs.openForWrite("/big.bin", WriteMode.TRUNCATE, 0);
        InsufficientStorageException e = assertThrows(InsufficientStorageException.class, () -> {
            for (int i = 0; i < 32; i++) {
                ch.write(ByteBuffer.allocate(8 * 1024));
            }
        });
        assertEquals("/big.bin", e.getFile());
        assertFalse(e.getMessage().contains(home.toString() + "/"), e::getMessage);
        ch.abort();
        assertFalse(Files.exists(home.resolve("big.bin")), "rolled back: nothing half-written");
        try (SeekableByteChannel small = fs.openForWrite("/small.txt", WriteMode.TRUNCATE, 0)) {
            UploadsTest.write(small, "fits again");
        }
        assertEquals("fits again", Files.readString(home.resolve("small.txt")));
    }

    @Test
    void aFullDiskDuringAnAtomicUploadLeavesTheTargetUntouched() throws IOException {
        JailedFileSystem fs = view(WriteRules.DEFAULT.withAtomicUploads(true));
        UploadChannel ch = (UploadChannel) fs.openForWrite("/keep.txt", WriteMode.TRUNCATE, 0);
        assertThrows(InsufficientStorageException.class, () -> {
            for (int i = 0; i < 32; i++) {
                ch.write(ByteBuffer.allocate(8 * 1024));
            }
        });
        ch.abort();
        assertEquals("precious", Files.readString(home.resolve("keep.txt")));
        try (var names = Files.list(home)) {
            assertEquals(1, names.count(), "the temporary file is gone");
        }
    }

    @Test
    void theSystemsNoSpaceErrorBecomesInsufficientStorage() throws IOException {
        VirtualErrors errors = new VirtualErrors(home);
        Upload upload = new Upload(new FailingChannel("No space left on device"), "/x.bin", errors, null, 0, false,
                new Upload.Ending() { });
        IOException e = assertThrows(IOException.class, () -> upload.write(ByteBuffer.allocate(1)));
        assertInstanceOf(InsufficientStorageException.class, e);
        assertEquals("/x.bin", ((InsufficientStorageException) e).getFile());

        Upload quota = new Upload(new FailingChannel("Disk quota exceeded"), "/y.bin", errors, null, 0, false,
                new Upload.Ending() { });
        assertInstanceOf(QuotaExceededException.class,
                assertThrows(IOException.class, () -> quota.write(ByteBuffer.allocate(1))));

        Upload other = new Upload(new FailingChannel("Input/output error"), "/z.bin", errors, null, 0, false,
                new Upload.Ending() { });
        IOException io = assertThrows(IOException.class, () -> other.write(ByteBuffer.allocate(1)));
        assertFalse(io instanceof InsufficientStorageException);
        assertTrue(io.getMessage().contains("/z.bin"));
    }

    /** Writes fail as FileChannelImpl's do: a plain IOException carrying strerror's text. */
    private static final class FailingChannel implements SeekableByteChannel {
        private final String message;

        FailingChannel(String message) {
            this.message = message;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new IOException(message);
        }

        @Override
        public int read(ByteBuffer dst) {
            return -1;
        }

        @Override
        public long position() {
            return 0;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            return this;
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            return this;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
