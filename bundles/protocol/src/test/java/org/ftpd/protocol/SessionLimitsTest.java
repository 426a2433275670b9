package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** login.timeout, max.commands.per.second, data.timeout, the passive port range running out, masquerade map. */
class SessionLimitsTest {

    @TempDir
    Path tmp;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aConnectionThatDoesNotLogInIsClosedWith421AfterLoginTimeout() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.loginTimeout(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        try (RawClient loggedIn = new RawClient(TestServer.HOST, server.port());
                RawClient silent = new RawClient(TestServer.HOST, server.port())) {
            assertEquals(220, loggedIn.code(loggedIn.reply()));
            loggedIn.login("alice", "secret");
            assertEquals(220, silent.code(silent.reply()));
            String reply = silent.reply();
            long waited = System.nanoTime() - start;
            assertEquals(421, silent.code(reply), reply);
            assertTrue(reply.contains("Login timed out"), reply);
            assertTrue(silent.closedByServer());
            assertTrue(waited > Duration.ofMillis(900).toNanos(), "closed after " + waited / 1_000_000 + " ms");
            // the session that logged in (connected at the same time) is not touched
            assertEquals(200, loggedIn.command("NOOP"));
        }
    }

    @Test
    void aSessionLoggedOutByReinIsReclaimedToo() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.loginTimeout(Duration.ofSeconds(1)));
        try (RawClient c = new RawClient(TestServer.HOST, server.port())) {
            assertEquals(220, c.code(c.reply()));
            c.login("alice", "secret");
            c.send("REIN");
            String rein = c.reply();
            assertEquals(220, c.code(rein), rein);
            long start = System.nanoTime();
            String reply = c.reply();
            assertEquals(421, c.code(reply), reply);
            // noticed at the next look (at most one timeout after the REIN), then a full timeout
            assertTrue(System.nanoTime() - start < Duration.ofMillis(3000).toNanos());
        }
    }

    @Test
    void aCommandFloodIsSlowedToTheRateNotDropped() throws IOException {
        int rate = 20;
        server = new TestServer(tmp, b -> b, s -> s.maxCommandsPerSecond(rate));
        try (RawClient c = new RawClient(TestServer.HOST, server.port())) {
            assertEquals(220, c.code(c.reply()));
            int count = 3 * rate;
            long start = System.nanoTime();
            // all in one write: the server reads them at once, and must still pace them
            c.sendRaw("NOOP\r\n".repeat(count).getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < count; i++) {
                assertEquals(200, c.code(c.reply()), "reply " + i);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // a second's worth goes at once, the other two seconds' worth at the rate
            assertTrue(seconds > 1.5, "60 commands at 20/s answered in " + seconds + " s");
            assertEquals(200, c.command("NOOP"));
        }
    }

    @Test
    void withoutACommandLimitAFloodRunsAtOnce() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.maxCommandsPerSecond(0));
        try (RawClient c = new RawClient(TestServer.HOST, server.port())) {
            assertEquals(220, c.code(c.reply()));
            long start = System.nanoTime();
            c.sendRaw("NOOP\r\n".repeat(60).getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 60; i++) {
                assertEquals(200, c.code(c.reply()));
            }
            assertTrue(System.nanoTime() - start < Duration.ofMillis(1500).toNanos());
        }
    }

    @Test
    void aStalledUploadGets426AndTheSessionSurvives() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.dataTimeout(Duration.ofSeconds(1)));
        FTPClient client = server.alice();
        try {
            OutputStream out = client.storeFileStream("stalled");
            assertTrue(out != null, client.getReplyString());
            long start = System.nanoTime();
            // nothing is sent on the data connection: the server gives up after data.timeout
            assertEquals(426, client.getReply(), client.getReplyString());
            assertTrue(System.nanoTime() - start > Duration.ofMillis(800).toNanos());
            try {
                out.close();
            } catch (IOException e) {
                // the server closed the data connection
            }
            assertEquals(200, client.sendCommand("NOOP"));
        } finally {
            TestServer.quietly(client);
        }
    }

    @Test
    void aStalledDownloadGets426AndTheSessionSurvives() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.dataTimeout(Duration.ofSeconds(1)));
        try (RandomAccessFile big = new RandomAccessFile(server.alice.resolve("big").toFile(), "rw")) {
            big.setLength(64L << 20); // sparse: more than the socket buffers hold
        }
        FTPClient client = server.alice();
        try {
            client.setReceiveBufferSize(16 * 1024);
            var in = client.retrieveFileStream("big");
            assertTrue(in != null, client.getReplyString());
            // the client never reads: the server's writes stop moving, and it gives up after data.timeout
            assertEquals(426, client.getReply(), client.getReplyString());
            in.close();
            assertEquals(200, client.sendCommand("NOOP"));
        } finally {
            TestServer.quietly(client);
        }
    }

    @Test
    void pasvGetsAClear425WhenThePassiveRangeIsExhausted() throws IOException {
        int port = freePort();
        PortRange one = new PortRange(port, port);
        server = new TestServer(tmp, b -> b, s -> s.passivePorts(one));
        try (RawClient first = new RawClient(TestServer.HOST, server.port());
                RawClient second = new RawClient(TestServer.HOST, server.port())) {
            first.reply();
            second.reply();
            first.login("alice", "secret");
            second.login("alice", "secret");
            String taken = pasv(first);
            assertEquals(227, first.code(taken), taken);
            assertTrue(taken.contains("," + port / 256 + "," + port % 256 + ")"), taken);
            String refused = pasv(second);
            assertEquals(425, second.code(refused), refused);
            assertTrue(refused.contains("no free port in the passive range " + port), refused);
            // the session goes on, and the port is free again once the first listener is gone
            assertEquals(200, first.command("NOOP"));
        }
    }

    @Test
    void aOnePortPassiveRangeServesDownloadsBackToBack() throws IOException {
        int port = freePort();
        PortRange one = new PortRange(port, port);
        server = new TestServer(tmp, b -> b, s -> s.passivePorts(one));
        Files.writeString(server.alice.resolve("small.txt"), "twelve bytes");
        FTPClient client = server.alice();
        try {
            client.enterLocalPassiveMode();
            // the server closes each data connection first, so the port's last connection is in TIME_WAIT on
            // the server's side when the next PASV asks for it: the listener must be able to take it again
            for (int i = 0; i < 5; i++) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                assertTrue(client.retrieveFile("small.txt", got), i + ": " + client.getReplyString());
                assertEquals("twelve bytes", got.toString(StandardCharsets.US_ASCII));
            }
        } finally {
            TestServer.quietly(client);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static String pasv(RawClient c) throws IOException {
        c.send("PASV");
        return c.reply();
    }

    @Test
    void pasvAnnouncesTheAddressMappedForTheLocalAddress() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.masqueradeAddressMap(Map.of("127.0.0.1", "127.0.0.2"))
                .masqueradeAddress("127.0.0.3"));
        try (RawClient c = new RawClient(TestServer.HOST, server.port())) {
            c.reply();
            c.login("alice", "secret");
            c.send("PASV");
            String reply = c.reply();
            assertEquals(227, c.code(reply), reply);
            assertTrue(reply.contains("(127,0,0,2,"), reply);
        }
        // another local address in the map: masquerade.address applies
        server.server.reconfigure(server.server.settings().toBuilder()
                .masqueradeAddressMap(Map.of("10.0.0.5", "203.0.113.7")).build());
        try (RawClient c = new RawClient(TestServer.HOST, server.port())) {
            c.reply();
            c.login("alice", "secret");
            c.send("PASV");
            String reply = c.reply();
            assertTrue(reply.contains("(127,0,0,3,"), reply);
        }
    }
}
