package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftpd.api.UploadChannel;
import org.ftpd.api.WriteMode;
import org.ftpd.protocol.support.TempDirFileSystem;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that sends its whole upload and vanishes (control connection, then data connection) while the server
 * is still opening the file: the upload must be aborted, not committed as complete, although the control
 * connection closed before the transfer existed to be aborted by it ({@code DataTransfers} looks at the control
 * connection again once the file is open).
 */
class ClientGoneWhileOpeningTest {

    @TempDir
    Path tmp;
    TestServer server;
    final CountDownLatch opening = new CountDownLatch(1);
    final CountDownLatch mayOpen = new CountDownLatch(1);
    final AtomicReference<String> outcome = new AtomicReference<>();

    @AfterEach
    void stop() {
        mayOpen.countDown();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anUploadWhoseClientLeftDuringTheOpenIsAborted() throws Exception {
        Path home = tmp.resolve("srv/alice");
        server = new TestServer(tmp.resolve("srv"), b -> b.fileSystemFactory("test",
                account -> new TempDirFileSystem(home) {
                    @Override
                    public SeekableByteChannel openForWrite(String path, WriteMode mode, long offset)
                            throws IOException {
                        opening.countDown();
                        awaitQuietly(mayOpen);
                        return new RecordedUpload((FileChannel) super.openForWrite(path, mode, offset), outcome);
                    }
                }), s -> s);

        try (Socket control = new Socket(TestServer.HOST, server.port())) {
            control.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(control.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = control.getOutputStream();
            assertTrue(in.readLine().startsWith("220"));
            assertTrue(command(out, in, "USER alice").startsWith("331"));
            assertTrue(command(out, in, "PASS secret").startsWith("230"));
            assertTrue(command(out, in, "TYPE I").startsWith("200"));
            Matcher epsv = Pattern.compile("\\(\\|\\|\\|(\\d+)\\|\\)").matcher(command(out, in, "EPSV"));
            assertTrue(epsv.find());
            Socket data = new Socket(TestServer.HOST, Integer.parseInt(epsv.group(1)));
            out.write("STOR up.bin\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            data.getOutputStream().write(new byte[64 * 1024]);
            assertTrue(opening.await(10, TimeUnit.SECONDS), "the server is opening the file");
            // the client vanishes: control connection first, then the data connection, its upload all sent
            control.close();
            data.close();
        }
        // the server has seen the control connection close before the open is let go
        waitUntil(() -> server.server.control().sessions().isEmpty());
        mayOpen.countDown();
        waitUntil(() -> outcome.get() != null);
        assertEquals("aborted", outcome.get());
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached within 10 s");
    }

    private static String command(OutputStream out, BufferedReader in, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return in.readLine();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An upload channel that records whether the engine committed it (close) or aborted it. */
    private static final class RecordedUpload implements UploadChannel {
        private final FileChannel file;
        private final AtomicReference<String> outcome;

        RecordedUpload(FileChannel file, AtomicReference<String> outcome) {
            this.file = file;
            this.outcome = outcome;
        }

        @Override
        public void abort() throws IOException {
            outcome.compareAndSet(null, "aborted");
            file.close();
        }

        @Override
        public void close() throws IOException {
            outcome.compareAndSet(null, "committed");
            file.close();
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return file.write(src);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }
    }
}
