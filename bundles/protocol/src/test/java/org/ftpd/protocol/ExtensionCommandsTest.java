package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.ftpd.api.FtpFile;
import org.ftpd.protocol.support.TempDirFileSystem;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MFMT, HASH and OPTS HASH, CLNT, OPTS MLST with MLSD/MLST, FEAT and HELP, driven by Apache Commons Net. */
class ExtensionCommandsTest {

    @TempDir
    Path tmp;
    TestServer server;
    FTPClient client;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp, b -> b.fileSystemFactory("named", account -> new NamedOwners(
                tmp.resolve(account.home().getPath().substring(1)))), s -> s);
        server.authorizer.user("carol", "pw", URI.create("named:/alice"), "elr");
        client = server.alice();
    }

    @AfterEach
    void stop() {
        TestServer.quietly(client);
        server.close();
    }

    /** A view whose owners and groups are names (as on a real system), not numbers. */
    static final class NamedOwners extends TempDirFileSystem {
        NamedOwners(Path root) {
            super(root);
        }

        @Override
        public FtpFile stat(String path) throws IOException {
            return named(super.stat(path));
        }

        @Override
        public Stream<FtpFile> list(String directory) throws IOException {
            return super.list(directory).map(NamedOwners::named);
        }

        private static FtpFile named(FtpFile f) {
            return new FtpFile(f.name(), f.path(), f.type(), f.size(), f.lastModified(), f.mode(), "alice",
                    "web admins", f.linkCount(), f.uniqueId());
        }
    }

    @Test
    void mfmtSetsTheModificationTime() throws IOException {
        Files.writeString(server.alice.resolve("a file.txt"), "x");
        assertTrue(client.setModificationTime("a file.txt", "20210304050607"), client.getReplyString());
        assertEquals("213 Modify=20210304050607; a file.txt", client.getReplyString().trim());
        assertEquals(Instant.parse("2021-03-04T05:06:07Z"),
                Files.getLastModifiedTime(server.alice.resolve("a file.txt")).toInstant());
        assertEquals("20210304050607", client.getModificationTime("a file.txt").trim());
        // fractions of a second are accepted
        assertEquals(213, client.sendCommand("MFMT", "20210304050608.250 a file.txt"));
        assertEquals(Instant.parse("2021-03-04T05:06:08.250Z"),
                Files.getLastModifiedTime(server.alice.resolve("a file.txt")).toInstant());
        assertEquals(501, client.sendCommand("MFMT", "20211304050607 a file.txt"), "month 13");
        assertEquals(501, client.sendCommand("MFMT", "yesterday a file.txt"));
        assertEquals(501, client.sendCommand("MFMT", "20210304050607"));
        assertEquals(550, client.sendCommand("MFMT", "20210304050607 missing"));
        Files.createDirectory(server.alice.resolve("d"));
        assertEquals(550, client.sendCommand("MFMT", "20210304050607 d"));
    }

    @Test
    void mfmtNeedsTheTPermission() throws IOException {
        Files.writeString(server.bob.resolve("f"), "x");
        FileTime before = Files.getLastModifiedTime(server.bob.resolve("f"));
        FTPClient bob = server.login("bob", "pw");
        try {
            assertEquals(550, bob.sendCommand("MFMT", "20010101000000 f"));
            assertEquals(before, Files.getLastModifiedTime(server.bob.resolve("f")));
        } finally {
            TestServer.quietly(bob);
        }
    }

    @Test
    void hashUsesTheSelectedAlgorithmOnTheBytesOnDisk() throws Exception {
        byte[] data = TransferTest.randomBytes(200_003, 3);
        Files.write(server.alice.resolve("h.bin"), data);
        assertEquals(200, client.sendCommand("OPTS", "HASH"));
        assertEquals("200 SHA-256", client.getReplyString().trim());
        for (String[] a : new String[][] {{"SHA-256", "SHA-256"}, {"sha-1", "SHA-1"}, {"Md5", "MD5"}}) {
            assertEquals(200, client.sendCommand("OPTS", "HASH " + a[0]));
            assertEquals("200 " + a[1], client.getReplyString().trim());
            assertEquals(213, client.sendCommand("HASH", "h.bin"));
            assertEquals("213 " + a[1] + " 0-200002 " + PythonFtplibTest.hex(a[1], data) + " h.bin",
                    client.getReplyString().trim());
        }
        // the hash is the same in ASCII mode: it is always that of a TYPE I download
        assertEquals(200, client.sendCommand("TYPE", "A"));
        assertEquals(213, client.sendCommand("HASH", "h.bin"));
        assertTrue(client.getReplyString().contains(PythonFtplibTest.hex("MD5", data)));
        assertEquals(501, client.sendCommand("OPTS", "HASH CRC-37"));
        assertEquals(200, client.sendCommand("OPTS", "HASH"));
        assertEquals("200 MD5", client.getReplyString().trim(), "a refused OPTS HASH keeps the selection");
    }

    @Test
    void hashRefusesDirectoriesMissingFilesAndUnreadableOnes() throws IOException {
        Files.createDirectory(server.alice.resolve("dir"));
        Files.write(server.alice.resolve("empty"), new byte[0]);
        assertEquals(553, client.sendCommand("HASH", "dir"));
        assertEquals(550, client.sendCommand("HASH", "missing"));
        assertEquals(501, client.sendCommand("HASH"));
        assertEquals(213, client.sendCommand("HASH", "empty"));
        assertTrue(client.getReplyString().startsWith("213 SHA-256 0-0 e3b0c44298fc1c149afbf4c8996fb924"),
                client.getReplyString());
        // bob may read, so he may hash; without r nobody may
        server.authorizer.user("dave", "pw", URI.create("test:/bob"), "el");
        Files.writeString(server.bob.resolve("f"), "x");
        FTPClient dave = server.login("dave", "pw");
        try {
            assertEquals(550, dave.sendCommand("HASH", "f"));
        } finally {
            TestServer.quietly(dave);
        }
    }

    @Test
    void featAnnouncesTheSelectionsOfTheSession() throws IOException {
        assertTrue(client.hasFeature("HASH"));
        assertEquals("SHA-256*;SHA-1;MD5", client.featureValue("HASH"));
        assertEquals(200, client.sendCommand("OPTS", "HASH SHA-1"));
        assertEquals(200, client.sendCommand("OPTS", "MLST size;TYPE;bogus;"));
        assertEquals("200 MLST OPTS type;size;", client.getReplyString().trim(), "unknown facts are ignored");
        assertEquals(211, client.feat());
        List<String> lines = Arrays.asList(client.getReplyStrings());
        assertTrue(lines.contains(" HASH SHA-256;SHA-1*;MD5"), lines.toString());
        assertTrue(lines.contains(" MLST type*;size*;modify;perm;unique;unix.mode;unix.uid;unix.gid;unix.owner;"
                + "unix.group;"), lines.toString());
        // another session still sees the defaults: selections belong to the session
        assertEquals(PythonFtplibTest.FEATURES, PythonFtplibTest.featureLines(String.join("\n", featOfNewSession())));
    }

    private List<String> featOfNewSession() throws IOException {
        FTPClient fresh = server.alice();
        try {
            fresh.feat();
            return Arrays.asList(fresh.getReplyStrings());
        } finally {
            TestServer.quietly(fresh);
        }
    }

    @Test
    void optsMlstSelectsWhatMlsdAndMlstShow() throws IOException {
        Files.write(server.alice.resolve("f.bin"), new byte[9]);
        FTPFile[] defaults = client.mlistDir();
        assertTrue(defaults[0].getRawListing().matches("type=file;size=9;modify=\\d{14};perm=\\w+;unique=\\w+; f\\.bin"),
                defaults[0].getRawListing());
        assertEquals(200, client.sendCommand("OPTS", "MLST type;size;modify;perm;unique;unix.mode;unix.uid;unix.gid;"));
        FTPFile[] all = client.mlistDir();
        assertTrue(all[0].getRawListing().matches("type=file;size=9;modify=\\d{14};perm=\\w+;unique=\\w+;"
                + "unix\\.mode=0\\d{3};unix\\.uid=1000;unix\\.gid=1000; f\\.bin"), all[0].getRawListing());
        assertEquals(200, client.sendCommand("OPTS", "MLST size;modify;"));
        FTPFile[] some = client.mlistDir();
        assertTrue(some[0].getRawListing().matches("size=9;modify=\\d{14}; f\\.bin"), some[0].getRawListing());
        assertEquals(9, some[0].getSize());
        assertNotNull(some[0].getTimestamp());
        FTPFile one = client.mlistFile("f.bin");
        assertTrue(one.getRawListing().matches("size=9;modify=\\d{14}; /f\\.bin"), one.getRawListing());
        assertEquals(200, client.sendCommand("OPTS", "MLST"));
        assertEquals("200 MLST OPTS", client.getReplyString().trim());
        assertEquals(250, client.sendCommand("MLST", "f.bin"));
        assertTrue(client.getReplyString().contains("\n  /f.bin"), "no facts: two spaces, then the path");
        assertEquals(501, client.sendCommand("OPTS", "MLST type; size;"));
    }

    @Test
    void ownersAndGroupsThatAreNamesGoInUnixOwnerAndUnixGroup() throws IOException {
        Files.write(server.alice.resolve("f.bin"), new byte[1]);
        Files.createDirectory(server.alice.resolve("d"));
        FTPClient carol = server.login("carol", "pw");
        try {
            assertEquals(200, carol.sendCommand("OPTS", "MLST type;perm;unix.uid;unix.gid;unix.owner;unix.group;"));
            FTPFile[] files = carol.mlistDir();
            FTPFile f = Arrays.stream(files).filter(x -> x.getName().equals("f.bin")).findFirst().orElseThrow();
            assertTrue(f.getRawListing().contains(";unix.owner=alice;"), f.getRawListing());
            assertFalse(f.getRawListing().contains("unix.uid"), f.getRawListing());
            // a group name with a space is no valid fact value: it is left out rather than mangled
            assertFalse(f.getRawListing().contains("unix.group"), f.getRawListing());
            assertEquals("alice", f.getUser());
            // LIST shows the names
            FTPFile listed = Arrays.stream(carol.listFiles()).filter(x -> x.getName().equals("f.bin")).findFirst()
                    .orElseThrow();
            assertEquals("alice", listed.getUser());
            assertEquals("perm=r", f.getRawListing().replaceAll(".*;(perm=\\w*);.*", "$1"), "read-only: r only");
            FTPFile d = Arrays.stream(files).filter(x -> x.getName().equals("d")).findFirst().orElseThrow();
            assertTrue(d.isDirectory());
            assertTrue(d.getRawListing().contains("perm=el;"), d.getRawListing());
        } finally {
            TestServer.quietly(carol);
        }
    }

    @Test
    void clntIsNotedBeforeOrAfterLogin() throws IOException {
        FTPClient fresh = server.connect();
        try {
            assertEquals(200, fresh.sendCommand("CLNT", "Commons Net 3.11"));
            assertEquals(501, fresh.sendCommand("CLNT"));
            assertTrue(fresh.login("alice", "secret"));
            assertTrue(fresh.getStatus().contains("Client: Commons Net 3.11"), fresh.getReplyString());
        } finally {
            TestServer.quietly(fresh);
        }
    }

    @Test
    void helpListsEveryVerbAndSyntaxOfEach() throws IOException {
        assertEquals(214, client.sendCommand("HELP"));
        Set<String> words = Set.of(client.getReplyString().split("\\s+"));
        for (String verb : PythonFtplibTest.VERBS) {
            assertTrue(words.contains(verb), verb);
            assertEquals(214, client.sendCommand("HELP", verb), verb);
        }
        assertEquals(501, client.sendCommand("HELP", "NOPE"));
        assertEquals("UNIX Type: L8", client.getSystemType());
        assertEquals(200, client.noop());
        // optional extensions this server leaves out are named as such: 502, not 500
        assertEquals(502, client.sendCommand("LANG", "fr"));
        assertEquals(502, client.sendCommand("RANG", "0 49"));
        assertEquals(500, client.sendCommand("XYZZY"));
    }
}
