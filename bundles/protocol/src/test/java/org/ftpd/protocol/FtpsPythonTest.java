package org.ftpd.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python's ftplib.FTP_TLS: its data connections start fresh TLS sessions (Python 3.11 passes no session), so
 * it works when reuse is not required and is refused (522) when it is; a subclass passing the control
 * connection's session is accepted, also after the provider reloaded its key material. Its uploads wait for
 * the server's close_notify, and its CCC too.
 */
class FtpsPythonTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** The client; argv: port, cafile, mode (plain | resume | ccc | refused), upload file, download file. */
    private static final String SCRIPT = """
            import ftplib, ssl, sys
            port, cafile, mode, upload, download = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]

            class Resuming(ftplib.FTP_TLS):
                def ntransfercmd(self, cmd, rest=None):
                    conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)
                    if self._prot_p:
                        conn = self.context.wrap_socket(conn, server_hostname=self.host, session=self.sock.session)
                        self.reused.append(conn.session_reused)
                    return conn, size

            context = ssl.create_default_context(cafile=cafile)
            ftp = (Resuming if mode == 'resume' else ftplib.FTP_TLS)(context=context, timeout=20)
            ftp.reused = []
            ftp.connect('127.0.0.1', port)
            ftp.auth()
            ftp.login('alice', 'secret')
            ftp.prot_p()
            print('READY', flush=True)
            sys.stdin.readline()
            if mode == 'refused':
                try:
                    ftp.nlst()
                    print('UNEXPECTED success')
                except ftplib.error_perm as e:
                    print('REFUSED', e)
                except (OSError, EOFError) as e:
                    # the server may close the data connection before the client is done with it
                    try:
                        ftp.voidresp()
                    except ftplib.error_perm as e2:
                        print('REFUSED', e2)
                print(ftp.quit())
                sys.exit(0)
            if mode == 'ccc':
                ftp.ccc()
            with open(upload, 'rb') as f:
                print(ftp.storbinary('STOR py.bin', f))
            with open(download, 'wb') as f:
                print(ftp.retrbinary('RETR py.bin', f.write))
            print('NAMES', ' '.join(ftp.nlst()))
            if mode == 'resume':
                print('REUSED', ftp.reused)
            print(ftp.quit())
            """;

    @TempDir
    Path tmp;
    TestServer server;
    final TestTls tls = new TestTls();
    Path script;

    @BeforeEach
    void python() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
        script = Files.writeString(tmp.resolve("client.py"), SCRIPT);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(UnaryOperator<ServerSettings.Builder> settings) throws IOException {
        server = new TestServer(tmp.resolve("srv"), b -> b.tlsContextProvider(tls), settings);
    }

    /** Runs the client; {@code beforeTransfers} runs once it is logged in with PROT P. */
    private String client(String mode, Runnable beforeTransfers) throws Exception {
        Path upload = Files.write(tmp.resolve("up.bin"), TransferTest.randomBytes(700_000, mode.hashCode()));
        Path download = tmp.resolve("down.bin");
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script.toString(),
                Integer.toString(server.port()), TestTls.certificatePem().toString(), mode, upload.toString(),
                download.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = p.getOutputStream()) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
                if (line.equals("READY")) {
                    beforeTransfers.run();
                    out.write('\n');
                    out.flush();
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = output.toString();
        if (p.exitValue() == 0 && !mode.equals("refused")) {
            assertArrayEquals(Files.readAllBytes(upload), Files.readAllBytes(server.alice.resolve("py.bin")), text);
            assertArrayEquals(Files.readAllBytes(upload), Files.readAllBytes(download), text);
            assertTrue(text.contains("NAMES py.bin"), text);
        }
        return "exit " + p.exitValue() + "\n" + text;
    }

    @Test
    void freshDataSessionsWorkWhenReuseIsNotRequired() throws Exception {
        start(s -> s.tlsDataRequired(true).tlsSessionReuseRequired(false));
        String out = client("plain", () -> { });
        assertTrue(out.startsWith("exit 0"), out);
        assertTrue(out.contains("226 Transfer complete."), out);
    }

    @Test
    void freshDataSessionsAreRefusedWhenReuseIsRequired() throws Exception {
        start(s -> s.tlsDataRequired(true));
        String out = client("refused", () -> { });
        assertTrue(out.startsWith("exit 0"), out);
        assertTrue(out.contains("REFUSED 522 Data connection must resume the TLS session"), out);
        assertTrue(out.contains("221 Goodbye."), "the session went on: " + out);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void resumedDataSessionsAreAcceptedEvenAfterAReload(boolean reload) throws Exception {
        start(s -> s.tlsControlRequired(true).tlsDataRequired(true));
        // a reload between AUTH and the transfers: the data connections still resume the control's session
        String out = client("resume", reload ? tls::reload : () -> { });
        assertTrue(out.startsWith("exit 0"), out);
        assertTrue(out.contains("REUSED [True, True, True]"), out);
    }

    @Test
    void cccClearsTheControlChannelAndDataStaysProtected() throws Exception {
        start(s -> s.tlsDataRequired(true).tlsSessionReuseRequired(false));
        String out = client("ccc", () -> { });
        assertTrue(out.startsWith("exit 0"), out);
        assertEquals(2, out.lines().filter("226 Transfer complete."::equals).count(), out);
    }
}
