package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.api.Authorizer;
import org.ftpd.api.FtpEventListener;
import org.ftpd.api.FtpServerControl;
import org.ftpd.api.LiveSession;
import org.ftpd.api.ServerCounters;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.TransferInfo;
import org.ftpd.api.UnknownUserException;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counters, live sessions and closing sessions ({@link FtpServer#control()}), and removed accounts. */
class OperationsTest {

    @TempDir
    Path tmp;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The transfers that ended broken off, as the event listeners hear them. */
    final List<TransferInfo> incomplete = new CopyOnWriteArrayList<>();

    private FtpServerControl start(boolean closeRemovedUserSessions) throws IOException {
        FtpEventListener listener = new FtpEventListener() {
            @Override
            public void onIncompleteFileReceived(SessionInfo session, TransferInfo transfer) {
                incomplete.add(transfer);
            }
        };
        server = new TestServer(tmp, b -> b.eventListener(listener),
                s -> s.closeRemovedUserSessions(closeRemovedUserSessions));
        return server.server.control();
    }

    @Test
    void countersFollowAScriptedSessionExactly() throws IOException {
        FtpServerControl control = start(false);
        byte[] upload = randomBytes(123_457);
        Files.write(server.alice.resolve("down.bin"), randomBytes(65_537));

        FTPClient client = server.connect();
        assertFalse(client.login("alice", "wrong"));
        assertTrue(client.login("alice", "secret"));
        client.setFileType(FTPClient.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        assertTrue(client.storeFile("up.bin", new ByteArrayInputStream(upload)));
        ByteArrayOutputStream down = new ByteArrayOutputStream();
        assertTrue(client.retrieveFile("down.bin", down));
        assertFalse(client.retrieveFile("missing.bin", new ByteArrayOutputStream()));
        assertTrue(client.listNames() != null, "a listing is not a file transfer");

        ServerCounters during = control.counters();
        assertEquals(1, during.sessionsCurrent());
        client.logout();
        client.disconnect();
        waitFor(() -> control.counters().sessionsCurrent() == 0);

        assertEquals(new ServerCounters(0, 1, 0, 1, 1, upload.length, 65_537, 1, 1, 0, 0, 2, 0), control.counters());
        assertTrue(control.sessions().isEmpty());
    }

    @Test
    void listsLiveSessionsWithTheirTransferAndClosesOneMidUpload() throws IOException {
        FtpServerControl control = start(false);
        FTPClient bob = server.login("bob", "pw");
        String id;
        try (RawClient alice = new RawClient(TestServer.HOST, server.port())) {
            alice.reply();
            alice.login("alice", "secret");
            assertEquals(200, alice.command("TYPE I"));
            alice.send("EPSV");
            String epsv = alice.reply();
            int port = Integer.parseInt(epsv.substring(epsv.indexOf("|||") + 3, epsv.lastIndexOf('|')));
            try (Socket data = new Socket(TestServer.HOST, port)) {
                assertEquals(150, alice.command("STOR cut.bin"));
                OutputStream out = data.getOutputStream();
                out.write(new byte[40_000]);
                out.flush();
                waitFor(() -> uploadOf(control).map(t -> t.bytes() == 40_000).orElse(false));

                List<LiveSession> sessions = control.sessions();
                assertEquals(2, sessions.size());
                assertEquals("bob", sessions.get(0).session().userName(), "oldest first");
                assertNull(sessions.get(0).transfer());
                LiveSession uploading = sessions.get(1);
                assertEquals("alice", uploading.session().userName());
                assertEquals(LiveSession.Direction.UPLOAD, uploading.transfer().direction());
                assertEquals("/cut.bin", uploading.transfer().path());
                id = uploading.session().id();
                LiveSession one = control.session(id).orElseThrow();
                assertEquals("alice", one.session().userName());
                assertEquals("/cut.bin", one.transfer().path());

                assertTrue(control.closeSession(id, "Maintenance\r\n230 forged"));
                assertEquals("421 Maintenance 230 forged", alice.reply());
                assertTrue(alice.closedByServer());
            }
            waitFor(() -> control.counters().transfersAborted() == 1);
            waitFor(() -> incomplete.size() == 1);
            assertEquals("/cut.bin", incomplete.get(0).path());
            assertEquals(40_000, incomplete.get(0).bytes());
            assertFalse(incomplete.get(0).complete());
            ServerCounters after = control.counters();
            assertEquals(40_000, after.bytesIn());
            assertEquals(0, after.filesReceived());
            assertEquals(0, after.transfersFailed());
            waitFor(() -> control.sessions().size() == 1);
            assertFalse(control.closeSession(id, null), "no such session any more");
            assertEquals(200, bob.sendCommand("NOOP"), "the other session goes on");
        } finally {
            TestServer.quietly(bob);
        }
    }

    @Test
    void closesEverySessionOfOneUser() throws IOException {
        FtpServerControl control = start(false);
        try (RawClient a1 = loggedIn("alice", "secret"); RawClient a2 = loggedIn("alice", "secret");
                RawClient b = loggedIn("bob", "pw")) {
            assertEquals(2, control.closeSessionsOf("alice", null));
            assertEquals("421 Closed by the server administrator.", a1.reply());
            assertEquals("421 Closed by the server administrator.", a2.reply());
            assertTrue(a1.closedByServer());
            assertEquals(200, b.command("NOOP"));
            waitFor(() -> control.sessions().size() == 1);
            assertEquals(0, control.closeSessionsOf("carol", null));
        }
    }

    @Test
    void aRemovedAccountsSessionsCloseWhenConfiguredSo() throws IOException {
        start(true);
        Authorizer other = credentials -> {
            throw new UnknownUserException(credentials.userName());
        };
        try (RawClient alice = loggedIn("alice", "secret"); RawClient bob = loggedIn("bob", "pw")) {
            // the same name gone from another authorizer does not concern alice's session
            server.server.accountListener().accountRemoved(other, "alice", "deleted elsewhere");
            assertEquals(200, alice.command("NOOP"));

            server.server.accountListener().accountRemoved(server.authorizer, "alice", "user deleted");
            assertEquals("421 Your account is no longer available; closing the connection.", alice.reply());
            assertTrue(alice.closedByServer());
            assertEquals(200, bob.command("NOOP"));
        }
    }

    @Test
    void aRemovedAccountsSessionsContinueByDefault() throws IOException {
        FtpServerControl control = start(false);
        try (RawClient alice = loggedIn("alice", "secret")) {
            server.server.accountListener().accountRemoved(server.authorizer, "alice", "user deleted");
            assertEquals(200, alice.command("NOOP"));
            assertEquals(1, control.sessions().size());
        }
    }

    @Test
    void connectionsOverALimitAreCountedAsRefused() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.maxConnectionsPerIp(1));
        FtpServerControl control = server.server.control();
        try (RawClient first = loggedIn("alice", "secret");
                RawClient second = new RawClient(TestServer.HOST, server.port())) {
            assertEquals(421, second.code(second.reply()));
            assertTrue(second.closedByServer());
            ServerCounters counters = control.counters();
            assertEquals(1, counters.connectionsRefused());
            assertEquals(1, counters.sessionsTotal(), "a refused connection is no session");
            assertEquals(1, counters.sessionsCurrent());
            assertEquals(0, counters.errorReplies(), "the 421 of a refusal is not a session's reply");
        }
    }

    @Test
    void aStoppedServerShowsNothing() throws IOException {
        FtpServerControl control = start(false);
        assertEquals(1, control.listenAddresses().size());
        assertEquals(server.port(), control.listenAddresses().get(0).getPort());
        server.close();
        assertEquals(List.of(), control.listenAddresses());
        assertNull(control.runningSince());
        assertEquals(0, control.counters().sessionsTotal());
        assertFalse(control.closeSession("1", null));
        server = null;
    }

    private RawClient loggedIn(String user, String password) throws IOException {
        RawClient raw = new RawClient(TestServer.HOST, server.port());
        raw.reply();
        raw.login(user, password);
        return raw;
    }

    private static java.util.Optional<LiveSession.LiveTransfer> uploadOf(FtpServerControl control) {
        return control.sessions().stream().map(LiveSession::transfer).filter(java.util.Objects::nonNull).findFirst();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
