package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitsTest {

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
    void connectionsBeyondMaxConnectionsGet421() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.maxConnections(2).maxConnectionsPerIp(0));
        // one after the other: each greeting proves the server counted that connection
        try (RawClient one = greeted(); RawClient two = greeted();
                RawClient three = new RawClient(TestServer.HOST, server.port())) {
            String refused = three.reply();
            assertEquals(421, three.code(refused));
            assertTrue(refused.contains("Too many connections"), refused);
            assertTrue(three.closedByServer());
            // a slot frees when a session ends
            one.close();
            awaitAccepted();
        }
    }

    private RawClient greeted() throws IOException {
        RawClient c = new RawClient(TestServer.HOST, server.port());
        assertEquals(220, c.code(c.reply()));
        return c;
    }

    private void awaitAccepted() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (RawClient c = new RawClient(TestServer.HOST, server.port())) {
                if (c.code(c.reply()) == 220) {
                    return;
                }
            }
        }
        throw new AssertionError("no slot freed within 5s");
    }

    @Test
    void connectionsBeyondTheLimitPerAddressGet421() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.maxConnectionsPerIp(1));
        try (RawClient one = greeted(); RawClient two = new RawClient(TestServer.HOST, server.port())) {
            String refused = two.reply();
            assertEquals(421, two.code(refused));
            assertTrue(refused.contains("same IP address"), refused);
        }
    }

    @Test
    void anIdleSessionIsClosedWith421() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.idleTimeout(Duration.ofSeconds(1)));
        try (RawClient c = new RawClient(TestServer.HOST, server.port())) {
            assertEquals(220, c.code(c.reply()));
            long start = System.nanoTime();
            String reply = c.reply();
            assertEquals(421, c.code(reply), reply);
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(900).toNanos());
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void theIdleClockStandsStillDuringATransfer() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.idleTimeout(Duration.ofSeconds(1)));
        Files.write(server.alice.resolve("big.bin"), new byte[8 * 1024 * 1024]);
        FTPClient client = server.alice();
        try {
            client.setReceiveBufferSize(16 * 1024);
            long start = System.nanoTime();
            try (InputStream in = client.retrieveFileStream("big.bin")) {
                byte[] buf = new byte[64 * 1024];
                long total = 0;
                int n;
                // a deliberately slow reader: the transfer outlasts the idle timeout
                while ((n = in.read(buf)) != -1) {
                    total += n;
                    if (System.nanoTime() - start < Duration.ofMillis(2500).toNanos()) {
                        sleepQuietly(40);
                    }
                }
                assertEquals(8 * 1024 * 1024, total);
            }
            assertTrue(System.nanoTime() - start > Duration.ofMillis(1500).toNanos());
            assertTrue(client.completePendingCommand(), client.getReplyString());
            assertEquals(226, client.getReplyCode());
            assertEquals(200, client.sendCommand("NOOP"));
        } finally {
            TestServer.quietly(client);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
