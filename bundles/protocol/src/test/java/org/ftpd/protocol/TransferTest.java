package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Uploads and downloads over every kind of data connection, on both transports, bytes compared. */
class TransferTest {

    enum DataMode {
        PASV, EPSV, PORT
    }

    @TempDir
    Path tmp;
    TestServer server;
    FTPClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            TestServer.quietly(client);
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(boolean nativeTransport) throws IOException {
        server = new TestServer(tmp, b -> b.nativeTransport(nativeTransport), s -> s);
        client = server.alice();
    }

    private void use(DataMode mode) {
        switch (mode) {
            case PASV -> {
                client.setUseEPSVwithIPv4(false);
                client.enterLocalPassiveMode();
            }
            case EPSV -> {
                client.setUseEPSVwithIPv4(true);
                client.enterLocalPassiveMode();
            }
            case PORT -> client.enterLocalActiveMode();
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @ParameterizedTest
    @EnumSource(DataMode.class)
    void storesAndRetrievesAFewMegabytesOnEpollOrNio(DataMode mode) throws IOException {
        for (boolean nativeTransport : new boolean[] {true, false}) {
            start(nativeTransport);
            use(mode);
            byte[] data = randomBytes(3 * 1024 * 1024 + 17, mode.ordinal());
            assertTrue(client.storeFile("big.bin", new ByteArrayInputStream(data)), client.getReplyString());
            assertEquals(226, client.getReplyCode());
            assertArrayEquals(data, Files.readAllBytes(server.alice.resolve("big.bin")));

            ByteArrayOutputStream back = new ByteArrayOutputStream();
            assertTrue(client.retrieveFile("big.bin", back), client.getReplyString());
            assertEquals(226, client.getReplyCode());
            assertArrayEquals(data, back.toByteArray());
            stop();
            client = null;
            server = null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPRT", "PORT"})
    void sendsToTheAddressGivenByEprtOrPort(String verb) throws IOException {
        start(true);
        byte[] data = randomBytes(512 * 1024, 7);
        Files.write(server.alice.resolve("f.bin"), data);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = listener.getLocalPort();
            String argument = verb.equals("EPRT") ? "|1|127.0.0.1|" + port + "|"
                    : "127,0,0,1," + (port >> 8) + "," + (port & 0xFF);
            assertEquals(200, client.sendCommand(verb, argument), client.getReplyString());
            assertEquals(150, client.sendCommand("RETR", "f.bin"));
            byte[] received;
            try (Socket s = listener.accept(); InputStream in = s.getInputStream()) {
                received = in.readAllBytes();
            }
            assertEquals(226, client.getReply());
            assertArrayEquals(data, received);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void asciiTypeConvertsLineEndsBothWays(boolean nativeTransport) throws IOException {
        start(nativeTransport);
        // a text larger than a chunk, so a CRLF may straddle two reads
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 200_000; i++) {
            text.append("line ").append(i).append(i % 7 == 0 ? "\r\n" : "\n");
        }
        byte[] onDisk = text.toString().getBytes(StandardCharsets.US_ASCII);
        Files.write(server.alice.resolve("text.txt"), onDisk);
        byte[] onWire = text.toString().replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);

        // the client believes in binary, so it shows the wire bytes unchanged
        assertEquals(200, client.sendCommand("TYPE", "A"));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("text.txt", wire), client.getReplyString());
        assertArrayEquals(onWire, wire.toByteArray());

        // uploading CRLF text in ASCII stores LF line ends
        assertTrue(client.storeFile("up.txt", new ByteArrayInputStream(onWire)), client.getReplyString());
        String stored = Files.readString(server.alice.resolve("up.txt"), StandardCharsets.US_ASCII);
        assertEquals(text.toString().replace("\r\n", "\n"), stored);

        // in binary nothing changes
        assertEquals(200, client.sendCommand("TYPE", "I"));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("text.txt", raw));
        assertArrayEquals(onDisk, raw.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void restResumesDownloadsAndUploads(boolean nativeTransport) throws IOException {
        start(nativeTransport);
        byte[] data = randomBytes(300_000, 3);
        Files.write(server.alice.resolve("r.bin"), data);
        client.setRestartOffset(100_000);
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("r.bin", tail), client.getReplyString());
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 100_000, data.length), tail.toByteArray());

        Files.write(server.alice.resolve("partial.bin"), java.util.Arrays.copyOf(data, 120_000));
        client.setRestartOffset(120_000);
        assertTrue(client.storeFile("partial.bin",
                new ByteArrayInputStream(java.util.Arrays.copyOfRange(data, 120_000, data.length))));
        assertArrayEquals(data, Files.readAllBytes(server.alice.resolve("partial.bin")));

        // REST past the end is refused
        assertEquals(350, client.sendCommand("REST", "999999999"));
        client.setRestartOffset(0);
        assertEquals(227, client.pasv());
        assertEquals(554, client.sendCommand("RETR", "r.bin"));

        // a directory is no file to send
        Files.createDirectory(server.alice.resolve("folder"));
        assertEquals(227, client.pasv());
        assertEquals(550, client.sendCommand("RETR", "folder"));
        assertTrue(client.getReplyString().contains("Not a regular file"), client.getReplyString());
        assertEquals(250, client.cwd("folder"), "the session carries on");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void appeAddsToTheEnd(boolean nativeTransport) throws IOException {
        start(nativeTransport);
        Files.writeString(server.alice.resolve("log.txt"), "one\n");
        assertTrue(client.appendFile("log.txt", new ByteArrayInputStream("two\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(client.appendFile("new.txt", new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))));
        assertEquals("one\ntwo\n", Files.readString(server.alice.resolve("log.txt")));
        assertEquals("x", Files.readString(server.alice.resolve("new.txt")));
    }

    @org.junit.jupiter.api.Test
    void emptyFilesGoBothWays() throws IOException {
        start(true);
        assertTrue(client.storeFile("empty", new ByteArrayInputStream(new byte[0])));
        assertEquals(0, Files.size(server.alice.resolve("empty")));
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("empty", back));
        assertEquals(0, back.size());
    }

    @org.junit.jupiter.api.Test
    void retrOfAMissingFileIs550AndOfADirectoryToo() throws IOException {
        start(true);
        Files.createDirectory(server.alice.resolve("dir"));
        assertEquals(227, client.pasv());
        assertEquals(550, client.sendCommand("RETR", "missing"));
        assertEquals(550, client.sendCommand("RETR", "dir"));
    }

    @org.junit.jupiter.api.Test
    void transferWithoutDataConnectionSetupIs425() throws IOException {
        start(true);
        Files.writeString(server.alice.resolve("a"), "a");
        assertEquals(425, client.sendCommand("RETR", "a"));
        assertEquals(425, client.sendCommand("LIST"));
    }

    @org.junit.jupiter.api.Test
    void aReadOnlyUserCannotStore() throws IOException {
        server = new TestServer(tmp);
        client = server.login("bob", "pw");
        assertEquals(227, client.pasv());
        assertEquals(550, client.sendCommand("STOR", "x"));
        assertEquals(550, client.sendCommand("APPE", "x"));
        assertTrue(Files.notExists(server.bob.resolve("x")));
    }

    @org.junit.jupiter.api.Test
    void aClientThatDropsTheUploadGetsA426OrIncompleteFile() throws IOException {
        start(true);
        // upload through a raw data socket and reset it halfway: the server answers 426
        client.setUseEPSVwithIPv4(true);
        assertEquals(229, client.sendCommand("EPSV"));
        String reply = client.getReplyString();
        int port = Integer.parseInt(reply.substring(reply.indexOf("|||") + 3, reply.lastIndexOf('|')));
        try (Socket data = new Socket("127.0.0.1", port)) {
            assertEquals(150, client.sendCommand("STOR", "broken.bin"));
            OutputStream out = data.getOutputStream();
            out.write(randomBytes(100_000, 1));
            out.flush();
            data.setSoLinger(true, 0);
        }
        int code = client.getReply();
        assertEquals(426, code, client.getReplyString());
        // the control connection stays usable
        assertEquals(257, client.pwd());
        client.setFileType(FTP.BINARY_FILE_TYPE);
    }
}
