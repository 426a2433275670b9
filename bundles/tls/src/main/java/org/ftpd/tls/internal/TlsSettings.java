package org.ftpd.tls.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated {@code org.ftpd.tls} configuration.
 *
 * @param keys where the private key and certificate chain come from; {@code null} when none is configured (the
 *        provider then uses its self-signed certificate)
 * @param protocols the enabled protocols, from {@code TLSv1.3, TLSv1.2}
 * @param ciphers the enabled cipher suites, empty for the JDK's defaults
 * @param clientAuth whether client certificates are asked for
 * @param truststore the truststore file, or {@code null} for the JDK's
 * @param truststorePassword its password, or {@code null}
 * @param truststoreType its type
 */
record TlsSettings(KeySource keys, List<String> protocols, List<String> ciphers, ClientAuth clientAuth,
        Path truststore, char[] truststorePassword, String truststoreType) {

    /** Client certificate policy. */
    enum ClientAuth {
        NONE, WANT, NEED
    }

    /** The same settings with other key material. */
    TlsSettings withKeys(KeySource value) {
        return new TlsSettings(value, protocols, ciphers, clientAuth, truststore, truststorePassword, truststoreType);
    }

    @Override
    public String toString() {
        // never print passwords
        return "TlsSettings[" + (keys == null ? "no key material" : keys) + ", protocols=" + protocols + ", ciphers="
                + (ciphers.isEmpty() ? "JDK defaults" : ciphers) + ", client.auth=" + clientAuth
                + (truststore == null ? "" : ", truststore=" + truststore) + "]";
    }
}
