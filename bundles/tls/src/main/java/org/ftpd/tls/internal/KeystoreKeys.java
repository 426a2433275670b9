package org.ftpd.tls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.List;

/**
 * A PKCS12 or JKS keystore file with the server's key entry.
 *
 * @param file the keystore (absolute)
 * @param type PKCS12 or JKS
 * @param storePassword its password
 * @param keyPassword the key entry's password
 * @param pathKey the configuration key that named the file, for messages
 */
record KeystoreKeys(Path file, String type, char[] storePassword, char[] keyPassword, String pathKey)
        implements KeySource {

    @Override
    public List<Path> files() {
        return List.of(file);
    }

    @Override
    public Loaded load() throws TlsMaterial.InvalidMaterialException {
        KeyStore store = read(pathKey, file, type, storePassword);
        requirePrivateKey(store);
        return new Loaded(store, keyPassword);
    }

    /** Loads a keystore or truststore; {@code key} is the configuration key naming it. */
    static KeyStore read(String key, Path file, String type, char[] password)
            throws TlsMaterial.InvalidMaterialException {
        boolean trust = key.startsWith("trust");
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (GeneralSecurityException e) {
            String typeKey = trust ? TlsSettingsParser.TRUSTSTORE_TYPE : TlsSettingsParser.KEYSTORE_TYPE;
            throw new TlsMaterial.InvalidMaterialException(typeKey, type, "unknown keystore type", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                String passwordKey = trust ? TlsSettingsParser.TRUSTSTORE_PASSWORD : TlsSettingsParser.KEYSTORE_PASSWORD;
                throw new TlsMaterial.InvalidMaterialException(passwordKey, "", "wrong password for " + file
                        + " (or the file is damaged)", e);
            }
            throw new TlsMaterial.InvalidMaterialException(key, file.toString(), "cannot read it as " + type + ": "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new TlsMaterial.InvalidMaterialException(key, file.toString(), "cannot read it as " + type + ": "
                    + e, e);
        }
    }

    private void requirePrivateKey(KeyStore store) throws TlsMaterial.InvalidMaterialException {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return;
                }
            }
        } catch (GeneralSecurityException e) {
            // fall through to the message below
        }
        throw new TlsMaterial.InvalidMaterialException(pathKey, file.toString(), "holds no private key", null);
    }

    @Override
    public String toString() {
        return "keystore=" + file + " (" + type + ")";
    }
}
