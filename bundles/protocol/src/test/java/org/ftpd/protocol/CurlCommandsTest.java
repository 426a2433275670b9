package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * curl as a further client: directories created on upload (MKD), resumed uploads (APPE) and downloads (REST),
 * quoted verbs before and after a transfer (SITE CHMOD, RNFR/RNTO, MFMT, HASH, STAT, DELE, RMD), SIZE and MDTM
 * through {@code -I}, MLSD through {@code -X}. curl fails on any error reply, so its exit code checks each step.
 */
class CurlCommandsTest {

    private static final Path CURL = Path.of("/usr/bin/curl");

    @TempDir
    Path tmp;
    TestServer server;
    String host;
    String mode;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String url(String path) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "ftp://alice:secret@" + h + ":" + server.port() + "/" + path;
    }

    private String curl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CURL.toString(), "-sS", "--max-time", "20"));
        switch (mode) {
            case "epsv" -> { }
            case "pasv" -> cmd.add("--disable-epsv");
            case "eprt" -> cmd.addAll(List.of("-P", host));
            case "port" -> cmd.addAll(List.of("-P", host, "--disable-eprt"));
            default -> throw new IllegalArgumentException(mode);
        }
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "curl " + cmd + " said: " + text);
        return text;
    }

    @ParameterizedTest(name = "{1} over {0}")
    @CsvSource({"127.0.0.1, epsv", "127.0.0.1, pasv", "127.0.0.1, eprt", "127.0.0.1, port", "::1, epsv",
            "::1, eprt"})
    void quotedVerbsResumesAndListings(String host, String mode) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CURL), "curl is not installed");
        if (host.contains(":")) {
            PythonFtplibTest.assumeIpv6();
        }
        this.host = host;
        this.mode = mode;
        server = new TestServer(tmp.resolve("srv"), b -> b, s -> s.host(host));
        byte[] data = TransferTest.randomBytes(1_200_000, 31);
        Path file = Files.write(tmp.resolve("data.bin"), data);

        curl("--ftp-create-dirs", "-T", file.toString(), url("a/b/up.bin"));
        assertArrayEquals(data, Files.readAllBytes(server.alice.resolve("a/b/up.bin")));

        Files.write(server.alice.resolve("resume.bin"), Arrays.copyOf(data, 500_000));
        curl("-C", "-", "-T", file.toString(), url("resume.bin"));
        assertArrayEquals(data, Files.readAllBytes(server.alice.resolve("resume.bin")), "upload resumed (APPE)");

        Path partial = Files.write(tmp.resolve("partial.bin"), Arrays.copyOf(data, 300_000));
        curl("-C", "-", "-o", partial.toString(), url("resume.bin"));
        assertArrayEquals(data, Files.readAllBytes(partial), "download resumed (REST)");

        String listing = curl("-Q", "SITE CHMOD 600 a/b/up.bin", "-Q", "RNFR a/b/up.bin", "-Q", "RNTO a/moved.bin",
                "-Q", "MFMT 20200102030405 a/moved.bin", "-Q", "HASH a/moved.bin", "-Q", "STAT", url("a/"));
        Path moved = server.alice.resolve("a/moved.bin");
        assertTrue(listing.contains("moved.bin"), listing);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(moved)));
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), Files.getLastModifiedTime(moved).toInstant());

        String head = curl("-I", url("a/moved.bin"));
        assertTrue(head.contains("Content-Length: " + data.length), head);
        assertTrue(head.contains("Last-Modified: Thu, 02 Jan 2020 03:04:05 GMT"), head);

        String mlsd = curl("-X", "MLSD", url("a/"));
        assertTrue(mlsd.lines().anyMatch(l -> l.matches("type=file;size=1200000;.* moved\\.bin")), mlsd);
        assertTrue(mlsd.lines().anyMatch(l -> l.matches("type=dir;.* b")), mlsd);

        // post-transfer quotes run in the listed directory: absolute paths
        curl("-Q", "-DELE /a/moved.bin", "-Q", "-RMD /a/b", url("a/"));
        assertFalse(Files.exists(moved));
        assertFalse(Files.exists(server.alice.resolve("a/b")));

        // an error reply to a quoted verb fails curl: the server's refusals reach the client
        List<String> refused = new ArrayList<>(List.of(CURL.toString(), "-sS", "--max-time", "20", "-Q",
                "SITE CHMOD 9999 resume.bin", url("")));
        Process p = new ProcessBuilder(refused).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(21, p.exitValue(), said);
        assertTrue(said.contains("501"), said);
    }
}
