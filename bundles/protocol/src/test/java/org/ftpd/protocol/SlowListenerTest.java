package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.api.FtpEventListener;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.TransferInfo;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listener stuck in its first event holds up no session; once it returns it hears the rest, in order. */
class SlowListenerTest {

    @TempDir
    Path tmp;

    @Test
    void aBlockedListenerDoesNotStallSessions() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> heard = new CopyOnWriteArrayList<>();
        FtpEventListener stuck = new FtpEventListener() {
            @Override
            public void onConnect(SessionInfo s) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                heard.add("connect");
            }

            @Override
            public void onFileReceived(SessionInfo s, TransferInfo t) {
                heard.add("received " + t.bytes());
            }

            @Override
            public void onDisconnect(SessionInfo s) {
                heard.add("disconnect");
            }
        };
        try (TestServer server = new TestServer(tmp, b -> b.eventListener(stuck), s -> s)) {
            byte[] content = new byte[200_000];
            content[1] = 1;
            FTPClient client = server.alice();
            assertTrue(client.storeFile("s.bin", new ByteArrayInputStream(content)));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            assertTrue(client.retrieveFile("s.bin", back));
            assertArrayEquals(content, back.toByteArray());
            TestServer.quietly(client);
            assertTrue(heard.isEmpty(), "the listener is still stuck: " + heard);
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!heard.contains("disconnect") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(List.of("connect", "received 200000", "disconnect"), heard);
        }
    }
}
