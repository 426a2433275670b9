package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPSClient;
import org.ftpd.protocol.support.TestServer;
import org.ftpd.protocol.support.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Explicit FTPS (RFC 4217) with Apache Commons Net's FTPSClient: AUTH TLS, PBSZ, PROT, transfers, policies. */
class FtpsTest {

    @TempDir
    Path tmp;
    TestServer server;
    final TestTls tls = new TestTls();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(UnaryOperator<ServerSettings.Builder> settings) throws IOException {
        server = new TestServer(tmp.resolve("srv"), b -> b.tlsContextProvider(tls), settings);
    }

    /** A client that did AUTH TLS (in connect) and logged in as alice, binary, passive. */
    FTPSClient explicitClient(boolean privateData) throws IOException {
        FTPSClient client = new FTPSClient(false, TestTls.clientContext());
        client.setConnectTimeout(5_000);
        client.setDefaultTimeout(10_000);
        client.setDataTimeout(Duration.ofSeconds(10));
        client.connect(TestServer.HOST, server.port());
        client.setSoTimeout(10_000);
        assertTrue(client.login("alice", "secret"), client::getReplyString);
        client.execPBSZ(0);
        client.execPROT(privateData ? "P" : "C");
        assertEquals(200, client.getReplyCode(), client::getReplyString);
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        return client;
    }

    @ParameterizedTest
    @ValueSource(strings = {"passive", "active"})
    void privateDataConnectionsListRetrieveAndStore(String mode) throws Exception {
        start(s -> s);
        byte[] data = TransferTest.randomBytes(3_000_000, 41);
        Files.write(server.alice.resolve("down.bin"), data);
        FTPSClient client = explicitClient(true);
        try {
            if (mode.equals("active")) {
                client.enterLocalActiveMode();
            }
            assertTrue(client.storeFile("up.bin", new ByteArrayInputStream(data)), client::getReplyString);
            assertArrayEquals(data, Files.readAllBytes(server.alice.resolve("up.bin")));

            ByteArrayOutputStream down = new ByteArrayOutputStream();
            assertTrue(client.retrieveFile("down.bin", down), client::getReplyString);
            assertArrayEquals(data, down.toByteArray());

            List<String> names = List.of(client.listFiles()).stream().map(FTPFile::getName).sorted().toList();
            assertEquals(List.of("down.bin", "up.bin"), names);
            assertTrue(client.logout());
        } finally {
            TestServer.quietly(client);
        }
    }

    /** A port free right now (the implicit port has no "any free port" value: 0 means off). */
    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(TestServer.HOST))) {
            return socket.getLocalPort();
        }
    }

    private FTPSClient implicitClient(int port) throws IOException {
        FTPSClient client = new FTPSClient(true, TestTls.clientContext());
        client.setConnectTimeout(5_000);
        client.setDefaultTimeout(10_000);
        client.setDataTimeout(Duration.ofSeconds(10));
        client.connect(TestServer.HOST, port);
        client.setSoTimeout(10_000);
        return client;
    }

    @Test
    void implicitFtpsOnItsOwnPortMovedAndClosedLive() throws Exception {
        int implicitPort = freePort();
        start(s -> s.tlsImplicitPort(implicitPort));
        assertEquals(implicitPort, server.server.implicitTlsPort());
        byte[] data = TransferTest.randomBytes(500_000, 7);
        FTPSClient client = implicitClient(implicitPort);
        try {
            assertTrue(client.login("alice", "secret"), client::getReplyString);
            client.execPBSZ(0);
            client.execPROT("P");
            client.setFileType(FTP.BINARY_FILE_TYPE);
            client.enterLocalPassiveMode();
            assertTrue(client.storeFile("implicit.bin", new ByteArrayInputStream(data)), client::getReplyString);
            assertArrayEquals(data, Files.readAllBytes(server.alice.resolve("implicit.bin")));
            // on the implicit port the control connection stays protected
            assertEquals(503, client.sendCommand("AUTH", "TLS"));

            int movedTo = freePort();
            server.server.reconfigure(server.server.settings().toBuilder().tlsImplicitPort(movedTo).build());
            assertEquals(movedTo, server.server.implicitTlsPort());
            FTPSClient moved = implicitClient(movedTo);
            assertTrue(moved.login("alice", "secret"));
            TestServer.quietly(moved);

            server.server.reconfigure(server.server.settings().toBuilder().tlsImplicitPort(0).build());
            assertEquals(-1, server.server.implicitTlsPort());
            assertThrows(java.net.ConnectException.class, () -> implicitClient(movedTo));

            // the session opened before goes on
            ByteArrayOutputStream down = new ByteArrayOutputStream();
            assertTrue(client.retrieveFile("implicit.bin", down), client::getReplyString);
            assertArrayEquals(data, down.toByteArray());
        } finally {
            TestServer.quietly(client);
        }
    }

    @Test
    void implicitPortWithoutATlsProviderClosesConnections() throws Exception {
        int implicitPort = freePort();
        server = new TestServer(tmp.resolve("srv"), b -> b, s -> s.tlsImplicitPort(implicitPort));
        try (java.net.Socket socket = new java.net.Socket(TestServer.HOST, implicitPort)) {
            socket.setSoTimeout(10_000);
            assertEquals(-1, socket.getInputStream().read());
        }
    }

    @Test
    void clearDataConnectionsUnderAProtectedControlConnection() throws Exception {
        start(s -> s);
        FTPSClient client = explicitClient(false);
        try {
            assertTrue(client.storeFile("clear.txt", new ByteArrayInputStream("clear\n".getBytes())));
            assertEquals("clear\n", Files.readString(server.alice.resolve("clear.txt")));
        } finally {
            TestServer.quietly(client);
        }
    }

    @Test
    void featAdvertisesTlsAndTheCommandsAnswerAsRfc4217Says() throws Exception {
        start(s -> s);
        FTPSClient client = new FTPSClient(false, TestTls.clientContext());
        client.connect(TestServer.HOST, server.port());
        try {
            client.feat();
            String feat = client.getReplyString();
            for (String line : List.of(" AUTH TLS\r\n", " PBSZ\r\n", " PROT\r\n")) {
                assertTrue(feat.contains(line), feat);
            }
            // connect() did AUTH TLS already
            assertEquals(503, client.sendCommand("AUTH", "TLS"), "a second AUTH");
            assertEquals(503, client.sendCommand("PROT", "P"), "PROT before PBSZ");
            assertEquals(501, client.sendCommand("PBSZ", "x"));
            assertEquals(200, client.sendCommand("PBSZ", "1024"));
            assertEquals("200 PBSZ=0", client.getReplyString().trim());
            assertEquals(536, client.sendCommand("PROT", "S"));
            assertEquals(536, client.sendCommand("PROT", "E"));
            assertEquals(504, client.sendCommand("PROT", "X"));
            assertEquals(200, client.sendCommand("PROT", "P"));
        } finally {
            TestServer.quietly(client);
        }
    }

    @Test
    void repliesBeforeAndAfterAuth() throws Exception {
        start(s -> s);
        try (var raw = new org.ftpd.protocol.support.RawClient(TestServer.HOST, server.port())) {
            raw.reply();
            assertEquals(503, raw.command("PBSZ 0"), "PBSZ before AUTH");
            assertEquals(503, raw.command("PROT P"), "PROT before AUTH");
            assertEquals(530, raw.command("CCC"), "CCC before login");
            assertEquals(504, raw.command("AUTH KERBEROS_V4"));
            assertEquals(501, raw.command("AUTH"));
        }
    }

    @Test
    void withoutATlsProviderAuthIsRefusedAndNotAdvertised() throws Exception {
        server = new TestServer(tmp.resolve("srv"));
        try (var raw = new org.ftpd.protocol.support.RawClient(TestServer.HOST, server.port())) {
            raw.reply();
            raw.send("FEAT");
            String feat = raw.reply();
            assertFalse(feat.contains("AUTH TLS"), feat);
            assertFalse(feat.contains("PROT"), feat);
            assertEquals(431, raw.command("AUTH TLS"));
            // still a working plain session
            raw.login("alice", "secret");
            assertEquals(257, raw.command("PWD"));
        }
    }
}
