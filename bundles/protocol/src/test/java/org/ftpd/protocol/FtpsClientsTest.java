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
import java.util.function.UnaryOperator;
import org.ftpd.protocol.support.TestServer;
import org.ftpd.protocol.support.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FTPS with the clients people use: curl (OpenSSL), lftp (GnuTLS) and Python's ftplib, over TLS 1.3 and 1.2,
 * with TLS required everywhere and so session reuse required (they resume the control connection's session on
 * data connections); the server's certificate is checked against the test CA file.
 */
class FtpsClientsTest {

    private static final Path CURL = Path.of("/usr/bin/curl");
    private static final Path LFTP = Path.of("/usr/bin/lftp");

    @TempDir
    Path tmp;
    TestServer server;
    TestTls tls;
    int implicitPort;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(String protocol, UnaryOperator<ServerSettings.Builder> settings) throws IOException {
        tls = new TestTls(protocol);
        implicitPort = FtpsTest.freePort();
        server = new TestServer(tmp.resolve("srv"), b -> b.tlsContextProvider(tls),
                s -> settings.apply(s.tlsImplicitPort(implicitPort)));
    }

    private void startRequiringTls(String protocol) throws IOException {
        start(protocol, s -> s.tlsControlRequired(true).tlsDataRequired(true));
        assertTrue(server.server.settings().tlsSessionReuseRequired());
    }

    static Result run(List<String> command, Path workDir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished: " + command);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    record Result(int exit, String output) {
    }

    // ---- curl

    private String curl(String url, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CURL.toString(), "-sS", "--max-time", "30", "--cacert",
                TestTls.certificatePem().toString()));
        cmd.addAll(List.of(args));
        cmd.add(url);
        Result r = run(cmd, tmp);
        assertEquals(0, r.exit(), "curl " + cmd + " said: " + r.output());
        return r.output();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void curlExplicitAndImplicit(String protocol) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CURL), "curl is not installed");
        startRequiringTls(protocol);
        byte[] data = TransferTest.randomBytes(2_000_000, protocol.hashCode());
        Path upload = Files.write(tmp.resolve("upload.bin"), data);
        for (String url : List.of("ftp://alice:secret@" + TestServer.HOST + ":" + server.port() + "/",
                "ftps://alice:secret@" + TestServer.HOST + ":" + implicitPort + "/")) {
            String name = url.startsWith("ftps") ? "implicit.bin" : "explicit.bin";
            String[] tlsOption = url.startsWith("ftps") ? new String[0] : new String[] {"--ssl-reqd"};
            curl(url + name, concat(tlsOption, "-T", upload.toString()));
            assertArrayEquals(data, Files.readAllBytes(server.alice.resolve(name)));
            Path download = tmp.resolve("down-" + name);
            curl(url + name, concat(tlsOption, "-o", download.toString()));
            assertArrayEquals(data, Files.readAllBytes(download));
            String listing = curl(url, tlsOption);
            assertTrue(listing.contains(name), listing);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void curlClearsTheControlChannelWithCcc(String protocol) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CURL), "curl is not installed");
        start(protocol, s -> s.tlsDataRequired(true));
        Files.writeString(server.alice.resolve("after-ccc.txt"), "data still protected\n");
        String url = "ftp://alice:secret@" + TestServer.HOST + ":" + server.port() + "/after-ccc.txt";
        // after CCC curl sends PWD, EPSV and RETR in clear; the data connection is still PROT P
        assertEquals("data still protected\n", curl(url, "--ssl-reqd", "--ftp-ssl-ccc", "--ftp-ssl-ccc-mode",
                "active"));
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    // ---- lftp

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void lftpExplicitAndImplicit(String protocol) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(LFTP), "lftp is not installed");
        startRequiringTls(protocol);
        byte[] data = TransferTest.randomBytes(1_000_000, 99);
        Files.write(tmp.resolve("lftp-up.bin"), data);
        for (String site : List.of("ftp://" + TestServer.HOST + ":" + server.port(),
                "ftps://" + TestServer.HOST + ":" + implicitPort)) {
            String name = site.startsWith("ftps") ? "implicit.bin" : "explicit.bin";
            Files.deleteIfExists(tmp.resolve("lftp-down.bin"));
            String script = "set ssl:ca-file " + TestTls.certificatePem() + "; set ftp:ssl-force true; "
                    + "set ftp:ssl-protect-data true; set net:max-retries 1; set net:timeout 20; "
                    + "open -u alice,secret " + site + "; put lftp-up.bin -o " + name + "; "
                    + "get " + name + " -o lftp-down.bin; cls -1; bye";
            Result r = run(List.of(LFTP.toString(), "-c", script), tmp);
            assertEquals(0, r.exit(), "lftp said: " + r.output());
            assertTrue(r.output().contains(name), r.output());
            assertArrayEquals(data, Files.readAllBytes(server.alice.resolve(name)));
            assertArrayEquals(data, Files.readAllBytes(tmp.resolve("lftp-down.bin")));
        }
    }
}
