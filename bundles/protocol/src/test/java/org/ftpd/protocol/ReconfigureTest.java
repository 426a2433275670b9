package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconfigureTest {

    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aNewPortMovesTheListenerAndOpenSessionsCarryOn() throws IOException {
        int oldPort = server.port();
        FTPClient open = server.alice();
        try {
            int newPort = freePort();
            server.server.reconfigure(server.server.settings().toBuilder().port(newPort).build());
            assertEquals(newPort, server.port());

            // the open session keeps working, data connections included
            assertTrue(open.storeFile("after-move.txt", new ByteArrayInputStream("still here".getBytes())));
            assertEquals("still here", Files.readString(server.alice.resolve("after-move.txt")));
            assertEquals(1, open.listFiles().length);

            // the new port accepts, the old one refuses
            try (RawClient fresh = new RawClient(TestServer.HOST, newPort)) {
                assertEquals(220, fresh.code(fresh.reply()));
            }
            assertThrows(ConnectException.class, () -> new Socket(TestServer.HOST, oldPort).close());
        } finally {
            TestServer.quietly(open);
        }
    }

    @Test
    void aPortThatCannotBeBoundKeepsTheOldListener() throws IOException {
        int port = server.port();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName(TestServer.HOST))) {
            ServerSettings wanted = server.server.settings().toBuilder().port(taken.getLocalPort()).build();
            assertThrows(IOException.class, () -> server.server.reconfigure(wanted));
        }
        assertEquals(port, server.port());
        // the settings stay those of the old listener
        assertEquals(0, server.server.settings().port());
        try (RawClient c = new RawClient(TestServer.HOST, port)) {
            assertEquals(220, c.code(c.reply()));
        }
    }

    @Test
    void bannerAndLimitsApplyToNewConnectionsAtOnce() throws IOException {
        try (RawClient before = new RawClient(TestServer.HOST, server.port())) {
            assertTrue(before.reply().contains("pyftpd-java ready."));
            server.server.reconfigure(server.server.settings().toBuilder().banner("Welcome back.")
                    .maxConnectionsPerIp(1).build());
            // the session that exists is not cut off by the lower limit
            assertEquals(200, before.command("NOOP"));
            try (RawClient second = new RawClient(TestServer.HOST, server.port())) {
                assertEquals(421, second.code(second.reply()));
            }
        }
        // the server frees the closed sessions' slots when it sees their connections end, which may come a
        // moment after our close: a 421 until then is the limit working, so retry until the deadline
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        String greeting;
        do {
            try (RawClient after = new RawClient(TestServer.HOST, server.port())) {
                greeting = after.reply();
            }
        } while (greeting.startsWith("421") && System.nanoTime() < deadline);
        assertEquals("220 Welcome back.", greeting);
    }
}
