package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ftpd.protocol.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A second, independent client: curl's FTP support (EPSV, PASV, EPRT/PORT). */
class CurlTest {

    private static final Path CURL = Path.of("/usr/bin/curl");

    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CURL), "curl is not installed");
        server = new TestServer(tmp.resolve("srv"), b -> b, s -> s);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String url(String path) {
        return "ftp://alice:secret@" + TestServer.HOST + ":" + server.port() + "/" + path;
    }

    private String curl(String mode, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(CURL.toString(), "-sS", "--max-time", "20"));
        switch (mode) {
            case "epsv" -> { }
            case "pasv" -> cmd.add("--disable-epsv");
            case "eprt" -> cmd.addAll(List.of("-P", TestServer.HOST));
            case "port" -> cmd.addAll(List.of("-P", TestServer.HOST, "--disable-eprt"));
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

    @ParameterizedTest
    @ValueSource(strings = {"epsv", "pasv", "eprt", "port"})
    void listsUploadsAndDownloads(String mode) throws Exception {
        byte[] data = TransferTest.randomBytes(1_500_000, mode.hashCode());
        Path upload = Files.write(tmp.resolve("upload.bin"), data);
        Files.writeString(server.alice.resolve("hello.txt"), "hello\n");

        String listing = curl(mode, url(""));
        assertTrue(listing.contains("hello.txt"), listing);

        curl(mode, "-T", upload.toString(), url("up.bin"));
        assertArrayEquals(data, Files.readAllBytes(server.alice.resolve("up.bin")));

        Path download = tmp.resolve("down.bin");
        curl(mode, "-o", download.toString(), url("up.bin"));
        assertArrayEquals(data, Files.readAllBytes(download));

        String names = curl(mode, "--list-only", url(""));
        assertTrue(names.lines().anyMatch("up.bin"::equals), names);
    }
}
