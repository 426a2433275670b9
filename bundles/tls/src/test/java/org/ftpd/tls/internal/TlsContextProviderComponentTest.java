package org.ftpd.tls.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextProviderComponentTest {

    @TempDir
    static Path dir;
    static Path keystore;

    @BeforeAll
    static void makeKeystore() throws Exception {
        keystore = TestKeystores.generate(dir.resolve("server.p12"), "ftpd-test");
    }

    private static Map<String, Object> config(Object... more) {
        Map<String, Object> map = new HashMap<>();
        map.put("keystore.path", keystore.getFileName().toString());
        map.put("keystore.password", TestKeystores.PASSWORD);
        for (int i = 0; i < more.length; i += 2) {
            map.put((String) more[i], more[i + 1]);
        }
        return map;
    }

    static TlsContextProviderComponent provider(Map<String, Object> config) {
        TlsContextProviderComponent provider = new TlsContextProviderComponent(dir, dir.resolve("selfsigned"), 0);
        provider.activate(null, config);
        return provider;
    }

    static SSLEngine client(Path trusted, String... protocols) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(TestKeystores.trusting(trusted));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        SSLEngine engine = context.createSSLEngine("localhost", 2121);
        engine.setUseClientMode(true);
        if (protocols.length > 0) {
            engine.setEnabledProtocols(protocols);
        }
        return engine;
    }

    @Test
    void handshakesWithTls13ByDefaultAndOffersNothingOlderThan12() throws Exception {
        TlsContextProviderComponent provider = provider(config());
        SSLEngine server = provider.newServerEngine();
        assertFalse(server.getUseClientMode());
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, server.getEnabledProtocols());
        assertFalse(server.getNeedClientAuth() || server.getWantClientAuth());
        SSLEngine client = client(keystore);
        Handshake.run(client, server);
        assertEquals("TLSv1.3", client.getSession().getProtocol());
        assertEquals("CN=ftpd-test",
                ((X509Certificate) client.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName());
    }

    @Test
    void protocolsAndCiphersAreConfigurable() throws Exception {
        TlsContextProviderComponent provider = provider(config("protocols", "TLSv1.2",
                "ciphers", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"));
        SSLEngine server = provider.newServerEngine();
        assertArrayEquals(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"}, server.getEnabledCipherSuites());
        SSLEngine client = client(keystore);
        Handshake.run(client, server);
        assertEquals("TLSv1.2", client.getSession().getProtocol());
        assertEquals("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", client.getSession().getCipherSuite());

        SSLEngine only13 = client(keystore, "TLSv1.3");
        assertThrows(SSLException.class, () -> Handshake.run(only13, provider.newServerEngine()));
    }

    @Test
    void clientAuthentication() {
        assertTrue(provider(config("client.auth", "need")).newServerEngine().getNeedClientAuth());
        assertTrue(provider(config("client.auth", "want")).newServerEngine().getWantClientAuth());
        assertTrue(provider(config("client.auth", "need", "truststore.path", keystore.toString(),
                "truststore.password", TestKeystores.PASSWORD)).newServerEngine().getNeedClientAuth());
    }

    @Test
    void invalidConfigurationsNameKeyValueAndReason() throws Exception {
        TlsSettingsParser parser = new TlsSettingsParser(dir);
        List<String> problems = parser.parse(Map.of("keystore.path", "missing.p12", "protocols", "TLSv1.1,TLSv1.3",
                "client.auth", "maybe")).problems().stream().map(Object::toString).toList();
        assertTrue(problems.contains("keystore.path = \"missing.p12\": no readable file at " + dir.resolve("missing.p12")),
                problems::toString);
        assertTrue(problems.contains("keystore.password = \"\": missing"), problems::toString);
        assertTrue(problems.contains("protocols = \"TLSv1.1,TLSv1.3\": TLSv1.1 is not allowed: only TLSv1.3 and TLSv1.2"),
                problems::toString);
        assertTrue(problems.contains("client.auth = \"maybe\": expected none, want or need"), problems::toString);
        assertEquals(4, problems.size(), problems::toString);

        // at first start a bad configuration leaves the default in force: the self-signed certificate
        for (Map<String, Object> bad : List.of(config("keystore.password", "wrong"),
                config("ciphers", "TLS_NO_SUCH_SUITE"), config("keystore.type", "NOPE"), config("protocols", "SSLv3"),
                config("certificate.path", "cert.pem"))) {
            TlsContextProviderComponent provider = provider(bad);
            assertTrue(provider.context() != null, bad::toString);
            assertEquals(SelfSignedCertificate.hostName(), servedCommonName(provider, dir.resolve("selfsigned")
                    .resolve(SelfSignedCertificate.KEYSTORE)), bad::toString);
        }
    }

    /** The CN of the certificate a client sees, trusting {@code trusted} (a keystore). */
    static String servedCommonName(TlsContextProviderComponent provider, Path trusted) throws Exception {
        SSLEngine client = clientTrusting(TestKeystores.trustingAny(trusted));
        Handshake.run(client, provider.newServerEngine());
        return ((X509Certificate) client.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName()
                .substring(3);
    }

    static SSLEngine clientTrusting(KeyStore trust) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        SSLEngine engine = context.createSSLEngine("localhost", 2121);
        engine.setUseClientMode(true);
        return engine;
    }

    @Test
    void wrongPasswordMessageMasksThePassword() {
        TlsSettingsParser.Result r = new TlsSettingsParser(dir).parse(config("keystore.password", "wrong-secret"));
        TlsMaterial.InvalidMaterialException e = assertThrows(TlsMaterial.InvalidMaterialException.class,
                () -> TlsMaterial.load(r.settings()));
        assertEquals("keystore.password = \"****\": wrong password for " + keystore + " (or the file is damaged)",
                e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret"));
    }

    @Test
    void aBadChangeKeepsTheLastGoodMaterial() {
        TlsContextProviderComponent provider = provider(config());
        SSLContext before = provider.context();
        provider.modified(config("keystore.password", "wrong"));
        assertSame(before, provider.context());
        provider.modified(config("protocols", "TLSv1.2"));
        assertNotSame(before, provider.context());
        assertArrayEquals(new String[] {"TLSv1.2"}, provider.newServerEngine().getEnabledProtocols());
    }

    @Test
    void aRenewedKeystoreIsPickedUpWithoutAConfigurationChange() throws Exception {
        Path own = TestKeystores.generate(dir.resolve("renewed.p12"), "first");
        TlsContextProviderComponent provider = provider(config("keystore.path", own.toString()));
        SSLContext before = provider.context();
        // a half-written file is refused and the old material kept
        Files.write(own, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(own, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertSame(before, provider.context());

        TestKeystores.generate(own, "second");
        Files.setLastModifiedTime(own, FileTime.fromMillis(System.currentTimeMillis() + 10000));
        SSLEngine server = provider.newServerEngine();
        assertNotSame(before, provider.context());
        SSLEngine client = client(own);
        Handshake.run(client, server);
        assertEquals("CN=second",
                ((X509Certificate) client.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName());
    }

    @Test
    void keystoreWithoutPrivateKeyIsRefused() throws Exception {
        KeyStore trustOnly = TestKeystores.trusting(keystore);
        Path file = dir.resolve("trust-only.p12");
        try (var out = Files.newOutputStream(file)) {
            trustOnly.store(out, TestKeystores.PASSWORD.toCharArray());
        }
        TlsSettingsParser.Result r = new TlsSettingsParser(dir).parse(config("keystore.path", file.toString()));
        TlsMaterial.InvalidMaterialException e = assertThrows(TlsMaterial.InvalidMaterialException.class,
                () -> TlsMaterial.load(r.settings()));
        assertTrue(e.getMessage().endsWith("holds no private key"), e.getMessage());
    }
}
