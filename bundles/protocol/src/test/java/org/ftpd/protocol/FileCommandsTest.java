package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TempDirFileSystem;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge cases of the file verbs (DELE, APPE, SIZE, MDTM, REST, TYPE) and the bound on concurrent HASHes. */
class FileCommandsTest {

    @TempDir
    Path tmp;
    TestServer server;
    FTPClient client;
    /** Reads of {@code /slow} wait for this; {@link #slowReads} counts those that started. */
    final CountDownLatch releaseSlow = new CountDownLatch(1);
    final CountDownLatch slowReads = new CountDownLatch(HASH_SLOTS);

    /** Files hashed at once per server, as docs/COMMANDS.md promises (HashCommand.CONCURRENT_HASHES). */
    static final int HASH_SLOTS = 4;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp, b -> b.fileSystemFactory("slow", account -> new TempDirFileSystem(
                tmp.resolve(account.home().getPath().substring(1))) {
            @Override
            public SeekableByteChannel openForRead(String path, long offset) throws IOException {
                if (path.equals("/slow")) {
                    slowReads.countDown();
                    try {
                        releaseSlow.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.openForRead(path, offset);
            }
        }), s -> s);
        server.authorizer.user("slow", "pw", URI.create("slow:/alice"), "elr");
        client = server.alice();
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        TestServer.quietly(client);
        server.close();
    }

    @Test
    void deleRefusesDirectoriesAndAppeRefusesAPendingRest() throws IOException {
        Files.createDirectory(server.alice.resolve("d"));
        assertEquals(550, client.dele("d"));
        assertTrue(Files.isDirectory(server.alice.resolve("d")));
        Files.writeString(server.alice.resolve("f"), "abc");
        assertEquals(350, client.sendCommand("REST", "1"));
        assertEquals(227, client.pasv());
        assertEquals(550, client.sendCommand("APPE", "f"));
        assertEquals("abc", Files.readString(server.alice.resolve("f")));
    }

    @Test
    void sizeAndMdtmAreForFilesOnly() throws IOException {
        Files.createDirectory(server.alice.resolve("d"));
        assertEquals(550, client.sendCommand("SIZE", "d"));
        assertEquals(550, client.sendCommand("MDTM", "d"));
        assertEquals(550, client.sendCommand("MDTM", "missing"));
    }

    @Test
    void restAppliesToTheNextTransferOnly() throws IOException {
        Files.writeString(server.alice.resolve("r"), "0123456789");
        client.setRestartOffset(4);
        assertEquals("456789", retrieve("r"));
        client.setRestartOffset(0);
        assertEquals("0123456789", retrieve("r"), "the offset was used up");
        assertEquals(350, client.sendCommand("REST", "7"));
        assertTrue(client.storeFile("r", new ByteArrayInputStream("XYZ".getBytes())), client.getReplyString());
        assertEquals("0123456XYZ", Files.readString(server.alice.resolve("r")), "STOR resumed at the offset");
        assertEquals(501, client.sendCommand("REST", "-1"));
        assertEquals(501, client.sendCommand("REST", "x"));
    }

    private String retrieve(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile(name, out), client.getReplyString());
        return out.toString();
    }

    @Test
    void typeAcceptsTheFormatsOfRfc959ThatMeanTheSame() throws IOException {
        assertEquals(200, client.sendCommand("TYPE", "A N"));
        assertEquals(200, client.sendCommand("TYPE", "L 8"));
        assertEquals(504, client.sendCommand("TYPE", "A T"));
        assertEquals(504, client.sendCommand("TYPE", "L 7"));
    }

    @Test
    void aFewFilesAreHashedAtOnceAndMoreAreAskedToRetry() throws Exception {
        Files.write(server.alice.resolve("slow"), new byte[10]);
        Files.write(server.alice.resolve("quick"), new byte[10]);
        List<RawClient> hashing = new ArrayList<>();
        try {
            for (int i = 0; i < HASH_SLOTS; i++) {
                RawClient raw = new RawClient(TestServer.HOST, server.port());
                hashing.add(raw);
                raw.reply();
                raw.login("slow", "pw");
                raw.send("HASH slow");
            }
            assertTrue(slowReads.await(10, TimeUnit.SECONDS), "every slot is taken");
            FTPClient fifth = server.login("slow", "pw");
            try {
                assertEquals(450, fifth.sendCommand("HASH", "quick"), "busy: try again later");
                releaseSlow.countDown();
                for (RawClient raw : hashing) {
                    assertEquals(213, raw.code(raw.reply()));
                }
                assertEquals(213, fifth.sendCommand("HASH", "quick"), "slots are given back");
            } finally {
                TestServer.quietly(fifth);
            }
        } finally {
            for (RawClient raw : hashing) {
                raw.close();
            }
        }
    }
}
