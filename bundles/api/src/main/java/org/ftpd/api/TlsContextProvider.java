package org.ftpd.api;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Hands out TLS engines for the control and data channels from the current key material. Implementations
 * re-read their key material when their configuration or key files change; engines already handed out keep
 * the material they were made with.
 */
@ProviderType
public interface TlsContextProvider {

    /** The current context. */
    SSLContext context();

    /** A new server-side engine with the configured protocols, cipher suites and client authentication. */
    SSLEngine newServerEngine();
}
