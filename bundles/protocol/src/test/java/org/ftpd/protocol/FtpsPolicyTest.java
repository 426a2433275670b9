package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TestServer;
import org.ftpd.protocol.support.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS policies of etc/org.ftpd.cfg and the safety of switching TLS on: required TLS on control and data
 * connections, required session reuse, the anonymous exemption, handshake timeouts, and no plaintext pipelined
 * behind AUTH TLS ever running protected.
 */
class FtpsPolicyTest {

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
        Files.createDirectories(server.homes.resolve("pub"));
        server.authorizer.user("anonymous", "guest", URI.create("test:/pub"), "elr");
    }

    private FTPSClient explicitClient() throws IOException {
        FTPSClient client = new FTPSClient(false, TestTls.clientContext());
        client.setDefaultTimeout(10_000);
        client.setDataTimeout(Duration.ofSeconds(10));
        client.connect(TestServer.HOST, server.port());
        client.setSoTimeout(10_000);
        return client;
    }

    // ---- tls.control.required, tls.anonymous.exempt

    @Test
    void controlRequiredRefusesUserAndPassInClear() throws Exception {
        start(s -> s.tlsControlRequired(true));
        try (RawClient raw = new RawClient(TestServer.HOST, server.port())) {
            raw.reply();
            raw.send("USER alice");
            String reply = raw.reply();
            assertEquals(534, raw.code(reply), reply);
            assertTrue(reply.contains("SSL/TLS required on the control channel"), reply);
            assertEquals(534, raw.command("PASS secret"));
            assertEquals(534, raw.command("USER anonymous"), "anonymous is not exempt unless configured");
        }
        FTPSClient client = explicitClient();
        try {
            assertTrue(client.login("alice", "secret"), client::getReplyString);
            // Commons Net turns any reply to CCC but 200 into an exception
            javax.net.ssl.SSLException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    javax.net.ssl.SSLException.class, () -> client.sendCommand("CCC"));
            assertTrue(refused.getMessage().contains("534 "), "the control channel must stay protected");
        } finally {
            TestServer.quietly(client);
        }
    }

    @Test
    void anonymousMayBeExemptFromEveryRequirement() throws Exception {
        start(s -> s.tlsControlRequired(true).tlsDataRequired(true).tlsAnonymousExempt(true));
        Files.writeString(server.homes.resolve("pub/readme.txt"), "public\n");
        FTPClient plain = server.login("anonymous", "guest");
        try {
            assertEquals(1, plain.listNames().length, plain::getReplyString);
        } finally {
            TestServer.quietly(plain);
        }
        try (RawClient raw = new RawClient(TestServer.HOST, server.port())) {
            raw.reply();
            assertEquals(534, raw.command("USER alice"), "others are not exempt");
        }
    }

    // ---- tls.data.required

    @Test
    void dataRequiredRefusesClearTransfersWith521() throws Exception {
        // Commons Net does not resume TLS sessions on data connections: reuse cannot be required for it
        start(s -> s.tlsDataRequired(true).tlsSessionReuseRequired(false));
        Files.writeString(server.alice.resolve("a.txt"), "a\n");
        FTPSClient client = explicitClient();
        try {
            assertTrue(client.login("alice", "secret"));
            client.setFileType(FTP.BINARY_FILE_TYPE);
            client.enterLocalPassiveMode();
            client.execPBSZ(0);
            client.execPROT("C");
            assertEquals(null, client.listNames());
            assertEquals(521, client.getReplyCode(), client::getReplyString);
            assertFalse(client.storeFile("b.txt", new ByteArrayInputStream(new byte[] {1})));
            assertEquals(521, client.getReplyCode(), client::getReplyString);
            assertFalse(Files.exists(server.alice.resolve("b.txt")));

            client.execPROT("P");
            assertEquals(1, client.listNames().length, client::getReplyString);
        } finally {
            TestServer.quietly(client);
        }
    }

    // ---- tls.session.reuse.required

    @Test
    void reuseRequiredRefusesADataConnectionWithAFreshSession() throws Exception {
        // Commons Net opens every data connection with a fresh TLS session
        start(s -> s.tlsSessionReuseRequired(true));
        Files.writeString(server.alice.resolve("a.txt"), "a\n");
        FTPSClient client = explicitClient();
        try {
            assertTrue(client.login("alice", "secret"));
            client.enterLocalPassiveMode();
            client.execPBSZ(0);
            client.execPROT("P");
            assertEquals(null, client.listNames());
            assertEquals(522, client.getReplyCode(), client::getReplyString);
            assertTrue(client.getReplyString().contains("resume the TLS session"), client::getReplyString);
            // the session goes on
            assertTrue(client.sendNoOp());
            client.execPROT("C");
            assertEquals(1, client.listNames().length, "clear data connections have no session to resume");
        } finally {
            TestServer.quietly(client);
        }
    }

    @Test
    void reuseIsRequiredByDefaultExactlyWhenTlsIsRequired() {
        ServerSettings defaults = ServerSettings.defaults();
        assertFalse(defaults.tlsSessionReuseRequired());
        assertTrue(defaults.toBuilder().tlsControlRequired(true).build().tlsSessionReuseRequired());
        assertTrue(defaults.toBuilder().tlsDataRequired(true).build().tlsSessionReuseRequired());
        assertFalse(defaults.toBuilder().tlsDataRequired(true).tlsSessionReuseRequired(false).build()
                .tlsSessionReuseRequired());
        assertTrue(defaults.toBuilder().tlsSessionReuseRequired(true).build().tlsSessionReuseRequired());
    }

    // ---- AUTH TLS switching

    /** Reads one reply line from a plain stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    /** Sends {@code before} in one write, expects 234 after {@code repliesBefore} replies, does the handshake. */
    private SSLSocket authInOneWrite(Socket socket, String before, int repliesBefore) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        assertTrue(line(in).startsWith("220"));
        out.write(before.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (int i = 0; i < repliesBefore; i++) {
            line(in);
        }
        String auth = line(in);
        assertTrue(auth.startsWith("234 "), auth);
        SSLSocket tlsSocket = (SSLSocket) TestTls.clientContext().getSocketFactory()
                .createSocket(socket, TestServer.HOST, server.port(), true);
        tlsSocket.setSoTimeout(10_000);
        tlsSocket.startHandshake();
        return tlsSocket;
    }

    @Test
    void plaintextPipelinedBehindAuthTlsIsNeverRun() throws Exception {
        start(s -> s);
        try (Socket socket = new Socket(TestServer.HOST, server.port())) {
            socket.setSoTimeout(10_000);
            SSLSocket tlsSocket = authInOneWrite(socket, "AUTH TLS\r\nNOOP\r\n", 0);
            tlsSocket.getOutputStream().write("SYST\r\n".getBytes(StandardCharsets.US_ASCII));
            String first = line(tlsSocket.getInputStream());
            assertTrue(first.startsWith("215 "), "the first protected reply must be SYST's, not NOOP's: " + first);
        }
    }

    @Test
    void aPartialPlaintextLineBehindAuthDoesNotPrefixTheFirstProtectedOne() throws Exception {
        start(s -> s);
        try (Socket socket = new Socket(TestServer.HOST, server.port())) {
            socket.setSoTimeout(10_000);
            SSLSocket tlsSocket = authInOneWrite(socket, "AUTH TLS\r\nDELE victim.txt\r\nNOO", 0);
            tlsSocket.getOutputStream().write("P\r\n".getBytes(StandardCharsets.US_ASCII));
            String first = line(tlsSocket.getInputStream());
            assertTrue(first.startsWith("500 "), "\"P\" alone is not a command: " + first);
        }
    }

    @Test
    void commandsQueuedBehindAuthAreDroppedToo() throws Exception {
        start(s -> s);
        Files.writeString(server.alice.resolve("victim.txt"), "keep me\n");
        try (Socket socket = new Socket(TestServer.HOST, server.port())) {
            socket.setSoTimeout(10_000);
            // the failed PASS keeps the session busy (login delay) while AUTH and DELE wait in the queue
            SSLSocket tlsSocket = authInOneWrite(socket, "USER alice\r\nPASS wrong\r\nAUTH TLS\r\nUSER alice\r\n"
                    + "PASS secret\r\nDELE victim.txt\r\n", 2);
            OutputStream out = tlsSocket.getOutputStream();
            out.write("PWD\r\n".getBytes(StandardCharsets.US_ASCII));
            String first = line(tlsSocket.getInputStream());
            assertTrue(first.startsWith("530 "), "not logged in by the plaintext lines: " + first);
            assertTrue(Files.exists(server.alice.resolve("victim.txt")));
        }
    }

    @Test
    void aSilentPeerCannotHoldATlsHandshake() throws Exception {
        start(s -> s.tlsHandshakeTimeout(Duration.ofSeconds(1)));
        try (RawClient raw = new RawClient(TestServer.HOST, server.port())) {
            raw.reply();
            assertEquals(234, raw.command("AUTH TLS"));
            long started = System.nanoTime();
            assertTrue(raw.closedByServer());
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(8).toNanos());
        }
        // on a data connection: the client connects and says nothing
        FTPSClient client = explicitClient();
        try {
            assertTrue(client.login("alice", "secret"));
            client.execPBSZ(0);
            client.execPROT("P");
            assertEquals(227, client.pasv());
            String[] numbers = client.getReplyString().replaceAll(".*\\((.*)\\).*\\s*", "$1").split(",");
            int port = Integer.parseInt(numbers[4].trim()) * 256 + Integer.parseInt(numbers[5].trim());
            try (Socket silent = new Socket(TestServer.HOST, port)) {
                assertEquals(150, client.sendCommand("NLST"));
                assertEquals(522, client.getReply(), client::getReplyString);
            }
            assertTrue(client.sendNoOp());
        } finally {
            TestServer.quietly(client);
        }
    }
}
