package org.ftpd.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.net.ftp.FTPClient;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;

/**
 * The issue 7 acceptance run: while a client downloads a large file at a limited rate, etc/org.ftpd.cfg is
 * edited to a new port and a new rate in one save. The download completes byte-identical (SHA-256), the old port
 * stops accepting, the new one accepts, and a new transfer on it runs at the new rate within 10 %. And a user
 * file's own write.limit holds that user's downloads.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LiveThrottleInKarafIT extends PyftpdKarafTestSupport {

    private static final long MIB = 1 << 20;
    private static final long FIRST_RATE = 4 * MIB;
    private static final long SECOND_RATE = 8 * MIB;
    private static final int BIG = 32 * (int) MIB;
    private static final int MEASURED = 16 * (int) MIB;
    /** fileinstall looks at etc/ once a second; after that the listener must move within a second. */
    private static final long NEW_PORT_WITHIN_NANOS = 2_500_000_000L;

    @Before
    public void installFeature() throws Exception {
        installPyftpdOnce();
        int port = configuredPort();
        Poll.until("the server greets on port " + port, SOON, () -> Ftp.greets(port));
    }

    @Test
    public void portAndRateChangeUnderADownload() throws Exception {
        Path home = Files.createTempDirectory("throttle-user");
        byte[] bigSha = writeRandom(home.resolve("big.bin"), BIG, 11);
        byte[] measuredSha = writeRandom(home.resolve("measured.bin"), MEASURED, 12);
        Configuration user = configAdmin().getFactoryConfiguration(USER_FACTORY_PID, "throttletest", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", "throttler");
        properties.put("password", "throttle-pw");
        properties.put("home", home.toString());
        properties.put("perm", "elr");
        user.update(properties);
        int oldPort = configuredPort();
        Poll.until("throttler can log in", SOON, () -> Ftp.canLogIn(oldPort, "throttler", "throttle-pw"));

        long offset = logSize();
        editServerFile(Map.of("write.limit", "4m"));
        Poll.until("write.limit = 4m is applied", SOON,
                () -> logSince(offset).contains("write.limit=" + FIRST_RATE + ","));

        FTPClient downloader = Ftp.login(oldPort, "throttler", "throttle-pw");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long received;
            try (InputStream in = new DigestInputStream(downloader.retrieveFileStream("big.bin"), sha)) {
                byte[] buffer = new byte[64 * 1024];
                received = 0;
                // the first 2 MiB at the first rate, then port and rate change in one save of the file
                while (received < 2 * MIB) {
                    int n = in.read(buffer);
                    assertTrue("the download ended early", n > 0);
                    received += n;
                }
                int newPort = freePort();
                long edited = System.nanoTime();
                editServerFile(Map.of("port", Integer.toString(newPort), "write.limit", "8m"));
                Poll.until("fileinstall hands the new port to ConfigurationAdmin", SOON,
                        () -> configuredPortOrZero() == newPort);
                long configured = System.nanoTime();
                Poll.until("the server greets on the new port " + newPort, SOON, () -> Ftp.greets(newPort));
                long greeted = System.nanoTime();
                System.out.printf("new port %d greets %d ms after the save, %d ms after the configuration update%n",
                        newPort, (greeted - edited) / 1_000_000, (greeted - configured) / 1_000_000);
                assertTrue("the new port accepted " + (greeted - configured) / 1_000_000
                        + " ms after the configuration changed", greeted - configured < 1_000_000_000L);
                assertTrue("the new port accepted " + (greeted - edited) / 1_000_000 + " ms after the file was saved",
                        greeted - edited < NEW_PORT_WITHIN_NANOS);
                Poll.until("the old port " + oldPort + " refuses connections", SOON, () -> Ftp.refuses(oldPort));

                int n;
                while ((n = in.read(buffer)) > 0) {
                    received += n;
                }
            }
            assertTrue("226 after the download: " + downloader.getReplyString(), downloader.completePendingCommand());
            assertTrue("all bytes arrived: " + received, received == BIG);
            assertArrayEquals("the download is byte-identical (SHA-256)", bigSha, sha.digest());
        } finally {
            Ftp.close(downloader);
        }

        int newPort = configuredPort();
        FTPClient fresh = Ftp.login(newPort, "throttler", "throttle-pw");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long start = System.nanoTime();
            try (OutputStream sink = OutputStream.nullOutputStream();
                    InputStream in = new DigestInputStream(fresh.retrieveFileStream("measured.bin"), sha)) {
                in.transferTo(sink);
            }
            assertTrue("226: " + fresh.getReplyString(), fresh.completePendingCommand());
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = MEASURED / seconds;
            System.out.printf("new transfer: %d bytes in %.2f s = %.0f B/s (limit %d)%n", MEASURED, seconds, rate,
                    SECOND_RATE);
            assertArrayEquals("the new transfer is byte-identical", measuredSha, sha.digest());
            assertTrue("new transfer at " + (long) rate + " B/s, limit " + SECOND_RATE,
                    rate >= SECOND_RATE * 0.9 && rate <= SECOND_RATE * 1.1);
        } finally {
            Ftp.close(fresh);
            user.delete();
        }
    }

    @Test
    public void aUserFilesWriteLimitHoldsItsSessions() throws Exception {
        Path home = Files.createTempDirectory("slow-user");
        int size = 6 * (int) MIB;
        byte[] expected = writeRandom(home.resolve("file.bin"), size, 13);
        Configuration user = configAdmin().getFactoryConfiguration(USER_FACTORY_PID, "slowtest", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", "slowpoke");
        properties.put("password", "slow-pw");
        properties.put("home", home.toString());
        properties.put("write.limit", "2m");
        user.update(properties);
        int port = configuredPort();
        Poll.until("slowpoke can log in", SOON, () -> Ftp.canLogIn(port, "slowpoke", "slow-pw"));
        FTPClient client = Ftp.login(port, "slowpoke", "slow-pw");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long start;
            int first;
            try (InputStream in = new DigestInputStream(client.retrieveFileStream("file.bin"), sha)) {
                // timed from the first byte: the rate of the data, not of the commands that set it up
                first = in.read(new byte[64 * 1024]);
                start = System.nanoTime();
                in.transferTo(OutputStream.nullOutputStream());
            }
            double rate = (size - first) / ((System.nanoTime() - start) / 1e9);
            assertTrue("226: " + client.getReplyString(), client.completePendingCommand());
            System.out.printf("user limit 2m: %.0f B/s%n", rate);
            assertArrayEquals(expected, sha.digest());
            // whatever the server's own write.limit is in this container (none, 4m or 8m), the user's is stricter
            assertTrue("user-limited transfer at " + (long) rate + " B/s", rate >= 2 * MIB * 0.9
                    && rate <= 2 * MIB * 1.1);
        } finally {
            Ftp.close(client);
            user.delete();
        }
    }

    private int configuredPortOrZero() {
        try {
            return configuredPort();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Writes {@code size} random bytes and returns their SHA-256. */
    private static byte[] writeRandom(Path file, int size, long seed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int done = 0; done < size; done += block.length) {
                random.nextBytes(block);
                out.write(block);
                sha.update(block);
            }
        }
        return sha.digest();
    }

    /** Sets several keys in etc/org.ftpd.cfg in one save, as an operator does. */
    private static void editServerFile(Map<String, String> values) throws IOException {
        Path file = karafFile("etc/org.ftpd.cfg");
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.removeIf(line -> values.keySet().stream().anyMatch(key -> line.replace(" ", "").startsWith(key + "=")));
        values.forEach((key, value) -> lines.add(key + " = " + value));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
