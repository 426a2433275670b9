package org.ftpd.tls.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated {@code org.ftpd.tls} configuration.
 *
 * @param keystore the keystore file (absolute)
 * @param keystorePassword its password
 * @param keystoreType its type
 * @param keyPassword the private key's password
 * @param protocols the enabled protocols, from {@code TLSv1.3, TLSv1.2}
 * @param ciphers the enabled cipher suites, empty for the JDK's defaults
 * @param clientAuth whether client certificates are asked for
 * @param truststore the truststore file, or {@code null} for the JDK's
 * @param truststorePassword its password, or {@code null}
 * @param truststoreType its type
 */
record TlsSettings(Path keystore, char[] keystorePassword, String keystoreType, char[] keyPassword,
        List<String> protocols, List<String> ciphers, ClientAuth clientAuth, Path truststore,
        char[] truststorePassword, String truststoreType) {

    /** Client certificate policy. */
    enum ClientAuth {
        NONE, WANT, NEED
    }

    @Override
    public String toString() {
        // never print passwords
        return "TlsSettings[keystore=" + keystore + " (" + keystoreType + "), protocols=" + protocols + ", ciphers="
                + (ciphers.isEmpty() ? "JDK defaults" : ciphers) + ", client.auth=" + clientAuth
                + (truststore == null ? "" : ", truststore=" + truststore) + "]";
    }
}
