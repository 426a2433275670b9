package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.api.FtpEventListener;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.TransferInfo;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTest {

    /** Writes down every event, with the thread it came on. */
    static final class Recorder implements FtpEventListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        private void note(String event) {
            events.add(event);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public void onConnect(SessionInfo s) {
            note("connect " + s.remoteAddress().getAddress().getHostAddress());
        }

        @Override
        public void onDisconnect(SessionInfo s) {
            note("disconnect");
        }

        @Override
        public void onLogin(SessionInfo s) {
            note("login " + s.userName());
        }

        @Override
        public void onLoginFailed(SessionInfo s, String user) {
            note("login failed " + user);
        }

        @Override
        public void onLogout(SessionInfo s) {
            note("logout " + s.userName());
        }

        @Override
        public void onFileSent(SessionInfo s, TransferInfo t) {
            note("sent " + t.path() + " " + t.bytes() + " " + t.complete());
        }

        @Override
        public void onFileReceived(SessionInfo s, TransferInfo t) {
            note("received " + t.path() + " " + t.bytes() + " " + t.complete());
        }

        @Override
        public void onIncompleteFileReceived(SessionInfo s, TransferInfo t) {
            note("incomplete received " + t.path() + " " + t.complete());
        }

        void await(Predicate<List<String>> condition) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!condition.test(events)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("events so far: " + events);
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Fails on every event: the others must not notice. */
    static final class Throwing implements FtpEventListener {
        @Override
        public void onConnect(SessionInfo s) {
            throw new IllegalStateException("boom");
        }

        @Override
        public void onLogin(SessionInfo s) {
            throw new IllegalStateException("boom");
        }

        @Override
        public void onFileReceived(SessionInfo s, TransferInfo t) {
            throw new IllegalStateException("boom");
        }
    }

    @TempDir
    Path tmp;
    TestServer server;
    final Recorder recorder = new Recorder();

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp, b -> b.eventListener(new Throwing()).eventListener(recorder), s -> s);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listenersHearTheSessionsLifeOffTheNetworkThreads() throws IOException {
        FTPClient client = server.connect();
        client.login("alice", "wrong");
        assertTrue(client.login("alice", "secret"));
        client.enterLocalPassiveMode();
        client.setFileType(FTPClient.BINARY_FILE_TYPE);
        assertTrue(client.storeFile("e.bin", new ByteArrayInputStream(new byte[1000])));
        assertTrue(client.retrieveFile("e.bin", new ByteArrayOutputStream()));
        client.logout();
        client.disconnect();
        recorder.await(e -> e.contains("disconnect"));
        assertEquals(List.of("connect 127.0.0.1", "login failed alice", "login alice", "received /e.bin 1000 true",
                "sent /e.bin 1000 true", "logout alice", "disconnect"), recorder.events);
        assertTrue(recorder.threads.stream().allMatch("ftpd-events"::equals), recorder.threads.toString());
    }

    @Test
    void aBrokenUploadIsAnIncompleteFile() throws IOException {
        FTPClient client = server.alice();
        assertEquals(229, client.sendCommand("EPSV"));
        String reply = client.getReplyString();
        int port = Integer.parseInt(reply.substring(reply.indexOf("|||") + 3, reply.lastIndexOf('|')));
        try (Socket data = new Socket(TestServer.HOST, port)) {
            assertEquals(150, client.sendCommand("STOR", "cut.bin"));
            OutputStream out = data.getOutputStream();
            out.write(new byte[50_000]);
            out.flush();
            data.setSoLinger(true, 0);
        }
        assertEquals(426, client.getReply());
        recorder.await(e -> e.contains("incomplete received /cut.bin false"));
        TestServer.quietly(client);
    }
}
