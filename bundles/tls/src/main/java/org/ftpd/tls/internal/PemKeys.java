package org.ftpd.tls.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A PEM certificate chain and a PEM PKCS#8 private key (RSA, EC or EdDSA; plain, or encrypted with
 * {@code key.password}), read with the JDK alone. The certificate whose public key matches the private key
 * becomes the head of the chain; the others follow in file order.
 *
 * @param certificate the chain file (absolute)
 * @param privateKey the key file (absolute)
 * @param keyPassword the password of an encrypted key, or null
 */
record PemKeys(Path certificate, Path privateKey, char[] keyPassword) implements KeySource {

    private static final String ALIAS = "ftpd";
    private static final String PLAIN_KEY = "PRIVATE KEY";
    private static final String ENCRYPTED_KEY = "ENCRYPTED PRIVATE KEY";

    @Override
    public List<Path> files() {
        return List.of(certificate, privateKey);
    }

    @Override
    public Loaded load() throws TlsMaterial.InvalidMaterialException {
        List<X509Certificate> chain = certificates();
        Set<String> algorithms = new LinkedHashSet<>();
        chain.forEach(c -> algorithms.add(c.getPublicKey().getAlgorithm()));
        algorithms.addAll(List.of("RSA", "EC", "EdDSA"));
        PrivateKey key = privateKey(algorithms);
        List<X509Certificate> ordered = leafFirst(chain, key);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            // the in-memory store needs some password; it never leaves this object
            char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
            store.setKeyEntry(ALIAS, key, password, ordered.toArray(Certificate[]::new));
            return new Loaded(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsMaterial.InvalidMaterialException(TlsSettingsParser.CERTIFICATE_PATH, certificate.toString(),
                    "the certificates do not form a chain from the key's certificate (each one issued by the next): "
                    + e.getMessage(), e);
        }
    }

    private List<X509Certificate> certificates() throws TlsMaterial.InvalidMaterialException {
        String key = TlsSettingsParser.CERTIFICATE_PATH;
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemBlocks.Block block : PemBlocks.read(certificate)) {
                if (block.label().equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (IOException e) {
            throw new TlsMaterial.InvalidMaterialException(key, certificate.toString(), "cannot read it: " + e, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TlsMaterial.InvalidMaterialException(key, certificate.toString(),
                    "not a valid PEM certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new TlsMaterial.InvalidMaterialException(key, certificate.toString(),
                    "holds no -----BEGIN CERTIFICATE----- block", null);
        }
        return chain;
    }

    private PrivateKey privateKey(Set<String> algorithms) throws TlsMaterial.InvalidMaterialException {
        String key = TlsSettingsParser.PRIVATE_KEY_PATH;
        List<PemBlocks.Block> blocks;
        try {
            blocks = PemBlocks.read(privateKey);
        } catch (IOException e) {
            throw new TlsMaterial.InvalidMaterialException(key, privateKey.toString(), "cannot read it: " + e, e);
        } catch (IllegalArgumentException e) {
            throw new TlsMaterial.InvalidMaterialException(key, privateKey.toString(), e.getMessage(), e);
        }
        for (PemBlocks.Block block : blocks) {
            switch (block.label()) {
                case PLAIN_KEY:
                    return decode(algorithms, new PKCS8EncodedKeySpec(block.der()));
                case ENCRYPTED_KEY:
                    return decode(algorithms, decrypt(block.der()));
                case "RSA PRIVATE KEY":
                case "EC PRIVATE KEY":
                    throw new TlsMaterial.InvalidMaterialException(key, privateKey.toString(), "holds a "
                            + block.label() + " (PKCS#1/SEC1); convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt "
                            + "-in " + privateKey.getFileName() + " -out key.pem", null);
                default:
                    // certificates or parameters in the same file
            }
        }
        throw new TlsMaterial.InvalidMaterialException(key, privateKey.toString(),
                "holds no -----BEGIN PRIVATE KEY----- block", null);
    }

    private PKCS8EncodedKeySpec decrypt(byte[] der) throws TlsMaterial.InvalidMaterialException {
        if (keyPassword == null || keyPassword.length == 0) {
            throw new TlsMaterial.InvalidMaterialException(TlsSettingsParser.KEY_PASSWORD, "",
                    "missing: " + privateKey + " is encrypted", null);
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            AlgorithmParameters parameters = info.getAlgParameters();
            // PBES2 names its real algorithm (e.g. PBEWithHmacSHA256AndAES_256) only in its parameters
            String algorithm = parameters != null && info.getAlgName().equals("PBES2") ? parameters.toString()
                    : info.getAlgName();
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE,
                    SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(keyPassword)), parameters);
            return info.getKeySpec(cipher);
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsMaterial.InvalidMaterialException(TlsSettingsParser.KEY_PASSWORD, "",
                    "cannot decrypt " + privateKey + " (wrong password or unsupported encryption): " + e.getMessage(),
                    e);
        }
    }

    /** The key, read by the first key factory that understands it (those of the certificates first). */
    private PrivateKey decode(Set<String> algorithms, PKCS8EncodedKeySpec spec)
            throws TlsMaterial.InvalidMaterialException {
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this algorithm
            }
        }
        throw new TlsMaterial.InvalidMaterialException(TlsSettingsParser.PRIVATE_KEY_PATH, privateKey.toString(),
                "not a PKCS#8 key of a known algorithm (" + String.join(", ", algorithms) + ")", null);
    }

    /** The chain with the certificate of {@code key} first. */
    private List<X509Certificate> leafFirst(List<X509Certificate> chain, PrivateKey key)
            throws TlsMaterial.InvalidMaterialException {
        for (X509Certificate candidate : chain) {
            if (belongsTo(candidate, key)) {
                List<X509Certificate> ordered = new ArrayList<>(chain);
                ordered.remove(candidate);
                ordered.add(0, candidate);
                return ordered;
            }
        }
        throw new TlsMaterial.InvalidMaterialException(TlsSettingsParser.PRIVATE_KEY_PATH, privateKey.toString(),
                "does not belong to any certificate in " + certificate, null);
    }

    /** Whether the private key signs what the certificate's public key verifies. */
    private static boolean belongsTo(X509Certificate certificate, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
        if (algorithm == null) {
            // an algorithm we cannot test: trust the file's order
            return certificate.getPublicKey().getAlgorithm().equals(key.getAlgorithm());
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "certificate=" + certificate + ", private.key=" + privateKey;
    }
}
