package org.ftpd.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate made when no key material is configured. */
class SelfSignedCertificateTest {

    @TempDir
    Path dir;

    @Test
    void madeOnceOwnerOnlyAndReused() throws Exception {
        Path tls = dir.resolve("data/ftpd/tls");
        SelfSignedCertificate.Result first = new SelfSignedCertificate(tls).ensure();
        assertTrue(first.created());
        Path keystore = tls.resolve(SelfSignedCertificate.KEYSTORE);
        Path password = tls.resolve(SelfSignedCertificate.PASSWORD_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)));
        try (var files = Files.list(tls)) {
            assertEquals(List.of(SelfSignedCertificate.KEYSTORE, SelfSignedCertificate.PASSWORD_FILE),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }

        X509Certificate certificate = first.certificate();
        assertEquals("CN=" + SelfSignedCertificate.hostName(), certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals("EC", certificate.getPublicKey().getAlgorithm());
        assertTrue(certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(800))));
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1)))
                .toList();
        assertTrue(names.containsAll(List.of("localhost", "127.0.0.1")), names::toString);
        assertTrue(SelfSignedCertificate.fingerprint(certificate).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));

        SelfSignedCertificate.Result second = new SelfSignedCertificate(tls).ensure();
        assertFalse(second.created());
        assertEquals(certificate, second.certificate());
    }

    @Test
    void aDamagedKeystoreIsMadeAgain() throws Exception {
        SelfSignedCertificate.Result first = new SelfSignedCertificate(dir).ensure();
        Files.write(dir.resolve(SelfSignedCertificate.KEYSTORE), new byte[] {0, 1, 2});
        SelfSignedCertificate.Result again = new SelfSignedCertificate(dir).ensure();
        assertTrue(again.created());
        assertNotEquals(first.certificate(), again.certificate());
    }

    /** Activation does not wait for keytool: the rest of Karaf's start goes on while the certificate is made. */
    @Test
    void theCertificateIsMadeInTheBackgroundAndReadySaysWhenItIsIn() throws Exception {
        TlsContextProviderComponent provider = new TlsContextProviderComponent(dir, dir.resolve("background"), 0);
        provider.activate(null, Map.of());
        CompletableFuture<Void> ready = provider.ready().toCompletableFuture();
        assertFalse(ready.isDone(), "activate returned before keytool ran");
        // a caller that does not wait for ready() is made to wait rather than refused
        assertNotNull(provider.newServerEngine());
        assertTrue(ready.isDone() && !ready.isCompletedExceptionally());
        assertTrue(Files.exists(dir.resolve("background").resolve(SelfSignedCertificate.KEYSTORE)));
        provider.deactivate();
    }

    @Test
    void readyFailsWhenNoKeyMaterialCanBeHad() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        TlsContextProviderComponent provider = new TlsContextProviderComponent(dir, notADirectory.resolve("tls"), 0);
        provider.activate(null, Map.of());
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> provider.ready().toCompletableFuture().get(2, TimeUnit.MINUTES));
        assertTrue(failed.getCause() instanceof IllegalStateException, failed::toString);
        IllegalStateException refused = assertThrows(IllegalStateException.class, provider::context);
        assertTrue(refused.getMessage().startsWith("TLS is not available"), refused::getMessage);
        provider.deactivate();
    }

    @Test
    void theProviderServesItWithoutConfigurationAndAfterTheConfigurationIsDeleted() throws Exception {
        Path keystore = TestKeystores.generate(dir.resolve("configured.p12"), "configured");
        Path selfSigned = dir.resolve("selfsigned");
        TlsContextProviderComponent provider = new TlsContextProviderComponent(dir, selfSigned, 0);
        // DS passes only component properties when there is no configuration
        provider.activate(null, Map.of("component.name", "org.ftpd.tls.internal.TlsContextProviderComponent"));
        // the certificate is made in the background: ready() says when
        provider.ready().toCompletableFuture().get(2, TimeUnit.MINUTES);
        Path selfSignedKeystore = selfSigned.resolve(SelfSignedCertificate.KEYSTORE);
        assertEquals(SelfSignedCertificate.hostName(),
                TlsContextProviderComponentTest.servedCommonName(provider, selfSignedKeystore));

        provider.modified(Map.of("keystore.path", keystore.toString(), "keystore.password", TestKeystores.PASSWORD,
                "protocols", "TLSv1.2"));
        assertEquals("configured", TlsContextProviderComponentTest.servedCommonName(provider, keystore));

        provider.modified(Map.of("protocols", "TLSv1.2"));
        SSLEngine engine = provider.newServerEngine();
        assertEquals(List.of("TLSv1.2"), List.of(engine.getEnabledProtocols()), "the configured policy applies");
        assertEquals(SelfSignedCertificate.hostName(),
                TlsContextProviderComponentTest.servedCommonName(provider, selfSignedKeystore));
    }
}
