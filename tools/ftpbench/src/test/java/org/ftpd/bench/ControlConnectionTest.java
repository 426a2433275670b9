package org.ftpd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The control client against a scripted server: multi-line replies, and PASV when EPSV is refused. */
class ControlConnectionTest {

    private final DataLinks links = new DataLinks(5_000, 0);
    private ServerSocket control;
    private ServerSocket data;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws IOException {
        if (control != null) {
            control.close();
        }
        if (data != null) {
            data.close();
        }
    }

    /** Serves one session: the greeting, then for each command the scripted reply (a missing one: 500). */
    private int script(String greeting, Map<String, String> replies) throws IOException {
        control = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = control.accept()) {
                OutputStream out = s.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.US_ASCII));
                out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                String line;
                while ((line = in.readLine()) != null) {
                    received.add(line);
                    String verb = line.split(" ")[0];
                    out.write(replies.getOrDefault(verb, "500 no\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // the test closed the socket
            }
        });
        t.setDaemon(true);
        t.start();
        return control.getLocalPort();
    }

    @Test
    void readsMultiLineRepliesToTheirClosingLine() throws IOException {
        int port = script("220-Welcome\r\n220-still the greeting\r\n220 ready\r\n", Map.of(
                "USER", "331 password please\r\n",
                "PASS", "230-Hello\r\n 230 inside the text, not the end\r\n230-\r\n230 logged in\r\n",
                "TYPE", "200 binary\r\n",
                "NOOP", "200\r\n"));
        try (ControlConnection c = ControlConnection.open("127.0.0.1", port, links, false)) {
            c.login("u", "p");
            Reply noop = c.command("NOOP");
            assertEquals(200, noop.code());
            assertEquals("200", noop.line());
        }
        assertEquals(List.of("USER u", "PASS p", "TYPE I", "NOOP"), received);
    }

    @Test
    void fallsBackToPasvForGoodWhenEpsvIsRefused() throws IOException {
        data = new ServerSocket(0, 2, InetAddress.getLoopbackAddress());
        int p = data.getLocalPort();
        // the address in the reply is ignored: data goes to the control connection's host
        int port = script("220 hi\r\n", Map.of("EPSV", "502 not here\r\n",
                "PASV", "227 Entering Passive Mode (10,9,8,7," + p / 256 + "," + p % 256 + ")\r\n"));
        try (ControlConnection c = ControlConnection.open("127.0.0.1", port, links, false)) {
            try (SocketChannel ch = c.openData()) {
                assertEquals(p, ((InetSocketAddress) ch.getRemoteAddress()).getPort());
            }
            try (SocketChannel ch = c.openData()) {
                assertEquals(p, ((InetSocketAddress) ch.getRemoteAddress()).getPort());
            }
        }
        assertEquals(List.of("EPSV", "PASV", "PASV"), received);
    }

    @Test
    void aGreetingOtherThan220IsAnError() throws IOException {
        int port = script("421 go away\r\n", Map.of());
        assertThrows(Reply.UnexpectedReplyException.class,
                () -> ControlConnection.open("127.0.0.1", port, links, false));
    }
}
