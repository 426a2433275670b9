package org.ftpd.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.commons.net.ftp.FTPSClient;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * FTPS in a real Karaf: out of the box with the self-signed certificate made on first start, then with PEM files
 * named in etc/org.ftpd.tls.cfg that are replaced while a session is open: new connections get the new
 * certificate, the open session goes on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FtpsInKarafIT extends PyftpdKarafTestSupport {

    private static final String TLS_CONFIGURATION = "etc/org.ftpd.tls.cfg";

    @Before
    public void installFeature() throws Exception {
        installPyftpdOnce();
        int port = configuredPort();
        Poll.until("the server greets on port " + port, SOON, () -> Ftp.greets(port));
    }

    private static Path selfSignedKeystore() {
        return Path.of(System.getProperty("karaf.data"), "ftpd", "tls", "selfsigned.p12");
    }

    @Test
    public void ftpsWorksOutOfTheBoxWithTheSelfSignedCertificate() throws Exception {
        int port = configuredPort();
        Poll.until("FTPS is available", SOON, () -> Ftps.servedCommonName(port) != null);
        X509Certificate served = Ftps.served(port);
        assertEquals("self-signed", served.getSubjectX500Principal(), served.getIssuerX500Principal());
        assertTrue("the key lives in " + selfSignedKeystore(), Files.isRegularFile(selfSignedKeystore()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(selfSignedKeystore())));
        String fingerprint = Ftps.fingerprint(served);
        assertTrue("the log names the certificate's fingerprint " + fingerprint,
                logSince(0).contains("SHA-256 fingerprint " + fingerprint));

        FTPSClient client = Ftps.login(port, "anonymous", "itest@example.org");
        try {
            assertTrue(List.of(client.listNames()).contains("README.txt"));
            ByteArrayOutputStream readme = new ByteArrayOutputStream();
            assertTrue(client.getReplyString(), client.retrieveFile("README.txt", readme));
            assertArrayEquals(Files.readAllBytes(karafFile("ftp/README.txt")), readme.toByteArray());
        } finally {
            client.disconnect();
        }
    }

    @Test
    public void replacedCertificateFilesReachNewConnectionsWhileAnOpenSessionGoesOn() throws Exception {
        int port = configuredPort();
        Poll.until("FTPS is available", SOON, () -> Ftps.servedCommonName(port) != null);
        String selfSigned = Ftps.fingerprint(Ftps.served(port));
        Path work = Files.createDirectories(Path.of(System.getProperty("karaf.data"), "ftps-itest"));
        Path certificate = work.resolve("server-cert.pem");
        Path key = work.resolve("server-key.pem");
        Ftps.writePemPair(work, "itest-first", certificate, key);
        Path configuration = karafFile(TLS_CONFIGURATION);
        Files.writeString(configuration, "certificate.path = " + certificate + "\nprivate.key.path = " + key + "\n");
        try {
            Poll.until("a new connection is served the configured certificate", SOON,
                    () -> "itest-first".equals(Ftps.servedCommonName(port)));

            FTPSClient open = Ftps.login(port, "anonymous", "itest@example.org");
            try {
                assertTrue(List.of(open.listNames()).contains("README.txt"));

                Ftps.writePemPair(work, "itest-second", certificate, key);
                Poll.until("a new connection is served the replaced certificate", SOON,
                        () -> "itest-second".equals(Ftps.servedCommonName(port)));

                // the session opened before goes on, data connections protected as before
                assertTrue(open.sendNoOp());
                assertTrue(List.of(open.listNames()).contains("README.txt"));
                ByteArrayOutputStream readme = new ByteArrayOutputStream();
                assertTrue(open.getReplyString(), open.retrieveFile("README.txt", readme));
                assertArrayEquals(Files.readAllBytes(karafFile("ftp/README.txt")), readme.toByteArray());
            } finally {
                open.disconnect();
            }
        } finally {
            Files.deleteIfExists(configuration);
        }
        Poll.until("without etc/org.ftpd.tls.cfg the self-signed certificate is back", SOON, () -> {
            try {
                return selfSigned.equals(Ftps.fingerprint(Ftps.served(port)));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertNotNull(selfSigned);
        assertNotEquals("itest-second", Ftps.servedCommonName(port));
    }
}
