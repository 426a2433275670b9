package org.ftpd.protocol.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.ftpd.api.TlsContextProvider;

/**
 * A {@link TlsContextProvider} over a key made at test time by the JDK's keytool (no key is ever committed):
 * EC P-256, {@code CN=localhost}, names localhost and 127.0.0.1. {@link #reload()} makes a new context from the
 * same key, as the TLS bundle does when its files change.
 */
public final class TestTls implements TlsContextProvider {

    private static final String PASSWORD = "test-pass";
    private static Path keystore;
    private static Path certificatePem;

    private final String[] protocols;
    private final AtomicInteger contexts = new AtomicInteger();
    private volatile SSLContext context;
    private volatile CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);

    /** @param protocols the enabled protocols, e.g. TLSv1.3 and TLSv1.2 */
    public TestTls(String... protocols) {
        this.protocols = protocols.length == 0 ? new String[] {"TLSv1.3", "TLSv1.2"} : protocols;
        reload();
    }

    /** Replaces the context (the session cache goes with it). */
    public void reload() {
        try {
            KeyStore store = load();
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext fresh = SSLContext.getInstance("TLS");
            fresh.init(keys.getKeyManagers(), null, null);
            context = fresh;
            contexts.incrementAndGet();
        } catch (IOException | GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SSLContext context() {
        return context;
    }

    @Override
    public CompletionStage<Void> ready() {
        return ready;
    }

    /**
     * From now on {@link #ready()} is pending until the returned future completes, as the TLS bundle's provider is
     * while it makes its certificate on a first start.
     */
    public CompletableFuture<Void> holdUntilReady() {
        CompletableFuture<Void> pending = new CompletableFuture<>();
        ready = pending;
        return pending;
    }

    @Override
    public SSLEngine newServerEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(protocols);
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** A client context trusting the test certificate only. */
    public static SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ftpd", load().getCertificate("ftpd"));
            trust.init(store);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, trust.getTrustManagers(), null);
            return client;
        } catch (IOException | GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as a PEM file (for curl --cacert, Python cafile, lftp ssl:ca-file). */
    public static synchronized Path certificatePem() throws IOException {
        if (certificatePem == null) {
            try {
                Certificate certificate = load().getCertificate("ftpd");
                Path file = keystore.resolveSibling("server-cert.pem");
                Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
                file.toFile().deleteOnExit();
                certificatePem = file;
            } catch (GeneralSecurityException | InterruptedException e) {
                throw new IOException(e);
            }
        }
        return certificatePem;
    }

    private static synchronized KeyStore load() throws IOException, GeneralSecurityException, InterruptedException {
        if (keystore == null) {
            Path dir = Files.createTempDirectory("ftpd-test-tls");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("server.p12");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "ftpd", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            file.toFile().deleteOnExit();
            keystore = file;
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }
}
