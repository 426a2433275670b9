package org.ftpd.tls.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.AlgorithmParameters;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PEM certificate chains and PKCS#8 keys (made at test time from keytool keystores, never committed). */
class PemKeysTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        for (String algorithm : List.of("EC", "RSA")) {
            Path keystore = TestKeystores.generate(dir.resolve(algorithm + ".p12"), "pem-" + algorithm, algorithm);
            TestKeystores.exportPem(keystore, dir.resolve(algorithm + "-cert.pem"), dir.resolve(algorithm + "-key.pem"));
        }
    }

    private static TlsContextProviderComponent provider(Object... pairs) {
        Map<String, Object> config = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        TlsContextProviderComponent provider = new TlsContextProviderComponent(dir, dir.resolve("selfsigned"), 0);
        provider.activate(null, config);
        return provider;
    }

    private static String served(TlsContextProviderComponent provider, String trustedAlgorithm) throws Exception {
        return TlsContextProviderComponentTest.servedCommonName(provider, dir.resolve(trustedAlgorithm + ".p12"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC", "RSA"})
    void servesAPemPair(String algorithm) throws Exception {
        TlsContextProviderComponent provider = provider("certificate.path", algorithm + "-cert.pem",
                "private.key.path", algorithm + "-key.pem");
        assertEquals("pem-" + algorithm, served(provider, algorithm));
    }

    @Test
    void theKeysCertificateLeadsTheChainWhateverTheFileOrder() throws Exception {
        List<String> pems = TestKeystores.issuedByCa(dir, "leaf");
        // the CA first, as a misordered bundle has it; text around the blocks is ignored
        Path chain = dir.resolve("chain.pem");
        Files.writeString(chain, "subject=CN = leaf-ca\n" + pems.get(1) + "\nsubject=CN = leaf\n" + pems.get(0));
        Path key = dir.resolve("leaf-key.pem");
        Files.writeString(key, TestKeystores.pem("PRIVATE KEY", TestKeystores.privateKey(dir.resolve("leaf.p12"))
                .getEncoded()));
        KeySource.Loaded loaded = new PemKeys(chain, key, null).load();
        var certificates = loaded.store().getCertificateChain("ftpd");
        assertEquals(2, certificates.length);
        assertEquals("CN=leaf", ((X509Certificate) certificates[0]).getSubjectX500Principal().getName());
        assertEquals("CN=leaf-ca", ((X509Certificate) certificates[1]).getSubjectX500Principal().getName());

        // a certificate that does not chain is reported as such
        Files.writeString(chain, pems.get(0) + TestKeystores.pem("CERTIFICATE",
                TestKeystores.certificate(dir.resolve("RSA.p12")).getEncoded()));
        TlsMaterial.InvalidMaterialException broken = assertThrows(TlsMaterial.InvalidMaterialException.class,
                () -> new PemKeys(chain, key, null).load());
        assertTrue(broken.getMessage().startsWith("certificate.path = \"" + chain + "\": the certificates do not form "
                + "a chain"), broken.getMessage());
    }

    @Test
    void anEncryptedPkcs8KeyIsReadWithKeyPassword() throws Exception {
        PrivateKey key = TestKeystores.privateKey(dir.resolve("EC.p12"));
        Path encrypted = dir.resolve("EC-key-encrypted.pem");
        Files.writeString(encrypted, TestKeystores.pem("ENCRYPTED PRIVATE KEY", encrypt(key.getEncoded(), "s3cret")));
        TlsContextProviderComponent provider = provider("certificate.path", "EC-cert.pem",
                "private.key.path", encrypted.toString(), "key.password", "s3cret");
        assertEquals("pem-EC", served(provider, "EC"));

        TlsSettingsParser parser = new TlsSettingsParser(dir);
        TlsMaterial.InvalidMaterialException wrong = assertThrows(TlsMaterial.InvalidMaterialException.class,
                () -> TlsMaterial.load(parser.parse(Map.of("certificate.path", "EC-cert.pem",
                        "private.key.path", encrypted.toString(), "key.password", "nope")).settings()));
        assertTrue(wrong.getMessage().startsWith("key.password = \"****\": cannot decrypt"), wrong.getMessage());
        assertTrue(!wrong.getMessage().contains("nope"));
        TlsMaterial.InvalidMaterialException missing = assertThrows(TlsMaterial.InvalidMaterialException.class,
                () -> TlsMaterial.load(parser.parse(Map.of("certificate.path", "EC-cert.pem",
                        "private.key.path", encrypted.toString())).settings()));
        assertEquals("key.password = \"****\": missing: " + encrypted + " is encrypted", missing.getMessage());
    }

    @Test
    void anOpensslEncryptedKeyIsRead() throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        Assumptions.assumeTrue(Files.isExecutable(openssl), "openssl is not installed");
        Path out = dir.resolve("RSA-key-openssl.pem");
        Process p = new ProcessBuilder(openssl.toString(), "pkcs8", "-topk8", "-in", dir.resolve("RSA-key.pem").toString(),
                "-passout", "pass:changeit", "-out", out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
        assertTrue(Files.readString(out).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        TlsContextProviderComponent provider = provider("certificate.path", "RSA-cert.pem",
                "private.key.path", out.toString(), "key.password", "changeit");
        assertEquals("pem-RSA", served(provider, "RSA"));
    }

    /** PKCS#8 encryption as openssl does it by default: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC. */
    private static byte[] encrypt(byte[] pkcs8, String password) throws Exception {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(iv);
        PBEParameterSpec spec = new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv));
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE,
                SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray())), spec);
        byte[] encrypted = cipher.doFinal(pkcs8);
        // named PBES2 so that this JDK finds the algorithm's OID
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("PBES2");
        parameters.init(cipher.getParameters().getEncoded());
        return new EncryptedPrivateKeyInfo(parameters, encrypted).getEncoded();
    }

    @Test
    void unusableKeyFilesAreNamedWithTheReason() throws Exception {
        TlsSettingsParser parser = new TlsSettingsParser(dir);
        Path pkcs1 = dir.resolve("pkcs1.pem");
        Files.writeString(pkcs1, TestKeystores.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        Path legacy = dir.resolve("legacy.pem");
        Files.writeString(legacy, "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\n"
                + "AAAA\n-----END RSA PRIVATE KEY-----\n");
        Map<String, String> expected = Map.of(
                "pkcs1.pem", "holds a RSA PRIVATE KEY (PKCS#1/SEC1); convert it to PKCS#8",
                "legacy.pem", "headers (legacy OpenSSL encryption)",
                "EC-cert.pem", "holds no -----BEGIN PRIVATE KEY----- block",
                "RSA-key.pem", "does not belong to any certificate in " + dir.resolve("EC-cert.pem"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            TlsMaterial.InvalidMaterialException error = assertThrows(TlsMaterial.InvalidMaterialException.class,
                    () -> TlsMaterial.load(parser.parse(Map.of("certificate.path", "EC-cert.pem",
                            "private.key.path", e.getKey())).settings()));
            assertTrue(error.getMessage().startsWith("private.key.path = \"" + dir.resolve(e.getKey()) + "\": "),
                    error.getMessage());
            assertTrue(error.getMessage().contains(e.getValue()), error.getMessage());
        }
        // a key of the right type but another certificate
        Path otherEc = TestKeystores.generate(dir.resolve("other.p12"), "other");
        Files.writeString(dir.resolve("other-key.pem"), TestKeystores.pem("PRIVATE KEY",
                TestKeystores.privateKey(otherEc).getEncoded()));
        TlsMaterial.InvalidMaterialException mismatch = assertThrows(TlsMaterial.InvalidMaterialException.class,
                () -> TlsMaterial.load(parser.parse(Map.of("certificate.path", "EC-cert.pem",
                        "private.key.path", "other-key.pem")).settings()));
        assertTrue(mismatch.getMessage().endsWith("does not belong to any certificate in " + dir.resolve("EC-cert.pem")),
                mismatch.getMessage());
        TlsMaterial.InvalidMaterialException noCertificate = assertThrows(TlsMaterial.InvalidMaterialException.class,
                () -> TlsMaterial.load(parser.parse(Map.of("certificate.path", "EC-key.pem",
                        "private.key.path", "EC-key.pem")).settings()));
        assertEquals("certificate.path = \"" + dir.resolve("EC-key.pem")
                + "\": holds no -----BEGIN CERTIFICATE----- block", noCertificate.getMessage());

        List<String> problems = parser.parse(Map.of("keystore.path", "EC.p12", "keystore.password", "x",
                "certificate.path", "EC-cert.pem")).problems().stream().map(Object::toString).toList();
        assertEquals(List.of("keystore.path = \"EC.p12\": set either keystore.path or certificate.path and "
                + "private.key.path, not both"), problems);
        problems = parser.parse(Map.of("certificate.path", "EC-cert.pem")).problems().stream()
                .map(Object::toString).toList();
        assertEquals(List.of("private.key.path = \"\": missing"), problems);
    }

    @Test
    void replacedPemFilesArePickedUp() throws Exception {
        Path cert = dir.resolve("live-cert.pem");
        Path key = dir.resolve("live-key.pem");
        TestKeystores.exportPem(dir.resolve("EC.p12"), cert, key);
        TlsContextProviderComponent provider = provider("certificate.path", cert.toString(), "private.key.path",
                key.toString());
        SSLEngine before = provider.newServerEngine();
        assertEquals("pem-EC", served(provider, "EC"));
        TestKeystores.exportPem(dir.resolve("RSA.p12"), cert, key);
        Files.setLastModifiedTime(cert, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        Files.setLastModifiedTime(key, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertEquals("pem-RSA", served(provider, "RSA"));
        // an engine handed out before keeps its material
        SSLEngine client = TlsContextProviderComponentTest.clientTrusting(TestKeystores.trustingAny(dir.resolve("EC.p12")));
        Handshake.run(client, before);
        assertEquals("CN=pem-EC", ((X509Certificate) client.getSession().getPeerCertificates()[0])
                .getSubjectX500Principal().getName());
    }
}
