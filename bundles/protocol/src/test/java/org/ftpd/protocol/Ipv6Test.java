package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On ::1 Commons Net uses EPSV for passive and EPRT for active mode; PASV is refused cleanly. */
class Ipv6Test {

    @TempDir
    Path tmp;
    TestServer server;
    FTPClient client;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            // IPv6 loopback is available
        } catch (IOException e) {
            Assumptions.abort("no IPv6 loopback here");
        }
        server = new TestServer(tmp, b -> b, s -> s.host("::1"));
        client = new FTPClient();
        client.connect("::1", server.port());
        assertTrue(client.login("alice", "secret"));
        client.setFileType(FTP.BINARY_FILE_TYPE);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            TestServer.quietly(client);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void transfersOverEpsvAndEprt() throws IOException {
        byte[] data = TransferTest.randomBytes(700_000, 6);
        client.enterLocalPassiveMode();
        assertTrue(client.storeFile("six.bin", new ByteArrayInputStream(data)), client.getReplyString());
        assertArrayEquals(data, Files.readAllBytes(server.alice.resolve("six.bin")));
        client.enterLocalActiveMode();
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("six.bin", back), client.getReplyString());
        assertArrayEquals(data, back.toByteArray());
    }

    @Test
    void pasvIsRefusedAndEpsvNamesTheRightProtocol() throws IOException {
        assertEquals(425, client.sendCommand("PASV"));
        assertEquals(522, client.sendCommand("EPSV", "1"));
        assertEquals(229, client.sendCommand("EPSV", "2"));
        assertEquals(501, client.sendCommand("EPRT", "|1|127.0.0.1|5000|"));
    }
}
