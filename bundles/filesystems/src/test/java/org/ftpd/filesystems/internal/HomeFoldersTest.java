package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftpd.api.Account;
import org.ftpd.api.FtpFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeFoldersTest {

    @TempDir
    Path tmp;

    @Test
    void fileUrisAndBarePaths() throws IOException {
        assertEquals(Path.of("/srv/ftp/alice"), HomeFolders.toPath(URI.create("file:/srv/ftp/alice")));
        assertEquals(Path.of("/srv/ftp/alice"), HomeFolders.toPath(URI.create("file:///srv/ftp/alice/")));
        assertEquals(Path.of("/srv/ftp/bob"), HomeFolders.toPath(URI.create("/srv/ftp/x/../bob")));
        assertThrows(IOException.class, () -> HomeFolders.toPath(URI.create("relative/dir")));
        assertThrows(IOException.class, () -> HomeFolders.toPath(URI.create("file:relative")));
        assertThrows(IOException.class, () -> HomeFolders.toPath(URI.create("memory:/alice")));
    }

    @Test
    void factoryCreatesAMissingHomeAndJailsIt() throws IOException {
        Path home = tmp.resolve("homes/anonymous");
        Account account = Account.builder("anonymous", home.toUri()).build();
        try (FtpFileSystem fs = new HomeViews().open(account)) {
            assertTrue(Files.isDirectory(home));
            assertEquals("/", fs.stat("/").path());
            fs.createDirectory("/x");
        }
        assertTrue(Files.isDirectory(home.resolve("x")));
    }
}
