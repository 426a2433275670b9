package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.ftpd.api.Authorizer;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {

    @TempDir
    Path tmp;
    TestServer server;
    FTPClient client;

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            TestServer.quietly(client);
        }
        server.close();
    }

    @Test
    void greetsWithTheBanner() throws IOException {
        client = server.connect();
        assertEquals(220, client.getReplyCode());
        assertTrue(client.getReplyString().contains("pyftpd-java ready."), client.getReplyString());
    }

    @Test
    void logsInWithTheRightPassword() throws IOException {
        client = server.connect();
        assertEquals(331, client.user("alice"));
        assertEquals(230, client.pass("secret"));
        assertEquals(257, client.pwd());
        assertTrue(client.getReplyString().contains("\"/\""), client.getReplyString());
    }

    @Test
    void refusesAWrongPasswordWith530() throws IOException {
        client = server.connect();
        assertEquals(331, client.user("alice"));
        assertEquals(530, client.pass("wrong"));
        // the session stays usable for another try
        assertEquals(331, client.user("alice"));
        assertEquals(230, client.pass("secret"));
    }

    @Test
    void answersUserWith331EvenForUnknownNames() throws IOException {
        client = server.connect();
        assertEquals(331, client.user("nobody-here"));
        assertEquals(530, client.pass("x"));
    }

    @Test
    void refusesCommandsBeforeLoginWith530() throws IOException {
        client = server.connect();
        for (String verb : List.of("PWD", "CWD /", "LIST", "RETR x", "STOR x", "PASV", "MKD d", "TYPE I")) {
            String[] parts = verb.split(" ", 2);
            int code = parts.length == 1 ? client.sendCommand(parts[0]) : client.sendCommand(parts[0], parts[1]);
            assertEquals(530, code, verb);
        }
        // commands that need no login still work
        assertEquals(215, client.sendCommand("SYST"));
        assertEquals("215 UNIX Type: L8", client.getReplyString().trim());
        assertEquals(200, client.sendCommand("NOOP"));
    }

    @Test
    void passWithoutUserIsABadSequence() throws IOException {
        client = server.connect();
        assertEquals(503, client.pass("secret"));
    }

    @Test
    void closesAfterTooManyFailedLogins() throws IOException {
        client = server.connect();
        assertEquals(331, client.user("alice"));
        assertEquals(530, client.pass("a"));
        assertEquals(331, client.user("alice"));
        assertEquals(530, client.pass("b"));
        assertEquals(331, client.user("alice"));
        FTPConnectionClosedException closed = assertThrows(FTPConnectionClosedException.class, () -> client.pass("c"));
        assertTrue(closed.getMessage().contains("421"), closed.getMessage());
        assertEquals(421, client.getReplyCode());
    }

    @Test
    void quitAnswers221AndCloses() throws IOException {
        client = server.alice();
        assertEquals(221, client.sendCommand("QUIT"));
        // the server closes its end: the next read sees the end of the stream
        assertThrows(IOException.class, () -> client.sendCommand("NOOP"));
    }

    @Test
    void withoutAnyAuthorizerPassGetsAClear530() throws IOException {
        server.close();
        server = new TestServer(tmp.resolve("none"), b -> b.authorizers(List::<Authorizer>of), s -> s);
        client = server.connect();
        assertEquals(331, client.user("alice"));
        assertEquals(530, client.pass("secret"));
        assertTrue(client.getReplyString().contains("no authorizer"), client.getReplyString());
        assertEquals(200, client.sendCommand("NOOP"));
    }

    @Test
    void unknownCommandsGet500AndKnownButMissingOnes502() throws IOException {
        client = server.alice();
        assertEquals(500, client.sendCommand("XYZZY"));
        assertEquals(502, client.sendCommand("SMNT", "x"));
        assertFalse(client.getReplyString().isEmpty());
    }
}
