package org.ftpd.tls.internal;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

/** Where the server's private key and certificate chain come from: a keystore file or PEM files. */
sealed interface KeySource permits KeystoreKeys, PemKeys {

    /** A key store holding the key entry, and the password that unlocks the key. */
    record Loaded(KeyStore store, char[] keyPassword) {
    }

    /** The files read, whose changes trigger a reload. */
    List<Path> files();

    /** Reads the files. */
    Loaded load() throws TlsMaterial.InvalidMaterialException;
}
