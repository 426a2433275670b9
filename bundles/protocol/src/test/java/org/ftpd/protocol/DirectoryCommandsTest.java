package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCommandsTest {

    @TempDir
    Path tmp;
    TestServer server;
    FTPClient client;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp);
        client = server.alice();
    }

    @AfterEach
    void stop() {
        TestServer.quietly(client);
        server.close();
    }

    @Test
    void pwdCwdAndCdupMoveThroughTheTree() throws IOException {
        Files.createDirectories(server.alice.resolve("a/b"));
        assertEquals("/", client.printWorkingDirectory());
        assertTrue(client.changeWorkingDirectory("a/b"));
        assertEquals(250, client.getReplyCode());
        assertEquals("/a/b", client.printWorkingDirectory());
        assertTrue(client.changeToParentDirectory());
        assertEquals("/a", client.printWorkingDirectory());
        assertTrue(client.changeWorkingDirectory("/"));
        // the root has no parent: CDUP stays at /
        assertTrue(client.changeToParentDirectory());
        assertEquals("/", client.printWorkingDirectory());
        // ".." never climbs above the home
        assertTrue(client.changeWorkingDirectory("../../.."));
        assertEquals("/", client.printWorkingDirectory());
    }

    @Test
    void cwdToAMissingDirectoryOrAFileIs550() throws IOException {
        Files.writeString(server.alice.resolve("file"), "x");
        assertEquals(550, client.cwd("missing"));
        assertEquals(550, client.cwd("file"));
        assertEquals("/", client.printWorkingDirectory());
    }

    @Test
    void quotesInDirectoryNamesAreDoubledIn257() throws IOException {
        assertEquals(257, client.mkd("say \"hi\""));
        assertTrue(client.getReplyString().startsWith("257 \"/say \"\"hi\"\"\""), client.getReplyString());
        assertTrue(client.changeWorkingDirectory("say \"hi\""));
        assertEquals(257, client.pwd());
        assertTrue(client.getReplyString().startsWith("257 \"/say \"\"hi\"\"\" "), client.getReplyString());
        assertEquals("/say \"hi\"", client.printWorkingDirectory());
    }

    @Test
    void mkdRmdAndDeleChangeTheDisk() throws IOException {
        assertEquals(257, client.mkd("new dir"));
        assertTrue(Files.isDirectory(server.alice.resolve("new dir")));
        assertEquals(550, client.mkd("new dir"));
        Files.writeString(server.alice.resolve("new dir/f"), "x");
        assertEquals(550, client.rmd("new dir"));
        assertEquals(250, client.dele("new dir/f"));
        assertTrue(Files.notExists(server.alice.resolve("new dir/f")));
        assertEquals(550, client.dele("new dir/f"));
        assertEquals(250, client.rmd("new dir"));
        assertTrue(Files.notExists(server.alice.resolve("new dir")));
        assertEquals(550, client.rmd("/"));
    }

    @Test
    void rmdRefusesTheCurrentDirectoryAndItsParents() throws IOException {
        Files.createDirectories(server.alice.resolve("p/c"));
        assertTrue(client.changeWorkingDirectory("/p/c"));
        assertEquals(550, client.rmd("/p/c"));
        assertEquals(550, client.rmd("/p"));
        assertTrue(Files.isDirectory(server.alice.resolve("p/c")));
    }

    @Test
    void renamesFilesAndDirectories() throws IOException {
        Files.writeString(server.alice.resolve("old.txt"), "content");
        assertTrue(client.rename("old.txt", "new.txt"), client.getReplyString());
        assertEquals("content", Files.readString(server.alice.resolve("new.txt")));
        assertEquals(503, client.rnto("x"));
        assertEquals(550, client.rnfr("missing"));
    }

    @Test
    void sizeAndMdtm() throws IOException {
        Path f = server.alice.resolve("s.bin");
        Files.write(f, new byte[1234]);
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2021-03-04T05:06:07Z")));
        assertEquals(213, client.sendCommand("SIZE", "s.bin"));
        assertEquals("213 1234", client.getReplyString().trim());
        assertEquals(213, client.sendCommand("MDTM", "s.bin"));
        assertEquals("213 20210304050607", client.getReplyString().trim());
        assertEquals(550, client.sendCommand("SIZE", "missing"));
        assertEquals(200, client.sendCommand("TYPE", "A"));
        assertEquals(550, client.sendCommand("SIZE", "s.bin"));
    }

    @Test
    void listsInLsForm() throws IOException {
        Files.createDirectory(server.alice.resolve("sub"));
        Files.write(server.alice.resolve("data.bin"), new byte[42]);
        FTPFile[] files = client.listFiles();
        assertEquals(226, client.getReplyCode());
        assertEquals(2, files.length, Arrays.toString(files));
        FTPFile data = Arrays.stream(files).filter(f -> f.getName().equals("data.bin")).findFirst().orElseThrow();
        assertTrue(data.isFile());
        assertEquals(42, data.getSize());
        FTPFile sub = Arrays.stream(files).filter(f -> f.getName().equals("sub")).findFirst().orElseThrow();
        assertTrue(sub.isDirectory());
        // options are accepted and ignored
        assertEquals(2, client.listFiles("-la").length);
        // a file lists as itself
        assertEquals(1, client.listFiles("data.bin").length);
    }

    @Test
    void nlstGivesNames() throws IOException {
        Files.createDirectory(server.alice.resolve("d"));
        Files.writeString(server.alice.resolve("d/x y.txt"), "1");
        Files.writeString(server.alice.resolve("d/z.txt"), "2");
        String[] names = client.listNames("d");
        assertEquals(List.of("x y.txt", "z.txt"), Arrays.asList(names));
    }

    @Test
    void mlsdGivesFacts() throws IOException {
        Files.createDirectory(server.alice.resolve("dir"));
        Files.write(server.alice.resolve("f.bin"), new byte[7]);
        FTPFile[] files = client.mlistDir();
        assertEquals(226, client.getReplyCode());
        assertEquals(2, files.length);
        FTPFile f = Arrays.stream(files).filter(x -> x.getName().equals("f.bin")).findFirst().orElseThrow();
        assertEquals(7, f.getSize());
        assertTrue(f.isFile());
        String perm = f.getRawListing().replaceAll(".*perm=([a-z]*);.*", "$1");
        assertEquals("adfrw", perm.chars().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString(), f.getRawListing());
        assertTrue(Arrays.stream(files).anyMatch(x -> x.getName().equals("dir") && x.isDirectory()));
        assertEquals(227, client.pasv());
        assertEquals(501, client.sendCommand("MLSD", "f.bin"));
    }

    @Test
    void mlstGivesOnePathsFacts() throws IOException {
        Files.write(server.alice.resolve("one.bin"), new byte[3]);
        FTPFile f = client.mlistFile("one.bin");
        assertEquals(250, client.getReplyCode());
        assertEquals(3, f.getSize());
    }

    @Test
    void readOnlyUserCannotChangeAnything() throws IOException {
        Files.createDirectory(server.bob.resolve("keep"));
        FTPClient bob = server.login("bob", "pw");
        try {
            assertEquals(550, bob.mkd("x"));
            assertEquals(550, bob.rmd("keep"));
            assertEquals(550, bob.dele("keep"));
            assertEquals(550, bob.rnfr("keep"));
            assertTrue(bob.changeWorkingDirectory("keep"));
            assertEquals(0, bob.listFiles().length);
        } finally {
            TestServer.quietly(bob);
        }
    }

    @Test
    void featListsTheExtensionsOnceEach() throws IOException {
        assertEquals(211, client.feat());
        String[] lines = client.getReplyStrings();
        assertTrue(lines[0].startsWith("211-"), lines[0]);
        assertTrue(lines[lines.length - 1].startsWith("211 "), lines[lines.length - 1]);
        List<String> features = Arrays.asList(lines).subList(1, lines.length - 1);
        for (String expected : List.of(" EPRT", " EPSV", " MDTM", " REST STREAM", " SIZE", " UTF8")) {
            assertTrue(features.contains(expected), expected + " in " + features);
        }
        assertTrue(features.stream().anyMatch(l -> l.startsWith(" MLST type*;size*;modify*;")), features.toString());
        assertArrayEquals(features.stream().distinct().toArray(), features.toArray());
    }

    @Test
    void typeModeStruAndOpts() throws IOException {
        assertEquals(200, client.sendCommand("TYPE", "I"));
        assertEquals(200, client.sendCommand("TYPE", "A"));
        assertEquals(200, client.sendCommand("TYPE", "L 8"));
        assertEquals(504, client.sendCommand("TYPE", "E"));
        assertEquals(501, client.sendCommand("TYPE"));
        assertEquals(200, client.sendCommand("MODE", "S"));
        assertEquals(504, client.sendCommand("MODE", "B"));
        assertEquals(200, client.sendCommand("STRU", "F"));
        assertEquals(504, client.sendCommand("STRU", "R"));
        assertEquals(200, client.sendCommand("OPTS", "UTF8 ON"));
        assertEquals(202, client.sendCommand("ALLO", "100"));
        assertEquals(225, client.sendCommand("ABOR"));
        assertEquals(214, client.sendCommand("HELP"));
        assertEquals(214, client.sendCommand("HELP", "RETR"));
    }

    @Test
    void utf8NamesSurvive() throws IOException {
        assertEquals(257, client.mkd("café ☕"));
        assertTrue(Files.isDirectory(server.alice.resolve("café ☕")));
        assertEquals(List.of("café ☕"), Arrays.asList(client.listNames()));
    }
}
