package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.ftpd.api.FtpFile;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TempDirFileSystem;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listings (streamed, sorted when small, never globbed, {@code ls} options accepted) and STOU, with Commons Net
 * and a raw socket where the test must hold the data connection still.
 */
class ListingAndStouTest {

    /** Entries of the generated directory {@code /huge}: far more than any socket buffer holds as LIST lines. */
    static final int HUGE = 200_000;
    /** Entries of the generated directory {@code /big}: many chunks, and more than STAT shows. */
    static final int BIG = 20_000;

    @TempDir
    Path tmp;
    TestServer server;
    FTPClient client;
    /** How many entries of {@code /huge} the server has pulled from the filesystem so far. */
    final AtomicInteger pulled = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = new TestServer(tmp, b -> b.fileSystemFactory("gen", account -> new Generated(
                tmp.resolve(account.home().getPath().substring(1)), pulled)), s -> s);
        server.authorizer.user("gen", "pw", URI.create("gen:/alice"), "elr");
        client = server.alice();
    }

    @AfterEach
    void stop() {
        TestServer.quietly(client);
        server.close();
    }

    /** alice's home plus directories {@code /huge} and {@code /big} whose entries are made up as they are read. */
    static final class Generated extends TempDirFileSystem {
        private final AtomicInteger pulled;

        Generated(Path root, AtomicInteger pulled) {
            super(root);
            this.pulled = pulled;
        }

        private static int size(String path) {
            return switch (path) {
                case "/huge" -> HUGE;
                case "/big" -> BIG;
                default -> -1;
            };
        }

        @Override
        public FtpFile stat(String path) throws IOException {
            if (size(path) >= 0) {
                return new FtpFile(path.substring(1), path, FtpFile.Type.DIRECTORY, 0, Instant.EPOCH, 0755, "0", "0",
                        2, null);
            }
            return super.stat(path);
        }

        @Override
        public Stream<FtpFile> list(String directory) throws IOException {
            int size = size(directory);
            if (size < 0) {
                return super.list(directory);
            }
            // names in falling order, so that a sorted listing would be told from this one
            return IntStream.range(0, size).mapToObj(i -> {
                pulled.incrementAndGet();
                String name = String.format("entry-%07d", size - 1 - i);
                return new FtpFile(name, directory + "/" + name, FtpFile.Type.FILE, i, Instant.EPOCH, 0644, "1000",
                        "1000", 1, null);
            });
        }
    }

    @Test
    void aHugeDirectoryIsReadOnlyAsFastAsTheClientTakesIt() throws Exception {
        try (RawClient raw = new RawClient(TestServer.HOST, server.port())) {
            raw.reply();
            raw.login("gen", "pw");
            raw.send("EPSV");
            Matcher port = Pattern.compile("\\|\\|\\|(\\d+)\\|").matcher(raw.reply());
            assertTrue(port.find());
            try (Socket data = new Socket()) {
                // a client that reads nothing keeps its receive window small: the rest waits on the server
                data.connect(new java.net.InetSocketAddress(TestServer.HOST, Integer.parseInt(port.group(1))));
                raw.send("LIST /huge");
                assertEquals(150, raw.code(raw.reply()));
                int stalledAt = awaitStable(pulled);
                assertTrue(stalledAt < HUGE / 2, "pulled " + stalledAt + " of " + HUGE
                        + " entries while the client read nothing");
                BufferedReader lines = new BufferedReader(new InputStreamReader(data.getInputStream(),
                        StandardCharsets.UTF_8));
                int count = 0;
                String first = null;
                for (String line; (line = lines.readLine()) != null; count++) {
                    if (first == null) {
                        first = line;
                    }
                }
                assertEquals(HUGE, count);
                assertTrue(first.endsWith(String.format(" entry-%07d", HUGE - 1)), "a big directory goes in the filesystem's order: "
                        + first);
            }
            assertEquals(226, raw.code(raw.reply()));
            assertEquals(HUGE, pulled.get());
        }
    }

    /** Waits until {@code counter} stops moving (the server waits for the client) and returns its value. */
    private static int awaitStable(AtomicInteger counter) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int last = -1;
        int sameFor = 0;
        while (System.nanoTime() < deadline) {
            int now = counter.get();
            sameFor = now == last && now > 0 ? sameFor + 1 : 0;
            if (sameFor >= 5) {
                return now;
            }
            last = now;
            Thread.sleep(100);
        }
        return counter.get();
    }

    @Test
    void everyListingOfABigDirectoryIsComplete() throws IOException {
        FTPClient gen = server.login("gen", "pw");
        try {
            String[] names = gen.listNames("/big");
            assertEquals(BIG, names.length);
            assertEquals(BIG, new HashSet<>(Arrays.asList(names)).size());
            assertEquals(BIG, gen.listFiles("/big").length);
            pulled.set(0);
            FTPFile[] facts = gen.mlistDir("/big");
            assertEquals(BIG, facts.length);
            assertEquals(BIG, pulled.get());
            assertEquals(226, gen.getReplyCode());
            assertEquals(213, gen.stat("/big"));
            String[] statLines = gen.getReplyStrings();
            assertTrue(statLines[statLines.length - 2].contains("more than 10000 entries"),
                    "STAT over the control connection is bounded: " + statLines[statLines.length - 2]);
        } finally {
            TestServer.quietly(gen);
        }
    }

    @Test
    void smallDirectoriesAreSortedByName() throws IOException {
        for (String name : List.of("b", "a", "d", "c", "A")) {
            Files.writeString(server.alice.resolve(name), name);
        }
        assertEquals(List.of("A", "a", "b", "c", "d"), Arrays.asList(client.listNames()));
        List<String> listed = new ArrayList<>();
        for (FTPFile f : client.listFiles()) {
            listed.add(f.getName());
        }
        assertEquals(List.of("A", "a", "b", "c", "d"), listed);
    }

    @Test
    void lsOptionsAreAcceptedAndGlobsAreNeverExpanded() throws IOException {
        Files.writeString(server.alice.resolve("abc.txt"), "1");
        Files.writeString(server.alice.resolve("*.txt"), "a file named like a pattern");
        for (String options : List.of("-a", "-l", "-la", "-al", "-a -l")) {
            assertEquals(2, client.listFiles(options).length, options);
        }
        FTPFile[] pattern = client.listFiles("*.txt");
        assertEquals(1, pattern.length, "only the file literally named *.txt");
        assertEquals("*.txt", pattern[0].getName());
        assertEquals(0, client.listFiles("a*").length);
        assertEquals(550, client.getReplyCode());
        // an exponential matcher would take ages here; a literal name lookup answers at once
        String evil = "a*".repeat(40) + "b";
        assertEquals(0, client.listFiles(evil).length);
        assertEquals(550, client.getReplyCode());
        assertEquals(List.of("abc.txt"), Arrays.asList(client.listNames("abc.txt")));
    }

    @Test
    void listOfAMissingPathAnswers550BeforeAnyDataConnection() throws IOException {
        assertEquals(227, client.pasv());
        assertEquals(550, client.sendCommand("LIST", "missing"));
        assertEquals(550, client.sendCommand("NLST", "missing"));
        assertEquals(550, client.sendCommand("MLSD", "missing"));
        assertEquals(0, client.listFiles().length);
        assertEquals(226, client.getReplyCode());
    }

    @Test
    void stouStoresUnderAFreshNameGivenInThe150Reply() throws IOException {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            OutputStream out = client.storeUniqueFileStream();
            String preliminary = client.getReplyString().trim();
            Matcher m = Pattern.compile("150 FILE: (ftpd\\.[a-z0-9]{8})").matcher(preliminary);
            assertTrue(m.matches(), preliminary);
            out.write(("content " + i).getBytes(StandardCharsets.UTF_8));
            out.close();
            assertTrue(client.completePendingCommand(), client.getReplyString());
            assertEquals(226, client.getReplyCode());
            assertEquals("content " + i, Files.readString(server.alice.resolve(m.group(1))));
            names.add(m.group(1));
        }
        assertEquals(3, names.size());
        Files.createDirectory(server.alice.resolve("reports"));
        OutputStream out = client.storeUniqueFileStream("reports/daily");
        Matcher m = Pattern.compile("150 FILE: (daily\\.[a-z0-9]{8})").matcher(client.getReplyString().trim());
        assertTrue(m.matches(), client.getReplyString());
        out.write(1);
        out.close();
        assertTrue(client.completePendingCommand());
        assertTrue(Files.exists(server.alice.resolve("reports").resolve(m.group(1))));
    }

    @Test
    void stouNeedsWritePermissionAndRefusesAPendingRest() throws IOException {
        FTPClient bob = server.login("bob", "pw");
        try {
            assertEquals(227, bob.pasv());
            assertEquals(550, bob.sendCommand("STOU"));
            try (Stream<Path> files = Files.list(server.bob)) {
                assertEquals(0, files.count());
            }
        } finally {
            TestServer.quietly(bob);
        }
        assertEquals(350, client.sendCommand("REST", "10"));
        assertEquals(227, client.pasv());
        assertEquals(450, client.sendCommand("STOU"));
        assertEquals(550, client.sendCommand("STOU", "missing-dir/x"));
        assertFalse(Files.exists(server.alice.resolve("missing-dir")));
    }
}
