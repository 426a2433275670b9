package org.ftpd.filesystems.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.io.CopyStreamException;
import org.ftpd.api.Account;
import org.ftpd.api.AuthenticationException;
import org.ftpd.api.Authorizer;
import org.ftpd.api.Credentials;
import org.ftpd.api.FtpFileSystem;
import org.ftpd.api.Permissions;
import org.ftpd.api.UnknownUserException;
import org.ftpd.protocol.FtpServer;
import org.ftpd.protocol.ServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine serving these views to a real client (Apache Commons Net): memory homes, error replies that name
 * the FTP path, 552 over quota, 452 on a full disk, an unjailed admin, and an atomic upload cut off by a
 * dropped connection. Atomic uploads on, partial files deleted.
 */
class FtpEndToEndTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    static Path tmp;
    static Path disk;
    static Path adminHome;
    static HomeViews views;
    static FtpServer server;
    static Map<String, Account> accounts;

    FTPClient client;

    @BeforeAll
    static void start() throws IOException {
        disk = Files.createDirectories(tmp.toRealPath().resolve("homes/carol"));
        adminHome = Files.createDirectories(tmp.toRealPath().resolve("homes/admin"));
        views = new HomeViews();
        views.settings(FsSettings.parse(Map.of("upload.atomic", "true", "upload.partial", "delete",
                "memory.max.bytes", "1m")));
        accounts = Map.of(
                "alice", account("alice", "memory:/alice").build(),
                "quota", account("quota", "memory:/quota").property("quota.bytes", "100k").build(),
                "tiny", account("tiny", "memory://tiny/u").build(),
                "carol", account("carol", disk.toUri().toString()).build(),
                "admin", account("admin", adminHome.toUri().toString()).property("unjailed", "true").build());
        Authorizer authorizer = (Credentials c) -> {
            Account a = accounts.get(c.userName());
            if (a == null) {
                throw new UnknownUserException(c.userName());
            }
            if (!c.password().equals("pw")) {
                throw new AuthenticationException("wrong password");
            }
            return a;
        };
        server = FtpServer.builder()
                .settings(ServerSettings.builder().host(HOST).port(0).loginFailedDelay(Duration.ofMillis(10)).build())
                .authorizer(authorizer)
                .fileSystemFactories(scheme -> views)
                .build();
        server.start();
    }

    private static Account.Builder account(String name, String home) {
        return Account.builder(name, URI.create(home)).permissions(Permissions.ALL);
    }

    @AfterAll
    static void stop() {
        server.stop();
        views.close();
    }

    @AfterEach
    void disconnect() throws IOException {
        if (client != null && client.isConnected()) {
            client.disconnect();
        }
    }

    private FTPClient login(String user) throws IOException {
        client = new FTPClient();
        client.setDefaultTimeout(10_000);
        client.setDataTimeout(Duration.ofSeconds(10));
        client.connect(HOST, server.localPort());
        client.setSoTimeout(10_000);
        assertTrue(client.login(user, "pw"), client.getReplyString());
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        return client;
    }

    @Test
    void aMemoryHomeServesEveryCommand() throws IOException {
        FTPClient c = login("alice");
        byte[] content = random(300_000);
        assertTrue(c.storeFile("/data.bin", new ByteArrayInputStream(content)), c.getReplyString());
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        assertTrue(c.retrieveFile("/data.bin", back), c.getReplyString());
        assertArrayEquals(content, back.toByteArray());
        assertTrue(c.makeDirectory("/dir"));
        assertTrue(c.rename("/data.bin", "/dir/moved.bin"));
        FTPFile[] files = c.listFiles("/dir");
        assertEquals(1, files.length);
        assertEquals("moved.bin", files[0].getName());
        assertEquals(content.length, files[0].getSize());
        assertEquals("300000", c.getSize("/dir/moved.bin"));
        assertTrue(c.deleteFile("/dir/moved.bin"));
        assertTrue(c.removeDirectory("/dir"));
        assertEquals("/", c.printWorkingDirectory());
    }

    /** NLST reads names alone (no lookup per entry): every entry, uploads in progress left out, sorted up to 1000. */
    @Test
    void nlstNamesADiskDirectory() throws IOException {
        Path names = Files.createDirectories(disk.resolve("names"));
        for (int i = 0; i < 1500; i++) {
            Files.createFile(names.resolve("n" + i));
        }
        Files.createFile(names.resolve(Uploads.TEMPORARY_PREFIX + "in-progress"));
        Path few = Files.createDirectories(disk.resolve("few"));
        for (String name : List.of("c", "a", "b")) {
            Files.createFile(few.resolve(name));
        }
        FTPClient c = login("carol");
        String[] listed = c.listNames("/names");
        assertNotNull(listed, c.getReplyString());
        assertEquals(1500, listed.length);
        assertEquals(1500, java.util.Arrays.stream(listed).filter(n -> n.matches("n\\d+")).distinct().count());
        assertArrayEquals(new String[] {"a", "b", "c"}, c.listNames("/few"));
        assertArrayEquals(new String[] {"a"}, c.listNames("/few/a"), "NLST of a file names the file");
    }

    @Test
    void errorRepliesNameTheFtpPathNeverTheRealOne() throws IOException {
        FTPClient c = login("carol");
        assertFalse(c.retrieveFile("/missing.txt", new ByteArrayOutputStream()));
        assertEquals("550 /missing.txt: No such file or directory.", c.getReplyString().trim());
        assertFalse(c.changeWorkingDirectory("/../../etc"));
        assertTrue(c.getReplyString().startsWith("550 /etc: "), c.getReplyString());
        assertTrue(c.makeDirectory("/d"));
        assertFalse(c.makeDirectory("/d"));
        assertEquals("550 /d: File exists.", c.getReplyString().trim());
        assertFalse(c.getReplyString().contains(disk.toString()));
    }

    @Test
    void anUploadOverTheQuotaGets552AndLeavesNothing() throws IOException {
        FTPClient c = login("quota");
        assertEquals(552, storeRefused(c, "/big.bin", random(300_000)), c.getReplyString());
        assertTrue(c.getReplyString().contains("/big.bin: Exceeded storage allocation."), c.getReplyString());
        assertEquals(0, c.listNames("/").length, "no target, no temporary file");
        assertTrue(c.storeFile("/small.bin", new ByteArrayInputStream(random(50_000))), "room is left");
    }

    @Test
    void anUploadOntoAFullDiskGets452AndLeavesNothing() throws IOException {
        FTPClient c = login("tiny");
        assertEquals(452, storeRefused(c, "/big.bin", random(2_000_000)), c.getReplyString());
        assertTrue(c.getReplyString().contains("/big.bin: Insufficient storage space."), c.getReplyString());
        try (FtpFileSystem fs = views.open(accounts.get("tiny")); Stream<?> s = fs.list("/")) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void anUnjailedAdminStartsInTheHomeAndSeesRealPaths() throws IOException {
        FTPClient c = login("admin");
        assertEquals(adminHome.toString(), c.printWorkingDirectory());
        Files.writeString(disk.resolve("from-carol.txt"), "hi");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(c.retrieveFile(disk.resolve("from-carol.txt").toString(), out), c.getReplyString());
        assertEquals("hi", out.toString());
    }

    @Test
    void aDroppedConnectionDuringAnAtomicUploadLeavesTheTargetAsItWas() throws Exception {
        Files.writeString(disk.resolve("report.txt"), "the old, complete report");
        FTPClient c = login("carol");
        OutputStream data = c.storeFileStream("/report.txt");
        data.write(random(64 * 1024));
        data.flush();
        waitFor(() -> temporaries() == 1, "the upload's temporary file exists");
        assertEquals("the old, complete report", Files.readString(disk.resolve("report.txt")));
        // the client vanishes: control connection first, then the data connection
        c.disconnect();
        data.close();
        waitFor(() -> temporaries() == 0, "the broken upload's temporary file is removed");
        assertEquals("the old, complete report", Files.readString(disk.resolve("report.txt")));
    }

    /**
     * Stores a file the server refuses midway; the server then closes the data connection, so the client may
     * see its write fail before it reads the final reply.
     */
    private static int storeRefused(FTPClient c, String path, byte[] content) throws IOException {
        try {
            assertFalse(c.storeFile(path, new ByteArrayInputStream(content)));
            return c.getReplyCode();
        } catch (CopyStreamException e) {
            return c.getReply();
        }
    }

    private static long temporaries() {
        try (Stream<Path> s = Files.list(disk)) {
            return s.filter(p -> Uploads.isTemporary(p.getFileName().toString())).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
