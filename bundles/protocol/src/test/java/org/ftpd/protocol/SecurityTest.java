package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No FTP bounce, no passive port theft, bounded lines. */
class SecurityTest {

    @TempDir
    Path tmp;
    TestServer server;
    RawClient client;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp);
        client = new RawClient(TestServer.HOST, server.port());
        assertEquals(220, client.code(client.reply()));
        client.login("alice", "secret");
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void portToAForeignAddressIsRejected() throws IOException {
        client.send("PORT 10,1,2,3,200,10");
        String reply = client.reply();
        assertEquals(501, client.code(reply));
        assertTrue(reply.contains("Rejected data connection to foreign address 10.1.2.3:51210"), reply);
        // nothing was prepared: a transfer now has no data connection
        assertEquals(425, client.command("LIST"));
    }

    @Test
    void eprtToAForeignAddressIsRejected() throws IOException {
        client.send("EPRT |1|10.1.2.3|51210|");
        String reply = client.reply();
        assertEquals(501, client.code(reply));
        assertTrue(reply.contains("foreign address"), reply);
        assertEquals(501, client.command("EPRT |2|fd00::1234|51210|"));
    }

    @Test
    void portToAPrivilegedPortIsRejected() throws IOException {
        client.send("PORT 127,0,0,1,0,21");
        String reply = client.reply();
        assertEquals(501, client.code(reply));
        assertTrue(reply.contains("privileged port 21"), reply);
        client.send("EPRT |1|127.0.0.1|25|");
        reply = client.reply();
        assertEquals(501, client.code(reply));
        assertTrue(reply.contains("privileged port"), reply);
    }

    @Test
    void malformedActiveArgumentsAreSyntaxErrors() throws IOException {
        assertEquals(501, client.command("PORT 127,0,0,1,300,1"));
        assertEquals(501, client.command("PORT 127,0,0,1"));
        assertEquals(501, client.command("PORT"));
        assertEquals(501, client.command("EPRT |1|not-an-ip|5000|"));
        assertEquals(522, client.command("EPRT |3|127.0.0.1|5000|"));
        assertEquals(501, client.command("EPRT garbage"));
    }

    @Test
    void epsvAllRefusesEveryOtherDataSetup() throws IOException {
        assertEquals(200, client.command("EPSV ALL"));
        assertEquals(503, client.command("PASV"));
        assertEquals(503, client.command("PORT 127,0,0,1,200,10"));
        assertEquals(503, client.command("EPRT |1|127.0.0.1|51210|"));
        assertEquals(229, client.code(sendAndRead("EPSV")));
    }

    @Test
    void epsvWithTheOtherProtocolIs522() throws IOException {
        assertEquals(522, client.command("EPSV 2"));
        assertEquals(229, client.command("EPSV 1"));
    }

    @Test
    void aPassiveConnectionFromAnotherAddressIsRefusedAndTheRightOneStillAccepted() throws IOException {
        byte[] data = "secret data".getBytes(StandardCharsets.UTF_8);
        Files.write(server.alice.resolve("s.txt"), data);
        String reply = sendAndRead("EPSV");
        int port = Integer.parseInt(reply.substring(reply.indexOf("|||") + 3, reply.lastIndexOf('|')));

        // 127.0.0.2 is another host as far as the server can tell (Linux routes 127/8 to the loopback)
        try (Socket thief = new Socket()) {
            thief.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            thief.connect(new InetSocketAddress(TestServer.HOST, port));
            thief.setSoTimeout(5_000);
            // the server closes it without sending anything
            assertEquals(-1, thief.getInputStream().read());
        }
        try (Socket data1 = new Socket(TestServer.HOST, port)) {
            data1.setSoTimeout(5_000);
            assertEquals(150, client.command("RETR s.txt"));
            try (InputStream in = data1.getInputStream()) {
                assertArrayEquals(data, in.readAllBytes());
            }
            assertEquals(226, client.code(client.reply()));
        }
    }

    @Test
    void anOverlongLineGets500AndTheSessionGoesOn() throws IOException {
        byte[] line = new byte[10_000];
        Arrays.fill(line, (byte) 'A');
        client.sendRaw(line);
        client.sendRaw("\r\nNOOP\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(500, client.code(client.reply()));
        assertEquals(200, client.code(client.reply()));
        assertEquals(257, client.command("PWD"));
    }

    @Test
    void repeatedOverlongLinesCloseTheConnection() throws IOException {
        byte[] line = new byte[5_000];
        Arrays.fill(line, (byte) 'B');
        for (int i = 0; i < 3; i++) {
            client.sendRaw(line);
            client.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(500, client.code(client.reply()));
        assertEquals(500, client.code(client.reply()));
        assertEquals(421, client.code(client.reply()));
        assertTrue(client.closedByServer());
    }

    @Test
    void invalidUtf8Gets501() throws IOException {
        client.sendRaw(new byte[] {'M', 'K', 'D', ' ', (byte) 0xC3, (byte) 0x28, '\r', '\n'});
        assertEquals(501, client.code(client.reply()));
        assertEquals(200, client.command("NOOP"));
    }

    @Test
    void manyCommandsInOneSegmentAreAnsweredInOrder() throws IOException {
        client.sendRaw("NOOP\r\nPWD\r\nSYST\r\nMKD x\r\nCWD x\r\nPWD\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, client.code(client.reply()));
        assertEquals(257, client.code(client.reply()));
        assertEquals(215, client.code(client.reply()));
        assertEquals(257, client.code(client.reply()));
        assertEquals(250, client.code(client.reply()));
        assertTrue(client.reply().startsWith("257 \"/x\""));
    }

    @Test
    void aCommandSplitAcrossSegmentsWorks() throws IOException {
        for (char c : "NOOP\r\n".toCharArray()) {
            client.sendRaw(new byte[] {(byte) c});
        }
        assertEquals(200, client.code(client.reply()));
    }

    private String sendAndRead(String line) throws IOException {
        client.send(line);
        return client.reply();
    }
}
