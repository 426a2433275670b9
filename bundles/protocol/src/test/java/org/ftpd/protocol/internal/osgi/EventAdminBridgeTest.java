package org.ftpd.protocol.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Every server event reaches EventAdmin under its topic with the session's and the transfer's facts. */
class EventAdminBridgeTest {

    /** An EventAdmin that keeps what is posted and refuses synchronous sends (the bridge must not block). */
    static final class FakeEventAdmin implements EventAdmin {
        final List<Event> posted = new CopyOnWriteArrayList<>();

        @Override
        public void postEvent(Event event) {
            posted.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("sendEvent blocks the caller; the bridge posts");
        }

        Event await(String topic) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (Event e : posted) {
                    if (e.getTopic().equals(topic)) {
                        return e;
                    }
                }
                Thread.onSpinWait();
            }
            throw new AssertionError("no " + topic + " among " + posted.stream().map(Event::getTopic).toList());
        }
    }

    @TempDir
    Path tmp;
    TestServer server;
    final FakeEventAdmin eventAdmin = new FakeEventAdmin();
    final EventAdminBridge bridge = new EventAdminBridge();

    @BeforeEach
    void start() throws IOException {
        bridge.bindEventAdmin(eventAdmin);
        server = new TestServer(tmp, b -> b.eventListener(bridge), s -> s.loginFailedDelay(Duration.ZERO));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aScriptedSessionPostsEveryTopicWithItsFacts() throws IOException {
        Files.write(server.alice.resolve("big.bin"), new byte[16 << 20]);
        FTPClient client = server.connect();
        String clientPort = Integer.toString(client.getLocalPort());
        assertFalse(client.login("alice", "wrong"));
        assertTrue(client.login("alice", "secret"));
        client.enterLocalPassiveMode();
        client.setFileType(FTPClient.BINARY_FILE_TYPE);
        assertTrue(client.storeFile("up.bin", new ByteArrayInputStream(new byte[5000])));
        assertTrue(client.retrieveFile("up.bin", new ByteArrayOutputStream()));
        try (Socket data = passiveData(client)) {
            assertEquals(150, client.sendCommand("RETR", "big.bin"));
            InputStream in = data.getInputStream();
            assertTrue(in.readNBytes(1000).length == 1000);
            data.setSoLinger(true, 0);
        }
        assertEquals(426, client.getReply());
        try (Socket data = passiveData(client)) {
            assertEquals(150, client.sendCommand("STOR", "cut.bin"));
            OutputStream out = data.getOutputStream();
            out.write(new byte[20_000]);
            out.flush();
            data.setSoLinger(true, 0);
        }
        assertEquals(426, client.getReply());
        client.logout();
        client.disconnect();

        Event connect = eventAdmin.await(EventAdminBridge.CONNECT);
        String id = (String) connect.getProperty(EventAdminBridge.SESSION_ID);
        assertEquals("127.0.0.1", connect.getProperty(EventAdminBridge.REMOTE_ADDRESS));
        assertEquals(Integer.valueOf(clientPort), connect.getProperty(EventAdminBridge.REMOTE_PORT));
        assertEquals(server.port(), connect.getProperty(EventAdminBridge.LOCAL_PORT));
        assertEquals(Boolean.FALSE, connect.getProperty(EventAdminBridge.SECURE));
        assertNull(connect.getProperty(EventAdminBridge.USER));
        assertTrue(connect.getProperty("timestamp") instanceof Long);

        assertEquals("alice", eventAdmin.await(EventAdminBridge.LOGIN_FAILED).getProperty(EventAdminBridge.USER));
        assertEquals("alice", eventAdmin.await(EventAdminBridge.LOGIN).getProperty(EventAdminBridge.USER));

        Event received = eventAdmin.await(EventAdminBridge.RECEIVED);
        assertEquals("/up.bin", received.getProperty(EventAdminBridge.PATH));
        assertEquals(5000L, received.getProperty(EventAdminBridge.BYTES));
        assertEquals(Boolean.TRUE, received.getProperty(EventAdminBridge.COMPLETE));
        assertTrue((Long) received.getProperty(EventAdminBridge.DURATION_MS) >= 0);
        assertEquals("alice", received.getProperty(EventAdminBridge.USER));

        Event sent = eventAdmin.await(EventAdminBridge.SENT);
        assertEquals("/up.bin", sent.getProperty(EventAdminBridge.PATH));
        assertEquals(5000L, sent.getProperty(EventAdminBridge.BYTES));

        Event cutDownload = eventAdmin.await(EventAdminBridge.SENT_INCOMPLETE);
        assertEquals("/big.bin", cutDownload.getProperty(EventAdminBridge.PATH));
        assertEquals(Boolean.FALSE, cutDownload.getProperty(EventAdminBridge.COMPLETE));
        assertTrue((Long) cutDownload.getProperty(EventAdminBridge.BYTES) < 16L << 20);

        Event cutUpload = eventAdmin.await(EventAdminBridge.RECEIVED_INCOMPLETE);
        assertEquals("/cut.bin", cutUpload.getProperty(EventAdminBridge.PATH));
        assertEquals(Boolean.FALSE, cutUpload.getProperty(EventAdminBridge.COMPLETE));

        assertEquals("alice", eventAdmin.await(EventAdminBridge.LOGOUT).getProperty(EventAdminBridge.USER));
        eventAdmin.await(EventAdminBridge.DISCONNECT);
        assertTrue(eventAdmin.posted.stream().allMatch(e -> id.equals(e.getProperty(EventAdminBridge.SESSION_ID))));
        assertEquals(List.of(EventAdminBridge.CONNECT, EventAdminBridge.LOGIN_FAILED, EventAdminBridge.LOGIN,
                EventAdminBridge.RECEIVED, EventAdminBridge.SENT, EventAdminBridge.SENT_INCOMPLETE,
                EventAdminBridge.RECEIVED_INCOMPLETE, EventAdminBridge.LOGOUT, EventAdminBridge.DISCONNECT),
                eventAdmin.posted.stream().map(Event::getTopic).toList());
    }

    @Test
    void withoutEventAdminNothingIsPostedAndNothingBreaks() throws IOException {
        bridge.unbindEventAdmin(eventAdmin);
        FTPClient client = server.alice();
        assertTrue(client.storeFile("x.bin", new ByteArrayInputStream(new byte[10])));
        TestServer.quietly(client);
        FakeEventAdmin later = new FakeEventAdmin();
        bridge.bindEventAdmin(later);
        TestServer.quietly(server.alice());
        later.await(EventAdminBridge.DISCONNECT);
        assertTrue(eventAdmin.posted.isEmpty(), eventAdmin.posted.toString());
    }

    @Test
    void anOlderEventAdminUnboundAfterItsReplacementLeavesTheReplacement() {
        FakeEventAdmin replacement = new FakeEventAdmin();
        bridge.bindEventAdmin(replacement);
        bridge.unbindEventAdmin(eventAdmin);
        bridge.onConnect(new org.ftpd.protocol.internal.session.FtpSession("9",
                new java.net.InetSocketAddress("127.0.0.1", 1), new java.net.InetSocketAddress("127.0.0.1", 2)));
        assertEquals(1, replacement.posted.size());
    }

    private static Socket passiveData(FTPClient client) throws IOException {
        assertEquals(229, client.sendCommand("EPSV"));
        String reply = client.getReplyString();
        int port = Integer.parseInt(reply.substring(reply.indexOf("|||") + 3, reply.lastIndexOf('|')));
        return new Socket(TestServer.HOST, port);
    }
}
