package org.ftpd.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Keystores made for a test by the JDK's keytool (no private key is ever committed). */
final class TestKeystores {

    static final String PASSWORD = "test-pass";
    static final String ALIAS = "ftpd";

    private TestKeystores() {
    }

    /** A PKCS12 keystore with a fresh self-signed EC key for {@code CN=<commonName>}. */
    static Path generate(Path file, String commonName) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Files.deleteIfExists(file);
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=" + commonName, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), output);
        return file;
    }

    /** A truststore (in memory) trusting the certificate of {@code keystore}. */
    static KeyStore trusting(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            source.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (String alias : List.of(ALIAS)) {
            trust.setCertificateEntry(alias, source.getCertificate(alias));
        }
        return trust;
    }
}
