package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that act on a running transfer: ABOR and QUIT. */
class TransferControlTest {

    @TempDir
    Path tmp;
    TestServer server;
    RawClient client;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp);
        client = new RawClient(TestServer.HOST, server.port());
        client.reply();
        client.login("alice", "secret");
        assertEquals(200, client.command("TYPE I"));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private Socket passiveData() throws IOException {
        client.send("EPSV");
        String reply = client.reply();
        assertEquals(229, client.code(reply), reply);
        int port = Integer.parseInt(reply.substring(reply.indexOf("|||") + 3, reply.lastIndexOf('|')));
        Socket data = new Socket(TestServer.HOST, port);
        data.setSoTimeout(10_000);
        return data;
    }

    @Test
    void aborStopsARunningDownloadWith426Then226() throws IOException {
        // far more than the socket buffers hold, and nobody reads: the transfer is still running at ABOR
        Files.write(server.alice.resolve("huge.bin"), new byte[64 * 1024 * 1024]);
        try (Socket data = passiveData()) {
            data.setReceiveBufferSize(8 * 1024);
            assertEquals(150, client.command("RETR huge.bin"));
            client.send("ABOR");
            assertEquals(426, client.code(client.reply()));
            assertEquals(226, client.code(client.reply()));
        }
        // the control connection goes on
        assertEquals(257, client.command("PWD"));
    }

    @Test
    void aborWhileWaitingForThePassiveConnectionCancelsIt() throws IOException {
        Files.writeString(server.alice.resolve("f.txt"), "x");
        client.send("EPSV");
        assertEquals(229, client.code(client.reply()));
        // RETR waits for a data connection that never comes
        assertEquals(150, client.command("RETR f.txt"));
        client.send("ABOR");
        assertEquals(425, client.code(client.reply()));
        assertEquals(226, client.code(client.reply()));
        assertEquals(200, client.command("NOOP"));
    }

    @Test
    void quitDuringATransferLetsItFinish() throws IOException {
        byte[] content = TransferTest.randomBytes(2 * 1024 * 1024, 11);
        Files.write(server.alice.resolve("f.bin"), content);
        try (Socket data = passiveData()) {
            assertEquals(150, client.command("RETR f.bin"));
            client.send("QUIT");
            byte[] received;
            try (InputStream in = data.getInputStream()) {
                received = in.readAllBytes();
            }
            assertArrayEquals(content, received);
            assertEquals(226, client.code(client.reply()));
            assertEquals(221, client.code(client.reply()));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void commandsSentDuringATransferWaitTheirTurn() throws IOException {
        byte[] content = TransferTest.randomBytes(1024 * 1024, 12);
        Files.write(server.alice.resolve("f.bin"), content);
        try (Socket data = passiveData()) {
            assertEquals(150, client.command("RETR f.bin"));
            client.send("PWD");
            try (InputStream in = data.getInputStream()) {
                assertArrayEquals(content, in.readAllBytes());
            }
            assertEquals(226, client.code(client.reply()));
            assertEquals(257, client.code(client.reply()));
        }
    }
}
