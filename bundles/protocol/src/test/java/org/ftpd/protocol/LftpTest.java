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
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A third independent client, lftp: mirror uploads (MLSD, MKD, STOR, MFMT), resumed transfers (REST), chmod
 * (SITE CHMOD), mv (RNFR/RNTO), rm, rmdir, and raw verbs through {@code quote}, over PASV, EPSV, PORT and EPRT
 * on IPv4 and IPv6. lftp stops at the first failing command ({@code cmd:fail-exit}); its protocol log is
 * checked for the verbs it sent and the replies it got, and the disk for what the session left there.
 */
class LftpTest {

    private static final Path LFTP = Path.of("/usr/bin/lftp");

    @TempDir
    Path tmp;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{1} over {0}")
    @CsvSource({"127.0.0.1, pasv", "127.0.0.1, epsv", "127.0.0.1, port", "::1, epsv", "::1, eprt"})
    void mirrorsResumesAndManagesFiles(String host, String mode) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(LFTP), "lftp is not installed");
        if (host.contains(":")) {
            PythonFtplibTest.assumeIpv6();
        }
        server = new TestServer(tmp.resolve("srv"), b -> b, s -> s.host(host));
        Path local = Files.createDirectories(tmp.resolve("local"));
        Files.createDirectories(local.resolve("tree/sub dir"));
        byte[] big = TransferTest.randomBytes(2_000_000, 21);
        Files.write(local.resolve("tree/big.bin"), big);
        Files.writeString(local.resolve("tree/a.txt"), "alpha\n");
        Files.writeString(local.resolve("tree/sub dir/b.txt"), "beta\n");
        Files.setLastModifiedTime(local.resolve("tree/a.txt"),
                java.nio.file.attribute.FileTime.from(Instant.parse("2019-05-06T07:08:09Z")));
        // half of it is already on the server, half of another is already here: both resume
        Files.write(server.alice.resolve("resume-up.bin"), Arrays.copyOf(big, 700_000));
        Files.write(server.alice.resolve("resume-down.bin"), big);
        Files.write(local.resolve("resume-down.bin"), Arrays.copyOf(big, 900_000));
        Path log = tmp.resolve("lftp.log");

        String url = "ftp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
        String script = String.join("\n",
                "set cmd:fail-exit yes",
                "set net:max-retries 1",
                "set net:timeout 15",
                "set ftp:ssl-allow no",
                "set ftp:passive-mode " + (mode.equals("pasv") || mode.equals("epsv") ? "on" : "off"),
                "set ftp:prefer-epsv " + (mode.equals("epsv") ? "yes" : "no"),
                "set ftp:use-mlsd yes",
                "debug -o " + log + " 5",
                "open -u alice,secret " + url,
                "lcd " + local,
                "mirror -R tree tree",
                "cls -l tree",
                "chmod 640 tree/a.txt",
                "mv tree/a.txt tree/renamed.txt",
                "get tree/renamed.txt -o " + local.resolve("back.txt"),
                "put -c " + local.resolve("tree/big.bin") + " -o resume-up.bin",
                "get -c resume-down.bin -o " + local.resolve("resume-down.bin"),
                "quote HASH resume-up.bin",
                "quote STAT",
                "quote SITE HELP",
                "mkdir gone",
                "rmdir gone",
                "rm tree/renamed.txt",
                "nlist tree",
                "quit",
                "");
        Path scriptFile = Files.writeString(tmp.resolve("script.lftp"), script);
        Process p = new ProcessBuilder(LFTP.toString(), "-f", scriptFile.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "lftp did not end");
        String transcript = Files.exists(log) ? Files.readString(log) : "(no log)";
        try {
            assertEquals(0, p.exitValue(), "lftp said:\n" + out);
            checkDisk(local, big);
            checkTranscript(transcript, mode);
            assertTrue(out.contains("sub dir") && out.contains("big.bin"), out);
            // what quote printed: the replies to HASH, STAT and SITE HELP
            assertTrue(out.contains("213 SHA-256 0-1999999 " + PythonFtplibTest.hex("SHA-256", big)
                    + " resume-up.bin"), out);
            assertTrue(out.contains("Logged in as alice") && out.contains("211 End of status."), out);
            assertTrue(out.contains("214 Help SITE command successful."), out);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nlftp output:\n" + out + "\nprotocol log:\n" + transcript, e);
        }
    }

    private void checkDisk(Path local, byte[] big) throws IOException {
        Path tree = server.alice.resolve("tree");
        assertArrayEquals(big, Files.readAllBytes(tree.resolve("big.bin")));
        assertEquals("beta\n", Files.readString(tree.resolve("sub dir/b.txt")));
        assertFalse(Files.exists(tree.resolve("a.txt")), "moved away");
        assertFalse(Files.exists(tree.resolve("renamed.txt")), "removed");
        assertEquals("alpha\n", Files.readString(local.resolve("back.txt")));
        assertArrayEquals(big, Files.readAllBytes(server.alice.resolve("resume-up.bin")), "upload resumed");
        assertArrayEquals(big, Files.readAllBytes(local.resolve("resume-down.bin")), "download resumed");
        assertFalse(Files.exists(server.alice.resolve("gone")));
        // mirror keeps modification times (MFMT) and modes (SITE CHMOD)
        assertEquals(Files.getLastModifiedTime(local.resolve("tree/sub dir/b.txt")).toInstant().getEpochSecond(),
                Files.getLastModifiedTime(tree.resolve("sub dir/b.txt")).toInstant().getEpochSecond());
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(local.resolve("tree/big.bin"))),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(tree.resolve("big.bin"))));
    }

    private static void checkTranscript(String transcript, String mode) {
        String dataCommand = switch (mode) {
            case "pasv" -> "PASV";
            case "epsv" -> "EPSV";
            case "port" -> "PORT 127,0,0,1,\\d+,\\d+";
            // lftp names its unspecified address (EPRT |2|::|port|): the server takes it for the client's
            default -> "EPRT \\|2\\|[0-9a-f:]+\\|\\d+\\|";
        };
        assertReplied(transcript, dataCommand, "2\\d\\d");
        assertFalse(transcript.contains("Switching passive mode"), "lftp never had to change the data mode");
        assertReplied(transcript, "FEAT", "211");
        assertReplied(transcript, "CLNT lftp/.*", "200");
        assertReplied(transcript, "OPTS MLST [a-z.;]+", "200");
        assertReplied(transcript, "MKD sub dir", "257");
        assertReplied(transcript, "STOR big.bin", "150");
        assertReplied(transcript, "MFMT 20190506070809 a.txt", "213");
        assertReplied(transcript, "MLSD", "150");
        assertReplied(transcript, "SITE CHMOD 640 tree/a.txt", "200");
        assertReplied(transcript, "RNFR tree/a.txt", "350");
        assertReplied(transcript, "RNTO tree/renamed.txt", "250");
        assertReplied(transcript, "REST 700000", "350");
        assertReplied(transcript, "REST 900000", "350");
        assertReplied(transcript, "RMD gone", "250");
        assertReplied(transcript, "DELE tree/renamed.txt", "250");
        assertReplied(transcript, "NLST( tree)?", "150");
        assertReplied(transcript, "QUIT", "221");
    }

    /** lftp logs {@code ---> CMD} and then {@code <--- NNN text}; checks CMD was sent and answered {@code code}. */
    private static void assertReplied(String transcript, String commandPattern, String codePattern) {
        Matcher m = Pattern.compile("(?m)^---> (?:" + commandPattern + ")\\s*$[\\s\\S]*?^<--- (?<code>\\d{3})").matcher(transcript);
        assertTrue(m.find(), "lftp sent " + commandPattern);
        assertTrue(m.group("code").matches(codePattern), commandPattern + " answered " + m.group("code"));
    }
}
