package org.ftpd.tls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The certificate used when no key material is configured, so that FTPS works out of the box without any
 * private key being shipped. Made once per installation by the JDK's own {@code keytool} (part of every Java
 * runtime, module java.base): an EC P-256 key in {@value #KEYSTORE} with a random password in
 * {@value #PASSWORD_FILE} beside it, both readable by the owner only. Made again when it is unreadable or
 * expires within {@link #RENEW_BEFORE}.
 */
final class SelfSignedCertificate {

    static final String KEYSTORE = "selfsigned.p12";
    static final String PASSWORD_FILE = "selfsigned.password";
    static final String ALIAS = "ftpd";
    static final int VALIDITY_DAYS = 825;
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    static final String SOURCE_KEY = "self-signed certificate";
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,250}[A-Za-z0-9])?");

    /** The certificate in use and whether it was made just now. */
    record Result(KeystoreKeys keys, X509Certificate certificate, boolean created) {
    }

    private final Path directory;

    /** @param directory where the keystore and its password live (created when missing) */
    SelfSignedCertificate(Path directory) {
        this.directory = directory;
    }

    Path keystore() {
        return directory.resolve(KEYSTORE);
    }

    /** The existing certificate when it is usable, else a new one. */
    Result ensure() throws TlsMaterial.InvalidMaterialException {
        Path keystore = keystore();
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(keystore) && Files.isRegularFile(passwordFile)) {
            try {
                char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray();
                X509Certificate certificate = certificate(keystore, password);
                if (certificate.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE))) {
                    return new Result(keys(keystore, password), certificate, false);
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                // unreadable: made again below
            }
        }
        return create(keystore, passwordFile);
    }

    private Result create(Path keystore, Path passwordFile) throws TlsMaterial.InvalidMaterialException {
        try {
            Files.createDirectories(directory);
            ownerOnly(directory, "rwx------");
            char[] password = randomPassword();
            Path newPassword = Files.createTempFile(directory, PASSWORD_FILE, ".tmp");
            ownerOnly(newPassword, "rw-------");
            Files.writeString(newPassword, new String(password), StandardCharsets.UTF_8);
            Path newKeystore = directory.resolve(KEYSTORE + ".tmp");
            Files.deleteIfExists(newKeystore);
            try {
                runKeytool(newKeystore, newPassword);
                ownerOnly(newKeystore, "rw-------");
                X509Certificate certificate = certificate(newKeystore, password);
                move(newPassword, passwordFile);
                move(newKeystore, keystore);
                return new Result(keys(keystore, password), certificate, true);
            } finally {
                Files.deleteIfExists(newPassword);
                Files.deleteIfExists(newKeystore);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsMaterial.InvalidMaterialException(SOURCE_KEY, keystore.toString(),
                    "cannot create it: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TlsMaterial.InvalidMaterialException(SOURCE_KEY, keystore.toString(), "interrupted", e);
        }
    }

    private static KeystoreKeys keys(Path keystore, char[] password) {
        return new KeystoreKeys(keystore, "PKCS12", password, password, SOURCE_KEY);
    }

    private void runKeytool(Path keystore, Path passwordFile) throws IOException, InterruptedException {
        String host = hostName();
        List<String> command = new ArrayList<>(List.of(keytool().toString(),
                // a JVM that lives for one key: no optimising compiler, the smallest collector (about 0.5 s
                // sooner, and this runs on the first start before FTPS can answer)
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=" + host, "-validity", Integer.toString(VALIDITY_DAYS),
                "-ext", "SAN=" + subjectAlternativeNames(host),
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                // the password is read from the owner-only file, never passed on the command line
                "-storepass:file", passwordFile.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("keytool did not finish within 2 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): "
                    + new String(output, StandardCharsets.UTF_8).trim());
        }
    }

    static Path keytool() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool");
    }

    private static String subjectAlternativeNames(String host) {
        StringBuilder names = new StringBuilder("dns:localhost,ip:127.0.0.1,ip:::1");
        if (!host.equals("localhost")) {
            names.insert(0, "dns:" + host + ",");
        }
        return names.toString();
    }

    /** This machine's name when it looks like a host name, else localhost. */
    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return HOST_NAME.matcher(name).matches() ? name : "localhost";
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }

    static X509Certificate certificate(Path keystore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        if (!(store.getCertificate(ALIAS) instanceof X509Certificate certificate) || !store.isKeyEntry(ALIAS)) {
            throw new GeneralSecurityException("no key entry " + ALIAS + " in " + keystore);
        }
        return certificate;
    }

    /** The SHA-256 fingerprint as clients show it ({@code AB:CD:...}). */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            return "(unavailable: " + e + ")";
        }
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
