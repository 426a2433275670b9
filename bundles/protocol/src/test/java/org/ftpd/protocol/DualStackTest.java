package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server listening on {@code ::} (every address of both families) serves IPv4 clients (whose addresses it
 * sees IPv4-mapped) with PASV and PORT, and IPv6 clients with EPSV and EPRT.
 */
class DualStackTest {

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

    @ParameterizedTest(name = "{0}, passive: {1}")
    @CsvSource({"127.0.0.1, true", "127.0.0.1, false", "::1, true", "::1, false"})
    void theWildcardListenerServesBothFamilies(String clientHost, boolean passive) throws IOException {
        PythonFtplibTest.assumeIpv6();
        server = new TestServer(tmp, b -> b, s -> s.host("::"));
        client = new FTPClient();
        client.setDefaultTimeout(10_000);
        client.connect(clientHost, server.port());
        assertTrue(client.login("alice", "secret"));
        client.setFileType(FTP.BINARY_FILE_TYPE);
        if (passive) {
            client.enterLocalPassiveMode();
        } else {
            client.enterLocalActiveMode();
        }
        byte[] data = TransferTest.randomBytes(300_000, clientHost.length() + (passive ? 1 : 0));
        assertTrue(client.storeFile("d.bin", new ByteArrayInputStream(data)), client.getReplyString());
        assertArrayEquals(data, Files.readAllBytes(server.alice.resolve("d.bin")));
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("d.bin", back), client.getReplyString());
        assertArrayEquals(data, back.toByteArray());
        if (clientHost.contains(":")) {
            assertEquals(425, client.sendCommand("PASV"), "PASV has no IPv6 form");
        } else {
            assertEquals(227, client.sendCommand("PASV"));
            assertTrue(client.getReplyString().contains("(127,0,0,1,"), client.getReplyString());
        }
    }
}
