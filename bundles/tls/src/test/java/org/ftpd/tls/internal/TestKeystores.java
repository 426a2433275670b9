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
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
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
        return generate(file, commonName, "EC");
    }

    /** A PKCS12 keystore with a fresh self-signed {@code EC} or {@code RSA} key for {@code CN=<commonName>}. */
    static Path generate(Path file, String commonName, String algorithm) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Files.deleteIfExists(file);
        List<String> keyOptions = algorithm.equals("EC")
                ? List.of("-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA")
                : List.of("-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS));
        command.addAll(keyOptions);
        command.addAll(List.of("-dname", "CN=" + commonName, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), output);
        return file;
    }

    /**
     * A certificate for {@code CN=<commonName>} issued by a fresh CA: writes the key of {@code keystore} (made
     * here) and returns the PEM of the leaf and of the CA certificate.
     */
    static List<String> issuedByCa(Path dir, String commonName) throws IOException, InterruptedException {
        Path ca = dir.resolve(commonName + "-ca.p12");
        Path leaf = dir.resolve(commonName + ".p12");
        Files.deleteIfExists(ca);
        Files.deleteIfExists(leaf);
        keytool(null, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + commonName + "-ca", "-ext", "bc:c", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                ca.toString(), "-storepass", PASSWORD);
        keytool(null, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + commonName, "-validity", "2", "-storetype", "PKCS12", "-keystore", leaf.toString(),
                "-storepass", PASSWORD);
        byte[] request = keytool(null, "-certreq", "-alias", ALIAS, "-keystore", leaf.toString(), "-storepass", PASSWORD);
        byte[] issued = keytool(request, "-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                "-rfc", "-validity", "2");
        byte[] caPem = keytool(null, "-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                "-rfc");
        return List.of(new String(issued, StandardCharsets.US_ASCII), new String(caPem, StandardCharsets.US_ASCII));
    }

    private static byte[] keytool(byte[] input, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = process.getOutputStream()) {
            if (input != null) {
                in.write(input);
            }
        }
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), () -> "keytool " + command + ": " + new String(output));
        return output;
    }

    /** The key of a keystore made by {@link #generate}. */
    static PrivateKey privateKey(Path keystore) throws IOException, GeneralSecurityException {
        return (PrivateKey) load(keystore).getKey(ALIAS, PASSWORD.toCharArray());
    }

    static X509Certificate certificate(Path keystore) throws IOException, GeneralSecurityException {
        return (X509Certificate) load(keystore).getCertificate(ALIAS);
    }

    private static KeyStore load(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** PEM text of one block, wrapped at 64 characters as RFC 7468 says. */
    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** Writes the certificate and the (unencrypted PKCS#8) key of {@code keystore} as PEM files. */
    static void exportPem(Path keystore, Path certificate, Path key) throws IOException, GeneralSecurityException {
        Files.writeString(certificate, pem("CERTIFICATE", certificate(keystore).getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", privateKey(keystore).getEncoded()));
    }

    /** A truststore (in memory) trusting the certificate of a PKCS12 keystore whose password is in a file beside it
     * ({@code <name>.password}, as the self-signed one), or else {@link #PASSWORD}. */
    static KeyStore trustingAny(Path keystore) throws IOException, GeneralSecurityException {
        Path passwordFile = keystore.resolveSibling(SelfSignedCertificate.PASSWORD_FILE);
        char[] password = keystore.getFileName().toString().equals(SelfSignedCertificate.KEYSTORE)
                ? Files.readString(passwordFile).trim().toCharArray() : PASSWORD.toCharArray();
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            source.load(in, password);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(ALIAS, source.getCertificate(ALIAS));
        return trust;
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
