package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.protocol.internal.SessionMdc;
import org.ftpd.protocol.internal.TransferLog;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The transfer log gets one line per file transfer (none for listings), complete or not. */
class TransferLogLinesTest {

    static final class Lines extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }

        void awaitCount(int n) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (events.size() < n) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("transfer log so far: " + events);
                }
                Thread.onSpinWait();
            }
        }

        /** The line's fields after the ctime date (five fields). */
        List<String> fields(int i) {
            String[] all = events.get(i).getFormattedMessage().split(" +");
            return List.of(all).subList(5, all.length);
        }
    }

    @TempDir
    Path tmp;
    TestServer server;
    final Lines lines = new Lines();
    final Logger xferlog = (Logger) LoggerFactory.getLogger(TransferLog.LOGGER);

    @BeforeEach
    void start() throws IOException {
        lines.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        lines.start();
        xferlog.addAppender(lines);
        server = new TestServer(tmp);
    }

    @AfterEach
    void stop() {
        server.close();
        xferlog.detachAppender(lines);
    }

    @Test
    void uploadsDownloadsAndABrokenUploadAreLogged() throws IOException {
        FTPClient client = server.alice();
        assertTrue(client.storeFile("up.bin", new ByteArrayInputStream(new byte[3000])));
        client.setFileType(FTP.ASCII_FILE_TYPE);
        assertTrue(client.retrieveFile("up.bin", new ByteArrayOutputStream()));
        assertTrue(client.listNames().length > 0);
        lines.awaitCount(2);

        // an upload cut off by the client
        client.setFileType(FTP.BINARY_FILE_TYPE);
        assertEquals(229, client.sendCommand("EPSV"));
        String reply = client.getReplyString();
        int port = Integer.parseInt(reply.substring(reply.indexOf("|||") + 3, reply.lastIndexOf('|')));
        try (Socket data = new Socket(TestServer.HOST, port)) {
            assertEquals(150, client.sendCommand("STOR", "cut me.bin"));
            OutputStream out = data.getOutputStream();
            out.write(new byte[10_000]);
            out.flush();
            data.setSoLinger(true, 0);
        }
        assertEquals(426, client.getReply());
        lines.awaitCount(3);
        TestServer.quietly(client);

        assertEquals(List.of("127.0.0.1", "3000", "/up.bin", "b", "_", "i", "r", "alice", "ftp", "0", "*", "c"),
                lines.fields(0).subList(1, 13));
        assertEquals(List.of("127.0.0.1", "3000", "/up.bin", "a", "_", "o", "r", "alice", "ftp", "0", "*", "c"),
                lines.fields(1).subList(1, 13));
        List<String> cut = lines.fields(2);
        assertEquals(List.of("/cut_me.bin", "b", "_", "i"), cut.subList(3, 7));
        assertEquals("i", cut.get(cut.size() - 1));
        assertTrue(Long.parseLong(cut.get(2)) <= 10_000, cut.toString());
        assertEquals(3, lines.events.size(), "no line for the listing");
        assertEquals("alice", lines.events.get(0).getMDCPropertyMap().get(SessionMdc.USER));
    }
}
