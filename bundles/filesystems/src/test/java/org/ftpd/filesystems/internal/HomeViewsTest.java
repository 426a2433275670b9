package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ftpd.api.Account;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.WriteMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code memory:} homes: one tree per URI authority, folders made on first use, the server's write settings. */
class HomeViewsTest {

    private final HomeViews views = new HomeViews();

    @AfterEach
    void tearDown() {
        views.close();
    }

    private static Account user(String name, String home) {
        return Account.builder(name, URI.create(home)).build();
    }

    @Test
    void homesInOneTreeAreSeparateFoldersOfIt() throws IOException {
        try (FtpFileSystem alice = views.open(user("alice", "memory:/alice"));
                FtpFileSystem bob = views.open(user("bob", "memory:/bob"))) {
            write(alice, "/a.txt", "alice's");
            assertEquals(List.of(), names(bob), "bob's home is another folder");
            assertTrue(alice.stat("/a.txt").isFile());
            assertThrows(java.nio.file.NoSuchFileException.class, () -> bob.stat("/../alice/a.txt"),
                    "and jailed: .. stays in bob's home");
        }
        try (FtpFileSystem again = views.open(user("alice", "memory:/alice"))) {
            assertEquals(List.of("a.txt"), names(again), "the tree outlives the session");
        }
    }

    @Test
    void eachAuthorityIsItsOwnTree() throws IOException {
        try (FtpFileSystem demo = views.open(user("u", "memory://demo/u"));
                FtpFileSystem other = views.open(user("u", "memory://other/u"));
                FtpFileSystem plain = views.open(user("u", "memory:/u"))) {
            write(demo, "/only-in-demo.txt", "d");
            assertEquals(List.of("only-in-demo.txt"), names(demo));
            assertEquals(List.of(), names(other));
            assertEquals(List.of(), names(plain));
        }
    }

    @Test
    void memoryFilesHaveUnixMetadata() throws IOException {
        views.settings(FsSettings.parse(Map.of("umask", "077")));
        try (FtpFileSystem fs = views.open(user("m", "memory:/m"))) {
            write(fs, "/f.txt", "12345");
            FtpFile f = fs.stat("/f.txt");
            assertEquals(5, f.size());
            assertEquals(0600, f.mode(), "the server's umask applies in memory too");
            assertTrue(f.owner() != null && !f.owner().isEmpty());
            assertTrue(f.uniqueId() != null);
            fs.setPermissions("/f.txt", 0644);
            assertEquals(0644, fs.stat("/f.txt").mode());
        }
    }

    @Test
    void badHomesAreRefused() {
        assertThrows(IOException.class, () -> views.open(user("x", "memory:relative")));
        assertThrows(IOException.class, () -> views.open(user("x", "ftp://host/x")));
    }

    @Test
    void aHomeWithoutSchemeIsAFolderOnDisk() throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ftpd-bare");
        try (FtpFileSystem fs = views.open(Account.builder("b", URI.create(dir.toString())).build())) {
            write(fs, "/x", "on disk");
            assertEquals("on disk", java.nio.file.Files.readString(dir.resolve("x")));
        } finally {
            java.nio.file.Files.deleteIfExists(dir.resolve("x"));
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    @Test
    void closingDropsTheTrees() throws IOException {
        views.open(user("t", "memory:/t")).close();
        views.close();
        assertThrows(IOException.class, () -> views.open(user("t", "memory:/t")));
        assertFalse(views.settings().atomicUploads());
    }

    private static void write(FtpFileSystem fs, String path, String text) throws IOException {
        try (SeekableByteChannel ch = fs.openForWrite(path, WriteMode.TRUNCATE, 0)) {
            UploadsTest.write(ch, text);
        }
    }

    private static List<String> names(FtpFileSystem fs) throws IOException {
        try (Stream<FtpFile> s = fs.list("/")) {
            return s.map(FtpFile::name).sorted().toList();
        }
    }
}
