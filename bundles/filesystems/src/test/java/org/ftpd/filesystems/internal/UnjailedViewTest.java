package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ftpd.api.Account;
import org.ftpd.api.FtpFile;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.WriteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unjailed view (pyftpdlib's UnixFilesystem): virtual paths are real paths, sessions start at home. */
class UnjailedViewTest {

    @TempDir
    Path tmp;

    @Test
    void pathsAreRealAndTheSessionStartsInTheHome() throws IOException {
        Path base = tmp.toRealPath();
        Path home = Files.createDirectories(base.resolve("homes/admin"));
        Path elsewhere = Files.createDirectories(base.resolve("srv/data"));
        Files.writeString(elsewhere.resolve("report.txt"), "numbers");
        Files.createSymbolicLink(home.resolve("data"), elsewhere);
        FtpFileSystem fs = JailedFileSystem.unjailed(home, WriteRules.DEFAULT, new PrincipalNames());

        assertEquals(home.toString(), fs.initialDirectory());
        String report = fs.resolve(fs.initialDirectory(), "../../srv/data/report.txt");
        assertEquals(elsewhere.resolve("report.txt").toString(), report);
        assertEquals(7, fs.stat(report).size());
        assertEquals(FtpFile.Type.FILE, fs.stat(fs.resolve(home.toString(), "data/report.txt")).type(),
                "links lead anywhere");
        try (SeekableByteChannel ch = fs.openForWrite(elsewhere.resolve("new.txt").toString(), WriteMode.TRUNCATE, 0)) {
            UploadsTest.write(ch, "written outside the home");
        }
        assertEquals("written outside the home", Files.readString(elsewhere.resolve("new.txt")));
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> fs.stat(base.resolve("missing").toString()));
        assertEquals(base.resolve("missing").toString(), e.getFile(), "errors name the real path: it is the virtual one");
    }

    @Test
    void theHomeViewsHonourTheAccountsFlagOnDiskAndInMemory() throws IOException {
        HomeViews views = new HomeViews();
        Path home = tmp.toRealPath().resolve("admin");
        Account jailed = Account.builder("admin", home.toUri()).build();
        Account unjailed = Account.builder("admin", home.toUri()).property("unjailed", "true").build();
        Account badFlag = Account.builder("admin", home.toUri()).property("unjailed", "maybe").build();
        try (FtpFileSystem fs = views.open(jailed)) {
            assertEquals("/", fs.initialDirectory());
        }
        try (FtpFileSystem fs = views.open(unjailed)) {
            assertEquals(home.toString(), fs.initialDirectory());
            assertTrue(fs.stat("/").isDirectory(), "the real root");
        }
        try (FtpFileSystem fs = views.open(badFlag)) {
            assertEquals("/", fs.initialDirectory(), "an unclear flag never unjails");
        }
        Account memoryAdmin = Account.builder("root", URI.create("memory:/home/root")).property("unjailed", "TRUE")
                .build();
        Account memoryUser = Account.builder("joe", URI.create("memory:/home/joe")).build();
        try (FtpFileSystem joe = views.open(memoryUser); FtpFileSystem root = views.open(memoryAdmin)) {
            try (SeekableByteChannel ch = joe.openForWrite("/note.txt", WriteMode.TRUNCATE, 0)) {
                UploadsTest.write(ch, "joe's");
            }
            assertEquals("/home/root", root.initialDirectory());
            assertEquals(5, root.stat("/home/joe/note.txt").size(), "the admin sees the whole tree");
        } finally {
            views.close();
        }
    }

    @Test
    void anUnjailedViewOverAnotherProviderUsesThatProvidersRoot() throws IOException {
        FileSystem tree = MemoryTree.create();
        try {
            Path home = Files.createDirectories(tree.getPath("/users/x"));
            FtpFileSystem fs = JailedFileSystem.unjailed(home, WriteRules.DEFAULT, new PrincipalNames());
            assertEquals("/users/x", fs.initialDirectory());
            fs.createDirectory("/elsewhere");
            assertTrue(Files.isDirectory(tree.getPath("/elsewhere")));
        } finally {
            tree.close();
        }
    }
}
