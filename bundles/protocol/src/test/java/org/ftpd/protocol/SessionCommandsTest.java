package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.ftpd.api.FtpEventListener;
import org.ftpd.api.SessionInfo;
import org.ftpd.api.SiteCommand;
import org.ftpd.protocol.support.RawClient;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** REIN, STAT, SITE (built-in and extensions), ABOR as urgent data, driven by Commons Net and a raw socket. */
class SessionCommandsTest {

    @TempDir
    Path tmp;
    TestServer server;
    FTPClient client;
    final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (client != null) {
            TestServer.quietly(client);
        }
        if (server != null) {
            server.close();
        }
    }

    private void start() throws IOException {
        start(b -> b);
    }

    private void start(java.util.function.UnaryOperator<FtpServer.Builder> customize) throws IOException {
        FtpEventListener recorder = new FtpEventListener() {
            @Override
            public void onLogin(SessionInfo session) {
                events.add("login " + session.userName());
            }

            @Override
            public void onLogout(SessionInfo session) {
                events.add("logout " + session.userName());
            }
        };
        server = new TestServer(tmp, b -> customize.apply(b.eventListener(recorder)), s -> s);
        client = server.alice();
    }

    @Test
    void reinLogsOutAndResetsTheSessionButNotTheFailedLoginCount() throws Exception {
        start();
        Files.createDirectory(server.alice.resolve("sub"));
        assertTrue(client.changeWorkingDirectory("sub"));
        assertEquals(200, client.sendCommand("OPTS", "MLST size;"));
        assertEquals(200, client.sendCommand("OPTS", "HASH MD5"));
        assertEquals(227, client.pasv());
        assertEquals(350, client.sendCommand("REST", "5"));
        assertEquals(220, client.rein());
        assertEquals(530, client.pwd(), "logged out");
        assertEquals(530, client.sendCommand("STAT"));
        // one failed login before REIN still counts afterwards
        assertEquals(331, client.user("alice"));
        assertEquals(530, client.pass("wrong"));
        assertEquals(220, client.rein());
        assertEquals(331, client.user("alice"));
        assertEquals(530, client.pass("wrong"));
        assertTrue(client.login("alice", "secret"));
        assertEquals("/", client.printWorkingDirectory());
        assertEquals(200, client.sendCommand("OPTS", "HASH"));
        assertEquals("200 SHA-256", client.getReplyString().trim());
        assertEquals(250, client.sendCommand("MLST", "sub"));
        assertTrue(client.getReplyString().contains(" type=dir;"), client.getReplyString());
        // REST was forgotten: the whole file comes
        Files.writeString(server.alice.resolve("r.txt"), "0123456789");
        client.setFileType(FTP.BINARY_FILE_TYPE);
        client.enterLocalPassiveMode();
        assertEquals("0123456789", new String(retrieve("r.txt")));
        awaitEvents(List.of("login alice", "logout alice", "login alice"));
        assertEquals(220, client.rein());
        assertEquals(331, client.user("alice"));
        // the third failure of this connection ends it: 421, which Commons Net reports as a closed connection
        org.apache.commons.net.ftp.FTPConnectionClosedException closed = org.junit.jupiter.api.Assertions.assertThrows(
                org.apache.commons.net.ftp.FTPConnectionClosedException.class, () -> client.pass("wrong"));
        assertTrue(closed.getMessage().contains("421"), closed.getMessage());
    }

    private byte[] retrieve(String name) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertTrue(client.retrieveFile(name, out), client.getReplyString());
        return out.toByteArray();
    }

    private void awaitEvents(List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!events.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, events);
    }

    @Test
    void reinDuringATransferWaitsForItsEnd() throws Exception {
        start();
        byte[] data = TransferTest.randomBytes(16 * 1024 * 1024, 9);
        Files.write(server.alice.resolve("big.bin"), data);
        try (RawClient raw = new RawClient(TestServer.HOST, server.port())) {
            raw.reply();
            raw.login("alice", "secret");
            assertEquals(200, raw.command("TYPE I"));
            raw.send("EPSV");
            String epsv = raw.reply();
            int port = Integer.parseInt(epsv.replaceAll(".*\\(\\|\\|\\|(\\d+)\\|\\).*", "$1"));
            try (java.net.Socket dataSocket = new java.net.Socket(TestServer.HOST, port)) {
                raw.send("RETR big.bin");
                assertEquals(150, raw.code(raw.reply()));
                // REIN arrives while the file is on its way (it can't all fit in the socket buffers)
                raw.send("REIN");
                assertArrayEquals(data, dataSocket.getInputStream().readAllBytes());
            }
            assertEquals(226, raw.code(raw.reply()), "the transfer completes");
            assertEquals(220, raw.code(raw.reply()), "then REIN answers");
            assertEquals(530, raw.command("PWD"));
        }
    }

    @Test
    void statReportsTheSessionAndListsPathsOverTheControlConnection() throws IOException {
        start();
        Files.writeString(server.alice.resolve("one file.txt"), "abc");
        Files.createDirectory(server.alice.resolve("d"));
        String status = client.getStatus();
        assertEquals(211, client.getReplyCode());
        assertTrue(status.contains("Logged in as alice") && status.contains("TYPE: Binary")
                && status.contains("Data connection: none"), status);
        assertEquals(227, client.pasv());
        assertTrue(client.getStatus().contains("Data connection: passive"), client.getReplyString());
        String listing = client.getStatus("/");
        assertEquals(213, client.getReplyCode());
        assertTrue(listing.lines().anyMatch(l -> l.matches("-rw.* 3 .* one file\\.txt")), listing);
        assertTrue(listing.lines().anyMatch(l -> l.matches("d.* d")), listing);
        assertTrue(client.getStatus("one file.txt").lines().anyMatch(l -> l.endsWith(" one file.txt")));
        assertEquals(213, client.stat("-la /"), "ls options are accepted");
        assertEquals(550, client.stat("*.txt"), "a glob is a name, never expanded");
        assertEquals(550, client.stat("missing"));
    }

    @Test
    void statDuringADownloadReportsItsProgress() throws Exception {
        start();
        byte[] data = TransferTest.randomBytes(16 * 1024 * 1024, 10);
        Files.write(server.alice.resolve("big.bin"), data);
        InputStream in = client.retrieveFileStream("big.bin");
        byte[] first = in.readNBytes(100_000);
        assertEquals(211, client.stat());
        Matcher m = Pattern.compile("sending /big\\.bin\\s+(\\d+) bytes transferred").matcher(client.getReplyString());
        assertTrue(m.find(), client.getReplyString());
        long reported = Long.parseLong(m.group(1));
        assertTrue(reported >= 100_000 && reported <= data.length, "reported " + reported);
        byte[] rest = in.readAllBytes();
        in.close();
        assertTrue(client.completePendingCommand(), client.getReplyString());
        assertEquals(data.length, first.length + rest.length);
    }

    @Test
    void statDuringAnUploadReportsItsProgress() throws Exception {
        start();
        java.io.OutputStream out = client.storeFileStream("up.bin");
        byte[] chunk = TransferTest.randomBytes(300_000, 11);
        out.write(chunk);
        out.flush();
        assertEquals(211, client.stat());
        assertTrue(client.getReplyString().contains("receiving /up.bin"), client.getReplyString());
        out.write(chunk);
        out.close();
        assertTrue(client.completePendingCommand(), client.getReplyString());
        assertEquals(600_000, Files.size(server.alice.resolve("up.bin")));
    }

    @Test
    void siteChmodTakesThreeOrFourOctalDigits() throws IOException {
        start();
        Path f = Files.writeString(server.alice.resolve("f.txt"), "x");
        assertTrue(client.sendSiteCommand("CHMOD 600 f.txt"), client.getReplyString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertTrue(client.sendSiteCommand("chmod 0754 f.txt"), client.getReplyString());
        assertEquals("rwxr-xr--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(501, client.sendCommand("SITE", "CHMOD 75 f.txt"));
        assertEquals(501, client.sendCommand("SITE", "CHMOD 79a f.txt"));
        assertEquals(501, client.sendCommand("SITE", "CHMOD 07777 f.txt"));
        assertEquals(501, client.sendCommand("SITE", "CHMOD 644"));
        assertEquals(550, client.sendCommand("SITE", "CHMOD 4755 f.txt"), "no set-id bits");
        assertEquals(550, client.sendCommand("SITE", "CHMOD 644 missing"));
        assertEquals("rwxr-xr--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(501, client.sendCommand("SITE"));
        assertEquals(500, client.sendCommand("SITE", "NOPE x"));
    }

    @Test
    void siteChmodNeedsTheMPermissionAndALogin() throws IOException {
        start();
        Path f = Files.writeString(server.bob.resolve("f.txt"), "x");
        String before = PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
        FTPClient bob = server.login("bob", "pw");
        FTPClient anonymous = server.connect();
        try {
            assertEquals(550, bob.sendCommand("SITE", "CHMOD 777 f.txt"));
            assertEquals(before, PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            assertEquals(530, anonymous.sendCommand("SITE", "CHMOD 777 f.txt"));
            assertEquals(214, anonymous.sendCommand("SITE", "HELP"), "SITE HELP needs no login");
        } finally {
            TestServer.quietly(bob);
            TestServer.quietly(anonymous);
        }
    }

    @Test
    void siteExtensionsGivenToTheBuilderAnswerOffTheEventLoop() throws IOException {
        SiteCommand who = new SiteCommand() {
            @Override
            public Reply execute(SessionInfo session, String argument) {
                boolean onNetworkThread = Thread.currentThread().getName().startsWith("ftpd-io");
                return new Reply(200, List.of("you are " + session.userName(), "argument [" + argument + "]",
                        onNetworkThread ? "on a network thread" : "off the network threads"));
            }

            @Override
            public String help() {
                return "SITE WHO [<SP> text] (who am I).";
            }
        };
        SiteCommand broken = (session, argument) -> {
            throw new IllegalStateException("boom");
        };
        SiteCommand chmodImpostor = (session, argument) -> SiteCommand.Reply.of(200, "impostor");
        start(b -> b.siteCommand("who", who).siteCommand("BROKEN", broken).siteCommand("chmod", chmodImpostor));
        assertEquals(200, client.sendCommand("SITE", "WHO  two  words "));
        assertEquals(List.of("200-you are alice", "argument [two  words]", "200 off the network threads"),
                List.of(client.getReplyStrings()));
        assertEquals(451, client.sendCommand("SITE", "broken"));
        assertEquals(200, client.sendCommand("NOOP"), "the session survives a failing extension");
        Files.writeString(server.alice.resolve("f"), "x");
        assertEquals(200, client.sendCommand("SITE", "CHMOD 600 f"));
        assertFalse(client.getReplyString().contains("impostor"), "built-ins can't be replaced");
        assertEquals(214, client.sendCommand("SITE", "HELP"));
        assertTrue(client.getReplyString().contains("SITE WHO [<SP> text] (who am I).")
                && client.getReplyString().contains("SITE BROKEN"), client.getReplyString());
        assertEquals(214, client.sendCommand("SITE", "HELP who"));
        assertEquals(501, client.sendCommand("SITE", "HELP nope"));
        FTPClient anonymous = server.connect();
        try {
            assertEquals(530, anonymous.sendCommand("SITE", "WHO"));
        } finally {
            TestServer.quietly(anonymous);
        }
    }

    @ParameterizedTest(name = "native transport: {0}")
    @ValueSource(booleans = {true, false})
    void aborSentAsUrgentDataIsUnderstood(boolean nativeTransport) throws IOException {
        server = new TestServer(tmp, b -> b.nativeTransport(nativeTransport), s -> s);
        try (RawClient raw = new RawClient(TestServer.HOST, server.port())) {
            assertEquals(220, raw.code(raw.reply()));
            raw.login("alice", "secret");
            raw.sendWithUrgentEnd("ABOR");
            assertEquals(225, raw.code(raw.reply()));
            assertEquals(200, raw.command("NOOP"));
        }
    }

    @Test
    void aFailedLoginIsAnsweredOnlyAfterTheConfiguredDelay() throws IOException {
        server = new TestServer(tmp, b -> b, s -> s.loginFailedDelay(java.time.Duration.ofMillis(400)));
        client = server.connect();
        assertEquals(331, client.user("alice"));
        long start = System.nanoTime();
        assertEquals(530, client.pass("wrong"));
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 400, "answered after " + waitedMillis + " ms");
        assertEquals(331, client.user("nobody"));
        start = System.nanoTime();
        assertEquals(530, client.pass("x"));
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 400, "unknown users wait just as long");
    }

    @Test
    void anUnspecifiedActiveAddressMeansTheClientItself() throws IOException {
        start();
        Files.writeString(server.alice.resolve("x.txt"), "x");
        try (RawClient raw = new RawClient(TestServer.HOST, server.port());
                java.net.ServerSocket listener = new java.net.ServerSocket(0, 1,
                        java.net.InetAddress.getByName(TestServer.HOST))) {
            raw.reply();
            raw.login("alice", "secret");
            int port = listener.getLocalPort();
            // what lftp sends from a data socket bound to any address
            assertEquals(200, raw.command("EPRT |1|0.0.0.0|" + port + "|"));
            raw.send("NLST");
            try (java.net.Socket data = listener.accept()) {
                assertEquals(150, raw.code(raw.reply()));
                assertEquals("x.txt\r\n", new String(data.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            assertEquals(226, raw.code(raw.reply()));
            assertEquals(501, raw.command("PORT 0,0,0,0,0,21"), "still no privileged port");
        }
    }

    @Test
    void epsvAllLeavesOnlyEpsvForTransfers() throws IOException {
        start();
        assertEquals(200, client.sendCommand("EPSV", "ALL"));
        assertEquals(503, client.pasv());
        assertEquals(503, client.sendCommand("PORT", "127,0,0,1,200,1"));
        assertEquals(503, client.sendCommand("EPRT", "|1|127.0.0.1|51201|"));
        client.setUseEPSVwithIPv4(true);
        client.enterLocalPassiveMode();
        assertTrue(client.storeFile("e.bin", new ByteArrayInputStream(new byte[] {1, 2, 3})), client.getReplyString());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(server.alice.resolve("e.bin")));
    }
}
